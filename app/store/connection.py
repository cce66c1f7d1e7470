"""The database connection: one writer shared by the process, group commit, reads."""

import os
import sqlite3
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from flask import current_app
from sqlite_utils import Database

from app.store.schema import migrate

DATABASE_FILE = "samla.db"


# How long the first writer of a batch waits for others to share its commit. Zero still
# yields once, which lets every writer that is ready to run join; waiting longer only
# holds SQLite's write lock longer against the other processes (docs/BENCHMARKS.md).
GROUP_COMMIT_SECONDS = 0


class Store:
    """One SQLite connection shared by the whole process, guarded by a lock.

    A single writer is what SQLite wants anyway; the lock also keeps one
    caller's transaction from swallowing another's statements. Callers never
    wait on the network while they hold it.
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
