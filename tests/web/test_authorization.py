"""Promise 3: every HTTP route and Socket.IO event × every role, allowed or refused as listed.

The routes are read from the app's URL map and the events from the Socket.IO
server, so a new route or event fails this test until it is added to the table.
"""

import tempfile
import uuid

import pytest

from app import create_app
from app.realtime.server import socketio
from conftest import ADMIN_TOKEN, Organiser, simple_definition

# other_participant: of another gathering; table_participant: of this gathering, at
# table 2, where the task and the panel's questions are for table 1 only.
ROLES = ("none", "participant", "other_participant", "table_participant", "screen", "organiser")
EVERYONE = set(ROLES)
ORGANISER = {"organiser"}
NOBODY = set()  # form posts without the CSRF token: refused for all, logged in or not

# (endpoint, method) -> the roles that may use it. Everything else must be refused.
HTTP_EXPECTED = {
    ("static", "GET"): EVERYONE,
    ("api.healthz", "GET"): EVERYONE,
    # A rule for Socket.IO's path only; the Socket.IO server answers it (400 without a
    # protocol version), never a Flask view.
    ("socketio_path", "GET"): NOBODY,
    ("api.list_templates", "GET"): ORGANISER,
    ("api.list_gatherings", "GET"): ORGANISER,
    ("api.create_gathering", "POST"): ORGANISER,
    ("api.get_gathering", "GET"): ORGANISER,
    ("api.delete_gathering", "DELETE"): ORGANISER,
    ("api.set_activity_state", "POST"): ORGANISER,
    ("api.set_screen", "POST"): ORGANISER,
    ("api.moderate_entry", "PATCH"): ORGANISER,
    ("api.moderate_point", "PATCH"): ORGANISER,
    ("api.export_json", "GET"): ORGANISER,
    ("api.cloud_png", "GET"): ORGANISER,
    # a vote's items: any phone of this gathering
    ("api.phone_items", "GET"): {"participant", "table_participant"},
    ("api.describe_join", "GET"): EVERYONE,
    ("api.join", "POST"): EVERYONE,
    ("api.set_joining", "POST"): ORGANISER,
    ("api.block_participant", "POST"): ORGANISER,
    ("api.submit", "POST"): {"participant", "table_participant"},
    ("api.qr_svg", "GET"): EVERYONE,
    ("pages.index", "GET"): EVERYONE,
    ("pages.login", "GET"): EVERYONE,
    ("pages.login", "POST"): NOBODY,
    ("pages.logout", "POST"): NOBODY,
    ("pages.choose_language", "POST"): NOBODY,
    ("pages.participant", "GET"): EVERYONE,
    ("pages.screen", "GET"): {"screen", "organiser"},
    ("pages.console_list", "GET"): ORGANISER,
    ("pages.console", "GET"): ORGANISER,
    ("pages.table_cards", "GET"): ORGANISER,
    ("pages.font", "GET"): EVERYONE,
    ("pages.favicon", "GET"): EVERYONE,
    ("pages.agenda_editor", "GET"): ORGANISER,
    ("pages.minutes_page", "GET"): ORGANISER,
    ("pages.record_page", "GET"): ORGANISER,
    ("api.reveal", "POST"): ORGANISER,
    ("api.set_timer", "POST"): ORGANISER,
    ("api.results", "GET"): ORGANISER,
    ("api.get_definition", "GET"): ORGANISER,
    ("api.put_definition", "PUT"): ORGANISER,
    ("api.save_template", "POST"): ORGANISER,
    ("minutes_api.get_minutes", "GET"): ORGANISER,
    ("minutes_api.export_minutes", "GET"): ORGANISER,
    ("minutes_api.table_cards_pdf", "GET"): ORGANISER,
    ("minutes_api.get_notes", "GET"): ORGANISER,
    ("minutes_api.save_summary", "POST"): ORGANISER,
    ("minutes_api.save_activity_notes", "POST"): ORGANISER,
    ("minutes_api.set_table_network", "POST"): ORGANISER,
    ("minutes_api.list_networks", "GET"): ORGANISER,
    ("minutes_api.create_network", "POST"): ORGANISER,
    ("minutes_api.get_network", "GET"): ORGANISER,
    ("minutes_api.delete_network", "DELETE"): ORGANISER,
    ("minutes_api.file_records", "POST"): ORGANISER,
    ("minutes_api.export_record", "GET"): ORGANISER,
    ("minutes_api.export_bundle", "GET"): ORGANISER,
    ("minutes_api.import_bundle", "POST"): ORGANISER,
    ("console_api.list_merges", "GET"): ORGANISER,
    ("console_api.add_merge", "POST"): ORGANISER,
    ("console_api.hide_word", "PATCH"): ORGANISER,
    ("console_api.undo_merge", "DELETE"): ORGANISER,
    ("console_api.get_moderation", "GET"): ORGANISER,
    ("console_api.save_moderation", "PUT"): ORGANISER,
    ("console_api.set_approval", "POST"): ORGANISER,
    ("console_api.list_themes", "GET"): ORGANISER,
    ("console_api.create_theme", "POST"): ORGANISER,
    ("console_api.update_theme", "PATCH"): ORGANISER,
    ("console_api.discard_theme", "DELETE"): ORGANISER,
    ("console_api.join_address", "GET"): ORGANISER,
    ("console_api.choose_join_address", "PUT"): ORGANISER,
}

SOCKET_EXPECTED = {
    # connect: as what the role is (a phone, or a screen of this gathering)
    "connect": {"participant", "other_participant", "table_participant", "screen", "organiser"},
    "submit": {"participant", "table_participant"},  # to this gathering's open activity
    "sync": {"participant", "other_participant", "table_participant", "screen", "organiser"},
    # one activity as the phone's state carries it: any phone of this gathering
    "sync_activity": {"participant", "table_participant"},
    "disconnect": EVERYONE,  # always allowed; changes nothing
    # as their own table, in this gathering's open task, vote and questions
    "add_point": {"participant"},
    "edit_point": {"participant"},
    "delete_point": {"participant"},
    "cast": {"participant", "table_participant"},
    "upvote": {"participant"},
    # its own entry only
    "withdraw": {"participant"},
    # more of the panel's questions: any phone of this gathering
    "questions": {"participant", "table_participant"},
}


def http_routes():
    app = create_app(
        {"DATA_DIR": tempfile.mkdtemp(), "ADMIN_TOKEN": "probe", "ASYNC_MODE": "threading"}
    )
    app.extensions["samla_store"].close()
    return sorted(
        {
            (rule.endpoint, rule.rule, method)
            for rule in app.url_map.iter_rules()
            for method in rule.methods - {"HEAD", "OPTIONS"}
        }
    )


ROUTES = http_routes()


def test_every_route_and_event_has_an_expectation():
    assert {(endpoint, method) for endpoint, _, method in ROUTES} == set(HTTP_EXPECTED)
    assert set(socketio.server.handlers["/"]) == set(SOCKET_EXPECTED)


EVERY_KIND = simple_definition(
    activities=[
        *simple_definition()["activities"],
        {
            "kind": "task",
            "prompt": "Plan",
            "questions": [{"id": "mal", "title": "Mål"}],
            "tables": [1],
        },
        {"kind": "priorities", "prompt": "Viktigst?", "items": ["a", "b"], "mode": "ranking"},
        {"kind": "questions", "prompt": "Til panelet", "tables": [1]},
    ]
)


@pytest.fixture
def world(app, client, tmp_path):
    """A gathering with an activity of every kind open and something in each, and one of
    each role."""
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    app.config["SESSIONS_DIR"] = str(sessions)
    app.config["PUBLIC_URL_FIXED"] = False  # so the organiser may choose the join address
    organiser = Organiser(client)
    this = organiser.create(EVERY_KIND)
    other = organiser.create(simple_definition(title="Annen samling"))
    words, statements, task, vote, panel = this["activities"]
    for activity in this["activities"][1:]:
        organiser.open(this, activity)

    def join(gathering, table=1):
        answer = client.post("/api/join", json={"code": gathering["code"], "table": table})
        return answer.get_json()["participant_token"]

    participant = join(this)
    as_participant = {"Authorization": f"Bearer {participant}"}
    entry = client.post(
        "/api/submissions",
        headers=as_participant,
        json={"activity_id": statements["id"], "text": "hei", "client_id": "e1"},
    )
    question = client.post(
        "/api/submissions",
        headers=as_participant,
        json={"activity_id": panel["id"], "text": "Hvem?", "client_id": "q1"},
    )
    network = organiser.post("/api/networks", json={"name": "Namdal"}).get_json()
    phone = socketio.test_client(app, auth={"token": participant}, flask_test_client=client)
    point = phone.emit(
        "add_point",
        {"activity_id": task["id"], "question_id": "mal", "text": "punkt", "client_id": "p0"},
        callback=True,
    )["point"]
    phone.disconnect()
    activity_url = f"/api/gatherings/{this['id']}/activities"
    organiser.post(f"{activity_url}/{words['id']}/merges", json={"word": "glad", "into": "blid"})
    theme = organiser.post(
        f"{activity_url}/{statements['id']}/themes",
        json={"title": "Hei", "entries": [entry.get_json()["id"]]},
    ).get_json()
    bundle = organiser.get(f"/api/gatherings/{this['id']}/bundle").get_json()
    definition = organiser.get(f"/api/gatherings/{this['id']}/definition").get_json()
    tokens = {
        "none": None,
        "participant": participant,
        "other_participant": join(other),
        "table_participant": join(this, table=2),
        "screen": this["screen_url"].split("token=")[1],
        "organiser": ADMIN_TOKEN,
    }
    return {
        "gathering": this,
        "words": words,
        "statements": statements,
        "task": task,
        "vote": vote,
        "panel": panel,
        "entry_id": entry.get_json()["id"],
        "point_id": point["id"],
        "question_id": question.get_json()["id"],
        "network_id": network["id"],
        "bundle": bundle,
        "definition": definition,
        "tokens": tokens,
        "theme_id": theme["id"],
        "participant_id": client.post(
            "/api/join", json={"code": this["code"], "table": 3}
        ).get_json()["participant"],
    }


def url_for_rule(rule, world, token):
    g = world["gathering"]
    on_words = "cloud" in rule or "merges" in rule or rule.endswith("/words")
    activity = world["words"] if on_words else world["statements"]
    if rule.endswith("/items"):
        activity = world["vote"]
    url = (
        rule.replace("<path:filename>", "css/samla.css")
        .replace("<int:gathering_id>", str(g["id"]))
        .replace("<int:activity_id>", str(activity["id"]))
        .replace("<int:entry_id>", str(world["entry_id"]))
        .replace("<int:point_id>", str(world["point_id"]))
        .replace("<int:theme_id>", str(world["theme_id"]))
        .replace("<code>", g["code"])
        .replace("<int:table>", "1")
        .replace("<int:number>", "1")
        .replace("<int:network_id>", str(world["network_id"]))
        .replace("<participant>", world["participant_id"])
        .replace("export.<fmt>", "export.md")
        .replace("record.<fmt>", "record.json")
    )
    if rule.startswith("/screen/") and token:
        url += f"?token={token}"
    return url


BODIES = {
    "api.create_gathering": lambda w: simple_definition(),
    "api.set_activity_state": lambda w: {"state": "closed"},
    "api.set_screen": lambda w: {"activity_id": None},
    "api.moderate_entry": lambda w: {"hidden": True},
    "api.moderate_point": lambda w: {"hidden": True},
    "console_api.hide_word": lambda w: {"word": "glad", "hidden": True},
    "api.join": lambda w: {"code": w["gathering"]["code"], "table": 2},
    "api.set_joining": lambda w: {"open": False},
    "api.block_participant": lambda w: {},
    "api.submit": lambda w: {
        "activity_id": w["statements"]["id"],
        "text": "matrise",
        "client_id": uuid.uuid4().hex,
    },
    "api.reveal": lambda w: {"revealed": True},
    "api.set_timer": lambda w: {"seconds": None},
    "api.put_definition": lambda w: w["definition"],
    "api.save_template": lambda w: {
        "stem": f"mal-{uuid.uuid4().hex[:8]}",
        "definition": simple_definition(),
    },
    "minutes_api.save_summary": lambda w: {"summary": "Oppsummering"},
    "minutes_api.save_activity_notes": lambda w: {"notes": "Notat"},
    "minutes_api.set_table_network": lambda w: {"network": None},
    "minutes_api.create_network": lambda w: {"name": "Fosen"},
    "minutes_api.import_bundle": lambda w: w["bundle"],
    "console_api.add_merge": lambda w: {"word": "Fin", "into": "Flott"},
    "console_api.undo_merge": lambda w: {"word": "glad"},
    "console_api.save_moderation": lambda w: {"enabled": True, "words": ["faen"]},
    "console_api.set_approval": lambda w: {"approval": True},
    "console_api.create_theme": lambda w: {"title": "Tema", "entries": [w["entry_id"]]},
    "console_api.update_theme": lambda w: {"title": "Nytt navn", "accepted": True},
    "console_api.choose_join_address": lambda w: {"address": "127.0.0.1"},
}
FORMS = {
    "pages.login": {"token": ADMIN_TOKEN},
    "pages.logout": {},
    "pages.choose_language": {"language": "en"},
}


def refused(response):
    if response.status_code in (301, 302, 303, 307, 308):
        return "/login" in response.headers.get("Location", "")
    return response.status_code in (400, 401, 403, 404, 409)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("endpoint", "rule", "method"), ROUTES)
def test_http_route_allows_exactly_the_expected_roles(world, client, endpoint, rule, method, role):
    token = world["tokens"][role]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    kwargs = {"headers": headers}
    if endpoint in BODIES:
        kwargs["json"] = BODIES[endpoint](world)
    elif endpoint in FORMS:
        kwargs["data"] = FORMS[endpoint]
    response = client.open(url_for_rule(rule, world, token), method=method, **kwargs)
    response.close()
    assert response.status_code != 500
    if role in HTTP_EXPECTED[(endpoint, method)]:
        assert not refused(response), (response.status_code, response.get_data(as_text=True)[:200])
    else:
        assert refused(response), response.status_code


def socket_payload(sio, event, world):
    """A payload that the allowed role's event succeeds with."""
    client_id = uuid.uuid4().hex
    if event in ("edit_point", "delete_point"):
        # A point of the participant's own table, added through the participant's own phone.
        token = world["tokens"]["participant"]
        owner = socketio.test_client(
            sio.app, auth={"token": token}, flask_test_client=sio.flask_test_client
        )
        point = owner.emit(
            "add_point",
            {
                "activity_id": world["task"]["id"],
                "question_id": "mal",
                "text": "punkt",
                "client_id": client_id,
            },
            callback=True,
        )["point"]
        owner.disconnect()
        return {"point_id": point["id"], "version": point["version"], "text": "endret"}
    return {
        "add_point": {
            "activity_id": world["task"]["id"],
            "question_id": "mal",
            "text": "punkt",
            "client_id": client_id,
        },
        "cast": {"activity_id": world["vote"]["id"], "ranking": ["i2", "i1"]},
        "upvote": {"entry_id": world["question_id"]},
        "withdraw": {"entry_id": world["entry_id"]},
        "questions": {"activity_id": world["panel"]["id"], "offset": 0},
    }.get(
        event, {"activity_id": world["statements"]["id"], "text": "matrise", "client_id": client_id}
    )


def socket_auth(world, role):
    token = world["tokens"][role]
    if role in ("screen", "organiser"):
        return {"token": token, "gathering_id": world["gathering"]["id"]}
    return {"token": token}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("event", sorted(SOCKET_EXPECTED))
def test_socket_event_allows_exactly_the_expected_roles(app, client, world, event, role):
    sio = socketio.test_client(app, auth=socket_auth(world, role), flask_test_client=client)
    allowed = role in SOCKET_EXPECTED[event]
    try:
        if event == "connect":
            assert sio.is_connected() is allowed
            return
        if event == "disconnect":
            if sio.is_connected():
                sio.disconnect()
            assert not sio.is_connected()
            return
        if not sio.is_connected():
            assert not allowed
            return
        ack = sio.emit(event, socket_payload(sio, event, world), callback=True)
        assert ack["ok"] is allowed, ack
        if not allowed:
            assert ack["error"] in (
                "unknown_participant",
                "wrong_gathering",
                "unauthorized",
                "not_your_table",
                "unknown_entry",  # withdraw: another phone's entry is not found
            )
    finally:
        if sio.is_connected():
            sio.disconnect()
