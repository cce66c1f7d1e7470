"""The real server for tests that need one: `python run.py` in a child process."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "server-test-organiser"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`python run.py` on a data folder that outlives restarts, on one free port."""

    def __init__(self, data, mode="eventlet", env=None):
        self.data, self.mode, self.port = Path(data), mode, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = env or {}
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
                "--public-url",
                self.url,
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
                if requests.get(self.url + "/healthz", timeout=1).json() == {"status": "ok"}:
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
