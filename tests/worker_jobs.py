"""A worker with jobs that only tests need: `python -m tests.worker_jobs`."""

import json
import os
import sys
import time

from app.exports import jobs


def pid(payload):
    return str(os.getpid()).encode()


def echo(payload):
    return payload["text"].encode()


def crash(payload):
    os._exit(3)


def sleep(payload):
    time.sleep(payload["seconds"])
    return b"awake"


def modules(payload):
    """The names of every module this worker has loaded."""
    return json.dumps(sorted(sys.modules)).encode()


TEST_JOBS = {
    **jobs.JOBS,
    "pid": pid,
    "echo": echo,
    "crash": crash,
    "sleep": sleep,
    "modules": modules,
}

if __name__ == "__main__":
    jobs.main(TEST_JOBS, warm_up=lambda: None)
