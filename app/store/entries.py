"""Entries: the words, statements and questions that phones send."""

from app.store.connection import new_uid, select_all, select_one


def _columns(e, highlighted):
    """An entry's columns, from its row `e` (a name or alias) and the activity's
    `highlighted` column."""
    return (
        f'{e}.id, {e}.activity_id, {e}.table_number AS "table", {e}.text, {e}.hidden,'
        f" {e}.created_at, {e}.client_id, {e}.participant_token, {e}.held, {e}.pinned,"
        f" {e}.answered, {e}.uid, {e}.withdrawn, {e}.hidden_by_word,"
        f" ({highlighted} IS {e}.id) AS highlighted,"
        f" (SELECT COUNT(*) FROM upvotes u WHERE u.entry_id = {e}.id) AS votes"
    )


# Read as `entries e JOIN activities a ON a.id = e.activity_id`.
ENTRY_COLUMNS = _columns("e", "a.highlighted_entry_id")
# Returned by an INSERT, which can neither join nor name its table by an alias.
INSERTED_COLUMNS = _columns(
    "entries",
    "(SELECT a.highlighted_entry_id FROM activities a WHERE a.id = entries.activity_id)",
)


ENTRY_FLAGS = ("hidden", "highlighted", "held", "pinned", "answered", "withdrawn")


def decode_row(row):
    """An entry row as callers see it: its flags as bools (None stays None)."""
    if row is not None:
        for flag in ENTRY_FLAGS:
            row[flag] = bool(row[flag])
    return row


def insert_entry(db, entry):
    """Insert an entry; sqlite3.IntegrityError if its client id was stored before.
    `hidden_by_word` names the hidden word that hides it on arrival (hidden is then 1)."""
    return add_entry(db, entry)["id"]


def add_entry(db, entry):
    """Insert an entry and return it as get_entry() reads it, in one statement;
    sqlite3.IntegrityError if its client id was stored before."""
    return decode_row(
        select_one(
            db,
            "INSERT INTO entries (activity_id, gathering_id, table_number,"
            " participant_token, client_id, text, created_at, held, hidden, hidden_by_word, uid)"
            " VALUES (:activity_id, :gathering_id, :table_number, :participant_token,"
            " :client_id, :text, :created_at, :held, :hidden, :hidden_by_word, :uid)"
            f" RETURNING {INSERTED_COLUMNS}",
            {"uid": new_uid(), "held": 0, "hidden": 0, "hidden_by_word": None, **entry},
        )
    )


def get_entry(db, entry_id):
    return decode_row(
        select_one(
            db,
            f"SELECT {ENTRY_COLUMNS} FROM entries e JOIN activities a ON a.id = e.activity_id"
            " WHERE e.id = ?",
            (entry_id,),
        )
    )


def get_entry_by_client_id(db, participant_token, client_id):
    return decode_row(
        select_one(
            db,
            f"SELECT {ENTRY_COLUMNS} FROM entries e JOIN activities a ON a.id = e.activity_id"
            " WHERE e.participant_token = ? AND e.client_id = ?",
            (participant_token, client_id),
        )
    )


def get_entries(db, entry_ids):
    if not entry_ids:
        return []
    marks = ",".join("?" * len(entry_ids))
    rows = select_all(
        db,
        f"SELECT {ENTRY_COLUMNS} FROM entries e JOIN activities a ON a.id = e.activity_id"
        f" WHERE e.id IN ({marks}) ORDER BY e.id",
        list(entry_ids),
    )
    return [decode_row(r) for r in rows]


def list_entries(db, activity_id, table_number=None, participant_token=None, visible_only=False):
    """An activity's entries, oldest first, optionally of one table or participant; an
    entry its phone withdrew is gone for everyone."""
    sql = (
        f"SELECT {ENTRY_COLUMNS} FROM entries e JOIN activities a ON a.id = e.activity_id"
        " WHERE e.activity_id = ? AND e.withdrawn = 0"
    )
    params = [activity_id]
    if table_number is not None:
        sql += " AND e.table_number = ?"
        params.append(table_number)
    if participant_token is not None:
        sql += " AND e.participant_token = ?"
        params.append(participant_token)
    if visible_only:
        sql += " AND e.hidden = 0 AND e.held = 0"
    return [decode_row(r) for r in select_all(db, sql + " ORDER BY e.id", params)]


def count_entries(db, activity_id, table_number=None, participant_token=None):
    """How many entries of an activity use a quota, of one table or participant: those
    shown or waiting for approval, not those hidden or withdrawn."""
    sql = "SELECT COUNT(*) FROM entries WHERE activity_id = ? AND hidden = 0"
    params = [activity_id]
    if table_number is not None:
        sql += " AND table_number = ?"
        params.append(table_number)
    if participant_token is not None:
        sql += " AND participant_token = ?"
        params.append(participant_token)
    return db.conn.execute(sql, params).fetchone()[0]


# Visible entries are neither hidden by the facilitator nor waiting for approval.
COUNT_COLUMNS = (
    "COALESCE(SUM(hidden = 0 AND held = 0), 0) AS count,"
    " COALESCE(SUM(hidden = 1 AND withdrawn = 0), 0) AS hidden_count,"
    " COALESCE(SUM(held = 1 AND hidden = 0), 0) AS held_count"
)


def entry_counts(db, gathering_id):
    """Visible and hidden entries per activity of a gathering."""
    rows = select_all(
        db,
        f"SELECT activity_id, {COUNT_COLUMNS} FROM entries WHERE gathering_id = ?"
        " GROUP BY activity_id",
        (gathering_id,),
    )
    return {r.pop("activity_id"): r for r in rows}


NO_ENTRIES = {"count": 0, "hidden_count": 0, "held_count": 0}


def activity_counts(db, activity_id):
    return select_one(
        db, f"SELECT {COUNT_COLUMNS} FROM entries WHERE activity_id = ?", (activity_id,)
    )


def visible_texts(db, activity_id):
    return [
        row[0]
        for row in db.conn.execute(
            "SELECT text FROM entries WHERE activity_id = ? AND hidden = 0 AND held = 0"
            " ORDER BY id",
            (activity_id,),
        )
    ]


def set_entry_flag(db, entry_id, flag, value):
    """Set one of an entry's moderation flags: hidden, held, pinned or answered."""
    if flag not in ("hidden", "held", "pinned", "answered"):
        raise ValueError(flag)
    # Hidden or shown on its own, an entry is no longer one a hidden word hid.
    word = ", hidden_by_word = NULL" if flag == "hidden" else ""
    db.conn.execute(f"UPDATE entries SET {flag} = ?{word} WHERE id = ?", (int(value), entry_id))


def withdraw_entry(db, entry_id):
    """Take an entry back for its phone: hidden everywhere, and listed nowhere again."""
    db.conn.execute(
        "UPDATE entries SET withdrawn = 1, hidden = 1, hidden_by_word = NULL WHERE id = ?",
        (entry_id,),
    )


def hide_entries_of(db, entry_ids, word):
    """Hide these entries as the ones the hidden `word` hid."""
    db.conn.executemany(
        "UPDATE entries SET hidden = 1, hidden_by_word = ? WHERE id = ?",
        [(word, i) for i in entry_ids],
    )


def show_entries_of(db, activity_id, word):
    """Show again the entries of the activity that the hidden `word` hid: none hidden on
    its own, withdrawn, or sent by a participant blocked since. Their ids, oldest first."""
    shown = [
        row[0]
        for row in db.conn.execute(
            "SELECT e.id FROM entries e JOIN participants p ON p.token = e.participant_token"
            " WHERE e.activity_id = ? AND e.hidden_by_word = ? AND e.withdrawn = 0"
            " AND p.blocked = 0 ORDER BY e.id",
            (activity_id, word),
        )
    ]
    db.conn.executemany("UPDATE entries SET hidden = 0 WHERE id = ?", [(i,) for i in shown])
    db.conn.execute(
        "UPDATE entries SET hidden_by_word = NULL WHERE activity_id = ? AND hidden_by_word = ?",
        (activity_id, word),
    )
    return shown


def set_entry_hidden(db, entry_id, hidden):
    """Hide an entry from every screen and phone, or show it again."""
    set_entry_flag(db, entry_id, "hidden", hidden)


def entries_after(db, activity_id, after_id):
    """(id, text, not visible) of an activity's entries with ids above `after_id`, oldest
    first; an entry is not visible when hidden or still waiting for approval."""
    return db.conn.execute(
        "SELECT id, text, (hidden = 1 OR held = 1) FROM entries"
        " WHERE activity_id = ? AND id > ? ORDER BY id",
        (activity_id, after_id),
    ).fetchall()


def hidden_entry_ids(db, activity_id):
    """The activity's entries nobody sees: hidden, or waiting for approval."""
    return [
        row[0]
        for row in db.conn.execute(
            "SELECT id FROM entries WHERE activity_id = ? AND (hidden = 1 OR held = 1)",
            (activity_id,),
        )
    ]


def entry_texts_after(db, activity_id, after_id):
    """(id, text, table) of an activity's entries with ids above `after_id`, oldest first,
    whether visible or not."""
    return db.conn.execute(
        "SELECT id, text, table_number FROM entries WHERE activity_id = ? AND id > ? ORDER BY id",
        (activity_id, after_id),
    ).fetchall()


def count_and_sum_ids(db, activity_id, up_to_id):
    """How many entries an activity has with ids up to `up_to_id`, and the sum of those
    ids: a cheap check (on the index) that what a cache saw of them is still there."""
    count, total = db.conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(id), 0) FROM entries WHERE activity_id = ? AND id <= ?",
        (activity_id, up_to_id),
    ).fetchone()
    return count, total


def unlisted_entry_ids(db, activity_id):
    """The activity's entries that list_entries(visible_only=True) leaves out: hidden,
    waiting for approval, or withdrawn."""
    return {
        row[0]
        for row in db.conn.execute(
            "SELECT id FROM entries WHERE activity_id = ?"
            " AND (hidden = 1 OR held = 1 OR withdrawn = 1)",
            (activity_id,),
        )
    }
