"""Gatherings, their tables and their participants."""

import sqlite3

import pytest

from app import store
from app.store.gatherings import GATHERING_ID_RANGE


def test_a_gathering_gets_a_random_id_in_the_range_javascript_counts_exactly(db, rows):
    gathering_id = rows.gathering()
    assert GATHERING_ID_RANGE[0] <= gathering_id < GATHERING_ID_RANGE[1]
    assert GATHERING_ID_RANGE[1] <= 2**53


def test_a_gathering_from_a_bundle_keeps_its_id(db, rows):
    assert rows.gathering(id=4242424242) == 4242424242
    assert store.gatherings.get_gathering(db, 4242424242)["title"] == "Samling på Hamar"


def test_the_definition_reads_back_decoded_with_its_letters(db, rows):
    definition = {"title": "Særlig økt på Åmot", "tables": 2}
    gathering_id = rows.gathering(definition=definition)
    assert store.gatherings.get_gathering(db, gathering_id)["definition"] == definition
    raw = db.conn.execute("SELECT definition FROM gatherings").fetchone()[0]
    assert "Særlig økt på Åmot" in raw  # stored readable, not as \\u escapes


def test_a_gathering_is_found_by_its_code_and_a_used_code_is_known(db, rows):
    gathering_id = rows.gathering(code="654321")
    assert store.gatherings.get_gathering_by_code(db, "654321")["id"] == gathering_id
    assert store.gatherings.code_in_use(db, "654321") is True
    assert store.gatherings.code_in_use(db, "111111") is False
    with pytest.raises(sqlite3.IntegrityError):
        rows.gathering(code="654321")


def test_missing_gatherings_tables_and_participants_are_none(db):
    assert store.gatherings.get_gathering(db, 1) is None
    assert store.gatherings.get_gathering_by_code(db, "000000") is None
    assert store.gatherings.get_table(db, 1, 1) is None
    assert store.gatherings.get_participant(db, "nobody") is None
    assert store.gatherings.list_gatherings(db) == []


def test_gatherings_are_listed_by_id_descending(db, rows):
    ids = [rows.gathering(id=n) for n in (2_000_000, 3_000_000, 1_000_000)]
    listed = [g["id"] for g in store.gatherings.list_gatherings(db)]
    assert listed == sorted(ids, reverse=True)


def test_update_gathering_rewrites_its_settings_and_definition(db, rows):
    gathering_id = rows.gathering()
    store.gatherings.update_gathering(
        db,
        gathering_id,
        {
            "title": "Ny tittel",
            "date": None,
            "place": "Gjøvik",
            "organiser": "Statsforvalteren",
            "language": "nn",
            "definition": {"title": "Ny tittel"},
        },
    )
    gathering = store.gatherings.get_gathering(db, gathering_id)
    assert (gathering["title"], gathering["date"], gathering["place"]) == (
        "Ny tittel",
        None,
        "Gjøvik",
    )
    assert gathering["language"] == "nn" and gathering["definition"] == {"title": "Ny tittel"}


def test_tables_come_in_number_order_with_network_and_municipality(db, rows):
    gathering_id = rows.gathering(
        tables=[
            {"number": 3, "label": "Åmot", "municipality": "Åmot"},
            {"number": 1, "label": "Bord 1", "network": "Region Hamar"},
        ]
    )
    assert store.gatherings.list_tables(db, gathering_id) == [
        {"number": 1, "label": "Bord 1", "network": "Region Hamar", "municipality": None},
        {"number": 3, "label": "Åmot", "network": None, "municipality": "Åmot"},
    ]


def test_saving_a_table_adds_it_or_replaces_the_one_with_its_number(db, rows):
    gathering_id = rows.gathering(tables=1)
    store.gatherings.save_table(db, gathering_id, {"number": 2, "label": "Hamar"})
    store.gatherings.save_table(
        db, gathering_id, {"number": 1, "label": "Elverum", "municipality": "Elverum"}
    )
    assert store.gatherings.list_tables(db, gathering_id) == [
        {"number": 1, "label": "Elverum", "network": None, "municipality": "Elverum"},
        {"number": 2, "label": "Hamar", "network": None, "municipality": None},
    ]
    store.gatherings.set_table_network(db, gathering_id, 2, "Region Hamar")
    assert store.gatherings.get_table(db, gathering_id, 2)["network"] == "Region Hamar"
    store.gatherings.delete_table(db, gathering_id, 1)
    assert [t["number"] for t in store.gatherings.list_tables(db, gathering_id)] == [2]


def test_a_table_is_in_use_once_someone_joins_there(db, rows):
    gathering_id = rows.gathering()
    assert store.gatherings.table_in_use(db, gathering_id, 2) is False
    rows.participant(gathering_id, table=2)
    assert store.gatherings.table_in_use(db, gathering_id, 2) is True
    assert store.gatherings.table_in_use(db, gathering_id, 1) is False


def test_participants_are_counted_per_table_and_listed_in_joining_order(db, rows):
    gathering_id = rows.gathering()
    other = rows.gathering()
    rows.participant(other, table=1)
    store.gatherings.insert_participant(db, "b", gathering_id, 2, "2026-03-05T09:02:00Z")
    store.gatherings.insert_participant(db, "a", gathering_id, 2, "2026-03-05T09:01:00Z")
    store.gatherings.insert_participant(db, "c", gathering_id, 1, "2026-03-05T09:03:00Z")
    assert store.gatherings.count_participants(db, gathering_id) == {1: 1, 2: 2}
    assert [p["token"] for p in store.gatherings.list_participants(db, gathering_id)] == [
        "a",
        "b",
        "c",
    ]


def test_a_participant_from_a_bundle_is_added_once(db, rows):
    gathering_id = rows.gathering()
    store.gatherings.insert_participant_if_missing(db, "t", gathering_id, 1, "2026-01-01")
    store.gatherings.insert_participant_if_missing(db, "t", gathering_id, 2, "2026-02-02")
    participant = store.gatherings.get_participant(db, "t")
    assert (participant["table_number"], participant["created_at"]) == (1, "2026-01-01")


def test_the_screen_shows_an_activity_with_a_view_and_a_question(db, rows):
    gathering_id = rows.gathering()
    words, _ = rows.activities(gathering_id)
    store.gatherings.set_screen_activity(db, gathering_id, words, "question", "mal")
    gathering = store.gatherings.get_gathering(db, gathering_id)
    assert (gathering["screen_activity_id"], gathering["screen_view"]) == (words, "question")
    assert gathering["screen_question_id"] == "mal"
    store.gatherings.set_screen_activity(db, gathering_id, None)
    gathering = store.gatherings.get_gathering(db, gathering_id)
    assert (gathering["screen_activity_id"], gathering["screen_view"]) == (None, None)
