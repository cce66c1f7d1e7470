"""Back up and restore Samla's database with SQLite's online backup.

    python -m app.store.backup DATA DEST            copy DATA/samla.db to DEST (a file or a folder)
    python -m app.store.backup --restore FILE DATA  put a backup back as DATA/samla.db

A backup may be taken while Samla runs: the online backup API copies a
consistent snapshot page by page, WAL included, which copying the file with
`cp` does not. Restore only while Samla is stopped.
"""

import argparse
import datetime as dt
import sqlite3
import sys
from pathlib import Path

from app.store import DATABASE_FILE
from app.store.connection import keep_private


def _check(path):
    conn = sqlite3.connect(path)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.execute("SELECT COUNT(*) FROM gatherings").fetchone()
    finally:
        conn.close()
    if result != "ok":
        raise ValueError(f"{path} is damaged: {result}")


def _copy(source, target):
    """Copy one SQLite database into another through the backup API."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def backup(data_dir, dest):
    """Write a consistent copy of the live database; returns the file written."""
    source = Path(data_dir) / DATABASE_FILE
    if not source.exists():
        raise FileNotFoundError(f"no database at {source}")
    dest = Path(dest)
    if dest.is_dir():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = dest / f"samla-{stamp}.db"
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    keep_private(str(partial))  # a backup holds the same tokens as the database
    _copy(source, partial)
    _check(partial)
    partial.replace(dest)
    return dest


def restore(backup_file, data_dir):
    """Replace DATA/samla.db by a checked backup (stop Samla first); returns the target."""
    backup_file = Path(backup_file)
    _check(backup_file)
    target = Path(data_dir) / DATABASE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    keep_private(str(target))
    # Writing through SQLite (not over the file) also settles any WAL left by a crash.
    _copy(backup_file, target)
    _check(target)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m app.store.backup", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--restore", action="store_true", help="restore FROM (a backup) into TO")
    parser.add_argument(
        "source", metavar="FROM", help="data folder (or, with --restore, a backup file)"
    )
    parser.add_argument(
        "target", metavar="TO", help="backup file or folder (or, with --restore, data folder)"
    )
    options = parser.parse_args(argv)
    try:
        if options.restore:
            written = restore(options.source, options.target)
        else:
            written = backup(options.source, options.target)
    except (OSError, ValueError, sqlite3.Error) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
