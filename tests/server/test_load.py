"""A small run of the load harness: a hundred phones against the real server, nothing lost."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.server


def test_a_hundred_phones_submit_at_once_and_every_acked_word_reaches_the_screen(tmp_path):
    """...and closing the activity afterwards is pushed to every phone exactly once."""
    report = tmp_path / "load.json"
    subprocess.run(
        [
            sys.executable,
            "bench/load.py",
            "--phones",
            "100",
            "--spread",
            "2",
            "--screens",
            "2",
            "--json",
            str(report),
        ],
        cwd=ROOT,
        check=True,
        timeout=240,
        capture_output=True,
    )
    figures = json.loads(report.read_text())["runs"]["samla-eventlet"]
    assert figures["connected_phones"] == 100
    assert figures["errors"] == 0, figures["error_samples"]
    assert figures["submissions"] == 100
    assert figures["missing_on_screen"] == 0
    assert figures["screen_ms"]["p50"] is not None
    assert figures["server_cpu_seconds_submitting"] > 0
    assert figures["close_pushes_per_phone"] == 1.0
