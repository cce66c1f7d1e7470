"""Entries: the words, statements and questions that phones send."""

import sqlite3

import pytest

from app import store


@pytest.fixture
def gathering(db, rows):
    gathering_id = rows.gathering()
    words, statements = rows.activities(gathering_id)
    return {
        "id": gathering_id,
        "words": words,
        "statements": statements,
        "one": rows.participant(gathering_id, table=1),
        "two": rows.participant(gathering_id, table=2),
    }


def test_an_entry_sent_twice_with_one_client_id_is_refused(db, rows, gathering):
    rows.entry(gathering["words"], gathering["one"], "glede", client_id="c1")
    with pytest.raises(sqlite3.IntegrityError):
        rows.entry(gathering["words"], gathering["one"], "annet", client_id="c1")
    rows.entry(gathering["words"], gathering["two"], "glede", client_id="c1")  # another phone
    assert store.entries.count_entries(db, gathering["words"]) == 2


def test_adding_an_entry_returns_it_as_it_reads_back(db, rows, gathering):
    held = rows.entry(gathering["words"], gathering["one"], "først", held=1)
    store.activities.set_highlighted_entry(db, gathering["words"], held)
    added = store.entries.add_entry(
        db,
        {
            "activity_id": gathering["words"],
            "gathering_id": gathering["id"],
            "table_number": 2,
            "participant_token": gathering["two"],
            "client_id": "ny",
            "text": "Nysgjerrig",
            "created_at": "2026-12-05T09:00:00Z",
            "hidden": 1,
            "hidden_by_word": "nysgjerrig",
        },
    )
    assert added == store.entries.get_entry(db, added["id"])
    assert (added["hidden"], added["highlighted"], added["votes"]) == (True, False, 0)
    # The highlighted and vote columns are the entry's own, not a neighbour's.
    assert store.entries.get_entry(db, held)["highlighted"] is True


def test_an_entry_reads_back_with_its_table_text_and_flags_as_bools(db, rows, gathering):
    entry_id = rows.entry(gathering["words"], gathering["two"], "Blåbærsyltetøy", client_id="x")
    entry = store.entries.get_entry(db, entry_id)
    assert (entry["table"], entry["text"], entry["client_id"]) == (2, "Blåbærsyltetøy", "x")
    assert entry["participant_token"] == gathering["two"] and len(entry["uid"]) == 32
    for flag in ("hidden", "highlighted", "held", "pinned", "answered"):
        assert entry[flag] is False
    assert entry["votes"] == 0
    assert store.entries.get_entry_by_client_id(db, gathering["two"], "x")["id"] == entry_id


def test_missing_entries_are_none_or_empty(db, gathering):
    assert store.entries.get_entry(db, 999) is None
    assert store.entries.get_entry_by_client_id(db, gathering["one"], "nope") is None
    assert store.entries.get_entries(db, []) == []
    assert store.entries.list_entries(db, gathering["words"]) == []


def test_flags_are_set_one_by_one_and_an_unknown_flag_is_refused(db, rows, gathering):
    entry_id = rows.entry(gathering["statements"], gathering["one"])
    store.entries.set_entry_flag(db, entry_id, "pinned", True)
    store.entries.set_entry_flag(db, entry_id, "answered", True)
    store.entries.set_entry_hidden(db, entry_id, True)
    entry = store.entries.get_entry(db, entry_id)
    assert (entry["pinned"], entry["answered"], entry["hidden"], entry["held"]) == (
        True,
        True,
        True,
        False,
    )
    with pytest.raises(ValueError):
        store.entries.set_entry_flag(db, entry_id, "text", "x")


def test_the_highlighted_entry_and_its_upvotes_show_on_the_entry(db, rows, gathering):
    first = rows.entry(gathering["statements"], gathering["one"])
    second = rows.entry(gathering["statements"], gathering["one"])
    store.activities.set_highlighted_entry(db, gathering["statements"], second)
    store.votes.set_upvote(db, second, gathering["one"], True, "t")
    store.votes.set_upvote(db, second, gathering["two"], True, "t")
    listed = store.entries.list_entries(db, gathering["statements"])
    assert [(e["id"], e["highlighted"], e["votes"]) for e in listed] == [
        (first, False, 0),
        (second, True, 2),
    ]


def test_entries_are_listed_oldest_first_by_table_participant_or_visibility(db, rows, gathering):
    words = gathering["words"]
    a = rows.entry(words, gathering["one"], "a")
    b = rows.entry(words, gathering["two"], "b")
    c = rows.entry(words, gathering["two"], "c", held=1)
    d = rows.entry(words, gathering["one"], "d")
    store.entries.set_entry_hidden(db, d, True)

    def ids(**filters):
        return [e["id"] for e in store.entries.list_entries(db, words, **filters)]

    assert ids() == [a, b, c, d]
    assert ids(table_number=2) == [b, c]
    assert ids(participant_token=gathering["one"]) == [a, d]
    assert ids(visible_only=True) == [a, b]
    assert [e["id"] for e in store.entries.get_entries(db, [d, a])] == [a, d]
    assert store.entries.count_entries(db, words, table_number=2) == 2
    # A hidden entry gives its place in the quota back; a held one still waits for it.
    assert store.entries.count_entries(db, words, participant_token=gathering["one"]) == 1


def test_a_withdrawn_entry_is_listed_nowhere_and_counts_nowhere(db, rows, gathering):
    words = gathering["words"]
    kept = rows.entry(words, gathering["one"], "a")
    gone = rows.entry(words, gathering["one"], "b")
    store.entries.withdraw_entry(db, gone)
    assert [e["id"] for e in store.entries.list_entries(db, words)] == [kept]
    assert store.entries.count_entries(db, words, participant_token=gathering["one"]) == 1
    withdrawn = store.entries.get_entry(db, gone)
    assert withdrawn["withdrawn"] and withdrawn["hidden"]
    assert store.entries.activity_counts(db, words) == {
        "count": 1,
        "hidden_count": 0,
        "held_count": 0,
    }


def test_counts_tell_visible_hidden_and_held_entries_apart(db, rows, gathering):
    words, statements = gathering["words"], gathering["statements"]
    rows.entry(words, gathering["one"])
    rows.entry(words, gathering["one"], held=1)
    hidden = rows.entry(words, gathering["one"], held=1)
    store.entries.set_entry_hidden(db, hidden, True)
    rows.entry(statements, gathering["two"])
    expected = {"count": 1, "hidden_count": 1, "held_count": 1}
    assert store.entries.activity_counts(db, words) == expected
    assert store.entries.entry_counts(db, gathering["id"]) == {
        words: expected,
        statements: {"count": 1, "hidden_count": 0, "held_count": 0},
    }
    empty = rows.activities(rows.gathering())[0]
    assert store.entries.activity_counts(db, empty) == store.entries.NO_ENTRIES


def test_what_nobody_sees_is_left_out_of_the_visible_texts(db, rows, gathering):
    words = gathering["words"]
    seen = rows.entry(words, gathering["one"], "glede")
    held = rows.entry(words, gathering["one"], "venter", held=1)
    hidden = rows.entry(words, gathering["one"], "skjult")
    store.entries.set_entry_hidden(db, hidden, True)
    assert store.entries.visible_texts(db, words) == ["glede"]
    assert sorted(store.entries.hidden_entry_ids(db, words)) == [held, hidden]
    assert store.entries.entries_after(db, words, seen) == [
        (held, "venter", 1),
        (hidden, "skjult", 1),
    ]
    assert store.entries.entries_after(db, words, hidden) == []


def test_showing_a_word_again_brings_back_exactly_the_entries_it_hid(db, rows, gathering):
    words, one, two = gathering["words"], gathering["one"], gathering["two"]
    first, by_hand, other = (rows.entry(words, one, "kjedelig") for _ in range(3))
    on_arrival = rows.entry(words, two, "Kjedelig", hidden=1, hidden_by_word="kjedelig")
    alone = rows.entry(words, two, "kjedelig", hidden=1)  # hidden before, on its own
    store.entries.hide_entries_of(db, [first, by_hand, other], "kjedelig")
    assert store.entries.get_entry(db, first)["hidden_by_word"] == "kjedelig"
    store.entries.set_entry_hidden(db, by_hand, True)  # the facilitator's own: no longer the word's
    assert store.entries.get_entry(db, by_hand)["hidden_by_word"] is None
    assert store.entries.show_entries_of(db, words, "kjedelig") == [first, other, on_arrival]
    assert [e["id"] for e in store.entries.list_entries(db, words, visible_only=True)] == [
        first,
        other,
        on_arrival,
    ]
    assert store.entries.get_entry(db, by_hand)["hidden"] is True
    assert store.entries.get_entry(db, alone)["hidden"] is True
    # Shown once, the entries are no longer the word's: a second show brings back nothing.
    assert store.entries.show_entries_of(db, words, "kjedelig") == []


def test_a_word_shown_again_leaves_withdrawn_entries_blocked_phones_and_other_words_alone(
    db, rows, gathering
):
    words, one, two = gathering["words"], gathering["one"], gathering["two"]
    withdrawn, blocked, other_word = (rows.entry(words, one, "kjedelig") for _ in range(3))
    elsewhere = rows.entry(gathering["statements"], two, "kjedelig")
    mine = rows.entry(words, two, "kjedelig")
    store.entries.hide_entries_of(db, [withdrawn, blocked, mine, elsewhere], "kjedelig")
    store.entries.hide_entries_of(db, [other_word], "trist")
    store.entries.withdraw_entry(db, withdrawn)
    store.gatherings.block_participant(db, one)
    assert store.entries.show_entries_of(db, words, "kjedelig") == [mine]
    for entry_id in (withdrawn, blocked, other_word, elsewhere):
        assert store.entries.get_entry(db, entry_id)["hidden"] is True
    assert store.entries.get_entry(db, blocked)["hidden_by_word"] is None
    assert store.entries.get_entry(db, other_word)["hidden_by_word"] == "trist"
