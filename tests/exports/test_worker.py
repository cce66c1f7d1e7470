"""Warm worker processes: heavy renders run one after another in long-lived children.

The pools here run `python -m tests.worker_jobs`: the real job loop, with extra jobs
that tell their pid, echo, crash or sleep.
"""

import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from exports_helpers import run_gathering
from harness import Server
from PIL import Image

from app.exports import labels, worker
from app.exports.cloud import render_png

ROOT = Path(__file__).resolve().parents[2]
TEST_WORKER = (sys.executable, "-m", "tests.worker_jobs")


@pytest.fixture
def pool():
    pool = worker.Pool(command=TEST_WORKER, size=3, timeout=5)
    yield pool
    pool.stop()


def pid_of(pool):
    return int(pool.run("pid", {}))


def gone(pid, timeout=10):
    """True once process `pid` has exited (and been reaped, or is a zombie)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def test_jobs_one_after_another_reuse_one_warm_child(pool):
    first = pid_of(pool)
    assert pid_of(pool) == first
    assert pool.pids() == [first]
    assert first != os.getpid()


def test_a_crashing_job_fails_clearly_and_the_next_job_gets_a_new_child(pool):
    before = pid_of(pool)
    with pytest.raises(worker.JobFailed, match="worker process ended"):
        pool.run("crash", {})
    assert gone(before)
    after = pid_of(pool)
    assert after != before and pool.pids() == [after]


def test_a_worker_that_ended_while_idle_is_replaced_before_the_job(pool):
    before = pid_of(pool)
    os.kill(before, 9)
    assert gone(before)
    after = pid_of(pool)
    assert after != before and pool.pids() == [after]


def test_a_job_over_its_time_is_killed_and_the_next_job_gets_a_new_child(pool):
    before = pid_of(pool)
    started = time.monotonic()
    with pytest.raises(worker.JobFailed, match="took more than 0.5 s"):
        pool.run("sleep", {"seconds": 30}, timeout=0.5)
    assert time.monotonic() - started < 10
    assert gone(before)
    assert pid_of(pool) != before


def test_an_error_in_a_job_comes_back_and_the_worker_goes_on(pool):
    before = pid_of(pool)
    with pytest.raises(worker.JobFailed, match="KeyError: 'text'"):
        pool.run("echo", {"no text": True})
    with pytest.raises(worker.JobFailed, match="KeyError: 'no-such-job'"):
        pool.run("no-such-job", {})
    assert pid_of(pool) == before


def test_a_bad_cloud_comes_back_as_an_error_from_the_real_worker():
    with pytest.raises(worker.JobFailed, match="job cloud failed: KeyError"):
        worker.render_cloud_png([{"count": 3}])


def test_a_worker_renders_every_heavy_format_without_flask_or_the_store(
    app, organiser, client, join, pool
):
    gathering = run_gathering(organiser, client, join)
    data = organiser.get(f"/api/gatherings/{gathering['id']}/minutes").get_json()
    with app.app_context():
        texts = labels.resolved("nb")
    for fmt in ("docx", "pdf", "xlsx", "html"):
        payload = {"what": "minutes", "format": fmt, "data": data, "labels": texts}
        assert len(pool.run("document", payload)) > 1000
    assert pool.run("cloud", {"frequencies": [{"word": "Jippi", "count": 1}]})[:4] == b"\x89PNG"
    loaded = json.loads(pool.run("modules", {}))
    assert "app.exports.docx" in loaded and "app.exports.layout" in loaded
    assert [m for m in loaded if server_side(m)] == []


def server_side(module):
    """Flask and its extensions, or a part of Samla that only the server needs."""
    names = module.split(".")
    return names[0] == "flask" or names[0].startswith("flask_") or names[:2] in SERVER_PARTS


SERVER_PARTS = (["app", "store"], ["app", "web"], ["app", "realtime"])


@pytest.mark.parametrize("size", [1, 3])
def test_concurrent_jobs_each_get_their_own_bytes(size):
    """Large answers from several threads at once never mix on a pipe."""
    pool = worker.Pool(command=TEST_WORKER, size=size, timeout=30)
    texts = [f"{n:02d}" * (150_000 + n) for n in range(8)]
    answers = {}

    def ask(n):
        answers[n] = pool.run("echo", {"text": texts[n]}).decode()

    try:
        threads = [threading.Thread(target=ask, args=(n,)) for n in range(len(texts))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [answers.get(n) == texts[n] for n in range(len(texts))] == [True] * len(texts)
        assert 1 <= len(pool.pids()) <= size
    finally:
        pool.stop()


def test_concurrent_clouds_match_what_this_process_draws():
    clouds = [
        [{"word": word, "count": 3}, {"word": "felles", "count": 1}]
        for word in ("Kreativ", "Trygg", "Nysgjerrig", "Sliten")
    ]
    answers = {}

    def draw(n):
        answers[n] = worker.render_cloud_png(clouds[n])

    threads = [threading.Thread(target=draw, args=(n,)) for n in range(len(clouds))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [answers.get(n) == render_png(cloud) for n, cloud in enumerate(clouds)] == [True] * 4


GREEN_CHECK = """
import json, sys, threading, time
from run import patch_for
patch_for(sys.argv[1])
from app.exports import labels, worker

pool = worker.Pool(command=sys.argv[2:], size=2, timeout=30)
pool.run("pid", {})
ticks, done = [], threading.Event()

def tick():
    while not done.is_set():
        ticks.append(time.monotonic())
        time.sleep(0.02)

def echo(n, out):
    out[n] = pool.run("echo", {"text": str(n) * 300_000}) == str(n).encode() * 300_000

threading.Thread(target=tick).start()
echoed = {}
helpers = [threading.Thread(target=echo, args=(n, echoed)) for n in range(3)]
started = time.monotonic()
for helper in helpers:
    helper.start()
answer = pool.run("sleep", {"seconds": 1})
ended = time.monotonic()
for helper in helpers:
    helper.join()
done.set()
try:
    pool.run("sleep", {"seconds": 30}, timeout=0.5)
    expired = "no"
except worker.JobFailed as error:
    expired = str(error)
during = [t for t in ticks if started <= t <= ended]
gaps = [b - a for a, b in zip(during, during[1:])]
after = pool.run("echo", {"text": "igjen"}).decode()
pool.stop()
print(json.dumps({"answer": answer.decode(), "ticks": len(during), "longest_gap": max(gaps),
                  "echoed": sorted(echoed.values()), "expired": expired, "after": after}))
"""


@pytest.mark.parametrize("mode", ["eventlet", "gevent", "threading"])
def test_waiting_for_a_job_leaves_the_other_clients_running(mode):
    """The subprocess module's pipes are green under eventlet and gevent's patching, and a
    job over its time is stopped in every mode."""
    ran = subprocess.run(
        [sys.executable, "-c", GREEN_CHECK, mode, *TEST_WORKER],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr[-2000:]
    seen = json.loads(ran.stdout.strip().splitlines()[-1])
    assert seen["answer"] == "awake" and seen["echoed"] == [True, True, True]
    assert "took more than 0.5 s" in seen["expired"] and seen["after"] == "igjen"
    # Ticking every 20 ms through a job of a second: the loop was never held for long.
    assert seen["ticks"] >= 15 and seen["longest_gap"] < 0.5, seen


def worker_children(pid):
    """Pids of the `app.exports.jobs` workers whose parent is process `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if parent == pid and b"app.exports.jobs" in command:
            found.append(int(entry.name))
    return found


@pytest.mark.server
def test_the_real_server_starts_a_worker_on_the_first_export_and_takes_it_along_when_killed(
    tmp_path,
):
    server = Server(tmp_path / "data", "eventlet")
    server.start()
    try:
        assert worker_children(server.process.pid) == [], "no worker before the first export"
        gathering = server.api(
            "POST", "/api/gatherings", json={"template": "innlandet-ledersamling-2020"}
        ).json()
        words = gathering["activities"][0]
        path = f"/api/gatherings/{gathering['id']}/activities/{words['id']}"
        assert server.api("POST", f"{path}/state", json={"state": "open"}).status_code == 200
        for n, word in enumerate(["Kreativ", "Trygg", "kreativ", "Nysgjerrig"]):
            phone = requests.post(
                server.url + "/api/join",
                timeout=10,
                json={"code": gathering["code"], "table": n + 1},
            ).json()
            sent = requests.post(
                server.url + "/api/submissions",
                timeout=10,
                json={"activity_id": words["id"], "text": word, "client_id": f"w{n}"},
                headers={"Authorization": f"Bearer {phone['participant_token']}"},
            )
            assert sent.status_code == 201

        png = server.api("GET", f"{path}/cloud.png")
        assert png.status_code == 200 and png.headers["Content-Type"] == "image/png"
        picture = Image.open(io.BytesIO(png.content))
        assert picture.size == (1600, 900) and len(picture.getcolors(1 << 16)) > 2
        warm = worker_children(server.process.pid)
        assert len(warm) == 1, "the first export started one worker, kept warm after it"
        docx = server.api("GET", f"/api/gatherings/{gathering['id']}/export.docx")
        assert docx.status_code == 200 and docx.content.startswith(b"PK")
        assert worker_children(server.process.pid) == warm, "the next job ran in it"
    finally:
        server.stop()
    assert gone(warm[0]), "the worker exits when its server dies"
