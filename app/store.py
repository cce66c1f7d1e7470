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
    return [dict(zip(keys, row)) for row in cursor.fetchall()]


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
        "INSERT INTO tables (gathering_id, number, label, network) VALUES (?, ?, ?, ?)",
        [(gathering_id, t["number"], t["label"], t.get("network")) for t in tables],
    )
    db.conn.executemany(
        "INSERT INTO activities (gathering_id, position, kind, prompt, title, help, options, uid)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                gathering_id,
                position,
                a["kind"],
                a["prompt"],
                a.get("title"),
                a.get("help"),
                json.dumps(a["options"], ensure_ascii=False),
                a.get("uid") or new_uid(),
            )
            for position, a in enumerate(activities, start=1)
        ],
    )
    return gathering_id


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


def set_screen_activity(db, gathering_id, activity_id):
    db.conn.execute(
        "UPDATE gatherings SET screen_activity_id = ? WHERE id = ?", (activity_id, gathering_id)
    )


def list_tables(db, gathering_id):
    return _rows(
        db,
        "SELECT number, label, network FROM tables WHERE gathering_id = ? ORDER BY number",
        (gathering_id,),
    )


def get_table(db, gathering_id, number):
    return _row(
        db,
        "SELECT number, label, network FROM tables WHERE gathering_id = ? AND number = ?",
        (gathering_id, number),
    )


def _activity(row):
    if row is not None:
        row["options"] = json.loads(row["options"])
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
    " e.client_id, e.participant_token,"
    " (a.highlighted_entry_id IS e.id) AS highlighted"
)


def _entry(row):
    if row is not None:
        row["hidden"] = bool(row["hidden"])
        row["highlighted"] = bool(row["highlighted"])
    return row


def insert_entry(db, entry):
    """Insert an entry; sqlite3.IntegrityError if its client id was stored before."""
    cursor = db.conn.execute(
        "INSERT INTO entries (activity_id, gathering_id, table_number, participant_token,"
        " client_id, text, created_at, uid)"
        " VALUES (:activity_id, :gathering_id, :table_number, :participant_token,"
        " :client_id, :text, :created_at, :uid)",
        {"uid": new_uid(), **entry},
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
        sql += " AND e.hidden = 0"
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
        "SELECT activity_id, SUM(hidden = 0) AS count, SUM(hidden = 1) AS hidden_count"
        " FROM entries WHERE gathering_id = ? GROUP BY activity_id",
        (gathering_id,),
    )
    return {r["activity_id"]: {"count": r["count"], "hidden_count": r["hidden_count"]} for r in rows}


def activity_counts(db, activity_id):
    row = db.conn.execute(
        "SELECT COALESCE(SUM(hidden = 0), 0), COALESCE(SUM(hidden = 1), 0)"
        " FROM entries WHERE activity_id = ?",
        (activity_id,),
    ).fetchone()
    return {"count": row[0], "hidden_count": row[1]}


def visible_texts(db, activity_id):
    return [
        row[0]
        for row in db.conn.execute(
            "SELECT text FROM entries WHERE activity_id = ? AND hidden = 0 ORDER BY id",
            (activity_id,),
        )
    ]


def set_entry_hidden(db, entry_id, hidden):
    db.conn.execute("UPDATE entries SET hidden = ? WHERE id = ?", (int(hidden), entry_id))


def entries_after(db, activity_id, after_id):
    """(id, text, hidden) of an activity's entries with ids above `after_id`, oldest first."""
    return db.conn.execute(
        "SELECT id, text, hidden FROM entries WHERE activity_id = ? AND id > ? ORDER BY id",
        (activity_id, after_id),
    ).fetchall()


def hidden_entry_ids(db, activity_id):
    return [
        row[0]
        for row in db.conn.execute(
            "SELECT id FROM entries WHERE activity_id = ? AND hidden = 1", (activity_id,)
        )
    ]
