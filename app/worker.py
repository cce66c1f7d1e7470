"""CPU-heavy work in a separate process, so the server's event loop never stalls.

The child is started with the subprocess module, which every async mode
(eventlet, gevent, threading) waits on without blocking other clients.
"""

import json
import subprocess
import sys
from pathlib import Path

from .errors import SamlaError

JOB_TIMEOUT = 120
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def run_job(name, payload):
    """Run `python -m app.jobs <name>` with JSON on stdin; return its stdout bytes."""
    completed = subprocess.run(
        [sys.executable, "-m", "app.jobs", name],
        input=json.dumps(payload).encode(),
        capture_output=True,
        timeout=JOB_TIMEOUT,
        check=False,
        cwd=PROJECT_ROOT,
    )
    if completed.returncode != 0:
        detail = completed.stderr.decode(errors="replace").strip().splitlines()[-1:]
        raise RuntimeError(f"job {name} failed: {' '.join(detail)}")
    return completed.stdout


def render_cloud_png(freq):
    if not isinstance(freq, list):
        raise SamlaError("bad_request", detail="frequencies must be a list")
    return run_job("cloud", {"frequencies": freq})


def render_document(what, fmt, data, labels):
    """Minutes or a network record as DOCX, PDF, XLSX or HTML, rendered in the worker."""
    return run_job("document", {"what": what, "format": fmt, "data": data, "labels": labels})
