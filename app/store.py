"""The only module that speaks SQL: the connection, migrations and queries returning dicts."""

import functools
import json
import secrets
import sqlite3
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from flask import current_app
from sqlite_utils import Database

DATABASE_FILE = "samla.db"
# Gathering ids are random in this range: unique across servers, and exact in JavaScript.
GATHERING_ID_RANGE = (10**6, 2**40)
# How long the first writer of a batch waits for others to share its commit. Zero still
# yields once, which lets every writer that is ready to run join; waiting longer only
# holds SQLite's write lock longer against the other processes (docs/BENCHMARKS.md).
GROUP_COMMIT_SECONDS = 0

# Each step runs once, in order; PRAGMA user_version records how far a database has come.
MIGRATIONS = [
    """
    CREATE TABLE gatherings (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        date TEXT,
        place TEXT,
        organiser TEXT,
        language TEXT NOT NULL DEFAULT 'nb',
        definition TEXT NOT NULL,
        screen_token TEXT NOT NULL UNIQUE,
        screen_activity_id INTEGER,
        created_at TEXT NOT NULL
    );
    CREATE TABLE tables (
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        number INTEGER NOT NULL,
        label TEXT NOT NULL,
        network TEXT,
        PRIMARY KEY (gathering_id, number)
    );
    CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        prompt TEXT NOT NULL,
        title TEXT,
        help TEXT,
        options TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('open', 'closed')),
        highlighted_entry_id INTEGER,
        uid TEXT NOT NULL UNIQUE,
        opened_at TEXT,
        closed_at TEXT
    );
    CREATE INDEX activities_gathering ON activities (gathering_id, position);
    CREATE TABLE participants (
        token TEXT PRIMARY KEY,
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        table_number INTEGER NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        table_number INTEGER NOT NULL,
        participant_token TEXT NOT NULL,
        client_id TEXT NOT NULL,
        text TEXT NOT NULL,
        hidden INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        uid TEXT NOT NULL UNIQUE,
        UNIQUE (participant_token, client_id)
    );
    CREATE INDEX entries_activity_table ON entries (activity_id, table_number);
    CREATE INDEX entries_activity_participant ON entries (activity_id, participant_token);
    """,
    """
    ALTER TABLE activities ADD COLUMN key TEXT;
    ALTER TABLE activities ADD COLUMN tables TEXT;
    ALTER TABLE activities ADD COLUMN approval INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE activities ADD COLUMN revealed INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE activities ADD COLUMN closes_at TEXT;
    ALTER TABLE entries ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entries ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entries ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE gatherings ADD COLUMN screen_view TEXT;
    ALTER TABLE gatherings ADD COLUMN screen_question_id TEXT;
    CREATE TABLE points (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        table_number INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        text TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        deleted INTEGER NOT NULL DEFAULT 0,
        participant_token TEXT NOT NULL,
        client_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        uid TEXT NOT NULL UNIQUE,
        UNIQUE (participant_token, client_id)
    );
    CREATE INDEX points_activity_table ON points (activity_id, table_number);
    CREATE TABLE ballots (
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        participant_token TEXT NOT NULL,
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        table_number INTEGER NOT NULL,
        ballot TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (activity_id, participant_token)
    );
    CREATE TABLE upvotes (
        entry_id INTEGER NOT NULL REFERENCES entries(id),
        participant_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, participant_token)
    );
    """,
]


class Store:
    """One SQLite connection shared by the whole process, guarded by a lock.

    A single writer is what SQLite wants anyway; the lock also keeps one
    caller's transaction from swallowing another's statements. Callers never
    wait on the network while they hold it.
    """

    def __init__(self, path):
        self.path = str(path)
        conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
        self.db = Database(conn)
        self.db.enable_wal()
        # An acknowledged submission is a promise: FULL syncs the WAL on every commit.
        self.db.execute("PRAGMA synchronous = FULL")
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 10000")
        self.lock = threading.RLock()
        self.closed = False
        # Group commit: the open batch's number, the last one committed, and its outcome.
        self.settled = threading.Condition(self.lock)
        self.batch = self.committed = 0
        self.writing = self.committing = False
        self.failed = None
        with self.lock:
            migrate(self.db)

    @contextmanager
    def write(self):
        """A transaction: everything inside commits together or not at all, before it returns.

        Writers that arrive together share one commit (group commit): each
        writes inside its own savepoint of an open transaction, and the first
        to finish lets the others that are ready run (GROUP_COMMIT_SECONDS)
        before it commits for all of them. With synchronous=FULL every commit
        waits for the disk, and under green threads that wait stops the whole
        process; a burst of 2,000 phones then queues behind one fsync each
        (docs/BENCHMARKS.md).
        Every writer still returns only once its changes are on disk.

        The transaction takes SQLite's write lock at BEGIN: a deferred one that
        reads first cannot upgrade once another process (several serve one data
        folder when scaled out) has written since, and fails at once with
        "database is locked" instead of waiting out the busy timeout.
        """
        with self.lock:
            if self.writing:
                with self.db.atomic():
                    yield self.db
                return
            if not self.db.conn.in_transaction:
                self.db.conn.execute("BEGIN IMMEDIATE")
                self.batch += 1
            batch, failure = self.batch, None
            self.writing = True
            try:
                with self.db.atomic():
                    yield self.db
            except BaseException as error:
                failure = error
            finally:
                self.writing = False
            leads = not self.committing
            self.committing = True
        if leads:
            self._commit_batch(batch)
        elif failure is None:
            self._wait_for_commit(batch)
        if failure is not None:
            raise failure

    def _commit_batch(self, batch):
        """Let the writers that arrive meanwhile join, then commit them all."""
        time.sleep(GROUP_COMMIT_SECONDS)
        with self.lock:
            try:
                self.db.conn.execute("COMMIT")
                self.failed = None
            except BaseException as error:
                if self.db.conn.in_transaction:
                    self.db.conn.execute("ROLLBACK")
                self.failed = (batch, error)
            finally:
                self.committed = batch
                self.committing = False
                self.settled.notify_all()
        self._raise_if_failed(batch)

    def _wait_for_commit(self, batch):
        with self.lock:
            while self.committed < batch:
                self.settled.wait()
        self._raise_if_failed(batch)

    def _raise_if_failed(self, batch):
        failed = self.failed
        if failed is not None and failed[0] == batch:
            raise sqlite3.OperationalError(f"the commit failed: {failed[1]}")

    @contextmanager
    def read(self):
        """Exclusive use of the connection for a few reads."""
        with self.lock:
            yield self.db

    def close(self):
        with self.lock:
            if self.db.conn.in_transaction:
                self.db.conn.execute("COMMIT")
            self.db.close()
            self.closed = True


def migrate(db):
    """Bring the schema up to date, one numbered step at a time."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        with db.atomic():
            for statement in script.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")


def init_app(app):
    """Open the database in the data folder and close it when the app is torn down."""
    path = Path(app.config["DATA_DIR"]) / DATABASE_FILE
    app.extensions["samla_store"] = Store(path)


def get_store():
    return current_app.extensions["samla_store"]


def _rows(db, sql, params=()):
    cursor = db.conn.execute(sql, params)
    keys = [column[0] for column in cursor.description]
    return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]


def _row(db, sql, params=()):
    rows = _rows(db, sql, params)
    return rows[0] if rows else None


# Gatherings, tables and activities


def new_gathering_id(db):
    """A random id, so a gathering keeps its id when its bundle moves to another server."""
    while True:
        candidate = secrets.randbelow(GATHERING_ID_RANGE[1] - GATHERING_ID_RANGE[0])
        candidate += GATHERING_ID_RANGE[0]
        if _row(db, "SELECT 1 AS found FROM gatherings WHERE id = ?", (candidate,)) is None:
            return candidate


def new_uid():
    return uuid.uuid4().hex


def insert_gathering(db, gathering, tables, activities):
    """Store a new gathering with its tables and agenda; return its id."""
    gathering_id = gathering.get("id") or new_gathering_id(db)
    db.conn.execute(
        "INSERT INTO gatherings (id, code, title, date, place, organiser, language,"
        " definition, screen_token, created_at)"
        " VALUES (:id, :code, :title, :date, :place, :organiser, :language,"
        " :definition, :screen_token, :created_at)",
        {
            **gathering,
            "id": gathering_id,
            "definition": json.dumps(gathering["definition"], ensure_ascii=False),
        },
    )
    db.conn.executemany(
        "INSERT INTO tables (gathering_id, number, label, network, municipality)"
        " VALUES (?, ?, ?, ?, ?)",
        [(gathering_id, t["number"], t["label"], t.get("network"), t.get("municipality"))
         for t in tables],
    )
    for position, activity in enumerate(activities, start=1):
        insert_activity(db, gathering_id, position, activity)
    return gathering_id


ACTIVITY_SETTINGS = ("kind", "prompt", "title", "help", "key", "approval")


def _activity_values(activity):
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


def update_gathering(db, gathering_id, fields):
    """Rewrite the gathering's own settings: title, date, place, organiser, language, definition."""
    db.conn.execute(
        "UPDATE gatherings SET title = :title, date = :date, place = :place,"
        " organiser = :organiser, language = :language, definition = :definition"
        " WHERE id = :id",
        {**fields, "id": gathering_id,
         "definition": json.dumps(fields["definition"], ensure_ascii=False)},
    )


def save_table(db, gathering_id, table):
    db.conn.execute(
        "INSERT INTO tables (gathering_id, number, label, network, municipality)"
        " VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (gathering_id, number) DO UPDATE SET label = excluded.label,"
        " network = excluded.network, municipality = excluded.municipality",
        (gathering_id, table["number"], table["label"], table.get("network"),
         table.get("municipality")),
    )


def delete_table(db, gathering_id, number):
    db.conn.execute(
        "DELETE FROM tables WHERE gathering_id = ? AND number = ?", (gathering_id, number)
    )


def table_in_use(db, gathering_id, number):
    return db.conn.execute(
        "SELECT 1 FROM participants WHERE gathering_id = ? AND table_number = ? LIMIT 1",
        (gathering_id, number),
    ).fetchone() is not None


def code_in_use(db, code):
    return _row(db, "SELECT 1 AS found FROM gatherings WHERE code = ?", (code,)) is not None


@functools.lru_cache(maxsize=256)
def _definition(text):
    """A stored definition, decoded once: every join and connect reads the gathering, and a
    national gathering's definition lists hundreds of tables. Callers must not change it."""
    return json.loads(text)


def _gathering(row):
    if row is not None:
        row["definition"] = _definition(row["definition"])
    return row


def get_gathering(db, gathering_id):
    return _gathering(_row(db, "SELECT * FROM gatherings WHERE id = ?", (gathering_id,)))


def get_gathering_by_code(db, code):
    return _gathering(_row(db, "SELECT * FROM gatherings WHERE code = ?", (code,)))


def list_gatherings(db):
    return [_gathering(r) for r in _rows(db, "SELECT * FROM gatherings ORDER BY id DESC")]


def set_screen_activity(db, gathering_id, activity_id, view=None, question_id=None):
    db.conn.execute(
        "UPDATE gatherings SET screen_activity_id = ?, screen_view = ?, screen_question_id = ?"
        " WHERE id = ?",
        (activity_id, view, question_id, gathering_id),
    )


def list_tables(db, gathering_id):
    return _rows(
        db,
        "SELECT number, label, network, municipality FROM tables WHERE gathering_id = ?"
        " ORDER BY number",
        (gathering_id,),
    )


def get_table(db, gathering_id, number):
    return _row(
        db,
        "SELECT number, label, network, municipality FROM tables"
        " WHERE gathering_id = ? AND number = ?",
        (gathering_id, number),
    )


def _activity(row):
    if row is not None:
        row["options"] = json.loads(row["options"])
        row["tables"] = json.loads(row["tables"]) if row["tables"] else None
        row["approval"] = bool(row["approval"])
        row["revealed"] = bool(row["revealed"])
    return row


def list_activities(db, gathering_id):
    rows = _rows(
        db, "SELECT * FROM activities WHERE gathering_id = ? ORDER BY position", (gathering_id,)
    )
    return [_activity(r) for r in rows]


def get_activity(db, activity_id):
    return _activity(_row(db, "SELECT * FROM activities WHERE id = ?", (activity_id,)))


def set_activity_state(db, activity_id, state, now):
    stamp = "opened_at" if state == "open" else "closed_at"
    db.conn.execute(
        f"UPDATE activities SET state = ?, {stamp} = ? WHERE id = ?", (state, now, activity_id)
    )


def set_revealed(db, activity_id, revealed):
    db.conn.execute(
        "UPDATE activities SET revealed = ? WHERE id = ?", (int(revealed), activity_id)
    )


def set_closes_at(db, activity_id, closes_at):
    db.conn.execute("UPDATE activities SET closes_at = ? WHERE id = ?", (closes_at, activity_id))


def activities_due(db, at):
    """Open activities whose timer has run out."""
    rows = _rows(
        db,
        "SELECT * FROM activities WHERE state = 'open' AND closes_at IS NOT NULL"
        " AND closes_at <= ?",
        (at,),
    )
    return [_activity(r) for r in rows]


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


# Participants


def insert_participant(db, token, gathering_id, table_number, now):
    db.conn.execute(
        "INSERT INTO participants (token, gathering_id, table_number, created_at)"
        " VALUES (?, ?, ?, ?)",
        (token, gathering_id, table_number, now),
    )


def get_participant(db, token):
    return _row(db, "SELECT * FROM participants WHERE token = ?", (token,))


def count_participants(db, gathering_id):
    """Participants per table number."""
    rows = _rows(
        db,
        "SELECT table_number, COUNT(*) AS n FROM participants WHERE gathering_id = ?"
        " GROUP BY table_number",
        (gathering_id,),
    )
    return {r["table_number"]: r["n"] for r in rows}


# Entries

ENTRY_COLUMNS = (
    "e.id, e.activity_id, e.table_number AS \"table\", e.text, e.hidden, e.created_at,"
    " e.client_id, e.participant_token, e.held, e.pinned, e.answered, e.uid,"
    " (a.highlighted_entry_id IS e.id) AS highlighted,"
    " (SELECT COUNT(*) FROM upvotes u WHERE u.entry_id = e.id) AS votes"
)
ENTRY_FLAGS = ("hidden", "highlighted", "held", "pinned", "answered")


def _entry(row):
    if row is not None:
        for flag in ENTRY_FLAGS:
            row[flag] = bool(row[flag])
    return row


def insert_entry(db, entry):
    """Insert an entry; sqlite3.IntegrityError if its client id was stored before."""
    cursor = db.conn.execute(
        "INSERT INTO entries (activity_id, gathering_id, table_number, participant_token,"
        " client_id, text, created_at, held, uid)"
        " VALUES (:activity_id, :gathering_id, :table_number, :participant_token,"
        " :client_id, :text, :created_at, :held, :uid)",
        {"uid": new_uid(), "held": 0, **entry},
    )
    return cursor.lastrowid


def get_entry(db, entry_id):
    return _entry(
        _row(
            db,
            f"SELECT {ENTRY_COLUMNS} FROM entries e JOIN activities a ON a.id = e.activity_id"
            " WHERE e.id = ?",
            (entry_id,),
        )
    )


def get_entry_by_client_id(db, participant_token, client_id):
    return _entry(
        _row(
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
    rows = _rows(
        db,
        f"SELECT {ENTRY_COLUMNS} FROM entries e JOIN activities a ON a.id = e.activity_id"
        f" WHERE e.id IN ({marks}) ORDER BY e.id",
        list(entry_ids),
    )
    return [_entry(r) for r in rows]


def list_entries(db, activity_id, table_number=None, participant_token=None, visible_only=False):
    """An activity's entries, oldest first, optionally of one table or participant."""
    sql = (
        f"SELECT {ENTRY_COLUMNS} FROM entries e JOIN activities a ON a.id = e.activity_id"
        " WHERE e.activity_id = ?"
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
    return [_entry(r) for r in _rows(db, sql + " ORDER BY e.id", params)]


def count_entries(db, activity_id, table_number=None, participant_token=None):
    """How many entries (hidden ones too) an activity has, of one table or participant."""
    sql = "SELECT COUNT(*) FROM entries WHERE activity_id = ?"
    params = [activity_id]
    if table_number is not None:
        sql += " AND table_number = ?"
        params.append(table_number)
    if participant_token is not None:
        sql += " AND participant_token = ?"
        params.append(participant_token)
    return db.conn.execute(sql, params).fetchone()[0]


def entry_counts(db, gathering_id):
    """Visible and hidden entries per activity of a gathering."""
    rows = _rows(
        db,
        f"SELECT activity_id, {COUNT_COLUMNS} FROM entries WHERE gathering_id = ?"
        " GROUP BY activity_id",
        (gathering_id,),
    )
    return {r.pop("activity_id"): r for r in rows}


# Visible entries are neither hidden by the facilitator nor waiting for approval.
COUNT_COLUMNS = (
    "COALESCE(SUM(hidden = 0 AND held = 0), 0) AS count,"
    " COALESCE(SUM(hidden = 1), 0) AS hidden_count,"
    " COALESCE(SUM(held = 1 AND hidden = 0), 0) AS held_count"
)
NO_ENTRIES = {"count": 0, "hidden_count": 0, "held_count": 0}


def activity_counts(db, activity_id):
    return _row(db, f"SELECT {COUNT_COLUMNS} FROM entries WHERE activity_id = ?", (activity_id,))


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
    db.conn.execute(f"UPDATE entries SET {flag} = ? WHERE id = ?", (int(value), entry_id))


def set_entry_hidden(db, entry_id, hidden):
    set_entry_flag(db, entry_id, "hidden", hidden)


# Task points

POINT_COLUMNS = (
    "id, activity_id, question_id, table_number AS \"table\", text, version, deleted,"
    " created_at, updated_at, participant_token, client_id, uid"
)


def _point(row):
    if row is not None:
        row["deleted"] = bool(row["deleted"])
    return row


def insert_point(db, point):
    """Insert a task point; sqlite3.IntegrityError if its client id was stored before."""
    cursor = db.conn.execute(
        "INSERT INTO points (activity_id, gathering_id, table_number, question_id, text,"
        " participant_token, client_id, created_at, updated_at, uid)"
        " VALUES (:activity_id, :gathering_id, :table_number, :question_id, :text,"
        " :participant_token, :client_id, :created_at, :created_at, :uid)",
        {"uid": new_uid(), **point},
    )
    return cursor.lastrowid


def get_point(db, point_id):
    return _point(_row(db, f"SELECT {POINT_COLUMNS} FROM points WHERE id = ?", (point_id,)))


def get_point_by_client_id(db, participant_token, client_id):
    return _point(
        _row(
            db,
            f"SELECT {POINT_COLUMNS} FROM points WHERE participant_token = ? AND client_id = ?",
            (participant_token, client_id),
        )
    )


def get_points(db, point_ids):
    if not point_ids:
        return []
    marks = ",".join("?" * len(point_ids))
    rows = _rows(
        db, f"SELECT {POINT_COLUMNS} FROM points WHERE id IN ({marks}) ORDER BY id",
        list(point_ids),
    )
    return [_point(r) for r in rows]


def list_points(db, activity_id, table_number=None, include_deleted=False):
    sql = f"SELECT {POINT_COLUMNS} FROM points WHERE activity_id = ?"
    params = [activity_id]
    if table_number is not None:
        sql += " AND table_number = ?"
        params.append(table_number)
    if not include_deleted:
        sql += " AND deleted = 0"
    return [_point(r) for r in _rows(db, sql + " ORDER BY id", params)]


def update_point(db, point_id, version, text, deleted, now):
    """Save a point only if nobody saved it since `version`; True when saved."""
    cursor = db.conn.execute(
        "UPDATE points SET text = ?, deleted = ?, version = version + 1, updated_at = ?"
        " WHERE id = ? AND version = ?",
        (text, int(deleted), now, point_id, version),
    )
    return cursor.rowcount == 1


def count_points(db, activity_id):
    return db.conn.execute(
        "SELECT COUNT(*) FROM points WHERE activity_id = ? AND deleted = 0", (activity_id,)
    ).fetchone()[0]


# Priority ballots and question votes


def save_ballot(db, activity_id, participant, ballot, now):
    """Store a participant's ballot, replacing an earlier one."""
    db.conn.execute(
        "INSERT INTO ballots (activity_id, participant_token, gathering_id, table_number,"
        " ballot, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (activity_id, participant_token) DO UPDATE SET"
        " ballot = excluded.ballot, updated_at = excluded.updated_at",
        (activity_id, participant["token"], participant["gathering_id"],
         participant["table_number"], json.dumps(ballot), now),
    )


def get_ballot(db, activity_id, participant_token):
    row = db.conn.execute(
        "SELECT ballot FROM ballots WHERE activity_id = ? AND participant_token = ?",
        (activity_id, participant_token),
    ).fetchone()
    return json.loads(row[0]) if row else None


def list_ballots(db, activity_id):
    """Every ballot with its table and the table's network."""
    rows = _rows(
        db,
        "SELECT b.ballot, b.table_number AS \"table\", t.network FROM ballots b"
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


# Networks, notes and records

# Appended here rather than in the list above, so it simply runs after any step added there.
MIGRATIONS.append(
    """
    CREATE TABLE networks (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        county TEXT,
        ordning TEXT,
        municipalities TEXT NOT NULL DEFAULT '[]',
        contact TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE notes (
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        activity_uid TEXT NOT NULL,
        notes TEXT,
        decision TEXT,
        follow_up TEXT,
        follow_up_by TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (gathering_id, activity_uid)
    );
    CREATE TABLE record_parts (
        network_id INTEGER NOT NULL REFERENCES networks(id),
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        gathering_date TEXT,
        content TEXT NOT NULL,
        filed_at TEXT NOT NULL,
        PRIMARY KEY (network_id, gathering_id)
    );
    """
)


def _network(row):
    if row is not None:
        row["municipalities"] = json.loads(row["municipalities"])
    return row


def insert_network(db, network):
    """Store a network; its id is random (like a gathering's) unless one is given."""
    network_id = network.get("id") or new_gathering_id(db)
    db.conn.execute(
        "INSERT INTO networks (id, name, county, ordning, municipalities, contact, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            network_id,
            network["name"],
            network.get("county"),
            network.get("ordning"),
            json.dumps(network.get("municipalities") or [], ensure_ascii=False),
            network.get("contact"),
            network["created_at"],
        ),
    )
    return network_id


def get_network(db, network_id):
    return _network(_row(db, "SELECT * FROM networks WHERE id = ?", (network_id,)))


def find_network_by_name(db, name):
    return _network(
        _row(db, "SELECT * FROM networks WHERE name = ? COLLATE NOCASE ORDER BY id", (name,))
    )


def list_networks(db):
    return [_network(r) for r in _rows(db, "SELECT * FROM networks ORDER BY name, id")]


def set_table_network(db, gathering_id, number, network):
    db.conn.execute(
        "UPDATE tables SET network = ? WHERE gathering_id = ? AND number = ?",
        (network, gathering_id, number),
    )


def get_notes(db, gathering_id):
    """The facilitator's notes of a gathering by activity uid ('' is the gathering's summary)."""
    rows = _rows(db, "SELECT * FROM notes WHERE gathering_id = ?", (gathering_id,))
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


def replace_record_parts(db, gathering_id, parts, now):
    """File a gathering into records: its earlier parts go, `parts` {network_id: content} come."""
    db.conn.execute("DELETE FROM record_parts WHERE gathering_id = ?", (gathering_id,))
    db.conn.executemany(
        "INSERT INTO record_parts (network_id, gathering_id, gathering_date, content, filed_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (
                network_id,
                gathering_id,
                content["gathering"].get("date"),
                json.dumps(content, ensure_ascii=False),
                now,
            )
            for network_id, content in parts.items()
        ],
    )


def list_record_parts(db, network_id):
    """A network's filed parts, in date order (undated last), as stored content."""
    rows = _rows(
        db,
        "SELECT content, filed_at FROM record_parts WHERE network_id = ?"
        " ORDER BY gathering_date IS NULL, gathering_date, gathering_id",
        (network_id,),
    )
    return [json.loads(row["content"]) for row in rows]


def filed_network_ids(db, gathering_id):
    rows = _rows(
        db, "SELECT network_id FROM record_parts WHERE gathering_id = ? ORDER BY network_id",
        (gathering_id,),
    )
    return [row["network_id"] for row in rows]


# Bundles: whole gatherings moved between servers, merged by stable ids


def list_participants(db, gathering_id):
    return _rows(
        db,
        "SELECT token, table_number, created_at FROM participants WHERE gathering_id = ?"
        " ORDER BY created_at, token",
        (gathering_id,),
    )


def list_bundle_entries(db, gathering_id):
    """Every entry of a gathering with its stable ids, for a bundle."""
    return _rows(
        db,
        "SELECT e.uid, a.uid AS activity_uid, e.table_number AS \"table\", e.participant_token,"
        " e.client_id, e.text, e.hidden, e.held, e.pinned, e.answered, e.created_at,"
        " (a.highlighted_entry_id IS e.id) AS highlighted"
        " FROM entries e JOIN activities a ON a.id = e.activity_id"
        " WHERE e.gathering_id = ? ORDER BY e.id",
        (gathering_id,),
    )


def insert_participant_if_missing(db, token, gathering_id, table_number, created_at):
    db.conn.execute(
        "INSERT OR IGNORE INTO participants (token, gathering_id, table_number, created_at)"
        " VALUES (?, ?, ?, ?)",
        (token, gathering_id, table_number, created_at),
    )


def get_activity_by_uid(db, uid):
    return _activity(_row(db, "SELECT * FROM activities WHERE uid = ?", (uid,)))


def entry_uid_exists(db, uid, participant_token, client_id):
    return (
        _row(
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
    return _entry(
        _row(
            db,
            f"SELECT {ENTRY_COLUMNS} FROM entries e JOIN activities a ON a.id = e.activity_id"
            " WHERE e.uid = ?",
            (uid,),
        )
    )


def get_point_by_uid(db, uid):
    return _point(_row(db, f"SELECT {POINT_COLUMNS} FROM points WHERE uid = ?", (uid,)))


def list_bundle_points(db, gathering_id):
    """Every task point of a gathering (deleted ones too) with stable ids, for a bundle."""
    rows = _rows(
        db,
        "SELECT p.uid, a.uid AS activity_uid, p.table_number AS \"table\", p.question_id,"
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
    rows = _rows(
        db,
        "SELECT a.uid AS activity_uid, b.participant_token, b.table_number AS \"table\","
        " b.ballot, b.updated_at FROM ballots b JOIN activities a ON a.id = b.activity_id"
        " WHERE b.gathering_id = ? ORDER BY b.rowid",
        (gathering_id,),
    )
    for row in rows:
        row["ballot"] = json.loads(row["ballot"])
    return rows


def get_ballot_time(db, activity_id, participant_token):
    row = db.conn.execute(
        "SELECT updated_at FROM ballots WHERE activity_id = ? AND participant_token = ?",
        (activity_id, participant_token),
    ).fetchone()
    return row[0] if row else None


def list_bundle_upvotes(db, gathering_id):
    return _rows(
        db,
        "SELECT e.uid AS entry_uid, u.participant_token, u.created_at FROM upvotes u"
        " JOIN entries e ON e.id = u.entry_id WHERE e.gathering_id = ? ORDER BY u.rowid",
        (gathering_id,),
    )


# Erasure

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


# A table may stand for a municipality, so participation can be counted per municipality.
MIGRATIONS.append("ALTER TABLE tables ADD COLUMN municipality TEXT;")


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
# Word merges, the moderation word list and themes across tables

MIGRATIONS.append(
    """
    CREATE TABLE word_merges (
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        word TEXT NOT NULL,
        into_word TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (activity_id, word)
    );
    CREATE TABLE moderation (
        gathering_id INTEGER PRIMARY KEY REFERENCES gatherings(id),
        enabled INTEGER NOT NULL DEFAULT 0,
        words TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL
    );
    CREATE TABLE themes (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        question_id TEXT,
        title TEXT NOT NULL,
        entries TEXT NOT NULL DEFAULT '[]',
        accepted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX themes_activity ON themes (activity_id);
    """
)


def list_merges(db, activity_id):
    """The facilitator's word merges of an activity, oldest first."""
    return _rows(
        db,
        "SELECT word, into_word, created_at FROM word_merges WHERE activity_id = ?"
        " ORDER BY created_at, rowid",
        (activity_id,),
    )


def save_merge(db, activity_id, word, into_word, now):
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


def get_moderation(db, gathering_id):
    row = _row(db, "SELECT enabled, words, updated_at FROM moderation WHERE gathering_id = ?",
               (gathering_id,))
    if row is not None:
        row["enabled"] = bool(row["enabled"])
        row["words"] = json.loads(row["words"])
    return row


def save_moderation(db, gathering_id, enabled, words, now):
    db.conn.execute(
        "INSERT INTO moderation (gathering_id, enabled, words, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (gathering_id) DO UPDATE SET enabled = excluded.enabled,"
        " words = excluded.words, updated_at = excluded.updated_at",
        (gathering_id, int(enabled), json.dumps(words, ensure_ascii=False), now),
    )


def _theme(row):
    if row is not None:
        row["entries"] = json.loads(row["entries"])
        row["accepted"] = bool(row["accepted"])
    return row


def list_themes(db, activity_id):
    rows = _rows(db, "SELECT * FROM themes WHERE activity_id = ? ORDER BY id", (activity_id,))
    return [_theme(r) for r in rows]


def get_theme(db, theme_id):
    return _theme(_row(db, "SELECT * FROM themes WHERE id = ?", (theme_id,)))


def insert_theme(db, theme):
    """A new theme; one from a bundle brings its own uid and times, else they are made here."""
    cursor = db.conn.execute(
        "INSERT INTO themes (activity_id, question_id, title, entries, accepted, created_at,"
        " updated_at, uid) VALUES (:activity_id, :question_id, :title, :entries, :accepted,"
        " :created_at, :updated_at, :uid)",
        {"uid": new_uid(), "created_at": theme.get("now"), "updated_at": theme.get("now"),
         **theme, "entries": json.dumps(theme["entries"]), "accepted": int(theme["accepted"])},
    )
    return cursor.lastrowid


def update_theme(db, theme_id, title, entries, accepted, now):
    db.conn.execute(
        "UPDATE themes SET title = ?, entries = ?, accepted = ?, updated_at = ? WHERE id = ?",
        (title, json.dumps(entries), int(accepted), now, theme_id),
    )


def delete_theme(db, theme_id):
    db.conn.execute("DELETE FROM themes WHERE id = ?", (theme_id,))


def set_activity_approval(db, activity_id, approval):
    db.conn.execute(
        "UPDATE activities SET approval = ? WHERE id = ?", (int(approval), activity_id)
    )


# Themes travel in bundles, so each has a stable uid (those made before get one now).
MIGRATIONS.append(
    """
    ALTER TABLE themes ADD COLUMN uid TEXT;
    UPDATE themes SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    CREATE UNIQUE INDEX themes_uid ON themes (uid);
    """
)


def get_theme_by_uid(db, uid):
    return _theme(_row(db, "SELECT * FROM themes WHERE uid = ?", (uid,)))


def list_bundle_merges(db, gathering_id):
    """Every word merge of a gathering with its activity's uid, for a bundle."""
    return _rows(
        db,
        "SELECT a.uid AS activity_uid, m.word, m.into_word AS \"into\", m.created_at"
        " FROM word_merges m JOIN activities a ON a.id = m.activity_id"
        " WHERE a.gathering_id = ? ORDER BY a.position, m.created_at, m.rowid",
        (gathering_id,),
    )


def list_bundle_themes(db, gathering_id):
    """Every kept theme of a gathering (entries still as local ids), for a bundle."""
    rows = _rows(
        db,
        "SELECT t.uid, a.uid AS activity_uid, a.kind, t.question_id, t.title, t.entries,"
        " t.accepted, t.created_at, t.updated_at FROM themes t"
        " JOIN activities a ON a.id = t.activity_id"
        " WHERE a.gathering_id = ? ORDER BY a.position, t.id",
        (gathering_id,),
    )
    return [_theme(row) for row in rows]
