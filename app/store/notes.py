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


# Columns set apart from the notes themselves, so a bundle's notes never clear them.
DETAILS = ("referent", "case_number", "starts", "ends", "place", "follow_up_due")


def save_details(db, gathering_id, activity_uid, details, now):
    """Set some of the minutes' details of one activity (or, with uid '', of the gathering)."""
    if not details:
        return
    if not set(details) <= set(DETAILS):
        raise ValueError(f"unknown details: {sorted(set(details) - set(DETAILS))}")
    columns = sorted(details)
    db.conn.execute(
        f"INSERT INTO notes (gathering_id, activity_uid, {', '.join(columns)}, updated_at)"
        f" VALUES (?, ?, {', '.join('?' for _ in columns)}, ?)"
        " ON CONFLICT (gathering_id, activity_uid) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in columns)
        + ", updated_at = excluded.updated_at",
        (gathering_id, activity_uid, *(details[c] for c in columns), now),
    )
