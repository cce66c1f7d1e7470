"""Erasure of a gathering and everything that belongs to it."""

import pytest

from app import store
from app.store.schema import MIGRATIONS, Migration

LATER = Migration(
    "a_later_migration",
    """
    CREATE TABLE reactions (entry_id INTEGER NOT NULL REFERENCES entries(id), emoji TEXT);
    CREATE TABLE timers (activity_id INTEGER NOT NULL REFERENCES activities(id), at TEXT);
    CREATE TABLE devices (participant_token TEXT NOT NULL, kind TEXT);
    CREATE TABLE summaries (gathering_id INTEGER NOT NULL REFERENCES gatherings(id), text TEXT);
    """,
)


def fill(db, rows):
    """A gathering with a row in every table that can belong to one."""
    gathering_id = rows.gathering(
        activities=[
            {"kind": "statements", "prompt": "Utsagn", "options": {}},
            {"kind": "task", "prompt": "Plan", "options": {}},
            {"kind": "priorities", "prompt": "Viktigst", "options": {}},
        ]
    )
    statements, task, vote = rows.activities(gathering_id)
    token = rows.participant(gathering_id)
    entry_id = rows.entry(statements, token, "Økonomien styrer")
    store.activities.set_highlighted_entry(db, statements, entry_id)
    store.gatherings.set_screen_activity(db, gathering_id, statements)
    rows.point(task, token)
    rows.ballot(vote, token, {"ranking": ["i1"]})
    store.votes.set_upvote(db, entry_id, token, True, "t")
    store.words.save_merge(db, statements, "a", "b", "t")
    store.words.save_hidden_word(db, statements, "tull", "t")
    store.words.save_moderation(db, gathering_id, True, ["dust"], "t")
    rows.theme(statements, entries=[entry_id])
    store.notes.save_notes(db, gathering_id, "", {"notes": "x"}, "t")
    network_id = store.networks.insert_network(db, {"name": "Fosen", "created_at": "t"})
    part = {"gathering": {"id": gathering_id, "date": None}}
    store.networks.replace_record_parts(db, gathering_id, {network_id: part}, "t")
    if "reactions" in db.table_names():
        db.conn.execute("INSERT INTO reactions VALUES (?, '👍')", (entry_id,))
        db.conn.execute("INSERT INTO timers VALUES (?, 't')", (task,))
        db.conn.execute("INSERT INTO devices VALUES (?, 'phone')", (token,))
        db.conn.execute("INSERT INTO summaries VALUES (?, 'x')", (gathering_id,))
    return gathering_id


def row_counts(db):
    tables = [t for t in db.table_names() if t != "networks"]
    return {t: db.conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


@pytest.mark.parametrize("later", [False, True], ids=["today", "with_later_tables"])
def test_deleting_a_gathering_erases_every_table_and_leaves_other_gatherings(db, rows, later):
    if later:
        store.schema.migrate(db, [*MIGRATIONS, LATER])
    kept = fill(db, rows)
    before = row_counts(db)
    assert all(before.values()), before  # every table has a row to lose
    doomed = fill(db, rows)
    assert store.deletion.delete_gathering(db, doomed) is True
    assert row_counts(db) == before
    assert store.gatherings.get_gathering(db, doomed) is None
    assert store.gatherings.get_gathering(db, kept) is not None
    assert len(store.networks.list_networks(db)) == 2  # networks outlive their gatherings


def test_deleting_a_missing_gathering_says_so_and_changes_nothing(db, rows):
    fill(db, rows)
    before = row_counts(db)
    assert store.deletion.delete_gathering(db, 1) is False
    assert row_counts(db) == before
