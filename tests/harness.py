"""The real server for tests that need one: `python run.py` in a child process."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import requests
import socketio

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "server-test-organiser"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`python run.py` on a data folder that outlives restarts, on one free port; with
    `fixed_url=False` the join address is left to the server (and the organiser) to choose."""

    def __init__(self, data, mode="eventlet", env=None, fixed_url=True):
        self.data, self.mode, self.port = Path(data), mode, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = env or {}
        self.fixed_url = fixed_url
        self.process = None
        self.log_path = self.data.parent / f"server-{mode}-{self.port}.log"

    def start(self, timeout=30):
        env = {**os.environ, "SAMLA_ADMIN_TOKEN": TOKEN, **self.env}
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "run.py",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--data",
                str(self.data),
                *(["--public-url", self.url] if self.fixed_url else []),
                "--async-mode",
                self.mode,
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the server exited at start"
            try:
                if requests.get(self.url + "/healthz", timeout=1).json()["status"] == "ok":
                    return
            except requests.RequestException:
                time.sleep(0.05)
        raise AssertionError("the server did not answer /healthz")

    def kill(self):
        """SIGKILL: no shutdown handler runs, as in a power cut or an OOM kill."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        self.log.close()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.kill()

    def logged(self):
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def api(self, method, path, **kwargs):
        headers = {"Authorization": f"Bearer {TOKEN}", **kwargs.pop("headers", {})}
        return requests.request(method, self.url + path, headers=headers, timeout=10, **kwargs)


class Listener:
    """A Socket.IO client that records every event it hears."""

    def __init__(self, url, auth, transports=("websocket",)):
        self.events = []
        self.lock = threading.Lock()
        self.sio = socketio.Client(reconnection_delay=0.2, reconnection_delay_max=1)
        self.sio.on("*", self.record)
        self.sio.connect(url, auth=auth, transports=list(transports), wait_timeout=10)

    def record(self, name, payload=None):
        with self.lock:
            self.events.append((name, payload))

    def payloads(self, name):
        with self.lock:
            return [payload for event, payload in self.events if event == name]

    def call_when_connected(self, event, payload, timeout=30):
        """Send once connected, as a phone's outbox does: on a busy machine the client may
        drop a reconnection it got `state` on (its wait ran out) and make another."""
        self.wait_for(lambda: "/" in self.sio.namespaces, timeout=timeout)
        return self.sio.call(event, payload, timeout=10)

    def wait_for(self, predicate, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.05)
        raise AssertionError("the expected event did not arrive")


def seen_entries(screen, activity_id):
    """Entries as a screen knows them: its last state, then every update after it."""
    entries = {}
    with screen.lock:
        events = list(screen.events)
    for name, payload in events:
        if name == "state":
            entries = {}
            for activity in payload["activities"]:
                if activity["id"] == activity_id:
                    entries = {e["id"]: e for e in activity["entries"]}
        elif name == "activity_update" and payload["activity_id"] == activity_id:
            entries.update({e["id"]: e for e in payload["entries"]})
    return entries


@contextmanager
def page_server(tmp_path_factory, name):
    """The real server (eventlet, screens updated every 0.05 s) that page tests share."""
    running = Server(
        tmp_path_factory.mktemp(name) / "data",
        mode="eventlet",
        env={"SAMLA_COALESCE_SECONDS": "0.05"},
    )
    running.start()
    try:
        yield running
    finally:
        running.stop()
