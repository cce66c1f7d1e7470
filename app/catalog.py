"""The gathering templates in sessions/: YAML files an organiser picks from."""

import re
from pathlib import Path

import yaml

from app.errors import SamlaError
from app.rules import normalise_definition

STEM = re.compile(r"^[a-z0-9][a-z0-9_-]{0,100}$")


def list_templates(folder):
    """[{stem, title, date, place}] of every valid template, by file name."""
    result = []
    for path in sorted(Path(folder).glob("*.yaml")):
        definition = load_template(folder, path.stem)
        result.append(
            {
                "stem": path.stem,
                "title": definition["title"],
                "date": definition["date"],
                "place": definition["place"],
                "language": definition["language"],
            }
        )
    return result


def load_template(folder, stem):
    """The checked definition in `folder/<stem>.yaml`."""
    if not isinstance(stem, str) or not STEM.match(stem):
        raise SamlaError("unknown_template")
    path = Path(folder) / f"{stem}.yaml"
    if not path.is_file():
        raise SamlaError("unknown_template")
    with path.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    return normalise_definition(raw)
