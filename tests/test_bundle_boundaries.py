"""A bundle writes only into its own gathering. Uids of another
gathering are refused as invalid_bundle with nothing half-imported; votes go only onto
entries of the same gathering; a bundle of a large gathering imports."""

import copy
import json

import pytest

from app import create_app
from app.bundles import checksum
from conftest import ADMIN_TOKEN, Organiser, simple_definition

KINDS = simple_definition(
    activities=[
        {"kind": "statements", "prompt": "Utsagn"},
        {"kind": "task", "prompt": "Plan", "questions": [{"id": "q", "title": "Q"}]},
        {"kind": "questions", "prompt": "Spør"},
    ]
)


def run_gathering(organiser, client, title, text):
    gathering = organiser.create({**KINDS, "title": title})
    statements, task, panel = gathering["activities"]
    for activity in gathering["activities"]:
        organiser.open(gathering, activity)
    token = client.post("/api/join", json={"code": gathering["code"], "table": 1}).get_json()[
        "participant_token"
    ]
    headers = {"Authorization": f"Bearer {token}"}
    for activity in (statements, panel):
        client.post(
            "/api/submissions",
            headers=headers,
            json={"activity_id": activity["id"], "text": text, "client_id": f"c{activity['id']}"},
        )
    from app.realtime.server import socketio

    sio = socketio.test_client(client.application, auth={"token": token}, flask_test_client=client)
    sio.emit(
        "add_point",
        {"activity_id": task["id"], "question_id": "q", "text": text, "client_id": "p"},
        callback=True,
    )
    question = organiser.get(
        f"/api/gatherings/{gathering['id']}/activities/{panel['id']}/results"
    ).get_json()["entries"][0]
    sio.emit("upvote", {"entry_id": question["id"]}, callback=True)
    sio.disconnect()
    bundle = organiser.get(f"/api/gatherings/{gathering['id']}/bundle").get_json()
    return gathering, bundle


@pytest.fixture
def two(organiser, client):
    victim = run_gathering(organiser, client, "Offer", "Offerets tekst")
    attacker = run_gathering(organiser, client, "Angriper", "Angriperens tekst")
    return victim, attacker


def resealed(bundle, spoil):
    broken = copy.deepcopy(bundle)
    spoil(broken["content"])
    broken["checksum"] = checksum(broken["content"])
    return broken


def victim_state(organiser, gathering):
    return organiser.get(f"/api/gatherings/{gathering['id']}/export.json").get_json()


def _panel_uid(content):
    return next(a["uid"] for a in content["activities"] if a["kind"] == "questions")


def steal_point(content, victim):
    content["points"][0].update(uid=victim["points"][0]["uid"], version=99, text="OVERSKREVET")


def upvote_elsewhere(content, victim):
    question = next(e for e in victim["entries"] if e["activity_uid"] == _panel_uid(victim))
    content["upvotes"][0]["entry_uid"] = question["uid"]


def steal_entry(content, victim):
    content["entries"][0]["uid"] = victim["entries"][0]["uid"]


def steal_participant(content, victim):
    content["participants"][0]["token"] = victim["participants"][0]["token"]


@pytest.mark.parametrize("spoil", [steal_point, upvote_elsewhere, steal_entry, steal_participant])
def test_uids_of_another_gathering_are_refused(organiser, two, spoil):
    (victim, victim_bundle), (attacker, attacker_bundle) = two
    before = victim_state(organiser, victim)
    answer = organiser.post(
        "/api/bundles",
        json=resealed(attacker_bundle, lambda c: spoil(c, victim_bundle["content"])),
    )
    assert answer.status_code == 400, answer.get_json()
    assert answer.get_json()["error"] == "invalid_bundle"
    assert victim_state(organiser, victim) == before
    assert "OVERSKREVET" not in json.dumps(victim_state(organiser, attacker))


def test_a_new_gathering_with_a_stolen_uid_leaves_nothing_behind(organiser, two):
    (victim, victim_bundle), (attacker, attacker_bundle) = two
    fresh = copy.deepcopy(attacker_bundle)
    text = json.dumps(fresh["content"])
    for activity in fresh["content"]["activities"]:
        text = text.replace(activity["uid"], activity["uid"] + "-ny")
    content = json.loads(text)
    content["gathering"]["id"] = attacker["id"] + 1
    content["participants"] = [{**p, "token": p["token"] + "-ny"} for p in content["participants"]]
    for section in ("entries", "points", "ballots", "upvotes"):
        for row in content.get(section, []):
            if "participant_token" in row:
                row["participant_token"] += "-ny"
    content["points"][0]["uid"] = victim_bundle["content"]["points"][0]["uid"]
    fresh["content"] = content
    fresh["checksum"] = checksum(content)
    answer = organiser.post("/api/bundles", json=fresh)
    assert answer.status_code == 400 and answer.get_json()["error"] == "invalid_bundle"
    assert organiser.get(f"/api/gatherings/{attacker['id'] + 1}").status_code == 404


@pytest.fixture
def county(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "county"),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "PUBLIC_URL": "http://county.test",
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
            # The default request limit for bundles is another change's; here the checks
            # of every row's gathering are what is measured.
            "MAX_CONTENT_LENGTH": 64 * 1024 * 1024,
        }
    )
    yield Organiser(app.test_client())
    app.extensions["samla_store"].close()


def test_a_bundle_of_six_hundred_participants_imports(app, client, organiser, county):
    """1,200 questions of 900 characters: the gathering checks of every row hold."""
    app.extensions["samla_limits"].participant = None
    gathering = organiser.create(
        simple_definition(tables=60, activities=[{"kind": "questions", "prompt": "Spør"}])
    )
    panel = gathering["activities"][0]
    organiser.open(gathering, panel)
    for n in range(600):
        token = client.post(
            "/api/join", json={"code": gathering["code"], "table": 1 + n % 60}
        ).get_json()["participant_token"]
        for k in range(2):
            client.post(
                "/api/submissions",
                headers={"Authorization": f"Bearer {token}"},
                json={
                    "activity_id": panel["id"],
                    "text": f"{n}-{k} " + "x" * 900,
                    "client_id": str(k),
                },
            )
    bundle = organiser.get(f"/api/gatherings/{gathering['id']}/bundle")
    assert len(bundle.get_data()) > 1_000_000
    answer = county.post("/api/bundles", json=bundle.get_json())
    assert answer.status_code == 201, answer.get_json()
    assert county.get(f"/api/gatherings/{gathering['id']}").get_json()["participants"] == 600
