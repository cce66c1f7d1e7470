"""The templates in sessions/ load and describe the seed gatherings."""

from pathlib import Path

import pytest

from app import catalog
from app.errors import SamlaError

SESSIONS = Path(__file__).resolve().parent.parent / "sessions"


def test_every_template_is_a_valid_definition():
    templates = catalog.list_templates(SESSIONS)
    assert templates, "sessions/ holds no templates"
    for template in templates:
        assert catalog.load_template(SESSIONS, template["stem"])["activities"]


def test_the_innlandet_gathering_is_a_template():
    definition = catalog.load_template(SESSIONS, "innlandet-ledersamling-2020")
    assert definition["date"] == "2020-02-03"
    assert len(definition["tables"]) == 12
    words, statements = definition["activities"][:2]
    assert words["prompt"] == "Hvordan er stemningen ved bordet? Beskriv med ett ord."
    assert words["options"] == {"words_per_participant": 1}
    assert statements["options"] == {"per_table": 3}
    assert statements["prompt"].endswith("(3 utsagn pr bord)")


@pytest.mark.parametrize("stem", ["../etc/passwd", "missing", "", None, "A B"])
def test_unknown_or_unsafe_template_names_are_refused(stem):
    with pytest.raises(SamlaError) as caught:
        catalog.load_template(SESSIONS, stem)
    assert caught.value.code == "unknown_template"
