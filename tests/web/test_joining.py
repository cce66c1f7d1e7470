"""Bounded identities, rejoining as oneself, and one click against a
prankster. Every request comes from one address, as in a venue."""

import json

from app.realtime.server import socketio
from conftest import ADMIN_TOKEN, received, simple_definition


def join(client, gathering, table=1, token=None):
    body = {"code": gathering["code"], "table": table}
    if token:
        body["participant_token"] = token
    return client.post("/api/join", json=body)


def test_a_gathering_takes_at_most_its_max_participants(client, organiser):
    gathering = organiser.create(simple_definition(max_participants=3))
    assert gathering["max_participants"] == 3
    tokens = [join(client, gathering).get_json()["participant_token"] for _ in range(3)]
    full = join(client, gathering)
    assert full.status_code == 409 and full.get_json()["error"] == "gathering_full"
    assert "3" in full.get_json()["message"]
    # Those already in can always come back.
    again = join(client, gathering, token=tokens[0])
    assert again.status_code == 200 and again.get_json()["participant_token"] == tokens[0]


def test_a_phone_that_joins_again_is_itself_again(client, organiser, gathering):
    first = join(client, gathering, table=1).get_json()
    again = join(client, gathering, table=2, token=first["participant_token"]).get_json()
    assert again["participant_token"] == first["participant_token"]
    assert again["participant"] == first["participant"] and again["rejoined"] is True
    assert again["table"] == 2
    assert organiser.get(f"/api/gatherings/{gathering['id']}").get_json()["participants"] == 1
    # A token of another gathering (or a made-up one) gets a new identity instead.
    other = organiser.create(simple_definition(title="Annen"))
    elsewhere = join(client, other, token=first["participant_token"]).get_json()
    assert elsewhere["participant_token"] != first["participant_token"]
    assert join(client, gathering, token="oppdiktet").get_json()["rejoined"] is False


def test_closing_joining_stops_newcomers_but_not_those_in(client, organiser, gathering, phone):
    inside = phone(gathering)
    activity = gathering["activities"][1]
    organiser.open(gathering, activity)
    url = f"/api/gatherings/{gathering['id']}/joining"
    closed = organiser.post(url, json={"open": False})
    assert closed.status_code == 200 and closed.get_json() == {"ok": True, "open": False}
    assert organiser.get(f"/api/gatherings/{gathering['id']}").get_json()["joining_open"] is False
    refused = join(client, gathering)
    assert refused.status_code == 403 and refused.get_json()["error"] == "joining_closed"
    assert join(client, gathering, token=inside.token).status_code == 200
    ack = inside.emit(
        "submit", {"activity_id": activity["id"], "text": "inne", "client_id": "c"}, callback=True
    )
    assert ack["ok"] is True
    assert organiser.post(url, json={"open": True}).get_json()["open"] is True
    assert join(client, gathering).status_code == 200
    assert organiser.post(url, json={"open": "nei"}).status_code == 400
    assert client.post(url, json={"open": False}).status_code == 401


def test_the_console_sees_joins_live(app, client, organiser, gathering):
    console = socketio.test_client(
        app, auth={"token": ADMIN_TOKEN, "gathering_id": gathering["id"]}, flask_test_client=client
    )
    console.get_received()
    joined = join(client, gathering, table=2).get_json()
    [event] = received(console, "participant_joined")
    assert event["participant"] == joined["participant"] and event["table"] == 2
    assert event["participants"] == 1 and "participant_token" not in event
    organiser.post(f"/api/gatherings/{gathering['id']}/joining", json={"open": False})
    assert received(console, "joining") == [{"gathering_id": gathering["id"], "open": False}]
    console.disconnect()


def test_a_phone_that_joins_again_at_another_table_moves_in_the_consoles_counts(
    app, client, gathering
):
    console = socketio.test_client(
        app, auth={"token": ADMIN_TOKEN, "gathering_id": gathering["id"]}, flask_test_client=client
    )
    token = join(client, gathering, table=1).get_json()["participant_token"]
    join(client, gathering, table=1)
    console.get_received()
    assert join(client, gathering, table=3, token=token).get_json()["rejoined"] is True
    [event] = received(console, "participant_joined")
    assert event["rejoined"] is True and event["table"] == 3
    assert event["participants"] == 2
    assert event["tables"] == [
        {"number": 1, "participants": 1},
        {"number": 2, "participants": 0},
        {"number": 3, "participants": 1},
    ]
    console.disconnect()


EVERY_KIND = simple_definition(
    activities=[
        {"kind": "statements", "prompt": "Utsagn"},
        {"kind": "task", "prompt": "Plan", "questions": [{"id": "mal", "title": "Mål"}]},
        {"kind": "priorities", "prompt": "Viktigst?", "items": ["a", "b"], "mode": "ranking"},
        {"kind": "questions", "prompt": "Til panelet"},
    ]
)


def test_one_click_blocks_a_prankster_and_everything_it_wrote(client, organiser, phone):
    gathering = organiser.create(EVERY_KIND)
    statements, task, vote, panel = gathering["activities"]
    for activity in gathering["activities"]:
        organiser.open(gathering, activity)
    prankster, neighbour = phone(gathering), phone(gathering)
    for sio, name in ((prankster, "SKANDALE"), (neighbour, "Godt")):
        sio.emit(
            "submit",
            {"activity_id": statements["id"], "text": name, "client_id": "s"},
            callback=True,
        )
        sio.emit(
            "add_point",
            {"activity_id": task["id"], "question_id": "mal", "text": name, "client_id": "p"},
            callback=True,
        )
    question = neighbour.emit(
        "submit", {"activity_id": panel["id"], "text": "Hvem?", "client_id": "q"}, callback=True
    )
    assert prankster.emit("upvote", {"entry_id": question["id"]}, callback=True)["ok"]
    assert prankster.emit(
        "cast", {"activity_id": vote["id"], "ranking": ["i1", "i2"]}, callback=True
    )["ok"]

    exported = organiser.get(f"/api/gatherings/{gathering['id']}/export.json")
    text = exported.get_data(as_text=True)
    assert prankster.token not in text and neighbour.token not in text
    entries = json.loads(text)["activities"][0]["entries"]
    who = {e["text"]: e["participant"] for e in entries}
    assert who["SKANDALE"] != who["Godt"]

    url = f"/api/gatherings/{gathering['id']}/participants/{who['SKANDALE']}/block"
    blocked = organiser.post(url, json={})
    assert blocked.status_code == 200 and blocked.get_json()["blocked"] is True

    exported = organiser.get(f"/api/gatherings/{gathering['id']}/export.json").get_json()
    shown = {e["text"]: e["hidden"] for e in exported["activities"][0]["entries"]}
    assert shown == {"SKANDALE": True, "Godt": False}
    points = organiser.get(
        f"/api/gatherings/{gathering['id']}/activities/{task['id']}/results"
    ).get_json()
    assert "SKANDALE" not in json.dumps(points) or all(
        p["deleted"] for p in _points(points) if p["text"] == "SKANDALE"
    )
    panel_results = organiser.get(
        f"/api/gatherings/{gathering['id']}/activities/{panel['id']}/results"
    ).get_json()
    assert panel_results["entries"][0]["votes"] == 0
    described = organiser.get(f"/api/gatherings/{gathering['id']}").get_json()
    assert described["activities"][2]["count"] == 0  # its ballot left the results

    ack = prankster.emit(
        "submit",
        {"activity_id": statements["id"], "text": "igjen", "client_id": "t"},
        callback=True,
    )
    assert ack["ok"] is False and ack["error"] == "blocked" and ack["message"]
    for event, payload in [
        (
            "add_point",
            {"activity_id": task["id"], "question_id": "mal", "text": "x", "client_id": "x"},
        ),
        ("cast", {"activity_id": vote["id"], "ranking": ["i1"]}),
        ("upvote", {"entry_id": question["id"]}),
    ]:
        assert prankster.emit(event, payload, callback=True)["error"] == "blocked"
    http = client.post(
        "/api/submissions",
        headers={"Authorization": f"Bearer {prankster.token}"},
        json={"activity_id": statements["id"], "text": "igjen", "client_id": "h"},
    )
    assert http.status_code == 403 and http.get_json()["error"] == "blocked"
    # Joining again with its token keeps it blocked; its neighbour goes on.
    assert join(client, gathering, token=prankster.token).status_code == 200
    assert (
        prankster.emit(
            "submit",
            {"activity_id": statements["id"], "text": "x", "client_id": "u"},
            callback=True,
        )["error"]
        == "blocked"
    )
    assert neighbour.emit(
        "submit", {"activity_id": statements["id"], "text": "fint", "client_id": "n"}, callback=True
    )["ok"]
    unknown = organiser.post(f"/api/gatherings/{gathering['id']}/participants/abc/block", json={})
    assert unknown.status_code == 404


def _points(results):
    found = []

    def walk(value):
        if isinstance(value, dict):
            if "question_id" in value and "text" in value:
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(results)
    return found
