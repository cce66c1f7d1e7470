"""Every template in sessions/ loads through the API and the console and runs end to end."""

from pathlib import Path

import pytest

from app import catalog
from conftest import log_in

SESSIONS = Path(__file__).resolve().parent.parent / "sessions"
STEMS = [t["stem"] for t in catalog.list_templates(SESSIONS)]


def test_every_seed_gathering_has_a_template():
    assert len(STEMS) >= 5
    languages = {catalog.load_template(SESSIONS, s)["language"] for s in STEMS}
    assert "nn" in languages


def table_for(gathering, activity):
    return (activity["tables"] or [t["number"] for t in gathering["tables"]])[0]


def run_activity(organiser, phone, gathering, activity):
    """Open an activity, take part in it the way its kind asks, and return what came out."""
    organiser.open(gathering, activity)
    sio = phone(gathering, table_for(gathering, activity))
    kind, options = activity["kind"], activity["options"]
    if kind in ("words", "statements", "questions"):
        count = options.get("words_per_participant", 1) if kind == "words" else 2
        for n in range(count):
            ack = sio.emit(
                "submit",
                {
                    "activity_id": activity["id"],
                    "text": f"Svar {n} æøå",
                    "client_id": f"{activity['id']}-{n}",
                },
                callback=True,
            )
            assert ack["ok"] is True, ack
            if activity["approval"]:
                organiser.patch(f"/api/entries/{ack['id']}", json={"held": False})
    elif kind == "task":
        for question in options["questions"]:
            ack = sio.emit(
                "add_point",
                {
                    "activity_id": activity["id"],
                    "question_id": question["id"],
                    "text": "Et punkt",
                    "client_id": f"{activity['id']}-{question['id']}",
                },
                callback=True,
            )
            assert ack["ok"] is True, ack
    elif kind == "priorities":
        items = sio.vote_items(activity["id"])
        assert items, f"{activity['prompt']} has nothing to vote on"
        ballot = (
            {"dots": {items[0]["id"]: 1}}
            if options["mode"] == "dots"
            else {"ranking": [i["id"] for i in items[: options["top"]]]}
        )
        ack = sio.emit("cast", {"activity_id": activity["id"], **ballot}, callback=True)
        assert ack["ok"] is True, ack
    organiser.close(gathering, activity)
    url = f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/results"
    return organiser.get(url).get_json()


@pytest.mark.parametrize("stem", STEMS)
def test_a_template_runs_from_start_to_export(stem, organiser, client, phone):
    gathering = organiser.create(template=stem)
    log_in(client)
    for page in (f"/console/{gathering['id']}", f"/console/{gathering['id']}/editor"):
        assert client.get(page).status_code == 200
    for activity in gathering["activities"]:
        result = run_activity(organiser, phone, gathering, activity)
        if activity["kind"] == "priorities":
            assert result["results"]["ballots"] == 1
        elif activity["kind"] == "task":
            assert result["points"]
        else:
            assert result["entries"]
    described = organiser.get(f"/api/gatherings/{gathering['id']}").get_json()
    assert all(a["count"] >= 1 for a in described["activities"])
    assert organiser.get(f"/api/gatherings/{gathering['id']}/export.json").status_code == 200
