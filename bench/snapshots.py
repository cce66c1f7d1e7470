"""What a screen costs the server at size: a full resync and a coalesced update.

    python bench/snapshots.py [--entries 5000]

Builds a gathering with one words activity of `--entries` words (2,000 distinct)
and one statements activity with a fifth as many statements, then times
`snapshots.screen_state` (what a projector gets on connect) and one flush of the
screen feed with 20 new words. Prints milliseconds as JSON; run it from the
project folder (or with PYTHONPATH set to another checkout, for before/after).
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

from app import create_app, store
from app.actions import create_gathering
from app.realtime import broadcasts, snapshots
from app.rules import normalise_definition


def build(app, words_count, statements_count):
    """A gathering of 250 tables with that many words (2,000 distinct) and statements."""
    definition = normalise_definition(
        {
            "title": "Stor samling",
            "tables": 250,
            "activities": [
                {"kind": "words", "prompt": "Ett ord?"},
                {"kind": "statements", "prompt": "Utsagn"},
            ],
        }
    )
    db_store = store.get_store()
    gathering_id = create_gathering(db_store, definition)
    with db_store.write() as db:
        words, statements = store.activities.list_activities(db, gathering_id)
        rows = [(words["id"], f"ord{n % 2000}", n) for n in range(words_count)]
        rows += [
            (statements["id"], f"Utsagn nummer {n} om samarbeid", n)
            for n in range(statements_count)
        ]
        for activity_id, text, n in rows:
            store.entries.insert_entry(
                db,
                {
                    "activity_id": activity_id,
                    "gathering_id": gathering_id,
                    "table_number": n % 250 + 1,
                    "participant_token": f"p{n}",
                    "client_id": f"c{activity_id}-{n}",
                    "text": text,
                    "created_at": "2026-01-01T00:00:00Z",
                },
            )
    return gathering_id, words, statements


def timed(action, repeat=7):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return {"first_ms": round(times[0], 1), "median_ms": round(statistics.median(times), 1)}


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=5000)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "DATA_DIR": folder,
                "ASYNC_MODE": "threading",
                "COALESCE_SECONDS": 0,
                "ADMIN_TOKEN": "bench",
            }
        )
        with app.app_context():
            gathering_id, words, _ = build(app, options.entries, options.entries // 5)
            db_store = store.get_store()

            def resync():
                with db_store.read() as db:
                    gathering = store.gatherings.get_gathering(db, gathering_id)
                    snapshots.screen_state(db, gathering, "http://127.0.0.1")

            feed = broadcasts.feed()
            with db_store.read() as db:
                newest = [e["id"] for e in store.entries.list_entries(db, words["id"])][-20:]

            def flush():
                for entry_id in newest:
                    feed.pending.setdefault(words["id"], set()).add(entry_id)
                feed.flush()

            figures = {
                "entries": options.entries + options.entries // 5,
                "screen_state": timed(resync),
                "screen_update_flush": timed(flush),
            }
        db_store.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
