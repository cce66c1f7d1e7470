"""A gathering's agenda: activities, their settings, states and timers."""

import json

from app.store.connection import new_uid, select_all, select_one

ACTIVITY_SETTINGS = ("kind", "prompt", "title", "help", "key", "approval")


def _activity_values(activity):
    """The columns an activity's definition sets, encoded for SQLite."""
    values = {key: activity.get(key) for key in ACTIVITY_SETTINGS}
    values["approval"] = int(bool(values["approval"]))
    values["options"] = json.dumps(activity["options"], ensure_ascii=False)
    values["tables"] = json.dumps(activity["tables"]) if activity.get("tables") else None
    return values


def insert_activity(db, gathering_id, position, activity):
    """Add an activity to a gathering's agenda; return its id."""
    cursor = db.conn.execute(
        "INSERT INTO activities (gathering_id, position, kind, prompt, title, help, key,"
        " approval, options, tables, revealed, uid)"
        " VALUES (:gathering_id, :position, :kind, :prompt, :title, :help, :key,"
        " :approval, :options, :tables, :revealed, :uid)",
        {
            **_activity_values(activity),
            "gathering_id": gathering_id,
            "position": position,
            "revealed": 0 if activity.get("hide_results") else 1,
            "uid": activity.get("uid") or new_uid(),
        },
    )
    return cursor.lastrowid


def update_activity(db, activity_id, position, activity):
    """Rewrite an activity's settings and place in the agenda (its entries stay)."""
    db.conn.execute(
        "UPDATE activities SET position = :position, kind = :kind, prompt = :prompt,"
        " title = :title, help = :help, key = :key, approval = :approval,"
        " options = :options, tables = :tables WHERE id = :id",
        {**_activity_values(activity), "position": position, "id": activity_id},
    )


def set_activity_options(db, activity_id, options):
    db.conn.execute(
        "UPDATE activities SET options = ? WHERE id = ?",
        (json.dumps(options, ensure_ascii=False), activity_id),
    )


def delete_activity(db, activity_id):
    db.conn.execute("DELETE FROM activities WHERE id = ?", (activity_id,))


def activity_has_work(db, activity_id):
    """Has anyone written, added or voted anything in this activity?"""
    for table in ("entries", "points", "ballots"):
        if db.conn.execute(
            f"SELECT 1 FROM {table} WHERE activity_id = ? LIMIT 1", (activity_id,)
        ).fetchone():
            return True
    return False


def decode_row(row):
    """An activity row with its options and tables decoded and its switches as bools."""
    if row is not None:
        row["options"] = json.loads(row["options"])
        row["tables"] = json.loads(row["tables"]) if row["tables"] else None
        row["approval"] = bool(row["approval"])
        row["revealed"] = bool(row["revealed"])
    return row


def list_activities(db, gathering_id):
    rows = select_all(
        db, "SELECT * FROM activities WHERE gathering_id = ? ORDER BY position", (gathering_id,)
    )
    return [decode_row(r) for r in rows]


def get_activity(db, activity_id):
    return decode_row(select_one(db, "SELECT * FROM activities WHERE id = ?", (activity_id,)))


def set_activity_state(db, activity_id, state, now):
    stamp = "opened_at" if state == "open" else "closed_at"
    db.conn.execute(
        f"UPDATE activities SET state = ?, {stamp} = ? WHERE id = ?", (state, now, activity_id)
    )


def set_revealed(db, activity_id, revealed):
    db.conn.execute("UPDATE activities SET revealed = ? WHERE id = ?", (int(revealed), activity_id))


def set_closes_at(db, activity_id, closes_at):
    db.conn.execute("UPDATE activities SET closes_at = ? WHERE id = ?", (closes_at, activity_id))


def activities_due(db, at):
    """Open activities whose timer has run out."""
    rows = select_all(
        db,
        "SELECT * FROM activities WHERE state = 'open' AND closes_at IS NOT NULL"
        " AND closes_at <= ?",
        (at,),
    )
    return [decode_row(r) for r in rows]


def next_closing(db):
    """The earliest running timer of any open activity, or None."""
    row = db.conn.execute(
        "SELECT MIN(closes_at) FROM activities WHERE state = 'open' AND closes_at IS NOT NULL"
    ).fetchone()
    return row[0]


def set_highlighted_entry(db, activity_id, entry_id):
    db.conn.execute(
        "UPDATE activities SET highlighted_entry_id = ? WHERE id = ?", (entry_id, activity_id)
    )


def get_activity_by_uid(db, uid):
    return decode_row(select_one(db, "SELECT * FROM activities WHERE uid = ?", (uid,)))


def set_activity_approval(db, activity_id, approval):
    db.conn.execute("UPDATE activities SET approval = ? WHERE id = ?", (int(approval), activity_id))
