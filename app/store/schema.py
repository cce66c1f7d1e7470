"""The schema: every migration in order, and the step that brings a database up to date."""

import sqlite3
from typing import NamedTuple


class Migration(NamedTuple):
    """One step of the schema: a name that says what it adds, and its SQL."""

    name: str
    script: str


# Each step runs once, in order, as a whole; PRAGMA user_version counts the steps a database
# has had. Add new steps at the end and never change one that has shipped.
MIGRATIONS = [
    Migration(
        "gatherings_tables_activities_entries",
        """
    CREATE TABLE gatherings (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        date TEXT,
        place TEXT,
        organiser TEXT,
        language TEXT NOT NULL DEFAULT 'nb',
        definition TEXT NOT NULL,
        screen_token TEXT NOT NULL UNIQUE,
        screen_activity_id INTEGER,
        created_at TEXT NOT NULL
    );
    CREATE TABLE tables (
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        number INTEGER NOT NULL,
        label TEXT NOT NULL,
        network TEXT,
        PRIMARY KEY (gathering_id, number)
    );
    CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        prompt TEXT NOT NULL,
        title TEXT,
        help TEXT,
        options TEXT NOT NULL DEFAULT '{}',
        state TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('open', 'closed')),
        highlighted_entry_id INTEGER,
        uid TEXT NOT NULL UNIQUE,
        opened_at TEXT,
        closed_at TEXT
    );
    CREATE INDEX activities_gathering ON activities (gathering_id, position);
    CREATE TABLE participants (
        token TEXT PRIMARY KEY,
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        table_number INTEGER NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        table_number INTEGER NOT NULL,
        participant_token TEXT NOT NULL,
        client_id TEXT NOT NULL,
        text TEXT NOT NULL,
        hidden INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        uid TEXT NOT NULL UNIQUE,
        UNIQUE (participant_token, client_id)
    );
    CREATE INDEX entries_activity_table ON entries (activity_id, table_number);
    CREATE INDEX entries_activity_participant ON entries (activity_id, participant_token);
    """,
    ),
    # Facilitation: activity settings and timers, entry flags, what the screen shows;
    # and the group tasks' points, priority ballots and upvotes on questions.
    Migration(
        "facilitation_points_ballots_upvotes",
        """
    ALTER TABLE activities ADD COLUMN key TEXT;
    ALTER TABLE activities ADD COLUMN tables TEXT;
    ALTER TABLE activities ADD COLUMN approval INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE activities ADD COLUMN revealed INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE activities ADD COLUMN closes_at TEXT;
    ALTER TABLE entries ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entries ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entries ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE gatherings ADD COLUMN screen_view TEXT;
    ALTER TABLE gatherings ADD COLUMN screen_question_id TEXT;
    CREATE TABLE points (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        table_number INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        text TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        deleted INTEGER NOT NULL DEFAULT 0,
        participant_token TEXT NOT NULL,
        client_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        uid TEXT NOT NULL UNIQUE,
        UNIQUE (participant_token, client_id)
    );
    CREATE INDEX points_activity_table ON points (activity_id, table_number);
    CREATE TABLE ballots (
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        participant_token TEXT NOT NULL,
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        table_number INTEGER NOT NULL,
        ballot TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (activity_id, participant_token)
    );
    CREATE TABLE upvotes (
        entry_id INTEGER NOT NULL REFERENCES entries(id),
        participant_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, participant_token)
    );
    """,
    ),
    Migration(
        "networks_notes_records",
        """
    CREATE TABLE networks (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        county TEXT,
        ordning TEXT,
        municipalities TEXT NOT NULL DEFAULT '[]',
        contact TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE notes (
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        activity_uid TEXT NOT NULL,
        notes TEXT,
        decision TEXT,
        follow_up TEXT,
        follow_up_by TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (gathering_id, activity_uid)
    );
    CREATE TABLE record_parts (
        network_id INTEGER NOT NULL REFERENCES networks(id),
        gathering_id INTEGER NOT NULL REFERENCES gatherings(id),
        gathering_date TEXT,
        content TEXT NOT NULL,
        filed_at TEXT NOT NULL,
        PRIMARY KEY (network_id, gathering_id)
    );
    """,
    ),
    # A table may stand for a municipality, so participation can be counted per municipality.
    Migration("table_municipality", "ALTER TABLE tables ADD COLUMN municipality TEXT;"),
    Migration(
        "word_merges_moderation_themes",
        """
    CREATE TABLE word_merges (
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        word TEXT NOT NULL,
        into_word TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (activity_id, word)
    );
    CREATE TABLE moderation (
        gathering_id INTEGER PRIMARY KEY REFERENCES gatherings(id),
        enabled INTEGER NOT NULL DEFAULT 0,
        words TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL
    );
    CREATE TABLE themes (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        question_id TEXT,
        title TEXT NOT NULL,
        entries TEXT NOT NULL DEFAULT '[]',
        accepted INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX themes_activity ON themes (activity_id);
    """,
    ),
    # Themes travel in bundles, so each has a stable uid (those made before get one now).
    Migration(
        "theme_uids",
        """
    ALTER TABLE themes ADD COLUMN uid TEXT;
    UPDATE themes SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    CREATE UNIQUE INDEX themes_uid ON themes (uid);
    """,
    ),
    # What the minutes carry at the top (on the summary's row) and a follow-up's deadline.
    Migration(
        "minutes_metadata",
        """
    ALTER TABLE notes ADD COLUMN referent TEXT;
    ALTER TABLE notes ADD COLUMN case_number TEXT;
    ALTER TABLE notes ADD COLUMN starts TEXT;
    ALTER TABLE notes ADD COLUMN ends TEXT;
    ALTER TABLE notes ADD COLUMN place TEXT;
    ALTER TABLE notes ADD COLUMN follow_up_due TEXT;
    """,
    ),
    Migration(
        "joining_switch_and_blocked_participants",
        """
    ALTER TABLE gatherings ADD COLUMN joining_open INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE participants ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0;
    """,
    ),
    Migration(
        "server_state",
        """
    CREATE TABLE server_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO server_state (key, value) VALUES ('console_generation', '1');
    """,
    ),
    # Moderation of task points like entries, a phone's withdrawal of its own entry, and
    # words of a cloud hidden with every entry of them, now and later.
    Migration(
        "moderation_everywhere",
        """
    ALTER TABLE points ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE points ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entries ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE hidden_words (
        activity_id INTEGER NOT NULL REFERENCES activities(id),
        word TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (activity_id, word)
    );
    """,
    ),
    # A screen's counts and the tallies' reads of an activity's entries (hidden ones, those
    # since the last look) come from this index alone, not from every row of the activity.
    Migration(
        "entries_activity_moderation_index",
        """
    CREATE INDEX entries_activity_moderation ON entries (activity_id, id, hidden, held, withdrawn);
    """,
    ),
    # Which hidden word hid an entry (none when the facilitator hid it on its own), so
    # showing the word again brings back exactly those entries, from any console.
    Migration("entries_hidden_by_word", "ALTER TABLE entries ADD COLUMN hidden_by_word TEXT;"),
]


def migrate(db, migrations=None):
    """Bring the schema up to date: each missing step in a transaction of its own."""
    migrations = MIGRATIONS if migrations is None else migrations
    conn = db.conn
    while (done := applied(conn)) < len(migrations):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process serving the same data folder may have taken this step meanwhile.
            if applied(conn) == done:
                for statement in statements(migrations[done].script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {done + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def applied(conn):
    """How many steps this database has had."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def statements(script):
    """The script's statements one at a time, each whole: a trigger's body, a string or a
    comment may hold a ';' that does not end the statement."""
    *pieces, rest = script.split(";")
    statement = ""
    for piece in pieces:
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            if statement[:-1].strip():
                yield statement.strip()
            statement = ""
    if (statement + rest).strip():
        yield (statement + rest).strip()  # a closing comment, or SQLite's "incomplete input"
