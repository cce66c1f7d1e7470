"""Priority ballots and upvotes on questions."""

import pytest

from app import store


@pytest.fixture
def vote(db, rows):
    gathering_id = rows.gathering(
        tables=[{"number": 1, "label": "Bord 1", "network": "Namdal"}, {"number": 2, "label": "2"}],
        activities=[
            {"kind": "priorities", "prompt": "Viktigst", "options": {}},
            {"kind": "questions", "prompt": "Spørsmål", "options": {}},
        ],
    )
    priorities, questions = rows.activities(gathering_id)
    return {
        "priorities": priorities,
        "questions": questions,
        "one": rows.participant(gathering_id, table=1),
        "two": rows.participant(gathering_id, table=2),
    }


def test_a_new_ballot_replaces_the_participants_earlier_one(db, rows, vote):
    rows.ballot(vote["priorities"], vote["one"], {"ranking": ["i1", "i2"]}, now="t1")
    rows.ballot(vote["priorities"], vote["one"], {"dots": {"i2": 3}}, now="t2")
    assert store.votes.get_ballot(db, vote["priorities"], vote["one"]) == {"dots": {"i2": 3}}
    assert store.votes.get_ballot_time(db, vote["priorities"], vote["one"]) == "t2"
    assert store.votes.count_ballots(db, vote["priorities"]) == 1


def test_no_ballot_is_none(db, vote):
    assert store.votes.get_ballot(db, vote["priorities"], vote["one"]) is None
    assert store.votes.get_ballot_time(db, vote["priorities"], vote["one"]) is None
    assert store.votes.list_ballots(db, vote["priorities"]) == []


def test_ballots_are_listed_in_casting_order_with_table_and_network(db, rows, vote):
    rows.ballot(vote["priorities"], vote["two"], {"ranking": ["i2"]})
    rows.ballot(vote["priorities"], vote["one"], {"ranking": ["i1"]})
    assert store.votes.list_ballots(db, vote["priorities"]) == [
        {"ballot": {"ranking": ["i2"]}, "table": 2, "network": None},
        {"ballot": {"ranking": ["i1"]}, "table": 1, "network": "Namdal"},
    ]


def test_an_upvote_counts_once_and_can_be_withdrawn(db, rows, vote):
    asked = rows.entry(vote["questions"], vote["one"], "Hvem følger opp?")
    other = rows.entry(vote["questions"], vote["one"], "Når?")
    for _ in range(2):
        store.votes.set_upvote(db, asked, vote["two"], True, "t")
    assert store.entries.get_entry(db, asked)["votes"] == 1
    assert store.votes.voted_entries(db, vote["questions"], vote["two"]) == {asked}
    assert store.votes.voted_entries(db, vote["questions"], vote["one"]) == set()
    store.votes.set_upvote(db, asked, vote["two"], False, "t")
    store.votes.set_upvote(db, other, vote["two"], False, "t")  # never voted: nothing happens
    assert store.entries.get_entry(db, asked)["votes"] == 0
    assert store.votes.voted_entries(db, vote["questions"], vote["two"]) == set()
