"""The agenda editor's contract: edit everything, lose nothing that people wrote."""

import shutil
import time
from pathlib import Path

import pytest
import yaml

from conftest import received, simple_definition

ROOT = Path(__file__).resolve().parent.parent


def definition_url(gathering):
    return f"/api/gatherings/{gathering['id']}/definition"


def put(organiser, gathering, definition):
    return organiser.client.put(
        definition_url(gathering), json=definition, headers=organiser.headers
    )


def test_the_definition_reads_back_with_activity_ids(organiser, gathering):
    definition = organiser.get(definition_url(gathering)).get_json()
    assert [a["id"] for a in definition["activities"]] == [a["id"] for a in gathering["activities"]]
    assert definition["activities"][1]["per_table"] == 3
    again = put(organiser, gathering, definition)
    assert again.status_code == 200
    assert [a["id"] for a in again.get_json()["activities"]] == [
        a["id"] for a in gathering["activities"]
    ]


def test_reorder_reword_and_add_a_closing_poll(organiser, gathering, phone):
    sio = phone(gathering, 1)
    received(sio, "state")
    definition = organiser.get(definition_url(gathering)).get_json()
    words, statements = definition["activities"]
    statements["prompt"] = "Hva er viktigst for kommunen? (3 utsagn pr bord)"
    definition["activities"] = [
        statements,
        words,
        {"kind": "words", "prompt": "Ett ord om dagen i dag"},
    ]
    definition["tables"] = [
        {"number": 1, "label": "Fylket", "network": "Namdal"},
        {"number": 2},
        {"number": 3},
        {"number": 4, "label": "Nytt bord"},
    ]
    edited = put(organiser, gathering, definition).get_json()
    assert [(a["id"], a["position"]) for a in edited["activities"][:2]] == [
        (statements["id"], 1),
        (words["id"], 2),
    ]
    assert edited["activities"][0]["prompt"].startswith("Hva er viktigst")
    assert edited["activities"][2]["kind"] == "words"
    assert [t["label"] for t in edited["tables"]] == ["Fylket", "Bord 2", "Bord 3", "Nytt bord"]
    assert edited["tables"][0]["network"] == "Namdal"
    assert received(sio, "resync") == [{"gathering_id": gathering["id"]}]
    synced = sio.emit("sync", callback=True)["state"]
    assert [a["prompt"] for a in synced["activities"]][2] == "Ett ord om dagen i dag"
    assert synced["table"]["label"] == "Fylket"


def with_entry(organiser, gathering, phone):
    statements = gathering["activities"][1]
    organiser.open(gathering, statements)
    phone(gathering, 1).emit(
        "submit",
        {"activity_id": statements["id"], "text": "viktig", "client_id": "1"},
        callback=True,
    )
    return organiser.get(definition_url(gathering)).get_json()


def test_an_activity_with_entries_is_never_removed(organiser, gathering, phone):
    definition = with_entry(organiser, gathering, phone)
    definition["activities"] = definition["activities"][:1]
    response = put(organiser, gathering, definition)
    assert response.status_code == 409
    assert response.get_json()["error"] == "activity_has_entries"
    assert len(organiser.get(f"/api/gatherings/{gathering['id']}").get_json()["activities"]) == 2


def test_an_activity_with_entries_keeps_its_kind(organiser, gathering, phone):
    definition = with_entry(organiser, gathering, phone)
    statements = definition["activities"][1]
    definition["activities"][1] = {
        "id": statements["id"],
        "kind": "questions",
        "prompt": statements["prompt"],
    }
    assert put(organiser, gathering, definition).status_code == 409


def test_an_activity_without_entries_can_be_removed(organiser, gathering):
    definition = organiser.get(definition_url(gathering)).get_json()
    definition["activities"] = definition["activities"][1:]
    edited = put(organiser, gathering, definition).get_json()
    assert [a["kind"] for a in edited["activities"]] == ["statements"]


def test_a_question_with_points_stays(organiser, phone):
    gathering = organiser.create(
        {
            "title": "T",
            "tables": 1,
            "activities": [
                {
                    "kind": "task",
                    "prompt": "Plan",
                    "questions": [{"title": "Mål"}, {"title": "Tiltak"}],
                }
            ],
        }
    )
    task = gathering["activities"][0]
    organiser.open(gathering, task)
    phone(gathering, 1).emit(
        "add_point",
        {"activity_id": task["id"], "question_id": "q1", "text": "x", "client_id": "1"},
        callback=True,
    )
    definition = organiser.get(definition_url(gathering)).get_json()
    definition["activities"][0]["questions"] = definition["activities"][0]["questions"][1:]
    assert put(organiser, gathering, definition).status_code == 409
    definition = organiser.get(definition_url(gathering)).get_json()
    definition["activities"][0]["questions"].insert(0, {"title": "Ny først"})
    definition["activities"][0]["questions"][1]["title"] = "Mål og visjon"
    edited = put(organiser, gathering, definition).get_json()
    questions = edited["activities"][0]["options"]["questions"]
    assert [(q["id"], q["title"]) for q in questions] == [
        ("q3", "Ny først"),
        ("q1", "Mål og visjon"),
        ("q2", "Tiltak"),
    ]


def test_a_table_with_participants_stays(organiser, gathering, join):
    join(gathering, 3)
    definition = organiser.get(definition_url(gathering)).get_json()
    definition["tables"] = 2
    response = put(organiser, gathering, definition)
    assert response.status_code == 409 and response.get_json()["error"] == "table_in_use"


@pytest.mark.parametrize(
    "change,detail",
    [
        (lambda d: d["activities"][1].update(per_table=0), "per_table"),
        (
            lambda d: d["activities"].append({"kind": "task", "prompt": "?", "questions": []}),
            "questions",
        ),
        (
            lambda d: d["activities"].insert(
                0, {"kind": "priorities", "prompt": "?", "source": d["activities"][1]["id"]}
            ),
            "ikke er en tidligere aktivitet",
        ),
        (
            lambda d: d["activities"].append({"kind": "words", "prompt": "?", "tables": [9]}),
            "bord 9",
        ),
    ],
)
def test_invalid_edits_are_refused_with_a_reason(organiser, gathering, change, detail):
    definition = organiser.get(definition_url(gathering)).get_json()
    change(definition)
    response = put(organiser, gathering, definition)
    assert response.status_code == 400
    assert detail in response.get_json()["message"]


def test_a_priorities_source_can_be_an_earlier_activity_id(organiser, gathering):
    definition = organiser.get(definition_url(gathering)).get_json()
    statements_id = definition["activities"][1]["id"]
    definition["activities"].append(
        {"kind": "priorities", "prompt": "Viktigst?", "source": statements_id, "mode": "ranking"}
    )
    edited = put(organiser, gathering, definition).get_json()
    assert edited["activities"][2]["options"]["source"] == statements_id


def test_a_gathering_saves_as_a_new_template_beside_the_shipped_ones(
    app, organiser, gathering, tmp_path
):
    shipped = tmp_path / "sessions"
    shutil.copytree(ROOT / "sessions", shipped)
    app.config["SESSIONS_DIR"] = str(shipped)
    folder = Path(app.config["OWN_TEMPLATES_DIR"])
    definition = organiser.get(definition_url(gathering)).get_json()
    definition["activities"].append(
        {"kind": "priorities", "prompt": "Viktigst?", "source": definition["activities"][1]["id"]}
    )
    put(organiser, gathering, definition)
    saved = organiser.post(
        "/api/templates", json={"stem": "min-samling", "gathering_id": gathering["id"]}
    )
    assert saved.status_code == 201
    stored = yaml.safe_load((folder / "min-samling.yaml").read_text(encoding="utf-8"))
    assert stored["title"] == "Prøvesamling"
    assert stored["activities"][2]["source"] == stored["activities"][1]["key"]
    created = organiser.create(template="min-samling")
    assert created["activities"][2]["options"]["source"] == created["activities"][1]["id"]
    again = organiser.post(
        "/api/templates", json={"stem": "min-samling", "definition": simple_definition()}
    )
    assert again.status_code == 409 and again.get_json()["error"] == "template_exists"
    assert not (shipped / "min-samling.yaml").exists()
    assert "min-samling" in {t["stem"] for t in organiser.get("/api/templates").get_json()}


def test_a_saved_template_never_shadows_a_shipped_one(app, organiser, tmp_path):
    shipped = tmp_path / "sessions"
    shutil.copytree(ROOT / "sessions", shipped)
    app.config["SESSIONS_DIR"] = str(shipped)
    answer = organiser.post(
        "/api/templates",
        json={"stem": "innlandet-ledersamling-2020", "definition": simple_definition()},
    )
    assert answer.status_code == 409 and answer.get_json()["error"] == "template_exists"
    assert list(Path(app.config["OWN_TEMPLATES_DIR"]).iterdir()) == []


def test_a_timer_closes_the_activity_and_everyone_hears_it(organiser, gathering, phone):
    words = gathering["activities"][0]
    sio = phone(gathering, 1)
    received(sio, "state")
    url = f"/api/gatherings/{gathering['id']}/activities/{words['id']}/timer"
    timed = organiser.post(url, json={"seconds": 1}).get_json()
    assert timed["state"] == "open" and timed["closes_at"]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        states = [s["activity"]["state"] for s in received(sio, "activity_state")]
        if "closed" in states:
            break
        time.sleep(0.1)
    else:
        raise AssertionError("the timer did not close the activity")
    ack = sio.emit(
        "submit", {"activity_id": words["id"], "text": "sent", "client_id": "9"}, callback=True
    )
    assert ack["error"] == "activity_closed"
    assert organiser.post(url, json={"seconds": 0}).status_code == 400
