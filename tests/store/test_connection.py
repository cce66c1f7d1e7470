"""The SQLite store: a real file in WAL mode, migrations, and the uniqueness behind idempotency."""

import sqlite3
import threading

import pytest

from app import store
from app.store import Store


def add_gathering(db_store):
    with db_store.write() as db:
        return store.gatherings.insert_gathering(
            db,
            {
                "code": "123456",
                "title": "T",
                "date": None,
                "place": None,
                "organiser": None,
                "language": "nb",
                "definition": {"title": "T"},
                "screen_token": "s",
                "created_at": "2026-01-01T00:00:00Z",
            },
            [{"number": 1, "label": "Bord 1"}],
            [{"kind": "words", "prompt": "?", "options": {"words_per_participant": 1}}],
        )


def entry(activity_id, gathering_id, client_id="c1", text="ord"):
    return {
        "activity_id": activity_id,
        "gathering_id": gathering_id,
        "table_number": 1,
        "participant_token": "p",
        "client_id": client_id,
        "text": text,
        "created_at": "2026-01-01T00:00:00Z",
    }


def test_the_database_is_a_file_in_wal_mode_with_full_sync(db_store, tmp_path):
    assert (tmp_path / "samla.db").exists()
    assert db_store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db_store.db.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_migrations_run_once_and_record_their_version(tmp_path):
    Store(tmp_path / "samla.db").close()
    again = Store(tmp_path / "samla.db")
    assert again.db.execute("PRAGMA user_version").fetchone()[0] == len(store.schema.MIGRATIONS)
    again.close()


def test_a_client_id_is_stored_once_by_constraint(db_store):
    gathering_id = add_gathering(db_store)
    with db_store.read() as db:
        activity_id = store.activities.list_activities(db, gathering_id)[0]["id"]
    with db_store.write() as db:
        store.entries.insert_entry(db, entry(activity_id, gathering_id))
    with pytest.raises(sqlite3.IntegrityError), db_store.write() as db:
        store.entries.insert_entry(db, entry(activity_id, gathering_id, text="other"))
    with db_store.read() as db:
        assert [e["text"] for e in store.entries.list_entries(db, activity_id)] == ["ord"]


def test_a_failed_transaction_leaves_nothing_behind(db_store):
    gathering_id = add_gathering(db_store)
    with db_store.read() as db:
        activity_id = store.activities.list_activities(db, gathering_id)[0]["id"]
    with pytest.raises(RuntimeError), db_store.write() as db:
        store.entries.insert_entry(db, entry(activity_id, gathering_id, "c2"))
        raise RuntimeError("boom")
    with db_store.read() as db:
        assert store.entries.count_entries(db, activity_id) == 0


def test_what_is_written_is_there_after_reopening(tmp_path):
    first = Store(tmp_path / "samla.db")
    gathering_id = add_gathering(first)
    first.close()
    second = Store(tmp_path / "samla.db")
    with second.read() as db:
        assert store.gatherings.get_gathering(db, gathering_id)["definition"] == {"title": "T"}
        assert store.gatherings.get_gathering_by_code(db, "123456")["id"] == gathering_id
    second.close()


def test_lookups_of_missing_things_return_none(db_store):
    with db_store.read() as db:
        assert store.gatherings.get_gathering(db, 1) is None
        assert store.activities.get_activity(db, 1) is None
        assert store.entries.get_entry(db, 1) is None
        assert store.gatherings.get_participant(db, "nobody") is None
        assert store.entries.get_entries(db, []) == []


def test_concurrent_writers_each_return_once_committed_and_one_failure_spares_the_rest(
    db_store, tmp_path
):
    """Writers arriving together may share one commit (group commit); none may lose by it."""
    gathering_id = add_gathering(db_store)
    with db_store.read() as db:
        activity_id = store.activities.list_activities(db, gathering_id)[0]["id"]
    outside = sqlite3.connect(tmp_path / "samla.db", check_same_thread=False)
    looking = threading.Lock()
    start = threading.Barrier(8)
    seen_at_return, failures = {}, []

    def writer(number):
        start.wait()
        try:
            with db_store.write() as db:
                store.entries.insert_entry(
                    db, entry(activity_id, gathering_id, f"c{number}", f"ord {number}")
                )
                if number == 3:
                    raise ValueError("this writer changes its mind")
        except ValueError:
            failures.append(number)
            return
        with looking:  # another connection sees only what is committed
            seen_at_return[number] = outside.execute(
                "SELECT COUNT(*) FROM entries WHERE client_id = ?", (f"c{number}",)
            ).fetchone()[0]

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert failures == [3]
    assert seen_at_return == {n: 1 for n in range(8) if n != 3}
    texts = {row[0] for row in outside.execute("SELECT text FROM entries")}
    assert texts == {f"ord {n}" for n in range(8) if n != 3}
    outside.close()
