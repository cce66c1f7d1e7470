"""A limit on what a phone can add, and a phone's state stays small
whatever the others send. Every request from one address, as in a venue."""

import json

from conftest import simple_definition

LONG = "Hvorfor " + "x" * 984  # with its number, 1,000 characters, as a flood would send


def ask(client, token, activity, text, client_id):
    return client.post(
        "/api/submissions",
        headers={"Authorization": f"Bearer {token}"},
        json={"activity_id": activity["id"], "text": text, "client_id": client_id},
    )


def panel(organiser, **options):
    gathering = organiser.create(
        simple_definition(activities=[{"kind": "questions", "prompt": "Spør", **options}])
    )
    organiser.open(gathering, gathering["activities"][0])
    return gathering, gathering["activities"][0]


def test_each_phone_asks_at_most_its_quota_of_questions(client, organiser, join):
    gathering, activity = panel(organiser)
    token = join(gathering)
    answers = [ask(client, token, activity, f"Spørsmål {n}?", str(n)) for n in range(11)]
    assert [a.status_code for a in answers[:10]] == [201] * 10
    assert answers[9].get_json()["remaining"] == 0
    assert answers[10].status_code == 409
    assert answers[10].get_json()["error"] == "too_many_questions"
    assert "10" in answers[10].get_json()["message"]
    gathering, activity = panel(organiser, questions_per_participant=2)
    token = join(gathering)
    assert [ask(client, token, activity, "?", str(n)).status_code for n in range(3)] == [
        201,
        201,
        409,
    ]


def test_a_new_phones_state_stays_small_after_a_thousand_questions(
    app, client, organiser, join, phone
):
    app.extensions["samla_limits"].participant = None  # the flood is not slowed here
    gathering, activity = panel(organiser)
    for sender in range(100):
        token = join(gathering, table=1 + sender % 3)
        for n in range(10):
            assert ask(client, token, activity, f"{LONG} {sender}-{n}", str(n)).status_code == 201
    newcomer = phone(gathering)
    state = newcomer.emit("sync", callback=True)["state"]
    assert len(json.dumps(state).encode()) < 300_000
    shown = state["activities"][0]
    assert shown["questions_total"] == 1000 and len(shown["entries"]) <= 60
    # The rest on request, a page at a time, newest first.
    seen, offset = [], 0
    while True:
        page = newcomer.emit(
            "questions", {"activity_id": activity["id"], "offset": offset}, callback=True
        )
        assert page["ok"] is True and page["total"] == 1000
        seen += [e["id"] for e in page["entries"]]
        if not page["more"]:
            break
        offset += len(page["entries"])
    assert len(set(seen)) == 1000 and seen == sorted(seen, reverse=True)


def test_the_most_voted_questions_are_in_every_phones_state(client, organiser, join, phone):
    gathering, activity = panel(organiser)
    voters = [phone(gathering) for _ in range(3)]
    first = ask(client, voters[0].token, activity, "Det første spørsmålet?", "f").get_json()
    for voter in voters[1:]:
        assert voter.emit("upvote", {"entry_id": first["id"]}, callback=True)["ok"]
    for sender in range(8):
        token = join(gathering)
        for n in range(10):
            ask(client, token, activity, f"Senere {sender}-{n}?", str(n))
    state = phone(gathering).emit("sync", callback=True)["state"]
    assert first["id"] in [e["id"] for e in state["activities"][0]["entries"]]
