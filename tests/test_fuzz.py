"""Whatever a hostile phone sends, no door answers 500 or internal_error.

Every Socket.IO event a client may send and every write route of the app (read from its
URL map, so a new one is fuzzed too) get arbitrary JSON, fields of the right names with
the wrong types, digits that are not ASCII digits, and text with characters that cannot
be stored. All requests come from one address, as in a venue.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from app.web.payloads import EVENTS
from conftest import ADMIN_TOKEN, simple_definition

NASTY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "²",
        "①",
        "٣",
        "12",
        "-1",
        "0",
        "\uffff",
        "\ufffe",
        "\ufdd0",
        "a\x0bb",
        "\x00",
        "\ud800",
    ]
)
SCALAR = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | NASTY_TEXT
)
JSON = st.recursive(
    SCALAR,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
FIELD_NAMES = sorted({name for shape in EVENTS.values() for name in shape}) + [
    "code",
    "table",
    "state",
    "hidden",
    "open",
    "participant_token",
    "seconds",
    "revealed",
    "view",
    "question_id",
    "title",
    "tables",
    "activities",
    "template",
    "offset",
    "limit",
]
FIELDS = st.dictionaries(st.sampled_from(FIELD_NAMES), JSON, max_size=6)
PAYLOADS = JSON | FIELDS
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ALL_KINDS = [
    {"kind": "words", "prompt": "Ord"},
    {"kind": "statements", "prompt": "Utsagn"},
    {"kind": "task", "prompt": "Oppgave", "questions": ["Hva?", "Hvorfor?"]},
    {"kind": "priorities", "prompt": "Prioriter", "items": ["A", "B", "C"]},
    {"kind": "questions", "prompt": "Spør panelet"},
]


@pytest.fixture
def app(tmp_path):
    """The app with its templates folder in tmp_path, since routes that save templates run."""
    (tmp_path / "sessions").mkdir()
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "data"),
            "SESSIONS_DIR": str(tmp_path / "sessions"),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "PUBLIC_URL": "http://samla.test",
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
            "RATE_LIMIT": "off",
        }
    )
    yield app
    app.extensions["samla_store"].close()


def _setting_up(app, organiser, phone):
    """One gathering with every kind open, a phone and a bystander at another table."""
    if not hasattr(app, "_fuzzed"):
        gathering = organiser.create(simple_definition(activities=ALL_KINDS))
        for activity in gathering["activities"]:
            organiser.open(gathering, activity)
        sio, bystander = phone(gathering), phone(gathering, table=2)
        for n, activity in enumerate(gathering["activities"][:2]):
            sio.emit(
                "submit",
                {"activity_id": activity["id"], "text": "ja", "client_id": f"f{n}"},
                callback=True,
            )
        app._fuzzed = (gathering, sio, bystander)
    return app._fuzzed


def assert_clean_answer(ack):
    assert isinstance(ack, dict) and isinstance(ack.get("ok"), bool), ack
    if not ack["ok"]:
        assert ack["error"] != "internal_error" and ack["message"], ack


@SETTINGS
@given(event=st.sampled_from(sorted(EVENTS)), payload=PAYLOADS, real=st.booleans())
def test_every_socket_event_answers_every_payload(app, organiser, phone, event, payload, real):
    gathering, sio, bystander = _setting_up(app, organiser, phone)
    if real and isinstance(payload, dict):
        # The right ids with the rest arbitrary reach deeper than random ids do.
        activity = gathering["activities"][len(str(payload)) % len(gathering["activities"])]
        payload = {**payload, "activity_id": activity["id"], "entry_id": 1, "point_id": 1}
    ack = sio.emit(event, payload, callback=True)
    assert_clean_answer(ack)
    assert sio.is_connected() and bystander.is_connected()


def write_routes(app):
    """Every route of the app that writes, with the methods it takes."""
    routes = []
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) & {"POST", "PUT", "PATCH", "DELETE"}):
            routes.append((method, rule))
    return sorted(routes, key=lambda r: (r[1].rule, r[0]))


def test_the_fuzzed_routes_include_every_write_route(app):
    rules = {rule.rule for _, rule in write_routes(app)}
    assert "/api/join" in rules and "/api/gatherings/<int:gathering_id>/definition" in rules
    assert "/api/gatherings/<int:gathering_id>/joining" in rules
    assert len(rules) >= 20


@SETTINGS
@given(data=st.data(), payload=PAYLOADS, real=st.booleans(), as_organiser=st.booleans())
def test_every_write_route_answers_every_body(
    app, client, organiser, phone, data, payload, real, as_organiser
):
    gathering, sio, _ = _setting_up(app, organiser, phone)
    method, rule = data.draw(st.sampled_from(write_routes(app)))
    values = {}
    for name in rule.arguments:
        if real and name == "gathering_id" and method != "DELETE":
            values[name] = gathering["id"]
        elif real and name == "activity_id":
            values[name] = gathering["activities"][2]["id"]
        elif rule._converters.get(name).__class__.__name__ == "IntegerConverter":
            values[name] = data.draw(st.integers(1, 10**20))
        else:
            values[name] = data.draw(st.text(min_size=1, max_size=8).filter(lambda t: "/" not in t))
    url = rule.build(values, append_unknown=False)[1]
    token = ADMIN_TOKEN if as_organiser else sio.token
    response = client.open(
        url, method=method, json=payload, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code < 500, (method, url, response.get_data(as_text=True)[:300])
    if response.status_code >= 400 and response.is_json:
        body = response.get_json()
        assert body["ok"] is False and body["error"] != "internal_error"


def test_digits_that_are_not_ascii_are_refused_not_crashed(client, organiser, phone, gathering):
    for table in ("²", "①", "٣", "１"):
        answer = client.post("/api/join", json={"code": gathering["code"], "table": table})
        assert answer.status_code == 400 and answer.get_json()["error"] == "bad_request"
    sio = phone(gathering)
    for event, payload in [
        ("submit", {"activity_id": "①", "text": "x", "client_id": "c"}),
        ("cast", {"activity_id": gathering["activities"][0]["id"], "ranking": [["x"]]}),
        ("cast", {"activity_id": "²", "dots": {"a": "1"}}),
        ("upvote", {"entry_id": "٣"}),
        ("edit_point", {"point_id": "1", "version": "²", "text": "x"}),
    ]:
        ack = sio.emit(event, payload, callback=True)
        assert ack["ok"] is False and ack["error"] == "bad_request", (event, ack)


@pytest.mark.parametrize("bad", ["\uffff", "\ufffe", "\ufdd0", "\U0010ffff", "\x0b", "\x1b"])
def test_noncharacters_and_controls_are_refused_at_every_text_door(
    client, organiser, phone, gathering, bad
):
    titled = organiser.post("/api/gatherings", json=simple_definition(title=f"Samling{bad}"))
    assert titled.status_code == 400 and titled.get_json()["error"] == "bad_characters"
    organiser.open(gathering, gathering["activities"][1])
    sio = phone(gathering)
    ack = sio.emit(
        "submit",
        {"activity_id": gathering["activities"][1]["id"], "text": f"a{bad}b", "client_id": "c"},
        callback=True,
    )
    assert ack["ok"] is False and ack["error"] == "bad_characters"
    http = client.post(
        "/api/submissions",
        headers={"Authorization": f"Bearer {sio.token}"},
        json={"activity_id": gathering["activities"][1]["id"], "text": f"{bad}", "client_id": "h"},
    )
    assert http.status_code == 400 and http.get_json()["error"] == "bad_characters"


def test_newline_and_tab_are_kept(organiser, phone, gathering):
    organiser.open(gathering, gathering["activities"][1])
    ack = phone(gathering).emit(
        "submit",
        {"activity_id": gathering["activities"][1]["id"], "text": "a\n\tb", "client_id": "c"},
        callback=True,
    )
    assert ack["ok"] is True
