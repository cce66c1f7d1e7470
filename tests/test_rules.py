"""The pure rules: definitions, submitted text, quotas and states."""

import pytest

from app import rules as gatherings
from app.errors import SamlaError


def definition(**overrides):
    raw = {"title": "Samling", "tables": 2, "activities": [{"kind": "words", "prompt": "Ett ord"}]}
    raw.update(overrides)
    return raw


def refused(code, call, *args):
    with pytest.raises(SamlaError) as caught:
        call(*args)
    assert caught.value.code == code
    return caught.value


def test_a_table_count_becomes_numbered_tables():
    tables = gatherings.normalise_definition(definition(tables=3))["tables"]
    assert tables == [
        {"number": n, "label": f"Bord {n}", "network": None, "municipality": None}
        for n in (1, 2, 3)
    ]


def test_tables_can_be_listed_with_labels_and_networks():
    tables = gatherings.normalise_definition(
        definition(
            tables=[
                {"number": 2, "label": "Hamar", "network": "Region Hamar", "municipality": "Hamar"},
                {"number": 1},
            ]
        )
    )["tables"]
    assert tables == [
        {"number": 1, "label": "Bord 1", "network": None, "municipality": None},
        {"number": 2, "label": "Hamar", "network": "Region Hamar", "municipality": "Hamar"},
    ]


@pytest.mark.parametrize(
    "tables", [0, -1, "12", [], [{"number": 1}, {"number": 1}], [{"label": "x"}], True]
)
def test_bad_tables_are_refused(tables):
    refused("invalid_definition", gatherings.normalise_definition, definition(tables=tables))


@pytest.mark.parametrize("missing", ["title", "tables", "activities"])
def test_required_keys_are_required(missing):
    raw = definition()
    del raw[missing]
    refused("invalid_definition", gatherings.normalise_definition, raw)


def test_defaults_fill_in_language_and_quotas():
    result = gatherings.normalise_definition(
        definition(
            activities=[{"kind": "words", "prompt": "?"}, {"kind": "statements", "prompt": "?"}]
        )
    )
    assert result["language"] == "nb"
    assert result["activities"][0]["options"] == {"words_per_participant": 1}
    assert result["activities"][1]["options"] == {"per_table": None}


@pytest.mark.parametrize(
    "activity",
    [
        {"kind": "poll", "prompt": "?"},
        {"kind": "words"},
        {"kind": "words", "prompt": "?", "words_per_participant": 0},
        {"kind": "statements", "prompt": "?", "per_table": "3"},
        "words",
    ],
)
def test_bad_activities_are_refused(activity):
    refused(
        "invalid_definition", gatherings.normalise_definition, definition(activities=[activity])
    )


def test_an_unknown_language_is_refused():
    refused("invalid_definition", gatherings.normalise_definition, definition(language="sv"))


@pytest.mark.parametrize(
    "text,code",
    [
        ("", "empty_text"),
        ("  \n ", "empty_text"),
        ("a" * 81, "text_too_long"),
        ("nul\x00", "bad_characters"),
        ("bell\x07", "bad_characters"),
        (7, "bad_request"),
    ],
)
def test_bad_text_is_refused(text, code):
    refused(code, gatherings.check_text, text, 80)


def test_text_with_newlines_tabs_and_markup_is_accepted():
    gatherings.check_text("<b>linje 1</b>\n\tlinje 2", 80)


def test_text_is_refused_for_exactly_the_characters_that_cannot_be_stored():
    """check_characters uses one compiled class; it refuses what is_storable refuses, for
    every code point."""
    for point in range(0x110000):
        char = chr(point)
        assert (gatherings.UNSTORABLE.search(char) is None) == gatherings.is_storable(char), point


def activity(kind="words", state="open", **options):
    defaults = {"words": {"words_per_participant": 1}, "statements": {"per_table": 3}}[kind]
    return {
        "id": 1,
        "gathering_id": 1,
        "kind": kind,
        "state": state,
        "options": {**defaults, **options},
    }


PARTICIPANT = {"token": "t", "gathering_id": 1, "table_number": 1}


def test_a_closed_activity_takes_nothing():
    refused(
        "activity_closed",
        gatherings.check_submission,
        activity(state="closed"),
        PARTICIPANT,
        "ord",
        0,
        0,
    )


def test_another_gatherings_activity_takes_nothing():
    other = {**activity(), "gathering_id": 2}
    refused("wrong_gathering", gatherings.check_submission, other, PARTICIPANT, "ord", 0, 0)


def test_words_per_participant_is_a_limit():
    gatherings.check_submission(activity(words_per_participant=2), PARTICIPANT, "ord", 1, 5)
    error = refused(
        "too_many_words",
        gatherings.check_submission,
        activity(words_per_participant=2),
        PARTICIPANT,
        "ord",
        2,
        2,
    )
    assert error.params == {"limit": 2}


def test_a_tables_statement_quota_counts_the_whole_table():
    gatherings.check_submission(activity("statements"), PARTICIPANT, "utsagn", 0, 2)
    refused(
        "quota_used",
        gatherings.check_submission,
        activity("statements"),
        PARTICIPANT,
        "utsagn",
        0,
        3,
    )


def test_statements_without_a_quota_have_no_limit_and_no_remaining():
    unlimited = activity("statements", per_table=None)
    gatherings.check_submission(unlimited, PARTICIPANT, "utsagn", 50, 500)
    assert gatherings.remaining(unlimited, 50, 500) is None


def test_remaining_follows_the_kind():
    assert gatherings.remaining(activity(words_per_participant=3), 1, 9) == 2
    assert gatherings.remaining(activity("statements"), 0, 1) == 2


def test_a_statement_may_be_long_but_not_endless():
    gatherings.check_submission(activity("statements"), PARTICIPANT, "x" * 1000, 0, 0)
    refused(
        "text_too_long",
        gatherings.check_submission,
        activity("statements"),
        PARTICIPANT,
        "x" * 2001,
        0,
        0,
    )


def test_states_are_open_or_closed():
    gatherings.check_state("open")
    refused("bad_request", gatherings.check_state, "revealed")


def test_join_codes_are_six_digits():
    code = gatherings.new_code()
    assert len(code) == 6 and code.isdigit()
