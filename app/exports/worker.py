"""CPU-heavy work in warm worker processes, so the server's event loop never stalls.

A worker is a long-lived `python -m app.exports.jobs` child that has already imported the
renderers and serves jobs one after another over its stdin and stdout (the frames
are described in app/exports/jobs.py). It is started with the subprocess module, which
eventlet and gevent patch so that waiting on its pipes lets other clients run; in
threading mode only the waiting thread waits. A worker that crashes or runs out of
time is killed and replaced; one whose server dies sees its stdin close and exits.
"""

import atexit
import json
import subprocess
import sys
import threading
from pathlib import Path

from flask_babel import lazy_gettext as _l

from app.errors import SamlaError
from app.exports.jobs import ANSWER, FAILED, REQUEST

JOB_TIMEOUT = 120
# Jobs that run at once; more wait for a free worker. Each worker holds its own
# matplotlib, numpy and document libraries (125 MB), and a render keeps a core busy.
MAX_WORKERS = 2
PROJECT_ROOT = Path(__file__).resolve().parents[2]
WORKER_COMMAND = (sys.executable, "-m", "app.exports.jobs")


class JobFailed(RuntimeError):
    """A job raised an error, or its worker crashed or ran out of time."""


class Worker:
    """One child process; its caller runs one job at a time on it."""

    def __init__(self, command):
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=PROJECT_ROOT
        )
        self.expired = threading.Event()

    @property
    def pid(self):
        return self.process.pid

    def alive(self):
        return self.process.poll() is None and not self.expired.is_set()

    def run(self, name, payload, timeout):
        """The bytes job `name` renders from `payload`; JobFailed if it cannot."""
        request = json.dumps({"job": name, "payload": payload}).encode()
        watchdog = threading.Timer(timeout, self.expire)
        watchdog.start()
        try:
            self.process.stdin.write(REQUEST.pack(len(request)))
            self.process.stdin.write(request)
            self.process.stdin.flush()
            status, length = ANSWER.unpack(self.read(ANSWER.size))
            body = self.read(length)
        except (OSError, EOFError) as error:
            self.stop()
            if self.expired.is_set():
                raise JobFailed(f"job {name} took more than {timeout} s and was stopped") from None
            raise JobFailed(
                f"job {name}: the worker process ended (exit code {self.process.returncode})"
            ) from error
        finally:
            watchdog.cancel()
        if status == FAILED:
            raise JobFailed(f"job {name} failed: {body.decode(errors='replace')}")
        return body

    def read(self, size):
        # A green pipe may hand over fewer bytes than asked for.
        chunks, missing = [], size
        while missing:
            chunk = self.process.stdout.read(missing)
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)

    def expire(self):
        """Out of time: killing the child ends the read its job is waiting in."""
        self.expired.set()
        self.process.kill()

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            try:
                pipe.close()
            except OSError:
                pass


class Pool:
    """Warm workers: none until the first job, then one kept idle between jobs, more started
    while jobs overlap."""

    def __init__(self, command=WORKER_COMMAND, size=MAX_WORKERS, timeout=JOB_TIMEOUT):
        self.command, self.timeout = list(command), timeout
        self.slots = threading.BoundedSemaphore(size)
        self.lock = threading.Lock()
        self.idle, self.everyone = [], set()
        self.stopped_at_exit = False

    def warm_up(self):
        """Start the idle worker now, so that the first job finds it ready."""
        with self.lock:
            if not self.idle:
                self.idle.append(self.start())

    def run(self, name, payload, timeout=None):
        with self.slots:
            with self.lock:
                worker = self.idle.pop() if self.idle else self.start()
                if not worker.alive():
                    # Ended while idle (killed for memory, say): not the job's fault.
                    self.everyone.discard(worker)
                    dead, worker = worker, self.start()
                    dead.stop()
            try:
                return worker.run(name, payload, timeout or self.timeout)
            finally:
                self.give_back(worker)

    def give_back(self, worker):
        with self.lock:
            if worker.alive() and not self.idle:
                self.idle.append(worker)
                return
            self.everyone.discard(worker)
            if not self.idle:
                # A crashed or expired worker is replaced at once: the next job finds it warm.
                self.idle.append(self.start())
        worker.stop()

    def start(self):
        """A new worker (the caller holds the lock); it warms itself while we go on."""
        if not self.stopped_at_exit:
            atexit.register(self.stop)
            self.stopped_at_exit = True
        worker = Worker(self.command)
        self.everyone.add(worker)
        return worker

    def pids(self):
        with self.lock:
            return sorted(worker.pid for worker in self.everyone)

    def stop(self):
        """Stop every worker, idle or busy (at exit, or when a test is done with the pool)."""
        with self.lock:
            workers, self.everyone, self.idle = list(self.everyone), set(), []
        for worker in workers:
            worker.stop()


POOL = Pool()


def warm_up():
    """Start an idle worker now (benchmarks). The server does not: its first export starts
    the worker, so that a gathering that never exports does not hold the renderers' memory."""
    POOL.warm_up()


def run_job(name, payload):
    """The bytes job `name` (see app/exports/jobs.py) renders from `payload`, in a warm worker."""
    return POOL.run(name, payload)


def render_cloud_png(freq):
    if not isinstance(freq, list):
        raise SamlaError("bad_request", detail=_l("%(key)s må være en liste", key="frequencies"))
    return run_job("cloud", {"frequencies": freq})


def render_document(what, fmt, data, labels):
    """Minutes or a network record as DOCX, PDF, XLSX or HTML, rendered in the worker."""
    return run_job("document", {"what": what, "format": fmt, "data": data, "labels": labels})
