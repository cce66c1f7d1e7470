"""What the server keeps about itself: the console sessions' generation, and a digest of
the organiser token they were started with."""

from app.store.connection import select_one


def get_value(db, key):
    row = select_one(db, "SELECT value FROM server_state WHERE key = ?", (key,))
    return None if row is None else row["value"]


def set_value(db, key, value):
    db.conn.execute(
        "INSERT INTO server_state (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def console_generation(db):
    """The console sessions' generation: a login from an older one no longer counts."""
    value = get_value(db, "console_generation")
    return int(value) if value else 1


def end_console_sessions(db):
    """Start a new generation, which ends every console session of the old one."""
    set_value(db, "console_generation", str(console_generation(db) + 1))
