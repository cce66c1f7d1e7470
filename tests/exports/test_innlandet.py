"""An Innlandet-sized gathering's minutes are compact: the vote once, by network name."""

import pytest

from .innlandet import LONG, NETWORKS, build


@pytest.fixture
def innlandet(app, organiser, client, join):
    return build(app, organiser, client, join)


def test_the_vote_is_one_list_without_empty_items_and_places_by_network_name(organiser, innlandet):
    minutes = organiser.get(f"/api/gatherings/{innlandet['id']}/minutes").get_json()
    vote = minutes["items"][3]
    overall, per_network = vote["blocks"]
    assert overall["rows"] and all(row["score"] > 0 for row in overall["rows"])
    assert [row["rank"] for row in overall["rows"]] == list(range(1, len(overall["rows"]) + 1))
    assert per_network["type"] == "grid" and set(per_network["columns"]) == set(NETWORKS)
    assert [row["label"] for row in per_network["rows"]] == [r["rank"] for r in overall["rows"]]
    assert LONG not in str(per_network)
    md = organiser.get(f"/api/gatherings/{innlandet['id']}/export.md").get_data(as_text=True)
    assert md.count(LONG[:200]) <= 2  # under its table, and once in the vote if it scored


def test_words_are_the_cloud_and_the_answered_question_is_marked(organiser, innlandet):
    minutes = organiser.get(f"/api/gatherings/{innlandet['id']}/minutes").get_json()
    assert [b["type"] for b in minutes["items"][0]["blocks"]] == ["cloud"]
    panel = minutes["items"][4]["blocks"][0]["rows"]
    assert [row["mark"] for row in panel].count("answered") == 1
    statements = minutes["items"][1]["blocks"][0]["tables"]
    assert [m for table in statements for m in table["marks"] if m] == ["highlighted"]
    md = organiser.get(f"/api/gatherings/{innlandet['id']}/export.md").get_data(as_text=True)
    assert "- Utsagn 2 fra bord 2: æøå (fremhevet)" in md
    assert minutes["gathering"]["referent"] == "Kari Nordmann"
    assert minutes["follow_up"][0]["due"] == "2020-03-01"
