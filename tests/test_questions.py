"""Questions to the panel: ask, approve, upvote once, pin and answer."""

import pytest

from conftest import ADMIN_TOKEN, received

PANEL = {
    "title": "Panel",
    "tables": 2,
    "activities": [{"kind": "questions", "prompt": "Spørsmål til panelet", "approval": True}],
}


@pytest.fixture
def panel(organiser):
    gathering = organiser.create(PANEL)
    organiser.open(gathering, gathering["activities"][0])
    return gathering


def ask(sio, panel, text, client_id):
    activity = panel["activities"][0]
    return sio.emit(
        "submit",
        {"activity_id": activity["id"], "text": text, "client_id": client_id},
        callback=True,
    )


def test_a_question_waits_for_approval_then_every_phone_sees_it(panel, organiser, phone, screen):
    asker, listener = phone(panel, 1), phone(panel, 2)
    projector = screen(panel)
    for sio in (asker, listener, projector):
        received(sio, "state")
    ack = ask(asker, panel, "Hvordan følger fylkesmannen opp?", "q1")
    assert ack["ok"] is True
    assert received(projector, "activity_update")[-1]["entries"] == []
    own = asker.emit("sync", callback=True)["state"]["activities"][0]["own_entries"]
    assert own[0]["held"] is True
    assert listener.emit("sync", callback=True)["state"]["activities"][0]["entries"] == []
    organiser.patch(f"/api/entries/{ack['id']}", json={"held": False})
    update = received(listener, "questions_update")[-1]
    assert update["entries"][0]["text"] == "Hvordan følger fylkesmannen opp?"
    assert update["entries"][0]["hidden"] is False
    assert received(projector, "activity_update")[-1]["entries"][0]["id"] == ack["id"]


def test_each_participant_upvotes_a_question_once(panel, organiser, phone):
    asker, first, second = phone(panel, 1), phone(panel, 1), phone(panel, 2)
    entry_id = ask(asker, panel, "Hva med økonomien?", "q1")["id"]
    held = first.emit("upvote", {"entry_id": entry_id, "up": True}, callback=True)
    assert held["ok"] is False and held["error"] == "held"
    organiser.patch(f"/api/entries/{entry_id}", json={"held": False})
    assert first.emit("upvote", {"entry_id": entry_id}, callback=True)["votes"] == 1
    assert first.emit("upvote", {"entry_id": entry_id}, callback=True)["votes"] == 1
    assert second.emit("upvote", {"entry_id": entry_id}, callback=True)["votes"] == 2
    back = first.emit("upvote", {"entry_id": entry_id, "up": False}, callback=True)
    assert back == {"ok": True, "votes": 1, "voted": False}
    entries = second.emit("sync", callback=True)["state"]["activities"][0]["entries"]
    assert entries[0]["votes"] == 1 and entries[0]["voted"] is True


def test_pinned_first_answered_last_in_the_results(panel, organiser, phone):
    sio = phone(panel, 1)
    ids = [ask(sio, panel, t, t)["id"] for t in ("a", "b", "c")]
    for entry_id in ids:
        organiser.patch(f"/api/entries/{entry_id}", json={"held": False})
    organiser.patch(f"/api/entries/{ids[0]}", json={"answered": True})
    organiser.patch(f"/api/entries/{ids[2]}", json={"pinned": True})
    phone(panel, 2).emit("upvote", {"entry_id": ids[1]}, callback=True)
    url = f"/api/gatherings/{panel['id']}/activities/{panel['activities'][0]['id']}/results"
    order = [e["text"] for e in organiser.get(url).get_json()["entries"]]
    assert order == ["c", "b", "a"]


def test_results_stay_off_the_projector_until_revealed(organiser, phone, screen, app, client):
    from app.realtime.server import socketio

    gathering = organiser.create(
        {
            "title": "Blind",
            "tables": 1,
            "activities": [{"kind": "words", "prompt": "Ett ord", "hide_results": True}],
        }
    )
    words = gathering["activities"][0]
    assert words["revealed"] is False
    organiser.open(gathering, words)
    projector = screen(gathering)
    auth = {"token": ADMIN_TOKEN, "gathering_id": gathering["id"]}
    console = socketio.test_client(app, auth=auth, flask_test_client=client)
    received(projector, "state")
    received(console, "state")
    phone(gathering, 1).emit(
        "submit", {"activity_id": words["id"], "text": "Spent", "client_id": "1"}, callback=True
    )
    hidden = received(projector, "activity_update")[-1]
    assert hidden["count"] == 1 and hidden["entries"] == [] and "frequencies" not in hidden
    frequencies = received(console, "activity_update")[-1]["frequencies"]
    assert frequencies == [{"word": "Spent", "count": 1}]
    url = f"/api/gatherings/{gathering['id']}/activities/{words['id']}/reveal"
    assert organiser.post(url, json={"revealed": True}).get_json()["revealed"] is True
    packets = projector.get_received()
    states = [p["args"][0] for p in packets if p["name"] == "activity_state"]
    updates = [p["args"][0] for p in packets if p["name"] == "activity_update"]
    assert states[-1]["activity"]["revealed"] is True
    assert updates[-1]["frequencies"] == [{"word": "Spent", "count": 1}]
    console.disconnect()
