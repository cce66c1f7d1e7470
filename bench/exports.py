"""Start-up, exports and the word-cloud PNG at size.

    python bench/exports.py

Times: `python run.py` until it answers /healthz (each async mode); the JSON
export (and the DOCX export where this version has one) of a gathering with
2,000 words and 500 statements, over HTTP from the real server; and the
`wordcloud` PNG of 1,000 distinct words, in process (first call, then again) and as
a job in a warm worker (the server warms one at start; so does this script). Prints
the figures as JSON.
"""

import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from app.exports.cloud import render_png  # noqa: E402
from app.exports.worker import POOL, render_cloud_png, warm_up  # noqa: E402
from bench.load import ORGANISER_TOKEN, start_samla  # noqa: E402
from bench.snapshots import build  # noqa: E402


def seconds(action):
    started = time.perf_counter()
    result = action()
    return round(time.perf_counter() - started, 3), result


def startup(folder):
    figures = {}
    for mode in ("eventlet", "gevent", "threading"):
        workdir = Path(folder) / f"start-{mode}"
        workdir.mkdir()
        server = start_samla(workdir, mode)[0]
        figures[mode] = round(server.ready_after, 2)
        server.stop()
    return figures


def exports(folder):
    workdir = Path(folder) / "exports"
    workdir.mkdir()
    app = create_app(
        {
            "DATA_DIR": str(workdir / "data"),
            "ASYNC_MODE": "threading",
            "ADMIN_TOKEN": ORGANISER_TOKEN,
        }
    )
    with app.app_context():
        gathering_id, _, _ = build(app, 2000, 500)
    app.extensions["samla_store"].close()
    server = start_samla(workdir, "eventlet")[0]
    headers = {"Authorization": f"Bearer {ORGANISER_TOKEN}"}
    figures = {}
    try:
        # The second DOCX finds the server's worker warm for certain.
        for name in ("export.json", "export.docx", "export.docx again"):
            url = f"{server.url}/api/gatherings/{gathering_id}/{name.split()[0]}"
            took, answer = seconds(lambda url=url: requests.get(url, headers=headers, timeout=60))
            figures[name] = took if answer.status_code == 200 else f"HTTP {answer.status_code}"
            if answer.status_code == 200:
                figures[name + " bytes"] = len(answer.content)
    finally:
        server.stop()
    return figures


def cpu_seconds(pid):
    """User + system CPU time of process `pid` so far (steadier than wall time here)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cloud():
    chance = random.Random(3)
    freq = [
        {"word": f"ord{n}", "count": max(1, int(200 / (n + 1)) + chance.randint(0, 2))}
        for n in range(1000)
    ]
    in_process, png = seconds(lambda: render_png(freq))
    cpu = time.process_time()
    again, _ = seconds(lambda: render_png(freq))
    cpu = time.process_time() - cpu
    (pid,) = POOL.pids()
    worker_cpu = cpu_seconds(pid)
    as_job, from_worker = seconds(lambda: render_cloud_png(freq))
    worker_cpu = cpu_seconds(pid) - worker_cpu
    assert from_worker == png
    return {
        "words": len(freq),
        "in_process_s": in_process,
        "in_process_again_s": again,
        "in_process_again_cpu_s": round(cpu, 3),
        "worker_job_s": as_job,
        "worker_job_cpu_s": round(worker_cpu, 3),
        "png_bytes": len(png),
    }


def main():
    warm_up()  # ready long before the cloud's turn, as in a running server
    with tempfile.TemporaryDirectory() as folder:
        figures = {"startup_s": startup(folder), "exports_s": exports(folder), "cloud_png": cloud()}
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
