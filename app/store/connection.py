"""The database connections: one writer shared by the process, group commit, and a reader.

The reader has a connection of its own, so that it sees committed data only: a group
commit's batch stays open while its writers let others join, and a screen that read
through the writer's connection then could show rows the batch's commit rolls back.
"""

import os
import sqlite3
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from flask import current_app
from sqlite_utils import Database

from app.errors import SamlaError
from app.store.schema import migrate

DATABASE_FILE = "samla.db"

# SQLite's faults that pass: the phones' outboxes send again when they hear `try_again`.
TEMPORARY_FAULTS = {
    sqlite3.SQLITE_FULL: "disk_full",
    sqlite3.SQLITE_BUSY: "database_locked",
    sqlite3.SQLITE_LOCKED: "database_locked",
    sqlite3.SQLITE_IOERR: "io_error",
}

# When a phone should send again, by fault (the `retry_after` of the answer, in seconds).
RETRY_AFTER_SECONDS = {"disk_full": 10, "database_locked": 2, "io_error": 5}

# How long a write waits for another process's write lock before it answers `try_again`;
# shorter than a phone's ack time-out (8 s), so the phone hears why.
WRITE_WAIT_SECONDS = 5

# SQLite's own busy handler sleeps in the OS thread: under green threads that stops every
# phone. The writer waits for the lock in Python instead, sleeping cooperatively between
# tries; a reader in WAL mode hardly ever waits, and then only briefly.
READ_BUSY_TIMEOUT_MS = 200


# How long the first writer of a batch waits for others to share its commit. Zero still
# yields once, which lets every writer that is ready to run join; waiting longer only
# holds SQLite's write lock longer against the other processes (docs/BENCHMARKS.md).
GROUP_COMMIT_SECONDS = 0


def fault_reason(error):
    """'disk_full', 'database_locked' or 'io_error' when an SQLite error may pass, else None."""
    while error is not None:
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None:
            return TEMPORARY_FAULTS.get(code & 0xFF)
        error = error.__cause__
    return None


def try_again(reason):
    """The refusal of a write that may succeed later."""
    return SamlaError("try_again", answer={"retry_after": RETRY_AFTER_SECONDS[reason]})


class Store:
    """One SQLite connection for writing shared by the whole process, guarded by a lock,
    and one for reading.

    A single writer is what SQLite wants anyway; the lock also keeps one
    caller's transaction from swallowing another's statements. Callers never
    wait on the network while they hold it. Reads go through a connection of
    their own (WAL lets it read while the writer writes) and see committed rows only.
    """

    def __init__(self, path):
        self.path = str(path)
        keep_private(self.path)
        conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
        self.db = Database(conn)
        self.db.enable_wal()
        # An acknowledged submission is a promise: FULL syncs the WAL on every commit.
        self.db.execute("PRAGMA synchronous = FULL")
        self.db.execute("PRAGMA foreign_keys = ON")
        self.lock = threading.RLock()
        self.closed = False
        # Group commit: the open batch's number, the last one committed, and its outcome.
        self.settled = threading.Condition(self.lock)
        self.batch = self.committed = 0
        self.writing = self.committing = False
        self.writer = None  # the thread inside write(): its reads see its own changes
        self.failed = None
        with self.lock:
            migrate(self.db)  # at start the busy timeout above may wait: nobody is served yet
        self.db.execute("PRAGMA busy_timeout = 0")
        reader = sqlite3.connect(
            self.path, check_same_thread=False, timeout=READ_BUSY_TIMEOUT_MS / 1000
        )
        reader.isolation_level = None  # read() begins and ends its own snapshot
        self.reader = Database(reader)
        self.reader.execute("PRAGMA query_only = ON")
        self.reading = threading.RLock()
        self.reads = 0
        # Whether writes fail for a reason that passes, and who wants to hear when that changes.
        self.fault = None
        self.listeners = []

    def health(self):
        """`{"status": "ok"}`, or degraded with the reason of the last write's fault."""
        if self.fault is None:
            return {"status": "ok"}
        return {"status": "degraded", **self.fault}

    def _note_fault(self, reason):
        """Remember the writes' fault (None once a write succeeds) and tell the listeners."""
        if (self.fault or {}).get("reason") == reason:
            return
        if reason is None:
            self.fault = None
        else:
            since = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            self.fault = {"reason": reason, "since": since}
        health = self.health()
        for listener in list(self.listeners):
            listener(health)

    @contextmanager
    def write(self):
        """A transaction that commits before it returns, or refuses with `try_again`
        when SQLite's fault may pass (a full disk, another process's lock, an I/O error)."""
        try:
            with self._transaction() as db:
                yield db
        except sqlite3.Error as error:
            reason = fault_reason(error)
            if reason is None:
                raise
            self._note_fault(reason)
            raise try_again(reason) from error
        if self.fault is not None and self.writer is None:
            self._note_fault(None)

    @contextmanager
    def _transaction(self):
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
        deadline = time.monotonic() + WRITE_WAIT_SECONDS
        with self.lock:
            if self.writing:
                with self.db.atomic():
                    yield self.db
                return
            if not self.db.conn.in_transaction:
                self._begin(deadline)
                self.batch += 1
            batch, failure = self.batch, None
            self.writing, self.writer = True, threading.get_ident()
            try:
                with self.db.atomic():
                    yield self.db
            except BaseException as error:
                failure = error
            finally:
                self.writing, self.writer = False, None
            leads = not self.committing
            self.committing = True
        if leads:
            self._commit_batch(batch)
        elif failure is None:
            self._wait_for_commit(batch)
        if failure is not None:
            raise failure

    def _begin(self, deadline):
        """Take SQLite's write lock, waiting for another process's until `deadline`.

        `time.sleep` is green under eventlet and gevent (run.py patches it), so while
        this writer waits every other phone is served; writers of this process that
        arrive meanwhile queue on `self.lock` and try once more when they get it.
        """
        pause = 0.002
        while True:
            try:
                self.db.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if fault_reason(error) != "database_locked" or time.monotonic() >= deadline:
                    raise
            time.sleep(min(pause, max(0, deadline - time.monotonic())))
            pause = min(pause * 2, 0.05)

    def _commit(self):
        self.db.conn.execute("COMMIT")

    def _commit_batch(self, batch):
        """Let the writers that arrive meanwhile join, then commit them all."""
        time.sleep(GROUP_COMMIT_SECONDS)
        with self.lock:
            try:
                self._commit()
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
            raise sqlite3.OperationalError(f"the commit failed: {failed[1]}") from failed[1]

    @contextmanager
    def read(self):
        """A few reads of one committed snapshot.

        Inside write() the writer's own connection is lent, so that a transaction
        reads what it has written itself.
        """
        if self.writer is not None and self.writer == threading.get_ident():
            yield self.db
            return
        with self.reading:
            self.reads += 1
            if self.reads == 1:
                self.reader.conn.execute("BEGIN")
            try:
                yield self.reader
            finally:
                self.reads -= 1
                if self.reads == 0:
                    self.reader.conn.execute("COMMIT")

    def close(self):
        with self.lock, self.reading:
            if self.db.conn.in_transaction:
                self.db.conn.execute("COMMIT")
            self.reader.close()
            self.db.close()
            self.closed = True


def init_app(app):
    """Open the database in the data folder and close it when the app is torn down."""
    path = Path(app.config["DATA_DIR"]) / DATABASE_FILE
    app.extensions["samla_store"] = Store(path)


def keep_private(path):
    """Make the database (created if missing) and its WAL readable by its owner only: they
    hold every participant's and screen's token. SQLite gives a new WAL the database's
    mode. Nothing to do where files have no POSIX modes, or for an in-memory database."""
    if os.name != "posix" or path == ":memory:" or path.startswith("file:"):
        return
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for name in (path, path + "-wal", path + "-shm"):
        if os.path.exists(name):
            os.chmod(name, 0o600)


def get_store():
    """The app's store."""
    return current_app.extensions["samla_store"]


def data_version(db):
    """A number that changes whenever another connection (this process's writer, or another
    process's) has committed. Read inside read(), it names the snapshot that read sees: a
    cache of what was read is good while the number stays the same."""
    return db.conn.execute("PRAGMA data_version").fetchone()[0]


def select_all(db, sql, params=()):
    """Every row of a query as a dict."""
    cursor = db.conn.execute(sql, params)
    keys = [column[0] for column in cursor.description]
    return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]


def select_one(db, sql, params=()):
    """The first row of a query as a dict, or None."""
    rows = select_all(db, sql, params)
    return rows[0] if rows else None


def new_uid():
    """An id that stays the same when a row travels to another server in a bundle."""
    return uuid.uuid4().hex
