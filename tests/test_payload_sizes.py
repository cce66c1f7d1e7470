"""What a screen's update and a phone's state weigh on a whole day's national gathering
(200 tables, 2,000 words, 600 statements voted on twice, 500 questions): what changed, or
the top of a vote's results, never every item's text again; a phone's state carries the
content of the open activities only, and a vote's items are fetched once, not sent in it."""

import contextlib
import json

import pytest

from app import actions, create_app, store, views
from app.kinds import priorities, questions
from app.realtime import broadcasts, snapshots
from bench import whole_day

UPDATE_LIMIT = 20_000
STATE_LIMIT = 50_000


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path_factory.mktemp("day") / "data"),
            "ADMIN_TOKEN": "day-organiser",
            "PUBLIC_URL": "http://samla.test",
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
        }
    )
    built = whole_day.build(app)
    yield app, built
    app.extensions["samla_store"].close()


def size(payload):
    return len(json.dumps(payload, ensure_ascii=False).encode())


def wire_size(payload):
    """Bytes as Socket.IO sends them (compact JSON, every letter beyond ASCII escaped)."""
    return len(json.dumps(payload, separators=(",", ":")).encode())


@contextlib.contextmanager
def opened(app, built, kind):
    """The day with one activity open (none: every activity closed), closed again after."""
    db_store = app.extensions["samla_store"]
    activity_id = built["activities"].get(kind)
    if activity_id is not None:
        with app.app_context():
            actions.set_activity_state(db_store, built["gathering"], activity_id, "open")
    try:
        yield activity_id
    finally:
        if activity_id is not None:
            with app.app_context():
                actions.set_activity_state(db_store, built["gathering"], activity_id, "closed")


def phone_state(app, built):
    with app.app_context(), store.get_store().read() as db:
        participant = store.gatherings.get_participant(db, built["participants"][0])
        return snapshots.participant_state(db, participant)


def update_after(app, activity_id, entry_ids=(), point_ids=()):
    with app.app_context(), store.get_store().read() as db:
        activity = store.activities.get_activity(db, activity_id)
        entries = store.entries.get_entries(db, list(entry_ids))
        return views.activity_update(db, activity, entries, list(point_ids))


@pytest.mark.parametrize("kind", ["dots", "ranking"])
def test_a_votes_update_carries_its_top_lists_within_20_kb(day, kind):
    app, built = day
    update = update_after(app, built["activities"][kind])
    results = update["results"]
    assert "items" not in update
    assert results["ballots"] == whole_day.TABLES
    assert len(results["overall"]) == priorities.UPDATE_TOP
    assert len(results["networks"]) == whole_day.NETWORKS
    assert results["tables"] == {}, "200 tables are summarised by their networks"
    assert size(update) <= UPDATE_LIMIT


@pytest.mark.parametrize("kind", ["words", "statements", "questions"])
def test_an_update_with_new_entries_carries_them_and_stays_within_20_kb(day, kind):
    app, built = day
    with app.app_context(), store.get_store().read() as db:
        latest = store.entries.list_entries(db, built["activities"][kind])[-20:]
    update = update_after(app, built["activities"][kind], [e["id"] for e in latest])
    assert [e["id"] for e in update["entries"]] == [e["id"] for e in latest]
    assert size(update) <= UPDATE_LIMIT


def test_a_tasks_update_carries_the_changed_points_within_20_kb(day):
    app, built = day
    update = update_after(app, built["activities"]["task"], point_ids=[1, 2, 3])
    assert size(update) <= UPDATE_LIMIT


@pytest.mark.parametrize(
    "kind", ["none", "words", "statements", "task", "dots", "ranking", "questions"]
)
def test_a_phones_whole_state_stays_within_50_kb_with_any_activity_open(day, kind):
    app, built = day
    with opened(app, built, kind) as activity_id:
        state = phone_state(app, built)
    assert len(state["activities"]) == len(built["activities"])
    for activity in state["activities"]:
        assert activity["content"] is (activity["id"] == activity_id)
    assert wire_size(state) <= STATE_LIMIT


@pytest.mark.parametrize("kind", ["dots", "ranking"])
def test_an_open_vote_names_its_600_items_and_the_phone_fetches_them_once(day, kind):
    app, built = day
    with opened(app, built, kind) as activity_id:
        state = phone_state(app, built)
        with app.app_context(), store.get_store().read() as db:
            activity = store.activities.get_activity(db, activity_id)
            fetched = priorities.phone_items(db, activity)
    vote = next(a for a in state["activities"] if a["id"] == activity_id)
    assert "items" not in vote
    assert vote["items_count"] == len(fetched["items"]) == 3 * whole_day.TABLES
    assert vote["items_version"] == fetched["version"]
    assert all(item.keys() == {"id", "text"} for item in fetched["items"])
    # What a phone fetches once per version instead: the items, in their compact shape.
    assert size(fetched) <= 600 * (len(whole_day.statement(200, 2)) + 40)


def test_a_questions_state_carries_at_most_the_phones_share_of_them(day):
    app, built = day
    with opened(app, built, "questions") as activity_id:
        state = phone_state(app, built)
    panel = next(a for a in state["activities"] if a["id"] == activity_id)
    assert len(panel["entries"]) == questions.PHONE_QUESTIONS
    assert panel["questions_total"] == 500


def test_upvotes_on_every_question_reach_screens_and_phones_as_counts_within_20_kb(day):
    app, built = day
    with app.app_context(), store.get_store().read() as db:
        activity = store.activities.get_activity(db, built["activities"]["questions"])
        asked = {e["id"] for e in store.entries.list_entries(db, activity["id"])}
        change = {"entries": set(), "points": set(), "votes": asked}
        messages = broadcasts._update_messages(db, activity, change)
    assert {room for _, _, room in messages} == {
        broadcasts.console_room(built["gathering"]),
        broadcasts.screen_room(built["gathering"]),
        broadcasts.gathering_room(built["gathering"]),
    }
    for _, payload, _ in messages:
        assert len(payload["entries"]) == len(asked) == 500
        assert all(entry.keys() == {"id", "votes"} for entry in payload["entries"])
        assert wire_size(payload) <= UPDATE_LIMIT
