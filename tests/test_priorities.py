"""Priority votes: dots and Borda-count rankings counted by hand, overall, per table and network."""

import pytest

from app.errors import SamlaError
from app.kinds import priorities
from conftest import received

ITEMS = [
    {"id": f"i{n}", "text": t, "table": None}
    for n, t in enumerate(["Samordning", "Rolle", "Barnehage", "Økonomi"], start=1)
]
DOTS = priorities.options({"mode": "dots", "dots": 5, "max_per_item": 3, "items": ["x"]})
RANKING = priorities.options({"mode": "ranking", "top": 3, "items": ["x"]})


def test_dots_are_summed_and_ties_go_to_more_first_places():
    ballots = [
        {"dots": {"i1": 3, "i2": 2}},  # puts i1 first
        {"dots": {"i2": 3, "i3": 2}},  # puts i2 first
        {"dots": {"i1": 2, "i3": 3}},  # puts i3 first
    ]
    rows = priorities.rank_items(DOTS, ITEMS, ballots)
    # i1: 5 points, 1 first; i2: 5 points, 1 first; i3: 5 points, 1 first -> list order
    assert [(r["item"], r["score"], r["first_places"]) for r in rows] == [
        ("i1", 5, 1),
        ("i2", 5, 1),
        ("i3", 5, 1),
        ("i4", 0, 0),
    ]
    rows = priorities.rank_items(DOTS, ITEMS, [*ballots, {"dots": {"i3": 1}}])
    assert [r["item"] for r in rows][:1] == ["i3"]
    assert [r["rank"] for r in rows] == [1, 2, 3, 4]


def test_rankings_use_the_borda_count():
    ballots = [
        {"ranking": ["i1", "i2", "i3"]},  # i1 3, i2 2, i3 1
        {"ranking": ["i2", "i1"]},  # i2 3, i1 2
        {"ranking": ["i3", "i2", "i4"]},  # i3 3, i2 2, i4 1
    ]
    rows = priorities.rank_items(RANKING, ITEMS, ballots)
    assert [(r["item"], r["score"], r["first_places"]) for r in rows] == [
        ("i2", 7, 1),
        ("i1", 5, 1),
        ("i3", 4, 1),
        ("i4", 1, 0),
    ]


def test_results_come_overall_per_table_and_per_network():
    ballots = [
        {"ballot": {"ranking": ["i1"]}, "table": 1, "network": "Namdal"},
        {"ballot": {"ranking": ["i2"]}, "table": 2, "network": "Namdal"},
        {"ballot": {"ranking": ["i2"]}, "table": 10, "network": None},
    ]
    result = priorities.results(RANKING, ITEMS, ballots)
    assert result["method"] == "borda" and result["ballots"] == 3
    assert result["overall"][0]["item"] == "i2" and result["overall"][0]["score"] == 6
    assert list(result["tables"]) == ["1", "2", "10"]
    assert result["tables"]["1"][0]["item"] == "i1"
    assert list(result["networks"]) == ["Namdal"]
    assert result["networks"]["Namdal"][0]["score"] == 3


@pytest.mark.parametrize(
    "ballot,error",
    [
        ({"dots": {"i1": 4}}, "too_many_on_item"),
        ({"dots": {"i1": 3, "i2": 3}}, "too_many_dots"),
        ({"dots": {"i9": 1}}, "unknown_item"),
        ({"dots": {"i1": -1}}, "bad_request"),
        ({"dots": {"i1": True}}, "bad_request"),
        ({"ranking": ["i1"]}, "bad_request"),
    ],
)
def test_dot_ballots_keep_to_the_limits(ballot, error):
    with pytest.raises(SamlaError) as caught:
        priorities.check_ballot(DOTS, ITEMS, ballot)
    assert caught.value.code == error


@pytest.mark.parametrize(
    "ballot,error",
    [
        ({"ranking": ["i1", "i2", "i3", "i4"]}, "bad_ranking"),
        ({"ranking": ["i1", "i1"]}, "bad_ranking"),
        ({"ranking": []}, "bad_ranking"),
        ({"ranking": ["i7"]}, "unknown_item"),
    ],
)
def test_rankings_keep_to_the_limits(ballot, error):
    with pytest.raises(SamlaError) as caught:
        priorities.check_ballot(RANKING, ITEMS, ballot)
    assert caught.value.code == error


def test_zero_dots_are_dropped_from_the_stored_ballot():
    assert priorities.check_ballot(DOTS, ITEMS, {"dots": {"i1": 0, "i2": 2}}) == {"dots": {"i2": 2}}


@pytest.mark.parametrize(
    "options",
    [
        {"mode": "poll", "items": ["a"]},
        {"mode": "dots"},
        {"mode": "dots", "items": ["a"], "source": "x"},
        {"mode": "dots", "items": []},
        {"mode": "dots", "items": ["a"], "dots": 2, "max_per_item": 3},
        {"mode": "ranking", "items": ["a"], "top": 0},
        {"mode": "dots", "items": ["a"], "colour": "red"},
    ],
)
def test_bad_priority_options_are_refused(options):
    with pytest.raises(SamlaError) as caught:
        priorities.options(options)
    assert caught.value.code == "invalid_definition"


VOTE = {
    "title": "Prioritering",
    "tables": [
        {"number": 1, "network": "Namdal"},
        {"number": 2, "network": "Namdal"},
        {"number": 3, "network": "Fosen"},
    ],
    "activities": [
        {"kind": "statements", "key": "utsagn", "prompt": "Tre utsagn pr bord", "per_table": 3},
        {
            "kind": "priorities",
            "prompt": "Hva er viktigst?",
            "mode": "dots",
            "dots": 3,
            "max_per_item": 2,
            "source": "utsagn",
        },
        {
            "kind": "priorities",
            "prompt": "Rekkefølge",
            "mode": "ranking",
            "top": 2,
            "items": ["Fagfornyelsen", "Begynneropplæring", "Lesing"],
        },
    ],
}


def test_items_come_from_an_earlier_activitys_visible_entries(organiser, phone, screen):
    gathering = organiser.create(VOTE)
    statements, dots, _ = gathering["activities"]
    assert dots["options"]["source"] == statements["id"]
    organiser.open(gathering, statements)
    writer = phone(gathering, 1)
    ids = [
        writer.emit(
            "submit", {"activity_id": statements["id"], "text": t, "client_id": t}, callback=True
        )["id"]
        for t in ("Samordne", "Rolle", "Uønsket")
    ]
    organiser.patch(f"/api/entries/{ids[2]}", json={"hidden": True})
    organiser.open(gathering, dots)
    voter = phone(gathering, 3)
    assert voter.vote_items(dots["id"]) == [
        {"id": f"e{ids[0]}", "text": "Samordne"},
        {"id": f"e{ids[1]}", "text": "Rolle"},
    ]
    ack = voter.emit("cast", {"activity_id": dots["id"], "dots": {f"e{ids[1]}": 2}}, callback=True)
    assert ack == {"ok": True, "ballot": {"dots": {f"e{ids[1]}": 2}}}
    refused = voter.emit(
        "cast", {"activity_id": dots["id"], "dots": {f"e{ids[2]}": 1}}, callback=True
    )
    assert refused["ok"] is False and refused["error"] == "unknown_item"


def test_a_new_ballot_replaces_the_old_and_results_go_live_to_screens(organiser, phone, screen):
    gathering = organiser.create(VOTE)
    ranking = gathering["activities"][2]
    organiser.open(gathering, ranking)
    console = screen(gathering, token="test-organiser-token")
    from conftest import received

    received(console, "state")
    first, second, third = phone(gathering, 1), phone(gathering, 2), phone(gathering, 3)
    first.emit("cast", {"activity_id": ranking["id"], "ranking": ["i3"]}, callback=True)
    first.emit("cast", {"activity_id": ranking["id"], "ranking": ["i1", "i2"]}, callback=True)
    second.emit("cast", {"activity_id": ranking["id"], "ranking": ["i2", "i1"]}, callback=True)
    third.emit("cast", {"activity_id": ranking["id"], "ranking": ["i2"]}, callback=True)
    results = received(console, "activity_update")[-1]["results"]
    assert results["ballots"] == 3
    assert [(r["item"], r["score"]) for r in results["overall"]] == [
        ("i2", 5),
        ("i1", 3),
        ("i3", 0),
    ]
    assert results["networks"]["Namdal"][0] == {
        "item": "i1",
        "text": "Fagfornyelsen",
        "score": 3,
        "first_places": 1,
        "rank": 1,
    }
    assert results["networks"]["Fosen"][0]["item"] == "i2"
    url = f"/api/gatherings/{gathering['id']}/activities/{ranking['id']}/results"
    whole = organiser.get(url).get_json()["results"]
    assert results == {
        **whole,
        "overall": whole["overall"][: priorities.UPDATE_TOP],
        "tables": {t: rows[: priorities.UPDATE_GROUP_TOP] for t, rows in whole["tables"].items()},
        "networks": {
            n: rows[: priorities.UPDATE_GROUP_TOP] for n, rows in whole["networks"].items()
        },
    }
    assert whole["tables"]["3"] == [
        {"item": "i2", "text": "Begynneropplæring", "score": 2, "first_places": 1, "rank": 1}
    ], "a table's list names only the items it gave points"


def test_a_source_must_be_an_earlier_activity(organiser):
    later = {**VOTE, "activities": [VOTE["activities"][1], VOTE["activities"][0]]}
    response = organiser.post("/api/gatherings", json=later)
    assert response.status_code == 400
    assert "ikke er en tidligere aktivitet" in response.get_json()["message"]


def test_a_statement_that_leaves_a_votes_results_as_they_were_sends_no_update_of_the_vote(
    organiser, phone, screen, monkeypatch
):
    """Screens hear a vote again when a new statement changes what its update shows (here
    the top 2, filled with items nobody voted for yet), not for every statement."""
    monkeypatch.setattr(priorities, "UPDATE_TOP", 2)
    gathering = organiser.create(VOTE)
    statements, dots, _ = gathering["activities"]
    organiser.open(gathering, statements)
    organiser.open(gathering, dots)
    console = screen(gathering, token="test-organiser-token")
    writer = phone(gathering, 1)

    def write(text):
        console.get_received()
        ack = writer.emit(
            "submit",
            {"activity_id": statements["id"], "text": text, "client_id": text},
            callback=True,
        )
        updated = [u["activity_id"] for u in received(console, "activity_update")]
        return ack["id"], updated

    first, updated = write("Samordne")
    assert updated == [statements["id"], dots["id"]]
    _, updated = write("Rolle")
    assert updated == [statements["id"], dots["id"]]
    third, updated = write("Lesing")
    assert updated == [statements["id"]], "the top 2 stayed Samordne and Rolle"
    voter = phone(gathering, 2)
    voter.emit("cast", {"activity_id": dots["id"], "dots": {f"e{third}": 2}}, callback=True)
    results = received(console, "activity_update")[-1]["results"]
    assert [row["item"] for row in results["overall"]] == [f"e{third}", f"e{first}"]
