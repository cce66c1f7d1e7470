"""Backups: a consistent copy of the live database, and a restore that brings it back."""

import sqlite3
import subprocess
import sys
import threading

from app import create_app
from app.store import backup
from conftest import ROOT_DIR, simple_definition


def entry_texts(path):
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT text FROM entries ORDER BY id")]
    finally:
        conn.close()


def test_a_backup_taken_while_phones_write_is_whole_and_restores(
    app, organiser, join, client, tmp_path
):
    gathering = organiser.create(
        simple_definition(activities=[{"kind": "statements", "prompt": "Så mange du vil"}])
    )
    statements = gathering["activities"][0]
    organiser.open(gathering, statements)
    token = join(gathering)
    headers = {"Authorization": f"Bearer {token}"}

    def write(start):
        for n in range(start, start + 20):
            body = {"activity_id": statements["id"], "text": f"utsagn {n}", "client_id": f"c{n}"}
            assert (
                app.test_client().post("/api/submissions", json=body, headers=headers).status_code
                == 201
            )

    for n in range(0, 60, 20):
        writer = threading.Thread(target=write, args=(n,))
        writer.start()
        copy = backup.backup(app.config["DATA_DIR"], tmp_path / f"copy-{n}.db")
        writer.join()
        copied = entry_texts(copy)
        assert copied == [f"utsagn {i}" for i in range(len(copied))]  # a prefix, never a tear

    final = backup.backup(app.config["DATA_DIR"], tmp_path)
    assert final.parent == tmp_path and final.name.startswith("samla-")
    assert len(entry_texts(final)) == 60

    restored_dir = tmp_path / "restored"
    backup.restore(final, restored_dir)
    again = create_app(
        {
            "DATA_DIR": str(restored_dir),
            "ADMIN_TOKEN": "x",
            "TESTING": True,
            "ASYNC_MODE": "threading",
        }
    )
    try:
        with again.app_context():
            db_store = again.extensions["samla_store"]
            with db_store.read() as db:
                assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                rows = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        assert rows == 60
    finally:
        again.extensions["samla_store"].close()


def test_the_backup_command_runs_and_refuses_a_damaged_file(app, organiser, tmp_path):
    organiser.create(simple_definition())
    target = tmp_path / "copy.db"
    done = subprocess.run(
        [sys.executable, "-m", "app.store.backup", app.config["DATA_DIR"], str(target)],
        cwd=ROOT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(target)

    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database" * 100)
    refused = subprocess.run(
        [sys.executable, "-m", "app.store.backup", "--restore", str(damaged), str(tmp_path / "d")],
        cwd=ROOT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 1 and "error" in refused.stderr
    assert not (tmp_path / "d" / "samla.db").exists()

    restored = subprocess.run(
        [sys.executable, "-m", "app.store.backup", "--restore", str(target), str(tmp_path / "r")],
        cwd=ROOT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert restored.returncode == 0, restored.stderr
    conn = sqlite3.connect(tmp_path / "r" / "samla.db")
    assert conn.execute("SELECT COUNT(*) FROM gatherings").fetchone()[0] == 1
    conn.close()
