"""Gatherings, their tables and their participants."""

import functools
import json
import secrets

from app.store.activities import insert_activity
from app.store.connection import select_all, select_one

# Gathering ids are random in this range: unique across servers, and exact in JavaScript.
GATHERING_ID_RANGE = (10**6, 2**40)


def new_gathering_id(db):
    """A random id, so a gathering keeps its id when its bundle moves to another server."""
    while True:
        candidate = secrets.randbelow(GATHERING_ID_RANGE[1] - GATHERING_ID_RANGE[0])
        candidate += GATHERING_ID_RANGE[0]
        if select_one(db, "SELECT 1 AS found FROM gatherings WHERE id = ?", (candidate,)) is None:
            return candidate


def insert_gathering(db, gathering, tables, activities):
    """Store a new gathering with its tables and agenda; return its id."""
    gathering_id = gathering.get("id") or new_gathering_id(db)
    db.conn.execute(
        "INSERT INTO gatherings (id, code, title, date, place, organiser, language,"
        " definition, screen_token, created_at)"
        " VALUES (:id, :code, :title, :date, :place, :organiser, :language,"
        " :definition, :screen_token, :created_at)",
        {
            **gathering,
            "id": gathering_id,
            "definition": json.dumps(gathering["definition"], ensure_ascii=False),
        },
    )
    db.conn.executemany(
        "INSERT INTO tables (gathering_id, number, label, network, municipality)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (gathering_id, t["number"], t["label"], t.get("network"), t.get("municipality"))
            for t in tables
        ],
    )
    for position, activity in enumerate(activities, start=1):
        insert_activity(db, gathering_id, position, activity)
    return gathering_id


def update_gathering(db, gathering_id, fields):
    """Rewrite the gathering's own settings: title, date, place, organiser, language, definition."""
    db.conn.execute(
        "UPDATE gatherings SET title = :title, date = :date, place = :place,"
        " organiser = :organiser, language = :language, definition = :definition"
        " WHERE id = :id",
        {
            **fields,
            "id": gathering_id,
            "definition": json.dumps(fields["definition"], ensure_ascii=False),
        },
    )


def save_table(db, gathering_id, table):
    """Add a table, or rewrite the one with its number."""
    db.conn.execute(
        "INSERT INTO tables (gathering_id, number, label, network, municipality)"
        " VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (gathering_id, number) DO UPDATE SET label = excluded.label,"
        " network = excluded.network, municipality = excluded.municipality",
        (
            gathering_id,
            table["number"],
            table["label"],
            table.get("network"),
            table.get("municipality"),
        ),
    )


def delete_table(db, gathering_id, number):
    db.conn.execute(
        "DELETE FROM tables WHERE gathering_id = ? AND number = ?", (gathering_id, number)
    )


def table_in_use(db, gathering_id, number):
    """Has anyone joined at this table?"""
    return (
        db.conn.execute(
            "SELECT 1 FROM participants WHERE gathering_id = ? AND table_number = ? LIMIT 1",
            (gathering_id, number),
        ).fetchone()
        is not None
    )


def code_in_use(db, code):
    return select_one(db, "SELECT 1 AS found FROM gatherings WHERE code = ?", (code,)) is not None


@functools.lru_cache(maxsize=256)
def _definition(text):
    """A stored definition, decoded once: every join and connect reads the gathering, and a
    national gathering's definition lists hundreds of tables. Callers must not change it."""
    return json.loads(text)


def decode_row(row):
    """A gathering row with its definition decoded (None stays None)."""
    if row is not None:
        row["definition"] = _definition(row["definition"])
    return row


def get_gathering(db, gathering_id):
    return decode_row(select_one(db, "SELECT * FROM gatherings WHERE id = ?", (gathering_id,)))


def get_gathering_by_code(db, code):
    return decode_row(select_one(db, "SELECT * FROM gatherings WHERE code = ?", (code,)))


def list_gatherings(db):
    return [decode_row(r) for r in select_all(db, "SELECT * FROM gatherings ORDER BY id DESC")]


def set_screen_activity(db, gathering_id, activity_id, view=None, question_id=None):
    db.conn.execute(
        "UPDATE gatherings SET screen_activity_id = ?, screen_view = ?, screen_question_id = ?"
        " WHERE id = ?",
        (activity_id, view, question_id, gathering_id),
    )


def list_tables(db, gathering_id):
    return select_all(
        db,
        "SELECT number, label, network, municipality FROM tables WHERE gathering_id = ?"
        " ORDER BY number",
        (gathering_id,),
    )


def get_table(db, gathering_id, number):
    return select_one(
        db,
        "SELECT number, label, network, municipality FROM tables"
        " WHERE gathering_id = ? AND number = ?",
        (gathering_id, number),
    )


def insert_participant(db, token, gathering_id, table_number, now):
    db.conn.execute(
        "INSERT INTO participants (token, gathering_id, table_number, created_at)"
        " VALUES (?, ?, ?, ?)",
        (token, gathering_id, table_number, now),
    )


def get_participant(db, token):
    return select_one(db, "SELECT * FROM participants WHERE token = ?", (token,))


def count_participants(db, gathering_id):
    """Participants per table number."""
    rows = select_all(
        db,
        "SELECT table_number, COUNT(*) AS n FROM participants WHERE gathering_id = ?"
        " GROUP BY table_number",
        (gathering_id,),
    )
    return {r["table_number"]: r["n"] for r in rows}


def set_table_network(db, gathering_id, number, network):
    db.conn.execute(
        "UPDATE tables SET network = ? WHERE gathering_id = ? AND number = ?",
        (network, gathering_id, number),
    )


def list_participants(db, gathering_id):
    return select_all(
        db,
        "SELECT token, table_number, created_at FROM participants WHERE gathering_id = ?"
        " ORDER BY created_at, token",
        (gathering_id,),
    )


def insert_participant_if_missing(db, token, gathering_id, table_number, created_at):
    """A participant from a bundle, unless this server knows them already."""
    db.conn.execute(
        "INSERT OR IGNORE INTO participants (token, gathering_id, table_number, created_at)"
        " VALUES (?, ?, ?, ?)",
        (token, gathering_id, table_number, created_at),
    )


def set_joining_open(db, gathering_id, joining_open):
    db.conn.execute(
        "UPDATE gatherings SET joining_open = ? WHERE id = ?", (int(joining_open), gathering_id)
    )


def move_participant(db, token, table_number):
    db.conn.execute(
        "UPDATE participants SET table_number = ? WHERE token = ?", (table_number, token)
    )


def block_participant(db, token):
    """Mark a participant blocked and take its work out: entries hidden, points deleted,
    ballots and upvotes removed."""
    db.conn.execute("UPDATE participants SET blocked = 1 WHERE token = ?", (token,))
    db.conn.execute("UPDATE entries SET hidden = 1 WHERE participant_token = ?", (token,))
    db.conn.execute(
        "UPDATE points SET deleted = 1, version = version + 1 WHERE participant_token = ?"
        " AND deleted = 0",
        (token,),
    )
    db.conn.execute("DELETE FROM ballots WHERE participant_token = ?", (token,))
    db.conn.execute("DELETE FROM upvotes WHERE participant_token = ?", (token,))
