"""Actions without any server: joining, submitting once, states and moderation."""

import pytest

from app import actions, store
from app.errors import SamlaError
from app.rules import normalise_definition
from app.store import Store


@pytest.fixture
def db_store(tmp_path):
    s = Store(tmp_path / "samla.db")
    yield s
    s.close()


@pytest.fixture
def gathering_id(db_store):
    definition = normalise_definition(
        {
            "title": "Samling",
            "tables": 2,
            "activities": [
                {"kind": "words", "prompt": "?", "words_per_participant": 1},
                {"kind": "statements", "prompt": "?", "per_table": 2},
            ],
        }
    )
    return actions.create_gathering(db_store, definition)


def activity_ids(db_store, gathering_id):
    with db_store.read() as db:
        return [a["id"] for a in store.activities.list_activities(db, gathering_id)]


def code_of(db_store, gathering_id):
    with db_store.read() as db:
        return store.gatherings.get_gathering(db, gathering_id)["code"]


def test_joining_needs_a_real_code_and_table(db_store, gathering_id):
    code = code_of(db_store, gathering_id)
    joined = actions.join(db_store, code, 2)
    assert joined["gathering_id"] == gathering_id and joined["table"] == 2
    for bad_code, table, error in (
        ("000000x", 1, "unknown_code"),
        (code, 3, "unknown_table"),
        (code, "to", "bad_request"),
        (None, 1, "bad_request"),
    ):
        with pytest.raises(SamlaError) as caught:
            actions.join(db_store, bad_code, table)
        assert caught.value.code == error


def test_a_submission_is_stored_once_and_reports_what_remains(db_store, gathering_id):
    words, _ = activity_ids(db_store, gathering_id)
    actions.set_activity_state(db_store, gathering_id, words, "open")
    token = actions.join(db_store, code_of(db_store, gathering_id), 1)["participant_token"]
    payload = {"activity_id": words, "text": "Behagelig", "client_id": "a"}
    answer, entry, _ = actions.submit(db_store, token, payload)
    assert answer["remaining"] == 0 and entry["text"] == "Behagelig"
    again, none, _ = actions.submit(db_store, token, payload)
    assert again["duplicate"] is True and again["id"] == answer["id"] and none is None
    with pytest.raises(SamlaError) as caught:
        actions.submit(db_store, token, {**payload, "client_id": "b"})
    assert caught.value.code == "too_many_words"


def test_refused_submissions_store_nothing(db_store, gathering_id):
    words, statements = activity_ids(db_store, gathering_id)
    token = actions.join(db_store, code_of(db_store, gathering_id), 1)["participant_token"]
    with pytest.raises(SamlaError):
        actions.submit(db_store, token, {"activity_id": words, "text": "x", "client_id": "1"})
    actions.set_activity_state(db_store, gathering_id, statements, "open")
    with pytest.raises(SamlaError):
        actions.submit(db_store, token, {"activity_id": statements, "text": " ", "client_id": "2"})
    with pytest.raises(SamlaError) as caught:
        actions.submit(
            db_store, "stranger", {"activity_id": statements, "text": "x", "client_id": "3"}
        )
    assert caught.value.code == "unknown_participant"
    with db_store.read() as db:
        assert (
            store.entries.count_entries(db, words)
            == store.entries.count_entries(db, statements)
            == 0
        )


def test_state_changes_are_checked_and_stored(db_store, gathering_id):
    words, _ = activity_ids(db_store, gathering_id)
    opened = actions.set_activity_state(db_store, gathering_id, words, "open")
    assert opened["state"] == "open" and opened["opened_at"]
    for gathering, state, error in (
        (gathering_id, "paused", "bad_request"),
        (gathering_id + 1, "open", "wrong_gathering"),
    ):
        with pytest.raises(SamlaError) as caught:
            actions.set_activity_state(db_store, gathering, words, state)
        assert caught.value.code == error


def test_highlighting_one_entry_unhighlights_the_previous(db_store, gathering_id):
    _, statements = activity_ids(db_store, gathering_id)
    actions.set_activity_state(db_store, gathering_id, statements, "open")
    token = actions.join(db_store, code_of(db_store, gathering_id), 1)["participant_token"]
    first = actions.submit(
        db_store, token, {"activity_id": statements, "text": "a", "client_id": "1"}
    )[0]["id"]
    second = actions.submit(
        db_store, token, {"activity_id": statements, "text": "b", "client_id": "2"}
    )[0]["id"]
    entry, _ = actions.moderate_entry(db_store, first, {"highlighted": True})
    assert entry["highlighted"] is True
    entry, previous = actions.moderate_entry(db_store, second, {"highlighted": True})
    assert entry["highlighted"] is True
    assert previous["id"] == first and previous["highlighted"] is False


def test_the_screen_shows_an_activity_of_its_own_gathering_or_the_join_screen(
    db_store, gathering_id
):
    words, _ = activity_ids(db_store, gathering_id)
    assert actions.set_screen(db_store, gathering_id, words)["activity_id"] == words
    assert actions.set_screen(db_store, gathering_id, None)["activity_id"] is None
    with pytest.raises(SamlaError):
        actions.set_screen(db_store, gathering_id, 9999)
