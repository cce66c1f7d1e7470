"""Tiny fixtures for the store: an in-memory database with the whole schema, and a few rows."""

import pytest
from sqlite_utils import Database

from app import store

NOW = "2026-03-05T09:00:00.000Z"


@pytest.fixture
def db():
    """An empty database with every migration applied, foreign keys on as in the app."""
    database = Database(memory=True)
    database.conn.execute("PRAGMA foreign_keys = ON")
    store.schema.migrate(database)
    yield database
    database.close()


@pytest.fixture
def rows(db):
    """Makes the rows a test needs, with defaults for everything it does not care about."""
    return Rows(db)


class Rows:
    def __init__(self, db):
        self.db = db
        self.made = 0

    def _next(self):
        self.made += 1
        return self.made

    def gathering(self, code=None, tables=2, activities=None, **fields):
        """A gathering with numbered tables and, unless told, a words and a statements activity."""
        gathering = {
            "code": code or f"{100000 + self._next()}",
            "title": "Samling på Hamar",
            "date": "2026-03-05",
            "place": "Hamar",
            "organiser": None,
            "language": "nb",
            "definition": {"title": "Samling på Hamar"},
            "screen_token": f"screen-{self._next()}",
            "created_at": NOW,
            **fields,
        }
        if isinstance(tables, int):
            tables = [{"number": n, "label": f"Bord {n}"} for n in range(1, tables + 1)]
        if activities is None:
            activities = [
                {"kind": "words", "prompt": "Hvordan er stemningen?", "options": {}},
                {"kind": "statements", "prompt": "Tre utsagn pr bord", "options": {}},
            ]
        return store.gatherings.insert_gathering(self.db, gathering, tables, activities)

    def activities(self, gathering_id):
        """The ids of a gathering's activities in agenda order."""
        return [a["id"] for a in store.activities.list_activities(self.db, gathering_id)]

    def participant(self, gathering_id, table=1):
        token = f"token-{self._next()}"
        store.gatherings.insert_participant(self.db, token, gathering_id, table, NOW)
        return token

    def entry(self, activity_id, token, text="glede", client_id=None, **fields):
        participant = store.gatherings.get_participant(self.db, token)
        return store.entries.insert_entry(
            self.db,
            {
                "activity_id": activity_id,
                "gathering_id": participant["gathering_id"],
                "table_number": participant["table_number"],
                "participant_token": token,
                "client_id": client_id or f"c{self._next()}",
                "text": text,
                "created_at": NOW,
                **fields,
            },
        )

    def point(self, activity_id, token, text="Felles mål", question_id="mal", client_id=None):
        participant = store.gatherings.get_participant(self.db, token)
        return store.points.insert_point(
            self.db,
            {
                "activity_id": activity_id,
                "gathering_id": participant["gathering_id"],
                "table_number": participant["table_number"],
                "question_id": question_id,
                "text": text,
                "participant_token": token,
                "client_id": client_id or f"p{self._next()}",
                "created_at": NOW,
            },
        )

    def ballot(self, activity_id, token, ballot, now=NOW):
        participant = store.gatherings.get_participant(self.db, token)
        store.votes.save_ballot(self.db, activity_id, participant, ballot, now)

    def theme(self, activity_id, title="Samarbeid", entries=(), accepted=False, **fields):
        theme = {
            "activity_id": activity_id,
            "question_id": None,
            "title": title,
            "entries": list(entries),
            "accepted": accepted,
            "now": NOW,
            **fields,
        }
        return store.words.insert_theme(self.db, theme)
