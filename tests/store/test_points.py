"""Task points: a table's answers to a group task's questions, versioned."""

import sqlite3

import pytest

from app import store

TASK = {"kind": "task", "prompt": "Plan", "options": {"questions": [{"id": "mal"}]}}


@pytest.fixture
def task(db, rows):
    gathering_id = rows.gathering(activities=[TASK])
    (activity_id,) = rows.activities(gathering_id)
    return {
        "id": activity_id,
        "one": rows.participant(gathering_id, table=1),
        "two": rows.participant(gathering_id, table=2),
    }


def test_a_point_sent_twice_with_one_client_id_is_refused(db, rows, task):
    rows.point(task["id"], task["one"], client_id="p1")
    with pytest.raises(sqlite3.IntegrityError):
        rows.point(task["id"], task["one"], "Annet", client_id="p1")
    assert store.points.count_points(db, task["id"]) == 1


def test_a_new_point_is_version_one_with_its_table_and_question(db, rows, task):
    point_id = rows.point(task["id"], task["two"], "Felles mål for året", client_id="p1")
    point = store.points.get_point(db, point_id)
    assert (point["table"], point["question_id"], point["text"]) == (
        2,
        "mal",
        "Felles mål for året",
    )
    assert point["version"] == 1 and point["deleted"] is False
    assert point["created_at"] == point["updated_at"]
    assert store.points.get_point_by_client_id(db, task["two"], "p1")["id"] == point_id
    assert store.points.get_point(db, point_id + 1) is None
    assert store.points.get_point_by_client_id(db, task["two"], "nope") is None


def test_a_versioned_update_refuses_a_stale_version(db, rows, task):
    point_id = rows.point(task["id"], task["one"])
    assert store.points.update_point(db, point_id, 1, "Første endring", False, "t1") is True
    assert store.points.update_point(db, point_id, 1, "Foreldet endring", False, "t2") is False
    point = store.points.get_point(db, point_id)
    assert (point["text"], point["version"], point["updated_at"]) == ("Første endring", 2, "t1")


def test_a_deleted_point_is_kept_but_left_out_unless_asked_for(db, rows, task):
    kept = rows.point(task["id"], task["one"])
    gone = rows.point(task["id"], task["two"])
    assert store.points.update_point(db, gone, 1, "borte", True, "t") is True
    assert [p["id"] for p in store.points.list_points(db, task["id"])] == [kept]
    everything = store.points.list_points(db, task["id"], include_deleted=True)
    assert [(p["id"], p["deleted"]) for p in everything] == [(kept, False), (gone, True)]
    assert store.points.count_points(db, task["id"]) == 1


def test_points_are_listed_in_order_per_table_and_fetched_by_ids(db, rows, task):
    a = rows.point(task["id"], task["two"])
    b = rows.point(task["id"], task["one"])
    c = rows.point(task["id"], task["two"])
    assert [p["id"] for p in store.points.list_points(db, task["id"], table_number=2)] == [a, c]
    assert [p["id"] for p in store.points.get_points(db, {c, b})] == [b, c]
    assert store.points.get_points(db, []) == []
