"""A worker with jobs that only tests need: `python -m tests.worker_jobs`."""

import os
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


TEST_JOBS = {**jobs.JOBS, "pid": pid, "echo": echo, "crash": crash, "sleep": sleep}

if __name__ == "__main__":
    jobs.main(TEST_JOBS, warm_up=lambda: None)
