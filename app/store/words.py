"""Word merges, the moderation word list and themes across tables."""

import json

from app.store.connection import new_uid, select_all, select_one


def list_merges(db, activity_id):
    """The facilitator's word merges of an activity, oldest first."""
    return select_all(
        db,
        "SELECT word, into_word, created_at FROM word_merges WHERE activity_id = ?"
        " ORDER BY created_at, rowid",
        (activity_id,),
    )


def save_merge(db, activity_id, word, into_word, now):
    """Count `word` as `into_word` from now on, replacing an earlier merge of `word`."""
    db.conn.execute(
        "INSERT INTO word_merges (activity_id, word, into_word, created_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (activity_id, word) DO UPDATE SET into_word = excluded.into_word,"
        " created_at = excluded.created_at",
        (activity_id, word, into_word, now),
    )


def delete_merge(db, activity_id, word):
    """Undo a merge; True when there was one."""
    cursor = db.conn.execute(
        "DELETE FROM word_merges WHERE activity_id = ? AND word = ?", (activity_id, word)
    )
    return cursor.rowcount > 0


def list_hidden_words(db, activity_id):
    """The words the facilitator hid in an activity's cloud, oldest first."""
    return [
        row[0]
        for row in db.conn.execute(
            "SELECT word FROM hidden_words WHERE activity_id = ? ORDER BY created_at, rowid",
            (activity_id,),
        )
    ]


def save_hidden_word(db, activity_id, word, now):
    """Hide `word` in the activity's cloud from now on (once)."""
    db.conn.execute(
        "INSERT INTO hidden_words (activity_id, word, created_at) VALUES (?, ?, ?)"
        " ON CONFLICT (activity_id, word) DO NOTHING",
        (activity_id, word, now),
    )


def delete_hidden_word(db, activity_id, word):
    """Let `word` be shown again when sent from now on; True when it was hidden."""
    cursor = db.conn.execute(
        "DELETE FROM hidden_words WHERE activity_id = ? AND word = ?", (activity_id, word)
    )
    return cursor.rowcount > 0


def get_moderation(db, gathering_id):
    """The gathering's own moderation settings, or None while it uses the shipped list."""
    row = select_one(
        db,
        "SELECT enabled, words, updated_at FROM moderation WHERE gathering_id = ?",
        (gathering_id,),
    )
    if row is not None:
        row["enabled"] = bool(row["enabled"])
        row["words"] = json.loads(row["words"])
    return row


def save_moderation(db, gathering_id, enabled, words, now):
    """Replace the gathering's moderation switch and word list."""
    db.conn.execute(
        "INSERT INTO moderation (gathering_id, enabled, words, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (gathering_id) DO UPDATE SET enabled = excluded.enabled,"
        " words = excluded.words, updated_at = excluded.updated_at",
        (gathering_id, int(enabled), json.dumps(words, ensure_ascii=False), now),
    )


def decode_theme(row):
    """A theme row with its entry ids as a list and `accepted` as a bool (None stays None)."""
    if row is not None:
        row["entries"] = json.loads(row["entries"])
        row["accepted"] = bool(row["accepted"])
    return row


def list_themes(db, activity_id):
    rows = select_all(db, "SELECT * FROM themes WHERE activity_id = ? ORDER BY id", (activity_id,))
    return [decode_theme(r) for r in rows]


def get_theme(db, theme_id):
    return decode_theme(select_one(db, "SELECT * FROM themes WHERE id = ?", (theme_id,)))


def insert_theme(db, theme):
    """A new theme; one from a bundle brings its own uid and times, else they are made here."""
    cursor = db.conn.execute(
        "INSERT INTO themes (activity_id, question_id, title, entries, accepted, created_at,"
        " updated_at, uid) VALUES (:activity_id, :question_id, :title, :entries, :accepted,"
        " :created_at, :updated_at, :uid)",
        {
            "uid": new_uid(),
            "created_at": theme.get("now"),
            "updated_at": theme.get("now"),
            **theme,
            "entries": json.dumps(theme["entries"]),
            "accepted": int(theme["accepted"]),
        },
    )
    return cursor.lastrowid


def update_theme(db, theme_id, title, entries, accepted, now):
    db.conn.execute(
        "UPDATE themes SET title = ?, entries = ?, accepted = ?, updated_at = ? WHERE id = ?",
        (title, json.dumps(entries), int(accepted), now, theme_id),
    )


def delete_theme(db, theme_id):
    db.conn.execute("DELETE FROM themes WHERE id = ?", (theme_id,))


def get_theme_by_uid(db, uid):
    return decode_theme(select_one(db, "SELECT * FROM themes WHERE uid = ?", (uid,)))
