"""Erasure of a gathering and everything that belongs to it."""

from app.store.gatherings import get_gathering

# Tables that belong to a gathering through another table rather than a gathering_id column.
_OWNER_KEYS = (
    ("activity_id", "SELECT id FROM activities WHERE gathering_id = ?"),
    ("entry_id", "SELECT id FROM entries WHERE gathering_id = ?"),
    ("participant_token", "SELECT token FROM participants WHERE gathering_id = ?"),
)


# The core tables go last, children before parents, so foreign keys hold throughout.
_CORE_ORDER = ("entries", "participants", "activities", "tables", "gatherings")


def delete_gathering(db, gathering_id):
    """Delete a gathering and every row of every table that belongs to it; True if it existed.

    Tables are found by their columns, so tables added by later migrations are
    erased too as long as they carry gathering_id, activity_id, entry_id or
    participant_token.
    """
    if get_gathering(db, gathering_id) is None:
        return False
    names = [
        row[0]
        for row in db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    names = [n for n in names if n not in _CORE_ORDER] + list(_CORE_ORDER)
    for name in names:
        columns = {row[1] for row in db.conn.execute(f'PRAGMA table_info("{name}")')}
        if name == "gatherings":
            db.conn.execute("DELETE FROM gatherings WHERE id = ?", (gathering_id,))
        elif "gathering_id" in columns:
            db.conn.execute(f'DELETE FROM "{name}" WHERE gathering_id = ?', (gathering_id,))
        else:
            for column, owners in _OWNER_KEYS:
                if column in columns:
                    db.conn.execute(
                        f'DELETE FROM "{name}" WHERE "{column}" IN ({owners})', (gathering_id,)
                    )
                    break
    return True
