"""Per-commit cost of SQLite's synchronous levels in WAL mode: `python bench/commit_cost.py [N]`.

Each commit inserts one entry-sized row, the way an acknowledged submission does.
"""

import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def measure(level, commits):
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "bench.db", isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA synchronous = {level}")
        conn.execute(
            "CREATE TABLE entries (id INTEGER PRIMARY KEY, client_id TEXT UNIQUE, text TEXT)"
        )
        start = time.perf_counter()
        for n in range(commits):
            conn.execute("BEGIN")
            conn.execute("INSERT INTO entries (client_id, text) VALUES (?, ?)", (str(n), "x" * 200))
            conn.execute("COMMIT")
        elapsed = time.perf_counter() - start
        conn.close()
    return elapsed / commits * 1000


def main():
    commits = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    for level in ("OFF", "NORMAL", "FULL"):
        print(
            f"synchronous={level:<6} {measure(level, commits):.3f} ms per commit"
            f" ({commits} commits)"
        )


if __name__ == "__main__":
    main()
