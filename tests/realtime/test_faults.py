"""A full disk through both doors: phones hear try_again, the console hears the health,
and no screen ever shows what was not stored."""

import sqlite3

from tests.conftest import ADMIN_TOKEN, received


def disk_full():
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL
    return error


def screen_texts(events, activity_id):
    """Every (id, text) a screen was ever shown for one activity, from state and updates."""
    shown = set()
    for packet in events:
        if packet["name"] == "state":
            for activity in packet["args"][0]["activities"]:
                if activity["id"] == activity_id:
                    shown |= {(e["id"], e["text"]) for e in activity["entries"]}
        elif packet["name"] == "activity_update":
            update = packet["args"][0]
            if update["activity_id"] == activity_id:
                shown |= {(e["id"], e["text"]) for e in update["entries"]}
    return shown


def test_a_full_disk_answers_try_again_and_no_screen_hears_of_the_lost_rows(
    app, client, gathering, organiser, phone, screen, monkeypatch
):
    from app.realtime.server import socketio

    words = gathering["activities"][0]
    organiser.open(gathering, words)
    writer, projector = phone(gathering), screen(gathering)
    console = socketio.test_client(
        app, auth={"token": ADMIN_TOKEN, "gathering_id": gathering["id"]}, flask_test_client=client
    )
    db_store = app.extensions["samla_store"]
    real_commit, resyncs = db_store._commit, []

    def commit_on_a_full_disk():
        # A screen that resyncs while the batch waits to commit.
        resyncs.append(projector.emit("sync", {}, callback=True))
        raise disk_full()

    monkeypatch.setattr(db_store, "_commit", commit_on_a_full_disk)
    item = {"activity_id": words["id"], "text": "borte", "client_id": "c1"}
    ack = writer.emit("submit", item, callback=True)
    assert ack["ok"] is False and ack["error"] == "try_again"
    assert ack["retry_after"] == 10 and ack["message"]
    http = client.post(
        "/api/submissions",
        json={**item, "client_id": "c2"},
        headers={"Authorization": f"Bearer {writer.token}"},
    )
    assert http.status_code == 503 and http.headers["Retry-After"] == "10"
    assert http.get_json()["error"] == "try_again"
    assert client.get("/healthz").get_json()["reason"] == "disk_full"
    assert [h["status"] for h in received(console, "health")] == ["degraded"]
    assert all(r["ok"] for r in resyncs)

    monkeypatch.setattr(db_store, "_commit", real_commit)
    stored = writer.emit("submit", {**item, "text": "lagret"}, callback=True)
    assert stored["ok"] is True
    again = writer.emit("submit", {**item, "text": "lagret"}, callback=True)
    assert again["duplicate"] is True
    assert client.get("/healthz").get_json()["status"] == "ok"
    assert [h["status"] for h in received(console, "health")] == ["ok"]

    events = projector.get_received()
    for r in resyncs:
        events.append({"name": "state", "args": [r["state"]]})
    assert screen_texts(events, words["id"]) == {(stored["id"], "lagret")}
    console.disconnect()


def test_a_console_that_connects_while_writes_fail_hears_why(app, client, gathering, monkeypatch):
    from app.realtime.server import socketio

    db_store = app.extensions["samla_store"]
    db_store._note_fault("database_locked")
    console = socketio.test_client(
        app, auth={"token": ADMIN_TOKEN, "gathering_id": gathering["id"]}, flask_test_client=client
    )
    (health,) = received(console, "health")
    assert health["status"] == "degraded" and health["reason"] == "database_locked"
    console.disconnect()


def test_a_read_that_meets_a_fault_answers_try_again_on_both_doors(
    app, client, gathering, organiser, phone, monkeypatch
):
    from app.realtime import snapshots

    writer = phone(gathering)

    def unreadable(*args, **kwargs):
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorcode = sqlite3.SQLITE_IOERR
        raise error

    monkeypatch.setattr(snapshots, "participant_state", unreadable)
    ack = writer.emit("sync", {}, callback=True)
    assert ack["error"] == "try_again" and ack["retry_after"] == 5
    monkeypatch.setattr("app.views.describe_gathering", unreadable)
    response = organiser.get(f"/api/gatherings/{gathering['id']}")
    assert response.status_code == 503 and response.get_json()["error"] == "try_again"


def test_a_countdown_that_meets_a_full_disk_closes_on_a_later_tick(
    app, gathering, organiser, monkeypatch
):
    from app import actions, store
    from app.realtime import timers

    words = gathering["activities"][0]
    organiser.open(gathering, words)
    db_store = app.extensions["samla_store"]
    with db_store.write() as db:
        store.activities.set_closes_at(db, words["id"], "2000-01-01T00:00:00.000Z")
    real_close, tries = actions.close_due_activities, []

    def close_on_a_full_disk_twice(db_store):
        tries.append(1)
        if len(tries) <= 2:
            raise store.connection.try_again("disk_full")
        return real_close(db_store)

    monkeypatch.setattr(actions, "close_due_activities", close_on_a_full_disk_twice)
    monkeypatch.setattr(timers, "TICK_SECONDS", 0.01)
    app.extensions["samla_timers"]._run()  # returns once nothing is left to close
    assert len(tries) == 3
    with db_store.read() as db:
        assert store.activities.get_activity(db, words["id"])["state"] == "closed"
