"""A projector's state and updates never carry hidden or held text,
nor who wrote what; the console still sees everything."""

import json

from conftest import received, simple_definition

SECRET = "HEMMELIG-TEKST"


def everything(sio):
    return json.dumps([packet["args"] for packet in sio.get_received()])


def test_the_projector_never_gets_hidden_or_held_text(organiser, phone, screen):
    gathering = organiser.create(
        simple_definition(
            activities=[
                {"kind": "statements", "prompt": "Utsagn"},
                {"kind": "questions", "prompt": "Spør", "approval": True},
                {"kind": "task", "prompt": "Plan", "questions": [{"id": "q", "title": "Q"}]},
            ]
        )
    )
    statements, questions, task = gathering["activities"]
    for activity in gathering["activities"]:
        organiser.open(gathering, activity)
        organiser.post(
            f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/reveal",
            json={"revealed": True},
        )
    projector = screen(gathering)
    writer = phone(gathering)
    shown = writer.emit(
        "submit",
        {"activity_id": statements["id"], "text": "Synlig", "client_id": "a"},
        callback=True,
    )
    hidden = writer.emit(
        "submit", {"activity_id": statements["id"], "text": SECRET, "client_id": "b"}, callback=True
    )
    held = writer.emit(
        "submit",
        {"activity_id": questions["id"], "text": SECRET + "?", "client_id": "c"},
        callback=True,
    )
    point = writer.emit(
        "add_point",
        {"activity_id": task["id"], "question_id": "q", "text": SECRET, "client_id": "d"},
        callback=True,
    )["point"]
    assert held["held"] is True
    received(projector, "activity_update")
    organiser.patch(f"/api/entries/{hidden['id']}", json={"hidden": True})
    writer.emit(
        "delete_point", {"point_id": point["id"], "version": point["version"]}, callback=True
    )
    updates = everything(projector)
    assert SECRET not in updates and '"participant":' not in updates
    assert str(hidden["id"]) in updates  # the screen learns to drop it, without its text

    state = projector.emit("sync", callback=True)["state"]
    text = json.dumps(state)
    assert SECRET not in text
    assert "Synlig" in text and '"participant":' not in text
    assert [e["id"] for e in state["activities"][0]["entries"]] == [shown["id"]]

    console = organiser.get(f"/api/gatherings/{gathering['id']}/export.json").get_json()
    assert SECRET in json.dumps(console)
    assert all("participant" in e for e in console["activities"][0]["entries"])
