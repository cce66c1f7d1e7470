"""The gathering templates: YAML files an organiser picks from, in one folder or several
(the organiser's own, then the shipped sessions/; the first of a name wins)."""

import re
from pathlib import Path

import yaml

from app.errors import SamlaError
from app.rules import check_strings, normalise_definition

STEM = re.compile(r"^[a-z0-9][a-z0-9_-]{0,100}$")


def as_folders(folders):
    """One folder or a list of them, as a list of paths."""
    if isinstance(folders, str | Path):
        return [Path(folders)]
    return [Path(folder) for folder in folders]


def find_template(folders, stem):
    """The path of template `stem` in the first folder that has it, else None."""
    for folder in as_folders(folders):
        path = folder / f"{stem}.yaml"
        if path.is_file():
            return path
    return None


def list_templates(folders):
    """[{stem, title, date, place, language}] of every template, by file name; one that
    cannot be read or checked is listed as {stem, broken: true, error, detail}, so that
    one bad file neither hides the others nor breaks the console."""
    stems = {path.stem for folder in as_folders(folders) for path in folder.glob("*.yaml")}
    result = []
    for stem in sorted(stems):
        try:
            definition = load_template(folders, stem)
        except SamlaError as error:
            detail = str(error.params.get("detail", ""))
            result.append({"stem": stem, "broken": True, "error": error.code, "detail": detail})
            continue
        result.append(
            {
                "stem": stem,
                "title": definition["title"],
                "date": definition["date"],
                "place": definition["place"],
                "language": definition["language"],
            }
        )
    return result


def load_template(folders, stem):
    """The checked definition in `<folder>/<stem>.yaml`."""
    if not isinstance(stem, str) or not STEM.match(stem):
        raise SamlaError("unknown_template")
    path = find_template(folders, stem)
    if path is None:
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
