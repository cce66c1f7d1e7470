"""Faults that pass (a full disk, another process's lock) refuse with try_again; reads see
committed rows only, so nothing a failed commit rolls back is ever read."""

import sqlite3
import threading
import time

import pytest

from app import store
from app.errors import SamlaError
from app.store import connection
from tests.store.test_connection import add_gathering, entry


def disk_full():
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL
    return error


def words_activity(db_store):
    gathering_id = add_gathering(db_store)
    with db_store.read() as db:
        return gathering_id, store.activities.list_activities(db, gathering_id)[0]["id"]


def texts(db_store, activity_id):
    with db_store.read() as db:
        return {e["id"]: e["text"] for e in store.entries.list_entries(db, activity_id)}


def test_faults_that_pass_are_told_apart_from_the_rest():
    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorcode = sqlite3.SQLITE_BUSY
    io_error = sqlite3.OperationalError("disk I/O error")
    io_error.sqlite_errorcode = sqlite3.SQLITE_IOERR | (3 << 8)  # SQLITE_IOERR_WRITE
    assert connection.fault_reason(disk_full()) == "disk_full"
    assert connection.fault_reason(locked) == "database_locked"
    assert connection.fault_reason(io_error) == "io_error"
    assert connection.fault_reason(sqlite3.OperationalError("no such table: x")) is None
    wrapped = sqlite3.OperationalError("the commit failed")
    wrapped.__cause__ = disk_full()
    assert connection.fault_reason(wrapped) == "disk_full"


def test_reads_see_only_committed_rows_while_a_batch_is_open(db_store):
    gathering_id, activity_id = words_activity(db_store)
    inserted, release = threading.Event(), threading.Event()

    def writer():
        with db_store.write() as db:
            store.entries.insert_entry(db, entry(activity_id, gathering_id, "c1", "ikke ennå"))
            inserted.set()
            release.wait(5)

    thread = threading.Thread(target=writer)
    thread.start()
    assert inserted.wait(5)
    try:
        assert texts(db_store, activity_id) == {}  # not blocked by the writer, and blind to it
    finally:
        release.set()
        thread.join(5)
    assert list(texts(db_store, activity_id).values()) == ["ikke ennå"]


def test_a_transaction_reads_what_it_wrote_itself(db_store):
    gathering_id, activity_id = words_activity(db_store)
    with db_store.write() as db:
        store.entries.insert_entry(db, entry(activity_id, gathering_id, "c1", "mitt"))
        with db_store.read() as same:
            assert store.entries.count_entries(same, activity_id) == 1


def test_a_failed_commit_refuses_with_try_again_and_no_reader_ever_saw_its_rows(
    db_store, monkeypatch
):
    gathering_id, activity_id = words_activity(db_store)
    heard, seen_during_commit = [], []
    db_store.listeners.append(heard.append)
    real_commit = db_store._commit

    def commit_on_a_full_disk():
        seen_during_commit.append(texts(db_store, activity_id))  # a screen's resync, say
        raise disk_full()

    monkeypatch.setattr(db_store, "_commit", commit_on_a_full_disk)
    with pytest.raises(SamlaError) as refused, db_store.write() as db:
        store.entries.insert_entry(db, entry(activity_id, gathering_id, "c1", "tapt"))
    assert refused.value.code == "try_again"
    assert refused.value.answer == {"retry_after": connection.RETRY_AFTER_SECONDS["disk_full"]}
    assert seen_during_commit == [{}]
    assert texts(db_store, activity_id) == {}
    assert db_store.health()["status"] == "degraded"
    assert db_store.health()["reason"] == "disk_full"

    monkeypatch.setattr(db_store, "_commit", real_commit)
    with db_store.write() as db:
        stored = store.entries.insert_entry(db, entry(activity_id, gathering_id, "c1", "lagret"))
    # SQLite may give the rolled-back id again: only the stored text was ever readable under it.
    assert texts(db_store, activity_id) == {stored: "lagret"}
    assert db_store.health() == {"status": "ok"}
    assert [h["status"] for h in heard] == ["degraded", "ok"]


def test_a_write_waits_for_another_process_lock_then_answers_try_again(
    db_store, tmp_path, monkeypatch
):
    gathering_id, activity_id = words_activity(db_store)
    monkeypatch.setattr(connection, "WRITE_WAIT_SECONDS", 0.4)
    other = sqlite3.connect(tmp_path / "samla.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(SamlaError) as refused, db_store.write() as db:
            store.entries.insert_entry(db, entry(activity_id, gathering_id))
        waited = time.monotonic() - started
        assert refused.value.code == "try_again"
        assert 0.4 <= waited < 1.5
        assert db_store.health()["reason"] == "database_locked"
        assert texts(db_store, activity_id) == {}  # reads go on while writes cannot
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_write_goes_through_once_the_other_process_lets_go(db_store, tmp_path):
    gathering_id, activity_id = words_activity(db_store)
    other = sqlite3.connect(tmp_path / "samla.db", isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, other.execute, ("ROLLBACK",)).start()
    with db_store.write() as db:
        store.entries.insert_entry(db, entry(activity_id, gathering_id, "c1", "venta"))
    assert list(texts(db_store, activity_id).values()) == ["venta"]
    other.close()
