"""Priority ballots and upvotes on questions."""

import json

from app.store.connection import select_all


def save_ballot(db, activity_id, participant, ballot, now):
    """Store a participant's ballot, replacing an earlier one."""
    db.conn.execute(
        "INSERT INTO ballots (activity_id, participant_token, gathering_id, table_number,"
        " ballot, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (activity_id, participant_token) DO UPDATE SET"
        " ballot = excluded.ballot, updated_at = excluded.updated_at",
        (
            activity_id,
            participant["token"],
            participant["gathering_id"],
            participant["table_number"],
            json.dumps(ballot),
            now,
        ),
    )


def get_ballot(db, activity_id, participant_token):
    row = db.conn.execute(
        "SELECT ballot FROM ballots WHERE activity_id = ? AND participant_token = ?",
        (activity_id, participant_token),
    ).fetchone()
    return json.loads(row[0]) if row else None


def list_ballots(db, activity_id):
    """Every ballot with its table and the table's network."""
    rows = select_all(
        db,
        'SELECT b.ballot, b.table_number AS "table", t.network FROM ballots b'
        " LEFT JOIN tables t ON t.gathering_id = b.gathering_id AND t.number = b.table_number"
        " WHERE b.activity_id = ? ORDER BY b.rowid",
        (activity_id,),
    )
    for row in rows:
        row["ballot"] = json.loads(row["ballot"])
    return rows


def count_ballots(db, activity_id):
    return db.conn.execute(
        "SELECT COUNT(*) FROM ballots WHERE activity_id = ?", (activity_id,)
    ).fetchone()[0]


def set_upvote(db, entry_id, participant_token, up, now):
    """Add or withdraw a participant's upvote; doing either twice changes nothing."""
    if up:
        db.conn.execute(
            "INSERT OR IGNORE INTO upvotes (entry_id, participant_token, created_at)"
            " VALUES (?, ?, ?)",
            (entry_id, participant_token, now),
        )
    else:
        db.conn.execute(
            "DELETE FROM upvotes WHERE entry_id = ? AND participant_token = ?",
            (entry_id, participant_token),
        )


def voted_entries(db, activity_id, participant_token):
    """The ids of the entries of an activity this participant has upvoted."""
    return {
        row[0]
        for row in db.conn.execute(
            "SELECT u.entry_id FROM upvotes u JOIN entries e ON e.id = u.entry_id"
            " WHERE e.activity_id = ? AND u.participant_token = ?",
            (activity_id, participant_token),
        )
    }


def get_ballot_time(db, activity_id, participant_token):
    """When the participant last cast a ballot in this activity, or None."""
    row = db.conn.execute(
        "SELECT updated_at FROM ballots WHERE activity_id = ? AND participant_token = ?",
        (activity_id, participant_token),
    ).fetchone()
    return row[0] if row else None


def ballots_since(db, activity_id, since):
    """Ballots stored or replaced at `since` or later (all for ""), with their voter, in
    stored form: the live results catch up from these instead of recounting every ballot."""
    return select_all(
        db,
        'SELECT participant_token AS token, table_number AS "table", ballot, updated_at'
        " FROM ballots WHERE activity_id = ? AND updated_at >= ?",
        (activity_id, since),
    )


def table_networks(db, gathering_id):
    """{table number: network or None} for a gathering's tables."""
    return dict(
        db.conn.execute(
            "SELECT number, network FROM tables WHERE gathering_id = ?", (gathering_id,)
        ).fetchall()
    )


def source_version(db, activity_id):
    """What changes whenever the entries or points of an activity change (one added,
    hidden, held, approved, edited or deleted): a vote's items drawn from it are cached
    until it does."""
    entries = db.conn.execute(
        "SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(id * hidden), 0),"
        " COALESCE(SUM(id * held), 0), COALESCE(SUM(id * id * (hidden + 2 * held)), 0)"
        " FROM entries WHERE activity_id = ?",
        (activity_id,),
    ).fetchone()
    points = db.conn.execute(
        "SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(version), 0),"
        " COALESCE(MAX(updated_at), ''), COALESCE(SUM(id * deleted), 0)"
        " FROM points WHERE activity_id = ?",
        (activity_id,),
    ).fetchone()
    return tuple(entries) + tuple(points)
