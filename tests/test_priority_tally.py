"""Live priority results kept ballot by ballot equal a full recount of the ballots as they stand."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import kinds, store
from app.kinds import priorities

ITEMS = [{"id": f"i{n}", "text": f"Sak {n}", "table": None} for n in range(1, 7)]
# Ballots may name items the vote no longer lists (a source entry hidden since).
ITEM_IDS = [f"i{n}" for n in range(1, 9)]
NETWORKS = {1: "Namdal", 2: "Namdal", 3: "Fosen", 4: None, 5: None}
DOTS = priorities.options({"mode": "dots", "dots": 5, "max_per_item": 3, "items": ["x"]})
RANKING = priorities.options({"mode": "ranking", "top": 3, "items": ["x"]})

DOTS_BALLOTS = st.dictionaries(
    st.sampled_from(ITEM_IDS), st.integers(min_value=1, max_value=3), max_size=4
).map(lambda dots: {"dots": dots})
RANKING_BALLOTS = st.lists(st.sampled_from(ITEM_IDS), min_size=1, max_size=3, unique=True).map(
    lambda ranking: {"ranking": ranking}
)


def casts(ballots):
    """(participant, table, ballot): a participant may cast again, from another table."""
    return st.lists(
        st.tuples(st.sampled_from("abcdefg"), st.sampled_from(sorted(NETWORKS)), ballots),
        max_size=40,
    )


def recount(options, sequence):
    standing = {}
    for token, table, ballot in sequence:
        standing.pop(token, None)  # a replaced ballot goes to the end, as its row is updated
        standing[token] = {"ballot": ballot, "table": table, "network": NETWORKS[table]}
    return priorities.results(options, ITEMS, list(standing.values()))


def tallied(options, sequence):
    tally = priorities.Tally(options)
    for token, table, ballot in sequence:
        tally.put(token, table, NETWORKS[table], ballot)
    return tally


@given(casts(DOTS_BALLOTS))
def test_dots_tallied_ballot_by_ballot_equal_a_recount(sequence):
    assert tallied(DOTS, sequence).results(ITEMS) == recount(DOTS, sequence)


@given(casts(RANKING_BALLOTS))
def test_rankings_tallied_ballot_by_ballot_equal_a_recount(sequence):
    assert tallied(RANKING, sequence).results(ITEMS) == recount(RANKING, sequence)


@given(casts(DOTS_BALLOTS | RANKING_BALLOTS), st.integers(min_value=1, max_value=8))
def test_what_screens_show_is_the_head_of_the_whole_lists(sequence, top):
    options = RANKING if any("ranking" in b for _, _, b in sequence) else DOTS
    whole = recount(options, sequence)
    shown = tallied(options, sequence).shown(ITEMS, top=top, group_top=2)
    assert shown["overall"] == whole["overall"][:top]
    assert shown["tables"] == {t: with_points(rows)[:2] for t, rows in whole["tables"].items()}
    assert shown["networks"] == {n: with_points(rows)[:2] for n, rows in whole["networks"].items()}
    assert shown["ballots"] == whole["ballots"]


def with_points(rows):
    return [row for row in rows if row["score"] or row["first_places"]]


def test_a_table_whose_only_voter_moved_leaves_the_results():
    tally = priorities.Tally(DOTS)
    tally.put("a", 3, "Fosen", {"dots": {"i1": 2}})
    tally.put("a", 4, None, {"dots": {"i1": 2}})
    assert list(tally.results(ITEMS)["tables"]) == ["4"]
    assert tally.results(ITEMS)["networks"] == {}


# A vote's items drawn from an earlier activity's entries, kept up to date entry by entry.

SOURCE_CHANGES = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(min_value=1, max_value=3), st.booleans()),
        st.tuples(st.sampled_from(["hidden", "held"]), st.integers(0, 30), st.booleans()),
        st.tuples(st.just("withdraw"), st.integers(0, 30), st.just(True)),
    ),
    max_size=25,
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(changes=SOURCE_CHANGES)
def test_items_kept_entry_by_entry_equal_reading_them_afresh(app, organiser, changes):
    """Entries added (some held by the word list), hidden, shown again, held, approved and
    withdrawn, in any order: after each change the kept items are those read afresh."""
    gathering = organiser.create(VOTE_OVER_STATEMENTS)
    statements, vote = gathering["activities"]
    kept = priorities.EntryItems()
    db_store = app.extensions["samla_store"]
    added = []
    with app.app_context():
        for change, which, flag in changes:
            with db_store.write() as db:
                if change == "add":
                    added.append(add_entry(db, gathering["id"], statements["id"], which, flag))
                elif added and change == "withdraw":
                    store.entries.withdraw_entry(db, added[which % len(added)])
                elif added:
                    store.entries.set_entry_flag(db, added[which % len(added)], change, flag)
            with db_store.read() as db:
                source = store.activities.get_activity(db, statements["id"])
                afresh = kinds.of(source).priority_items(db, source, vote["options"])
                assert kept.catch_up(db, statements["id"]) == afresh
                assert priorities.items(db, store.activities.get_activity(db, vote["id"])) == afresh


VOTE_OVER_STATEMENTS = {
    "title": "Prioritering",
    "tables": 3,
    "activities": [
        {"kind": "statements", "key": "utsagn", "prompt": "Utsagn"},
        {"kind": "priorities", "prompt": "Prikker", "mode": "dots", "source": "utsagn"},
    ],
}


def add_entry(db, gathering_id, activity_id, table, held):
    client_id = f"c{time.monotonic_ns()}"
    return store.entries.insert_entry(
        db,
        {
            "activity_id": activity_id,
            "gathering_id": gathering_id,
            "table_number": table,
            "participant_token": "p",
            "client_id": client_id,
            "text": f"Utsagn {client_id}",
            "created_at": "2026-12-04T12:00:00.000Z",
            "held": int(held),
        },
    )


MANY_ITEMS = [{"id": f"i{n}", "text": f"Sak {n}", "table": None} for n in range(1, 9)]
ITEM_CHANGES = st.lists(
    st.one_of(
        st.tuples(st.just("cast"), st.sampled_from("abcd"), st.sampled_from(sorted(NETWORKS))),
        st.tuples(st.just("grow"), st.integers(1, 3), st.just(None)),
        st.tuples(st.just("drop"), st.integers(0, 7), st.just(None)),
    ),
    max_size=30,
)


@given(ITEM_CHANGES, st.lists(DOTS_BALLOTS, min_size=30, max_size=30), st.integers(1, 6))
def test_what_screens_show_follows_ballots_and_items_that_grow_or_go(changes, ballots, top):
    """Asked after every change, with the items a source gives (new ones at the end, the
    same objects as before; one hidden now and then), `shown` equals the head of a recount:
    what it keeps from the last time never outlives a ballot or an item that changes it."""
    tally, listed, standing = priorities.Tally(DOTS), MANY_ITEMS[:2], []
    for step, (change, who, where) in enumerate(changes):
        if change == "cast":
            tally.put(who, where, NETWORKS[where], ballots[step])
            standing.append((who, where, ballots[step]))
        elif change == "grow":
            listed = listed + [i for i in MANY_ITEMS if i not in listed][:who]
        else:
            listed = [i for n, i in enumerate(listed) if n != who % max(len(listed), 1)]
        whole = recount_over(listed, standing)
        shown = tally.shown(listed, top=top, group_top=2)
        assert shown["overall"] == whole["overall"][:top]
        assert shown["networks"] == {
            n: with_points(rows)[:2] for n, rows in whole["networks"].items()
        }


def recount_over(items, sequence):
    standing = {}
    for token, table, ballot in sequence:
        standing.pop(token, None)
        standing[token] = {"ballot": ballot, "table": table, "network": NETWORKS[table]}
    return priorities.results(DOTS, items, list(standing.values()))


def test_a_vote_of_a_gathering_made_again_lists_its_own_statements(app, organiser):
    """A rehearsal deleted and the real gathering made from the same template: the ids come
    again, and so do the vote's id and options, but not the rehearsal's statements."""
    db_store = app.extensions["samla_store"]
    with app.app_context():
        rehearsal = organiser.create(VOTE_OVER_STATEMENTS)
        statements, vote = rehearsal["activities"]
        with db_store.write() as db:
            for table in (1, 2, 3):
                add_entry(db, rehearsal["id"], statements["id"], table, False)
        with db_store.read() as db:
            assert len(priorities.items(db, store.activities.get_activity(db, vote["id"]))) == 3
        organiser.delete(rehearsal["id"])
        real = organiser.create(VOTE_OVER_STATEMENTS)
        assert [a["id"] for a in real["activities"]] == [statements["id"], vote["id"]]
        with db_store.write() as db:
            mine = add_entry(db, real["id"], statements["id"], 2, False)
        with db_store.read() as db:
            listed = priorities.items(db, store.activities.get_activity(db, vote["id"]))
            assert [item["id"] for item in listed] == [f"e{mine}"]


def test_a_statement_that_was_never_committed_is_never_listed(app, organiser):
    """A ballot is checked against the items inside a write: a statement of the same batch
    that is then rolled back must not stay in what the vote lists."""
    db_store = app.extensions["samla_store"]
    with app.app_context():
        gathering = organiser.create(VOTE_OVER_STATEMENTS)
        statements, vote = gathering["activities"]
        with db_store.write() as db:
            add_entry(db, gathering["id"], statements["id"], 1, False)
        try:
            with db_store.write() as db:
                add_entry(db, gathering["id"], statements["id"], 2, False)
                assert len(priorities.items(db, store.activities.get_activity(db, vote["id"]))) == 2
                raise RuntimeError("the batch fails")
        except RuntimeError:
            pass
        with db_store.write() as db:
            add_entry(db, gathering["id"], statements["id"], 3, False)
        with db_store.read() as db:
            source = store.activities.get_activity(db, statements["id"])
            afresh = kinds.of(source).priority_items(db, source, vote["options"])
            assert len(afresh) == 2
            assert priorities.items(db, store.activities.get_activity(db, vote["id"])) == afresh
