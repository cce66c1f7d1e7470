"""Time every minutes format for the Innlandet gathering: 12 tables, 60 words, 36 statements.

Run: python bench/minutes_exports.py (not part of the test suite).
"""

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

MOODS = ["Jippi", "Magisk", "Kreativ", "Trivsel", "Spent"]
FORMATS = ("json", "md", "csv", "html", "docx", "pdf", "xlsx")


def fill(organiser, client, gathering):
    """Five phones per table: a mood word each, three statements per table."""
    words, statements = gathering["activities"][:2]
    organiser.open(gathering, words)
    organiser.open(gathering, statements)
    for table in range(1, 13):
        for person in range(5):
            joined = client.post("/api/join", json={"code": gathering["code"], "table": table})
            headers = {"Authorization": f"Bearer {joined.get_json()['participant_token']}"}
            word = MOODS[(table + person) % 5]
            client.post(
                "/api/submissions",
                headers=headers,
                json={"activity_id": words["id"], "text": word, "client_id": f"w{table}-{person}"},
            )
            if person < 3:
                text = (
                    f"Samordne rekomp og dekomp på alle nivåer, bord {table} utsagn {person}"
                    "\nmed en linje til om fylkesmannens rolle"
                )
                client.post(
                    "/api/submissions",
                    headers=headers,
                    json={
                        "activity_id": statements["id"],
                        "text": text,
                        "client_id": f"s{table}-{person}",
                    },
                )


def main():
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
    gathering = organiser.create(template="innlandet-ledersamling-2020")
    fill(organiser, client, gathering)
    for fmt in FORMATS:
        started = time.perf_counter()
        response = organiser.get(f"/api/gatherings/{gathering['id']}/export.{fmt}")
        elapsed = time.perf_counter() - started
        print(f"{fmt}: {response.status_code} {len(response.data) / 1024:.0f} KiB {elapsed:.2f} s")


if __name__ == "__main__":
    main()
