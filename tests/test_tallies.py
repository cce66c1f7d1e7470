"""Word tallies: caught up from the database, always equal to merging every visible word anew."""

import random

from app import store
from app.tallies import WordTally
from app.wording import frequencies

WORDS = ["God", "god!", "GOD", "Glad", "glad", "Trøtt", "trøtt?", "  Kreativ ", "?!", "Spent"]


def a_words_activity(db_store):
    with db_store.write() as db:
        gathering_id = store.gatherings.insert_gathering(
            db,
            {
                "code": "654321",
                "title": "T",
                "date": None,
                "place": None,
                "organiser": None,
                "language": "nb",
                "definition": {"title": "T"},
                "screen_token": "s",
                "created_at": "2026-01-01T00:00:00Z",
            },
            [{"number": 1, "label": "Bord 1"}],
            [
                {"kind": "words", "prompt": "?", "options": {"words_per_participant": 1}},
                {"kind": "words", "prompt": "!", "options": {"words_per_participant": 1}},
            ],
        )
        activities = store.activities.list_activities(db, gathering_id)
    return gathering_id, activities[0]["id"], activities[1]["id"]


def add(db_store, gathering_id, activity_id, number, text):
    with db_store.write() as db:
        return store.entries.insert_entry(
            db,
            {
                "activity_id": activity_id,
                "gathering_id": gathering_id,
                "table_number": 1,
                "participant_token": f"p{number}",
                "client_id": f"c{number}",
                "text": text,
                "created_at": "2026-01-01T00:00:00Z",
            },
        )


def test_a_tally_matches_merging_all_visible_words_through_adds_hides_and_shows(db_store):
    gathering_id, activity_id, other_id = a_words_activity(db_store)
    tally = WordTally()
    chance = random.Random(7)
    ids = []
    for number in range(300):
        ids.append(add(db_store, gathering_id, activity_id, number, chance.choice(WORDS)))
        add(db_store, gathering_id, other_id, 1000 + number, "annen aktivitet")
        if number % 7 == 0:
            with db_store.write() as db:
                store.entries.set_entry_hidden(db, chance.choice(ids), chance.random() < 0.7)
        if number % 5 == 0:
            with db_store.read() as db:
                tally.catch_up(db, activity_id)
                assert tally.frequencies() == frequencies(
                    store.entries.visible_texts(db, activity_id)
                )
    with db_store.read() as db:
        tally.catch_up(db, activity_id)
        assert tally.frequencies() == frequencies(store.entries.visible_texts(db, activity_id))


def test_hiding_the_first_form_of_a_word_lets_the_next_one_name_it(db_store):
    gathering_id, activity_id, _ = a_words_activity(db_store)
    first = add(db_store, gathering_id, activity_id, 1, "God")
    add(db_store, gathering_id, activity_id, 2, "god")
    tally = WordTally()
    with db_store.read() as db:
        tally.catch_up(db, activity_id)
    assert tally.frequencies() == [{"word": "God", "count": 2}]
    with db_store.write() as db:
        store.entries.set_entry_hidden(db, first, True)
    with db_store.read() as db:
        tally.catch_up(db, activity_id)
    assert tally.frequencies() == [{"word": "god", "count": 1}]


def test_a_gathering_made_again_counts_its_own_words_only(db_store):
    """A rehearsal deleted and the real gathering made: the ids come again, the rehearsal's
    words do not."""
    gathering_id, activity_id, _ = a_words_activity(db_store)
    tally = WordTally()
    for number, text in enumerate(["Spent", "Glad", "Spent"]):
        add(db_store, gathering_id, activity_id, number, text)
    with db_store.read() as db:
        tally.catch_up(db, activity_id)
    assert tally.frequencies()[0] == {"word": "Spent", "count": 2}
    with db_store.write() as db:
        store.deletion.delete_gathering(db, gathering_id)
    again, activity_again, _ = a_words_activity(db_store)
    assert activity_again == activity_id
    add(db_store, again, activity_again, 1, "Trøtt")
    with db_store.read() as db:
        tally.catch_up(db, activity_again)
    assert tally.frequencies() == [{"word": "Trøtt", "count": 1}]
