"""The gathering templates in sessions/: YAML files an organiser picks from."""

import re
from pathlib import Path

import yaml

from app.errors import SamlaError
from app.rules import check_strings, normalise_definition

STEM = re.compile(r"^[a-z0-9][a-z0-9_-]{0,100}$")


def list_templates(folder):
    """[{stem, title, date, place, language}] of every template, by file name; one that
    cannot be read or checked is listed as {stem, broken: true, error, detail}, so that
    one bad file neither hides the others nor breaks the console."""
    result = []
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            definition = load_template(folder, path.stem)
        except SamlaError as error:
            detail = str(error.params.get("detail", ""))
            result.append(
                {"stem": path.stem, "broken": True, "error": error.code, "detail": detail}
            )
            continue
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
    try:
        with path.open(encoding="utf-8") as handle:
            raw = yaml.safe_load(handle)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as error:
        raise SamlaError("invalid_definition", detail=type(error).__name__) from error
    # YAML's own types (dates) become text here; every string is checked like any input.
    definition = normalise_definition(raw)
    check_strings(definition)
    return definition
