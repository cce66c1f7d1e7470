"""Time every format of the full Innlandet-sized gathering of the export tests (12 tables in
7 networks, 60 phones, words, 36 statements, 110 task answers, a dots vote, questions,
notes): each format twice, the second with the worker warm.

Run: python bench/innlandet_exports.py (not part of the test suite).
"""

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

FORMATS = ("json", "md", "csv", "html", "docx", "pdf", "xlsx")


def main():
    from exports.innlandet import build

    from app import create_app
    from conftest import Organiser

    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": tempfile.mkdtemp(),
            "ADMIN_TOKEN": "test-organiser-token",
            "ASYNC_MODE": "threading",
        }
    )
    organiser, client = Organiser(app.test_client()), app.test_client()

    def join(gathering, table):
        answer = client.post("/api/join", json={"code": gathering["code"], "table": table})
        return answer.get_json()["participant_token"]

    gathering = build(app, organiser, client, join)
    for fmt in FORMATS:
        times = []
        for _ in range(2):
            started = time.perf_counter()
            response = organiser.get(f"/api/gatherings/{gathering['id']}/export.{fmt}")
            times.append(time.perf_counter() - started)
        size = len(response.data) / 1024
        print(
            f"{fmt}: {response.status_code} {size:.0f} KiB {times[0]:.2f} s, again {times[1]:.2f} s"
        )


if __name__ == "__main__":
    main()
