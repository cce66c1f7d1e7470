"""What a screen's update weighs on a whole day's national gathering (200 tables, 2,000
words, 600 statements voted on twice, 500 questions): what changed, or the top of a
vote's results, never every item's text again."""

import json

import pytest

from app import create_app, store, views
from app.kinds import priorities
from bench import whole_day

UPDATE_LIMIT = 20_000


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
