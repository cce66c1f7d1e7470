"""The facilitator's notes of a gathering, per activity."""

from app.store.connection import select_all


def get_notes(db, gathering_id):
    """The facilitator's notes of a gathering by activity uid ('' is the gathering's summary)."""
    rows = select_all(db, "SELECT * FROM notes WHERE gathering_id = ?", (gathering_id,))
    return {row.pop("activity_uid"): row for row in rows}


def save_notes(db, gathering_id, activity_uid, notes, now):
    """Replace the notes of one activity (or, with uid '', the gathering's summary)."""
    db.conn.execute(
        "INSERT INTO notes (gathering_id, activity_uid, notes, decision, follow_up,"
        " follow_up_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (gathering_id, activity_uid) DO UPDATE SET notes = excluded.notes,"
        " decision = excluded.decision, follow_up = excluded.follow_up,"
        " follow_up_by = excluded.follow_up_by, updated_at = excluded.updated_at",
        (
            gathering_id,
            activity_uid,
            notes.get("notes"),
            notes.get("decision"),
            notes.get("follow_up"),
            notes.get("follow_up_by"),
            now,
        ),
    )
