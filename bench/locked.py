"""How live the room stays while another process holds the database's write lock.

Starts `run.py` (eventlet by default) on a free port, opens a statements activity, then a
second process takes SQLite's write lock (BEGIN IMMEDIATE) and holds it for --hold
seconds. Meanwhile it measures, again and again: /healthz, an organiser's read, a phone's
connect until its `state`, and what a phone's submit is answered (and after how long).
After the lock is let go it resends what was refused and counts the rows.

    python bench/locked.py                   # 10 s lock, eventlet
    python bench/locked.py --hold 10 --async-mode threading
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from harness import Listener, Server  # noqa: E402

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def ms(started):
    return (time.monotonic() - started) * 1000


def summary(values):
    values = sorted(values)
    if not values:
        return {}
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(values), 1),
        "p99_ms": round(values[min(len(values) - 1, int(len(values) * 0.99))], 1),
        "max_ms": round(values[-1], 1),
    }


def run(hold, mode):
    with tempfile.TemporaryDirectory() as folder:
        server = Server(Path(folder) / "data", mode)
        server.start()
        try:
            return measure(server, hold)
        finally:
            server.stop()


def measure(server, hold):
    gathering = server.api(
        "POST",
        "/api/gatherings",
        json={
            "title": "Låseprøve",
            "tables": 2,
            "activities": [{"kind": "statements", "prompt": "Skriv"}],
        },
    ).json()
    activity = gathering["activities"][0]
    path = f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/state"
    server.api("POST", path, json={"state": "open"})

    def join():
        return requests.post(
            server.url + "/api/join", json={"code": gathering["code"], "table": 1}, timeout=10
        ).json()["participant_token"]

    writers = [Listener(server.url, {"token": join()}) for _ in range(3)]
    tokens = [join() for _ in range(40)]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(server.data / "samla.db"), str(hold)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    locked_at = time.monotonic()
    answers = []

    def submit(writer, n):
        item = {"activity_id": activity["id"], "client_id": f"c{n}", "text": f"Utsagn {n}"}
        started = time.monotonic()
        ack = writer.sio.call("submit", item, timeout=20)
        answers.append((item, writer, ack.get("error") or "ok", ms(started)))

    senders = [threading.Thread(target=submit, args=(w, n)) for n, w in enumerate(writers, start=1)]
    for sender in senders:
        sender.start()
    health, reads, connects, connected = [], [], [], []
    while time.monotonic() - locked_at < hold - 0.5:
        started = time.monotonic()
        requests.get(server.url + "/healthz", timeout=20)
        health.append(ms(started))
        started = time.monotonic()
        server.api("GET", f"/api/gatherings/{gathering['id']}")
        reads.append(ms(started))
        if tokens:
            started = time.monotonic()
            phone = Listener(server.url, {"token": tokens.pop()})
            phone.wait_for(lambda p=phone: p.payloads("state"), timeout=20)
            connects.append(ms(started))
            connected.append(phone)
        time.sleep(0.05)
    for sender in senders:
        sender.join(20)
    holder.wait(hold + 10)
    resent = [
        writer.sio.call("submit", item, timeout=10).get("ok") for item, writer, _, _ in answers
    ]
    for listener in writers + connected:
        listener.sio.disconnect()
    return {
        "hold_seconds": hold,
        "healthz": summary(health),
        "reads": summary(reads),
        "connects": summary(connects),
        "submits_while_locked": [
            {"answer": answer, "after_ms": round(took)} for _, _, answer, took in answers
        ],
        "resent_after_unlock_ok": all(resent),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold", type=float, default=10.0, help="seconds the lock is held")
    parser.add_argument("--async-mode", default="eventlet")
    options = parser.parse_args()
    print(json.dumps(run(options.hold, options.async_mode), indent=2))


if __name__ == "__main__":
    main()
