"""What a bundle reads and writes: rows with their stable ids across servers."""

import json

from app.store import entries, points, words
from app.store.connection import select_all, select_one
from app.store.entries import ENTRY_COLUMNS
from app.store.points import POINT_COLUMNS


def list_bundle_entries(db, gathering_id):
    """Every entry of a gathering with its stable ids, for a bundle."""
    return select_all(
        db,
        'SELECT e.uid, a.uid AS activity_uid, e.table_number AS "table", e.participant_token,'
        " e.client_id, e.text, e.hidden, e.held, e.pinned, e.answered, e.created_at,"
        " (a.highlighted_entry_id IS e.id) AS highlighted"
        " FROM entries e JOIN activities a ON a.id = e.activity_id"
        " WHERE e.gathering_id = ? ORDER BY e.id",
        (gathering_id,),
    )


def entry_uid_exists(db, uid, participant_token, client_id):
    return (
        select_one(
            db,
            "SELECT 1 AS found FROM entries WHERE uid = ?"
            " OR (participant_token = ? AND client_id = ?)",
            (uid, participant_token, client_id),
        )
        is not None
    )


def insert_imported_entry(db, entry):
    """An entry from a bundle, with its own uid, hidden flag and time."""
    cursor = db.conn.execute(
        "INSERT INTO entries (activity_id, gathering_id, table_number, participant_token,"
        " client_id, text, hidden, held, pinned, answered, created_at, uid)"
        " VALUES (:activity_id, :gathering_id, :table_number, :participant_token,"
        " :client_id, :text, :hidden, :held, :pinned, :answered, :created_at, :uid)",
        {"held": 0, "pinned": 0, "answered": 0, **entry},
    )
    return cursor.lastrowid


def get_entry_by_uid(db, uid):
    return entries.decode_row(
        select_one(
            db,
            f"SELECT {ENTRY_COLUMNS} FROM entries e JOIN activities a ON a.id = e.activity_id"
            " WHERE e.uid = ?",
            (uid,),
        )
    )


def get_point_by_uid(db, uid):
    return points.decode_row(
        select_one(db, f"SELECT {POINT_COLUMNS} FROM points WHERE uid = ?", (uid,))
    )


def list_bundle_points(db, gathering_id):
    """Every task point of a gathering (deleted ones too) with stable ids, for a bundle."""
    rows = select_all(
        db,
        'SELECT p.uid, a.uid AS activity_uid, p.table_number AS "table", p.question_id,'
        " p.text, p.version, p.deleted, p.participant_token, p.client_id, p.created_at,"
        " p.updated_at FROM points p JOIN activities a ON a.id = p.activity_id"
        " WHERE p.gathering_id = ? ORDER BY p.id",
        (gathering_id,),
    )
    for row in rows:
        row["deleted"] = bool(row["deleted"])
    return rows


def insert_imported_point(db, point):
    db.conn.execute(
        "INSERT INTO points (activity_id, gathering_id, table_number, question_id, text,"
        " version, deleted, participant_token, client_id, created_at, updated_at, uid)"
        " VALUES (:activity_id, :gathering_id, :table_number, :question_id, :text, :version,"
        " :deleted, :participant_token, :client_id, :created_at, :updated_at, :uid)",
        point,
    )


def replace_point(db, point_id, point):
    """Take a newer version of a point from a bundle."""
    db.conn.execute(
        "UPDATE points SET text = ?, version = ?, deleted = ?, updated_at = ? WHERE id = ?",
        (point["text"], point["version"], int(point["deleted"]), point["updated_at"], point_id),
    )


def list_bundle_ballots(db, gathering_id):
    rows = select_all(
        db,
        'SELECT a.uid AS activity_uid, b.participant_token, b.table_number AS "table",'
        " b.ballot, b.updated_at FROM ballots b JOIN activities a ON a.id = b.activity_id"
        " WHERE b.gathering_id = ? ORDER BY b.rowid",
        (gathering_id,),
    )
    for row in rows:
        row["ballot"] = json.loads(row["ballot"])
    return rows


def list_bundle_upvotes(db, gathering_id):
    return select_all(
        db,
        "SELECT e.uid AS entry_uid, u.participant_token, u.created_at FROM upvotes u"
        " JOIN entries e ON e.id = u.entry_id WHERE e.gathering_id = ? ORDER BY u.rowid",
        (gathering_id,),
    )


def list_bundle_merges(db, gathering_id):
    """Every word merge of a gathering with its activity's uid, for a bundle."""
    return select_all(
        db,
        'SELECT a.uid AS activity_uid, m.word, m.into_word AS "into", m.created_at'
        " FROM word_merges m JOIN activities a ON a.id = m.activity_id"
        " WHERE a.gathering_id = ? ORDER BY a.position, m.created_at, m.rowid",
        (gathering_id,),
    )


def list_bundle_themes(db, gathering_id):
    """Every kept theme of a gathering (entries still as local ids), for a bundle."""
    rows = select_all(
        db,
        "SELECT t.uid, a.uid AS activity_uid, a.kind, t.question_id, t.title, t.entries,"
        " t.accepted, t.created_at, t.updated_at FROM themes t"
        " JOIN activities a ON a.id = t.activity_id"
        " WHERE a.gathering_id = ? ORDER BY a.position, t.id",
        (gathering_id,),
    )
    return [words.decode_theme(row) for row in rows]
