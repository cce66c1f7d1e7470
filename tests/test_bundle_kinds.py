"""Bundles carry group tasks, priority ballots and question votes to another server."""

from app import create_app
from conftest import ADMIN_TOKEN, Organiser

DEFINITION = {
    "title": "Alt i én pakke",
    "tables": [{"number": 1, "network": "Namdal"}, {"number": 2}],
    "activities": [
        {
            "kind": "task",
            "key": "plan",
            "prompt": "Plan",
            "tables": [1, 2],
            "questions": [{"id": "mal", "title": "Mål"}],
        },
        {
            "kind": "priorities",
            "prompt": "Viktigst?",
            "source": "plan",
            "mode": "ranking",
            "top": 2,
            "hide_results": True,
        },
        {"kind": "questions", "prompt": "Til panelet", "approval": True},
    ],
}


def test_a_bundle_with_every_kind_imports_whole_and_twice_changes_nothing(
    organiser, phone, tmp_path
):
    gathering = organiser.create(DEFINITION)
    task, vote, panel = gathering["activities"]
    for activity in gathering["activities"]:
        organiser.open(gathering, activity)
    first, second = phone(gathering, 1), phone(gathering, 2)
    ids = [
        sio.emit(
            "add_point",
            {"activity_id": task["id"], "question_id": "mal", "text": text, "client_id": text},
            callback=True,
        )["point"]["id"]
        for sio, text in ((first, "Mål én"), (second, "Mål to"))
    ]
    first.emit(
        "edit_point", {"point_id": ids[0], "version": 1, "text": "Mål én, skjerpet"}, callback=True
    )
    first.emit(
        "cast", {"activity_id": vote["id"], "ranking": [f"p{ids[1]}", f"p{ids[0]}"]}, callback=True
    )
    asked = second.emit(
        "submit",
        {"activity_id": panel["id"], "text": "Hvem betaler?", "client_id": "q"},
        callback=True,
    )
    organiser.patch(f"/api/entries/{asked['id']}", json={"held": False, "pinned": True})
    first.emit("upvote", {"entry_id": asked["id"]}, callback=True)
    bundle = organiser.get(f"/api/gatherings/{gathering['id']}/bundle").get_json()

    other_app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "other"),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "PUBLIC_URL": "http://other.test",
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
        }
    )
    other = Organiser(other_app.test_client())
    for _ in range(2):
        response = other.post("/api/bundles", json=bundle)
        assert response.status_code in (200, 201), response.get_json()
    base = f"/api/gatherings/{gathering['id']}"
    imported = other.get(base).get_json()
    task_id, vote_id, panel_id = [a["id"] for a in imported["activities"]]
    assert imported["activities"][1]["options"]["source"] == task_id
    assert imported["activities"][1]["revealed"] is False
    assert imported["activities"][2]["approval"] is True
    points = other.get(f"{base}/activities/{task_id}/results").get_json()["points"]
    assert sorted(p["text"] for p in points) == ["Mål to", "Mål én, skjerpet"]
    results = other.get(f"{base}/activities/{vote_id}/results").get_json()["results"]
    assert [r["text"] for r in results["overall"]] == ["Mål to", "Mål én, skjerpet"]
    assert results["ballots"] == 1
    questions = other.get(f"{base}/activities/{panel_id}/results").get_json()["entries"]
    assert [(q["text"], q["votes"], q["pinned"], q["held"]) for q in questions] == [
        ("Hvem betaler?", 1, True, False)
    ]
    again = other.get(f"{base}/bundle").get_json()
    assert again["content"]["points"] == bundle["content"]["points"]
    other_app.extensions["samla_store"].close()
