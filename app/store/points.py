"""Task points: a table's answers to a group task's questions, versioned."""

from app.store.connection import new_uid, select_all, select_one

POINT_COLUMNS = (
    'id, activity_id, question_id, table_number AS "table", text, version, deleted,'
    " created_at, updated_at, participant_token, client_id, uid, held, hidden"
)

POINT_FLAGS = ("deleted", "held", "hidden")


def decode_row(row):
    """A point row with its flags as bools (None stays None)."""
    if row is not None:
        for flag in POINT_FLAGS:
            row[flag] = bool(row[flag])
    return row


def insert_point(db, point):
    """Insert a task point; sqlite3.IntegrityError if its client id was stored before."""
    cursor = db.conn.execute(
        "INSERT INTO points (activity_id, gathering_id, table_number, question_id, text,"
        " participant_token, client_id, created_at, updated_at, uid, held)"
        " VALUES (:activity_id, :gathering_id, :table_number, :question_id, :text,"
        " :participant_token, :client_id, :created_at, :created_at, :uid, :held)",
        {"uid": new_uid(), "held": 0, **point},
    )
    return cursor.lastrowid


def get_point(db, point_id):
    return decode_row(
        select_one(db, f"SELECT {POINT_COLUMNS} FROM points WHERE id = ?", (point_id,))
    )


def get_point_by_client_id(db, participant_token, client_id):
    return decode_row(
        select_one(
            db,
            f"SELECT {POINT_COLUMNS} FROM points WHERE participant_token = ? AND client_id = ?",
            (participant_token, client_id),
        )
    )


def get_points(db, point_ids):
    if not point_ids:
        return []
    marks = ",".join("?" * len(point_ids))
    rows = select_all(
        db,
        f"SELECT {POINT_COLUMNS} FROM points WHERE id IN ({marks}) ORDER BY id",
        list(point_ids),
    )
    return [decode_row(r) for r in rows]


def list_points(db, activity_id, table_number=None, include_deleted=False, visible_only=False):
    """An activity's points, oldest first; `visible_only` leaves out held and hidden ones."""
    sql = f"SELECT {POINT_COLUMNS} FROM points WHERE activity_id = ?"
    params = [activity_id]
    if table_number is not None:
        sql += " AND table_number = ?"
        params.append(table_number)
    if not include_deleted:
        sql += " AND deleted = 0"
    if visible_only:
        sql += " AND held = 0 AND hidden = 0"
    return [decode_row(r) for r in select_all(db, sql + " ORDER BY id", params)]


def update_point(db, point_id, version, text, deleted, now, held=False):
    """Save a point only if nobody saved it since `version`; True when saved. A text that
    the word list holds (`held`) holds the point again; approval is the facilitator's."""
    cursor = db.conn.execute(
        "UPDATE points SET text = ?, deleted = ?, version = version + 1, updated_at = ?,"
        " held = MAX(held, ?) WHERE id = ? AND version = ?",
        (text, int(deleted), now, int(held), point_id, version),
    )
    return cursor.rowcount == 1


def set_point_flag(db, point_id, flag, value):
    """Set a point's moderation flag: hidden, or held (waiting for approval)."""
    if flag not in ("hidden", "held"):
        raise ValueError(flag)
    db.conn.execute(f"UPDATE points SET {flag} = ? WHERE id = ?", (int(value), point_id))


def count_points(db, activity_id):
    return db.conn.execute(
        "SELECT COUNT(*) FROM points WHERE activity_id = ? AND deleted = 0", (activity_id,)
    ).fetchone()[0]
