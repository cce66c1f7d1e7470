"""The HTTP contract in docs/API.md."""

import pytest

from app import __version__
from conftest import log_in, simple_definition


def submit(client, token, activity, text, client_id):
    return client.post(
        "/api/submissions",
        json={"activity_id": activity["id"], "text": text, "client_id": client_id},
        headers={"Authorization": f"Bearer {token}"},
    )


def test_health_needs_no_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json()["status"] == "ok"


def test_health_says_which_version_answers(client):
    assert client.get("/healthz").get_json()["version"] == __version__


@pytest.mark.parametrize(
    "method,path",
    [
        ("get", "/api/gatherings"),
        ("post", "/api/gatherings"),
        ("get", "/api/templates"),
        ("get", "/api/gatherings/1"),
        ("patch", "/api/entries/1"),
        ("get", "/api/gatherings/1/export.json"),
    ],
)
def test_organiser_routes_need_the_token(client, method, path):
    response = getattr(client, method)(path, json={}, headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 401
    assert response.get_json()["error"] == "unauthorized"
    assert response.get_json()["message"]


def test_a_gathering_is_created_from_a_template(organiser):
    gathering = organiser.create(template="innlandet-ledersamling-2020")
    assert len(gathering["code"]) == 6
    assert gathering["join_url"] == f"http://samla.test/j/{gathering['code']}"
    assert gathering["tables"][6]["join_url"] == f"http://samla.test/j/{gathering['code']}/7"
    assert gathering["screen_url"].startswith(f"http://samla.test/screen/{gathering['id']}?token=")
    assert gathering["console_url"] == f"http://samla.test/console/{gathering['id']}"
    assert [(a["kind"], a["state"]) for a in gathering["activities"]][:2] == [
        ("words", "closed"),
        ("statements", "closed"),
    ]


def test_a_gathering_is_created_from_a_json_definition(organiser):
    gathering = organiser.create(
        simple_definition(tables=[{"number": 1, "label": "Hamar", "network": "Region Hamar"}])
    )
    assert gathering["tables"][0]["label"] == "Hamar"
    assert gathering["tables"][0]["network"] == "Region Hamar"
    assert gathering["activities"][1]["options"] == {"per_table": 3}


@pytest.mark.parametrize(
    "body,status,error",
    [
        ({"template": "nope"}, 404, "unknown_template"),
        ({"title": "x"}, 400, "invalid_definition"),
        ([1, 2], 400, "invalid_definition"),
    ],
)
def test_bad_definitions_are_refused_and_nothing_is_created(organiser, body, status, error):
    response = organiser.post("/api/gatherings", json=body)
    assert response.status_code == status
    assert response.get_json()["error"] == error
    assert organiser.get("/api/gatherings").get_json() == []


def test_a_body_that_is_not_json_is_refused(organiser):
    response = organiser.post("/api/gatherings", data="{not json", content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"] == "bad_request"


def test_joining_gives_a_participant_token(client, gathering):
    response = client.post("/api/join", json={"code": gathering["code"], "table": 2})
    body = response.get_json()
    assert response.status_code == 200
    assert body["gathering_id"] == gathering["id"] and body["table"] == 2
    assert len(body["participant_token"]) >= 20


@pytest.mark.parametrize(
    "body,status,error",
    [
        ({"code": "999999x", "table": 1}, 404, "unknown_code"),
        ({"table": 1}, 400, "bad_request"),
    ],
)
def test_joining_with_a_wrong_code_is_refused(client, body, status, error):
    response = client.post("/api/join", json=body)
    assert response.status_code == status and response.get_json()["error"] == error


def test_joining_a_missing_table_is_refused(client, gathering):
    response = client.post("/api/join", json={"code": gathering["code"], "table": 4})
    assert response.status_code == 404
    assert response.get_json()["message"] == "Bord 4 finnes ikke i denne samlingen."


def test_a_phone_can_look_up_the_tables_of_a_code(client, gathering):
    body = client.get(f"/api/join/{gathering['code']}").get_json()
    assert body["title"] == "Prøvesamling"
    assert [t["label"] for t in body["tables"]] == ["Bord 1", "Bord 2", "Bord 3"]


def test_submissions_over_http_are_stored_once(client, organiser, gathering, join):
    words = gathering["activities"][0]
    organiser.open(gathering, words)
    token = join(gathering)
    first = submit(client, token, words, "<script>alert(1)</script>", "x1")
    assert first.status_code == 201 and first.get_json()["duplicate"] is False
    again = submit(client, token, words, "<script>alert(1)</script>", "x1")
    assert again.status_code == 200 and again.get_json()["duplicate"] is True
    export = organiser.get(f"/api/gatherings/{gathering['id']}/export.json").get_json()
    assert [e["text"] for e in export["activities"][0]["entries"]] == ["<script>alert(1)</script>"]


def test_a_submission_without_a_participant_token_is_refused(client, gathering):
    response = client.post("/api/submissions", json={})
    assert response.status_code == 401 and response.get_json()["error"] == "unknown_participant"


def test_submission_errors_carry_status_code_and_message(client, organiser, gathering, join):
    words = gathering["activities"][0]
    token = join(gathering)
    closed = submit(client, token, words, "ord", "1")
    assert closed.status_code == 409 and closed.get_json()["error"] == "activity_closed"
    organiser.open(gathering, words)
    long = submit(client, token, words, "x" * 81, "2")
    assert long.status_code == 400 and long.get_json()["error"] == "text_too_long"
    assert submit(client, token, words, "ord", "3").status_code == 201
    assert submit(client, token, words, "ord to", "4").status_code == 201
    over = submit(client, token, words, "tre", "5")
    assert over.status_code == 409 and over.get_json()["error"] == "too_many_words"


def test_states_screen_and_moderation_over_http(client, organiser, gathering, join):
    words = gathering["activities"][0]
    base = f"/api/gatherings/{gathering['id']}"
    bad = organiser.post(f"{base}/activities/{words['id']}/state", json={"state": "shut"})
    assert bad.status_code == 400
    organiser.open(gathering, words)
    screen = organiser.post(f"{base}/screen", json={"activity_id": words["id"]})
    assert screen.get_json()["activity_id"] == words["id"]
    token = join(gathering)
    entry_id = submit(client, token, words, "God!", "1").get_json()["id"]
    submit(client, join(gathering, 2), words, "god", "1")
    hidden = organiser.patch(f"/api/entries/{entry_id}", json={"hidden": True})
    assert hidden.status_code == 200 and hidden.get_json()["hidden"] is True
    described = organiser.get(base).get_json()
    assert described["screen_activity_id"] == words["id"]
    assert described["activities"][0]["count"] == 1
    assert described["activities"][0]["hidden_count"] == 1
    export = organiser.get(f"{base}/export.json").get_json()
    assert export["activities"][0]["frequencies"] == [{"word": "god", "count": 1}]
    entry = export["activities"][0]["entries"][0]
    assert {"id", "table", "text", "hidden", "created_at"} <= entry.keys()
    assert entry["table"] == 1 and entry["hidden"] is True


def test_moderation_refuses_nonsense(organiser):
    assert organiser.patch("/api/entries/1", json={"hidden": True}).status_code == 404
    assert organiser.patch("/api/entries/1", json={"hidden": "yes"}).status_code == 400


def test_cookie_writes_must_be_json(client, gathering):
    log_in(client)
    url = f"/api/gatherings/{gathering['id']}/screen"
    assert client.post(url, data={"activity_id": ""}).status_code == 400
    assert client.post(url, json={"activity_id": None}).status_code == 200


def test_join_qr_codes_are_svg(client, gathering):
    response = client.get(f"/qr/{gathering['code']}.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert b"<svg" in response.data
    table = client.get(f"/qr/{gathering['code']}/3.svg")
    assert table.status_code == 200 and table.data != response.data
    assert client.get("/qr/000000x.svg").status_code == 404


def test_the_word_cloud_png_is_rendered_in_a_worker(client, organiser, gathering, join):
    words = gathering["activities"][0]
    organiser.open(gathering, words)
    for n, word in enumerate(["Behagelig", "behagelig!", "Kreativ", "Tillitsfulle?"]):
        submit(client, join(gathering), words, word, str(n))
    url = f"/api/gatherings/{gathering['id']}/activities/{words['id']}/cloud.png"
    response = organiser.get(url)
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert response.data.startswith(b"\x89PNG")
    statements = gathering["activities"][1]
    other = f"/api/gatherings/{gathering['id']}/activities/{statements['id']}/cloud.png"
    assert organiser.get(other).status_code == 400


def test_unknown_api_paths_and_methods_answer_in_json(client):
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.get_json()["error"] == "not_found"
    wrong = client.delete("/api/join")
    assert wrong.status_code == 405 and wrong.get_json()["error"] == "bad_request"


def test_an_id_beyond_what_sqlite_stores_finds_nothing(organiser, client, gathering, join):
    """Found by schemathesis: such ids overflowed SQLite's integer and answered 500."""
    huge = 2**63
    for url in (f"/api/gatherings/{huge}", f"/api/networks/{huge}/record.json"):
        response = organiser.get(url)
        assert response.status_code == 404 and response.get_json()["error"] == "not_found"
    response = organiser.post(
        f"/api/gatherings/{gathering['id']}/tables/{huge}/network", json={"network": None}
    )
    assert response.status_code == 404 and response.get_json()["ok"] is False
    assert client.get(f"/screen/{huge}").status_code == 404
    response = organiser.post(
        f"/api/gatherings/{gathering['id']}/screen", json={"activity_id": huge}
    )
    assert response.status_code == 400 and "er for stort" in response.get_json()["message"]
    token = join(gathering)
    response = client.post(
        "/api/submissions",
        headers={"Authorization": f"Bearer {token}"},
        json={"activity_id": huge, "text": "hei", "client_id": "x"},
    )
    assert response.status_code == 400 and response.get_json()["error"] == "bad_request"


def test_a_lone_surrogate_anywhere_in_a_body_is_refused_not_stored(organiser):
    for url, body in (
        ("/api/networks", {"name": "\ud800"}),
        (
            "/api/gatherings",
            {"title": "x\udfff", "tables": 1, "activities": [{"kind": "words", "prompt": "?"}]},
        ),
    ):
        response = organiser.post(url, json=body)
        assert response.status_code == 400, url
        assert response.get_json()["error"] == "bad_characters"
    assert organiser.get("/api/networks").get_json() == []
