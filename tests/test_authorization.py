"""Promise 3: every HTTP route and Socket.IO event × every role, allowed or refused as listed.

The routes are read from the app's URL map and the events from the Socket.IO
server, so a new route or event fails this test until it is added to the table.
"""

import uuid

import pytest

from app import create_app, socketio
from conftest import ADMIN_TOKEN, Organiser, simple_definition

ROLES = ("none", "participant", "other_participant", "screen", "organiser")
EVERYONE = set(ROLES)
ORGANISER = {"organiser"}
NOBODY = set()  # form posts without the CSRF token: refused for all, logged in or not

# (endpoint, method) -> the roles that may use it. Everything else must be refused.
HTTP_EXPECTED = {
    ("static", "GET"): EVERYONE,
    ("api.healthz", "GET"): EVERYONE,
    ("api.list_templates", "GET"): ORGANISER,
    ("api.list_gatherings", "GET"): ORGANISER,
    ("api.create_gathering", "POST"): ORGANISER,
    ("api.get_gathering", "GET"): ORGANISER,
    ("api.delete_gathering", "DELETE"): ORGANISER,
    ("api.set_activity_state", "POST"): ORGANISER,
    ("api.set_screen", "POST"): ORGANISER,
    ("api.moderate_entry", "PATCH"): ORGANISER,
    ("api.export_json", "GET"): ORGANISER,
    ("api.cloud_png", "GET"): ORGANISER,
    ("api.describe_join", "GET"): EVERYONE,
    ("api.join", "POST"): EVERYONE,
    ("api.submit", "POST"): {"participant"},
    ("api.qr_svg", "GET"): EVERYONE,
    ("pages.index", "GET"): EVERYONE,
    ("pages.login", "GET"): EVERYONE,
    ("pages.login", "POST"): NOBODY,
    ("pages.logout", "POST"): NOBODY,
    ("pages.participant", "GET"): EVERYONE,
    ("pages.screen", "GET"): {"screen", "organiser"},
    ("pages.console_list", "GET"): ORGANISER,
    ("pages.console", "GET"): ORGANISER,
    ("pages.table_cards", "GET"): ORGANISER,
    ("pages.font", "GET"): EVERYONE,
}

SOCKET_EXPECTED = {
    # connect: as what the role is (a phone, or a screen of this gathering)
    "connect": {"participant", "other_participant", "screen", "organiser"},
    "submit": {"participant"},  # to this gathering's open activity
    "sync": {"participant", "other_participant", "screen", "organiser"},
    "disconnect": EVERYONE,  # always allowed; changes nothing
}


def http_routes():
    app = create_app({"DATA_DIR": "/tmp/samla-routes-probe", "ADMIN_TOKEN": "probe"})
    app.extensions["samla_store"].close()
    return sorted(
        {(rule.endpoint, rule.rule, method) for rule in app.url_map.iter_rules()
         for method in rule.methods - {"HEAD", "OPTIONS"}}
    )


ROUTES = http_routes()


def test_every_route_and_event_has_an_expectation():
    assert {(endpoint, method) for endpoint, _, method in ROUTES} == set(HTTP_EXPECTED)
    assert set(socketio.server.handlers["/"]) == set(SOCKET_EXPECTED)


@pytest.fixture
def world(app, client):
    """A gathering with an open statements activity and an entry, and one of each role."""
    organiser = Organiser(client)
    this = organiser.create(simple_definition())
    other = organiser.create(simple_definition(title="Annen samling"))
    words, statements = this["activities"]
    organiser.open(this, statements)

    def join(gathering):
        answer = client.post("/api/join", json={"code": gathering["code"], "table": 1})
        return answer.get_json()["participant_token"]

    participant = join(this)
    entry = client.post("/api/submissions", headers={"Authorization": f"Bearer {participant}"},
                        json={"activity_id": statements["id"], "text": "hei", "client_id": "e1"})
    tokens = {
        "none": None,
        "participant": participant,
        "other_participant": join(other),
        "screen": this["screen_url"].split("token=")[1],
        "organiser": ADMIN_TOKEN,
    }
    return {"gathering": this, "words": words, "statements": statements,
            "entry_id": entry.get_json()["id"], "tokens": tokens}


def url_for_rule(rule, world, token):
    g = world["gathering"]
    activity = world["words"] if "cloud" in rule else world["statements"]
    url = (rule.replace("<path:filename>", "css/samla.css")
           .replace("<int:gathering_id>", str(g["id"]))
           .replace("<int:activity_id>", str(activity["id"]))
           .replace("<int:entry_id>", str(world["entry_id"]))
           .replace("<code>", g["code"]).replace("<int:table>", "1"))
    if rule.startswith("/screen/") and token:
        url += f"?token={token}"
    return url


BODIES = {
    "api.create_gathering": lambda w: simple_definition(),
    "api.set_activity_state": lambda w: {"state": "closed"},
    "api.set_screen": lambda w: {"activity_id": None},
    "api.moderate_entry": lambda w: {"hidden": True},
    "api.join": lambda w: {"code": w["gathering"]["code"], "table": 2},
    "api.submit": lambda w: {"activity_id": w["statements"]["id"], "text": "matrise",
                             "client_id": uuid.uuid4().hex},
}
FORMS = {"pages.login": {"token": ADMIN_TOKEN}, "pages.logout": {}}


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
        payload = {"activity_id": world["statements"]["id"], "text": "matrise",
                   "client_id": uuid.uuid4().hex}
        ack = sio.emit(event, payload, callback=True)
        assert ack["ok"] is allowed, ack
        if not allowed:
            assert ack["error"] in ("unknown_participant", "wrong_gathering", "unauthorized")
    finally:
        if sio.is_connected():
            sio.disconnect()
