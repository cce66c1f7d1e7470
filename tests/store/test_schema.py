"""The schema: named steps, each applied whole, and a data folder from v6 that upgrades in place."""

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from app import create_app, merges, store
from app.store.schema import MIGRATIONS, Migration

V6 = Path(__file__).parent / "data" / "samla-v6.db"

TRIGGER = Migration(
    "entry_edits",
    """
    CREATE TABLE entry_edits (entry_id INTEGER NOT NULL, text TEXT NOT NULL);
    -- Keep the old text; the body holds statements of its own, each ending in ';'.
    CREATE TRIGGER keep_old_text AFTER UPDATE OF text ON entries BEGIN
        INSERT INTO entry_edits (entry_id, text) VALUES (old.id, old.text);
        UPDATE entries SET held = 0 WHERE id = new.id AND text <> ';';
    END;
    """,
)


def version(db):
    return db.execute("PRAGMA user_version").fetchone()[0]


def schema_of(db):
    return db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_every_step_has_a_unique_name_that_says_what_it_adds():
    names = [m.name for m in MIGRATIONS]
    assert names[:6] == [
        "gatherings_tables_activities_entries",
        "facilitation_points_ballots_upvotes",
        "networks_notes_records",
        "table_municipality",
        "word_merges_moderation_themes",
        "theme_uids",
    ]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z][a-z_]*[a-z]", name) for name in names)


def test_the_version_counts_the_steps_and_migrating_again_changes_nothing(db):
    assert version(db) == len(MIGRATIONS)
    before = schema_of(db)
    store.schema.migrate(db)
    assert version(db) == len(MIGRATIONS) and schema_of(db) == before


def test_a_step_holding_a_trigger_applies_whole(db, rows):
    store.schema.migrate(db, [*MIGRATIONS, TRIGGER])
    assert version(db) == len(MIGRATIONS) + 1
    gathering_id = rows.gathering()
    entry_id = rows.entry(rows.activities(gathering_id)[0], rows.participant(gathering_id), "før")
    db.conn.execute("UPDATE entries SET text = 'etter' WHERE id = ?", (entry_id,))
    assert db.conn.execute("SELECT entry_id, text FROM entry_edits").fetchall() == [
        (entry_id, "før")
    ]


def test_a_failing_step_leaves_the_version_and_the_schema_as_they_were(db):
    before = schema_of(db)
    broken = Migration(
        "broken",
        """
        CREATE TABLE half_done (x INTEGER);
        ALTER TABLE entries ADD COLUMN mood TEXT;
        INSERT INTO no_such_table VALUES (1);
        """,
    )
    with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
        store.schema.migrate(db, [*MIGRATIONS, broken])
    assert version(db) == len(MIGRATIONS)
    assert schema_of(db) == before
    assert not db.conn.in_transaction
    store.schema.migrate(db, [*MIGRATIONS, TRIGGER])  # the database is still usable
    assert version(db) == len(MIGRATIONS) + 1


def test_a_failing_step_keeps_the_steps_before_it():
    fresh = Database(memory=True)
    broken = Migration("broken", "CREATE TABLE gatherings (id INTEGER);")
    with pytest.raises(sqlite3.OperationalError):
        store.schema.migrate(fresh, [*MIGRATIONS[:2], broken])
    assert version(fresh) == 2 and "points" in fresh.table_names()


def test_a_step_another_process_took_meanwhile_is_not_taken_again(tmp_path, monkeypatch):
    """Several processes may open one data folder at once; each waits for the write lock."""
    mine, theirs = Database(tmp_path / "samla.db"), Database(tmp_path / "samla.db")
    counted = store.schema.applied
    raced = []

    def racing(conn):
        seen = counted(conn)
        if not raced:
            raced.append(seen)
            store.schema.migrate(theirs)  # between our look and our taking the lock
        return seen

    monkeypatch.setattr(store.schema, "applied", racing)
    store.schema.migrate(mine)
    assert raced == [0]
    assert version(mine) == len(MIGRATIONS) and "themes" in mine.table_names()
    mine.close()
    theirs.close()


def test_statements_are_split_only_where_they_end():
    script = "CREATE TABLE a (x TEXT DEFAULT ';'); -- a note; still a note\nSELECT 1;"
    assert list(store.schema.statements(script)) == [
        "CREATE TABLE a (x TEXT DEFAULT ';');",
        "-- a note; still a note\nSELECT 1;",
    ]
    assert len(list(store.schema.statements(TRIGGER.script))) == 2


def test_the_v6_fixture_was_written_before_the_store_was_split():
    conn = sqlite3.connect(V6)
    try:
        assert version(conn) == 6
    finally:
        conn.close()
    assert V6.stat().st_size < 200_000


@pytest.fixture
def upgraded(tmp_path):
    """The v6 data folder, opened by today's app."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(V6, data / store.DATABASE_FILE)
    app = create_app({"TESTING": True, "DATA_DIR": str(data), "ASYNC_MODE": "threading"})
    with app.app_context():
        yield store.get_store()
    app.extensions["samla_store"].close()


def test_a_v6_data_folder_upgrades_in_place_and_reads_back(upgraded):
    with upgraded.read() as db:
        assert version(db) == len(MIGRATIONS)
        (gathering,) = store.gatherings.list_gatherings(db)
        gid = gathering["id"]
        assert gathering["title"] == "Samling på Hamar – «Lærande nettverk»"
        assert gathering["definition"]["title"] == gathering["title"]
        assert (gathering["place"], gathering["organiser"]) == ("Hamar", "Innlandet fylkeskommune")
        words, statements, questions, task, vote = store.activities.list_activities(db, gid)
        assert [a["kind"] for a in (words, statements, questions, task, vote)] == [
            "words",
            "statements",
            "questions",
            "task",
            "priorities",
        ]
        assert questions["approval"] is True and statements["approval"] is False
        assert all(a["state"] == "open" and a["revealed"] is True for a in (words, task, vote))
        assert gathering["screen_activity_id"] == statements["id"]

        network = store.networks.find_network_by_name(db, "Region Hamar")
        assert network["municipalities"] == ["Hamar", "Åmot"]
        assert network["contact"] == "Kari Ødegård"
        assert store.gatherings.list_tables(db, gid) == [
            {"number": 1, "label": "Bord 1", "network": str(network["id"]), "municipality": None},
            {"number": 2, "label": "Åmot", "network": None, "municipality": "Åmot"},
        ]
        assert store.gatherings.count_participants(db, gid) == {1: 2, 2: 1}

        assert store.entries.visible_texts(db, words["id"]) == [
            "glede",
            "spent",
            "gleden",
            "Blåbær",
        ]
        said = store.entries.list_entries(db, statements["id"])
        assert [(e["text"], e["table"], e["hidden"], e["highlighted"]) for e in said] == [
            ("Vi må dele erfaringer på tvers av kommunene", 1, False, True),
            ("Økonomien styrer for mye", 2, False, False),
            ("Skjult utsagn", 2, True, False),
        ]
        asked = store.entries.list_entries(db, questions["id"])
        assert [(e["text"], e["pinned"], e["answered"], e["held"], e["votes"]) for e in asked] == [
            ("Hvem følger opp nettverket?", True, False, False, 1),
            ("Når kommer pengene?", False, True, False, 0),
            ("Venter på godkjenning", False, False, True, 0),
        ]

        points = store.points.list_points(db, task["id"], include_deleted=True)
        assert [(p["question_id"], p["text"], p["version"], p["deleted"]) for p in points] == [
            ("mal", "Felles mål for året", 2, False),
            ("tiltak", "Slett meg", 2, True),
        ]
        assert store.votes.list_ballots(db, vote["id"]) == [
            {"ballot": {"ranking": ["i2", "i1"]}, "table": 1, "network": str(network["id"])}
        ]

        assert [(m["word"], m["into_word"]) for m in store.words.list_merges(db, words["id"])] == [
            ("gleden", "glede")
        ]
        moderation = store.words.get_moderation(db, gid)
        assert (moderation["enabled"], moderation["words"]) == (True, ["dust", "tøys"])
        (theme,) = store.words.list_themes(db, statements["id"])
        assert (theme["title"], theme["entries"], theme["accepted"]) == (
            "Samarbeid på tvers",
            [said[0]["id"], said[1]["id"]],
            True,
        )
        assert len(theme["uid"]) == 32

        notes = store.notes.get_notes(db, gid)
        assert notes[""]["notes"] == "Godt møte på Hamar"
        assert notes[statements["uid"]]["decision"] == "Vi går videre"
        assert store.networks.filed_network_ids(db, gid) == [network["id"]]
        (part,) = store.networks.list_record_parts(db, network["id"])
        assert part["gathering"]["title"] == gathering["title"]


def test_a_v6_data_folder_takes_new_writes_after_upgrading(upgraded):
    with upgraded.read() as db:
        (gathering,) = store.gatherings.list_gatherings(db)
        words = store.activities.list_activities(db, gathering["id"])[0]
        token = store.gatherings.list_participants(db, gathering["id"])[0]["token"]
    with upgraded.write() as db:
        entry_id = store.entries.insert_entry(
            db,
            {
                "activity_id": words["id"],
                "gathering_id": gathering["id"],
                "table_number": 1,
                "participant_token": token,
                "client_id": "after-upgrade",
                "text": "Æresord",
                "created_at": "t",
            },
        )
        new_id = store.gatherings.insert_gathering(
            db,
            {
                "code": "999999",
                "title": "Ny samling",
                "date": None,
                "place": None,
                "organiser": None,
                "language": "nb",
                "definition": {"title": "Ny samling"},
                "screen_token": "ny",
                "created_at": "t",
            },
            [{"number": 1, "label": "Bord 1"}],
            [{"kind": "words", "prompt": "?", "options": {}}],
        )
    with upgraded.read() as db:
        assert store.entries.get_entry(db, entry_id)["text"] == "Æresord"
        assert store.gatherings.get_gathering(db, new_id)["title"] == "Ny samling"
    with upgraded.write() as db:
        assert store.deletion.delete_gathering(db, gathering["id"]) is True
    with upgraded.read() as db:
        assert [g["id"] for g in store.gatherings.list_gatherings(db)] == [new_id]


def query_plan(db, sql, params):
    return " ".join(row[-1] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())


@pytest.mark.parametrize(
    "sql",
    [
        f"SELECT {store.entries.COUNT_COLUMNS} FROM entries WHERE activity_id = ?",
        "SELECT id FROM entries WHERE activity_id = ? AND (hidden = 1 OR held = 1)",
        "SELECT id FROM entries"
        " WHERE activity_id = ? AND (hidden = 1 OR held = 1 OR withdrawn = 1)",
    ],
)
def test_an_activitys_counts_and_hidden_entries_are_read_from_an_index_alone(db, upgraded, sql):
    with upgraded.read() as from_v6:
        for database in (db, from_v6):
            plan = query_plan(database, sql, [1])
            assert "USING COVERING INDEX entries_activity_moderation" in plan


def test_a_v6_data_folder_remembers_which_entries_a_hidden_word_hid(upgraded):
    with upgraded.read() as db:
        (gathering,) = store.gatherings.list_gatherings(db)
        words, statements = store.activities.list_activities(db, gathering["id"])[:2]
        # Entries hidden before the upgrade were hidden one by one.
        assert [e["hidden_by_word"] for e in store.entries.list_entries(db, statements["id"])] == [
            None,
            None,
            None,
        ]
    hide = {"word": "glede", "hidden": True}
    _, hidden, _, _ = merges.hide_word(upgraded, gathering["id"], words["id"], hide)
    assert len(hidden) == 2  # "gleden" counts as "glede" in the v6 data
    _, _, shown, _ = merges.hide_word(
        upgraded, gathering["id"], words["id"], {**hide, "hidden": False}
    )
    assert shown == hidden
    with upgraded.read() as db:
        assert store.entries.visible_texts(db, words["id"]) == [
            "glede",
            "spent",
            "gleden",
            "Blåbær",
        ]
