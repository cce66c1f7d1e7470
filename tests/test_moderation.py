"""Moderation helpers: the gathering's word list holds matching entries for approval,
"approve before showing" holds everything, and the console sees both with counts."""

import pytest

from app.moderation import DEFAULT_WORDS, matches
from conftest import received, simple_definition


def submit(client, token, activity, text, client_id):
    response = client.post(
        "/api/submissions",
        headers={"Authorization": f"Bearer {token}"},
        json={"activity_id": activity["id"], "text": text, "client_id": client_id},
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def put(organiser, gathering, body):
    return organiser.client.put(
        f"/api/gatherings/{gathering['id']}/moderation", headers=organiser.headers, json=body
    )


@pytest.fixture
def open_statements(organiser, gathering):
    statements = gathering["activities"][1]
    organiser.open(gathering, statements)
    return statements


def test_words_match_whole_words_whatever_the_case_and_normal_form():
    assert matches("Dette er FAEN ikke greit", ["faen"]) == ["faen"]
    assert matches("faenskap", ["faen"]) == ["faen"]
    assert matches("jævla", ["ja\u0308vla".replace("a\u0308", "æ")]) == ["jævla"]
    assert matches("en hel\u0301vete", ["helvete"]) == []
    assert matches("Sa\u030atan!", ["såtan"]) == ["såtan"]
    assert matches("drittsekk og dritt", ["dritt", "drittsekk"]) == ["drittsekk", "dritt"]


def test_words_of_four_letters_or_more_match_inside_norwegian_compounds():
    assert matches("Det var drittkjedelig", DEFAULT_WORDS) == ["dritt"]
    assert matches("kjempedrittkjedelig og jævleg", DEFAULT_WORDS) == ["dritt", "jævleg"]
    assert matches("Tullingane", ["tulling"]) == ["tulling"]


def test_short_words_and_ordinary_words_that_contain_a_listed_one_pass():
    assert matches("kukkelure", ["kuk"]) == []
    assert matches("Vi spikker og spikket; homogene grupper", DEFAULT_WORDS) == []


def test_the_shipped_list_is_on_in_a_new_gathering(organiser, gathering):
    answer = organiser.get(f"/api/gatherings/{gathering['id']}/moderation").get_json()
    assert answer["enabled"] is True and answer["default"] is True
    assert answer["words"] == DEFAULT_WORDS and "faen" in answer["words"]


def test_a_matching_entry_is_held_and_others_are_shown(
    organiser, client, join, gathering, open_statements, screen
):
    assert put(organiser, gathering, {"enabled": True, "words": None}).status_code == 200
    projector = screen(gathering)
    received(projector, "state")
    token = join(gathering)
    held = submit(client, token, open_statements, "Dette er faen ikke greit", "a")
    shown = submit(client, token, open_statements, "Samordne rekomp og dekomp", "b")
    assert held["held"] is True and shown["held"] is False
    on_screen = [e["id"] for u in received(projector, "activity_update") for e in u["entries"]]
    assert shown["id"] in on_screen and held["id"] not in on_screen
    described = organiser.get(f"/api/gatherings/{gathering['id']}/moderation").get_json()
    assert described["held_count"] == 1
    assert {"id": open_statements["id"], "approval": False, "held_count": 1} in (
        described["activities"]
    )


def test_approving_a_held_entry_shows_it(
    organiser, client, join, gathering, open_statements, screen
):
    put(organiser, gathering, {"enabled": True, "words": ["dritt"]})
    entry = submit(client, join(gathering), open_statements, "for en dritt", "a")
    projector = screen(gathering)
    received(projector, "state")
    response = organiser.patch(f"/api/entries/{entry['id']}", json={"held": False})
    assert response.status_code == 200
    update = received(projector, "activity_update")[-1]
    assert update["entries"][0]["text"] == "for en dritt" and update["count"] == 1


def test_an_edited_list_holds_its_own_words_only(
    organiser, client, join, gathering, open_statements
):
    answer = put(organiser, gathering, {"enabled": True, "words": ["  Byråkrati ", "", "tull"]})
    assert answer.get_json()["words"] == ["byråkrati", "tull"]
    assert answer.get_json()["default"] is False
    token = join(gathering)
    assert submit(client, token, open_statements, "Mindre BYRÅKRATI!", "a")["held"] is True
    assert submit(client, token, open_statements, "faen", "b")["held"] is False


def test_a_list_switched_off_holds_nothing(organiser, client, join, gathering, open_statements):
    put(organiser, gathering, {"enabled": False, "words": ["faen"]})
    assert submit(client, join(gathering), open_statements, "faen", "a")["held"] is False


def test_each_gathering_has_its_own_list(organiser, client, join, gathering):
    other = organiser.create(simple_definition(title="Annen"))
    put(organiser, gathering, {"enabled": True, "words": ["byråkrati"]})
    statements = other["activities"][1]
    organiser.open(other, statements)
    assert submit(client, join(other), statements, "byråkrati", "a")["held"] is False


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"enabled": "ja"},
        {"enabled": True, "words": "faen"},
        {"enabled": True, "words": [3]},
        {"enabled": True, "words": ["x" * 81]},
        [],
    ],
)
def test_bad_lists_get_clear_errors(organiser, gathering, body):
    answer = put(organiser, gathering, body)
    assert answer.status_code == 400 and answer.get_json()["error"] == "bad_request"


def test_approve_before_showing_holds_everything_and_is_visible(
    organiser, client, join, gathering, open_statements, screen
):
    url = f"/api/gatherings/{gathering['id']}/activities/{open_statements['id']}/approval"
    projector = screen(gathering)
    received(projector, "state")
    answer = organiser.post(url, json={"approval": True})
    assert answer.status_code == 200 and answer.get_json()["approval"] is True
    assert received(projector, "activity_state")[-1]["activity"]["approval"] is True
    entry = submit(client, join(gathering), open_statements, "helt greit", "a")
    assert entry["held"] is True
    described = organiser.get(f"/api/gatherings/{gathering['id']}").get_json()
    assert described["activities"][1]["held_count"] == 1
    assert described["activities"][1]["approval"] is True
    assert organiser.post(url, json={"approval": "ja"}).status_code == 400


def test_held_entries_stay_out_of_the_minutes(organiser, client, join, gathering, open_statements):
    put(organiser, gathering, {"enabled": True, "words": ["faen"]})
    token = join(gathering)
    submit(client, token, open_statements, "faen", "a")
    submit(client, token, open_statements, "god dialog", "b")
    minutes = organiser.get(f"/api/gatherings/{gathering['id']}/minutes").get_json()
    texts = [t for table in minutes["items"][1]["blocks"][0]["tables"] for t in table["entries"]]
    assert texts == ["god dialog"]


def test_deleting_a_gathering_erases_its_list_merges_and_themes(
    app, organiser, client, join, gathering, open_statements
):
    put(organiser, gathering, {"enabled": True, "words": ["faen"]})
    entry = submit(client, join(gathering), open_statements, "god dialog", "a")
    base = f"/api/gatherings/{gathering['id']}/activities"
    words = gathering["activities"][0]
    organiser.post(f"{base}/{words['id']}/merges", json={"word": "a", "into": "b"})
    organiser.post(
        f"{base}/{open_statements['id']}/themes",
        json={"title": "Dialog", "entries": [entry["id"]], "accepted": True},
    )
    assert (
        organiser.client.delete(
            f"/api/gatherings/{gathering['id']}", headers=organiser.headers
        ).status_code
        == 200
    )
    with app.extensions["samla_store"].read() as db:
        for table in ("moderation", "word_merges", "themes"):
            assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    assert organiser.get(f"/api/gatherings/{gathering['id']}/moderation").status_code == 404
