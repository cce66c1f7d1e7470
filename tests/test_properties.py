"""Promise 5: malformed payloads at every event and write route never crash or corrupt."""

import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import simple_definition

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "activity_id": JSON | st.integers(min_value=-2, max_value=10**12),
        "text": JSON,
        "client_id": JSON,
        "state": JSON,
        "hidden": JSON,
        "highlighted": JSON,
        "activity_id_": JSON,
    },
)
PAYLOADS = JSON | FIELDS
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def invariants_hold(app):
    conn = sqlite3.connect(Path(app.config["DATA_DIR"]) / "samla.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert (
            conn.execute(
                "SELECT COUNT(*) FROM entries e"
                " JOIN participants p ON p.token = e.participant_token"
                " WHERE p.gathering_id != e.gathering_id OR p.table_number != e.table_number"
            ).fetchone()[0]
            == 0
        )
        assert (
            conn.execute(
                "SELECT COUNT(*) FROM entries e JOIN activities a ON a.id = e.activity_id"
                " WHERE a.gathering_id != e.gathering_id"
            ).fetchone()[0]
            == 0
        )
        over = conn.execute(
            "SELECT COUNT(*) FROM (SELECT activity_id, table_number, COUNT(*) AS n FROM entries"
            " JOIN activities a ON a.id = activity_id WHERE a.kind = 'statements'"
            " GROUP BY activity_id, table_number HAVING n > 3)"
        ).fetchone()[0]
        assert over == 0
    finally:
        conn.close()


@SETTINGS
@given(event=st.sampled_from(["submit", "sync"]), payload=PAYLOADS)
def test_socket_events_answer_every_payload(app, client, organiser, phone, event, payload):
    if not hasattr(app, "_fuzz"):
        gathering = organiser.create(simple_definition())
        organiser.open(gathering, gathering["activities"][1])
        app._fuzz = (phone(gathering), phone(gathering, table=2))
    sio, bystander = app._fuzz
    ack = sio.emit(event, payload, callback=True)
    assert isinstance(ack, dict) and isinstance(ack.get("ok"), bool)
    if not ack["ok"]:
        assert ack["error"] != "internal_error" and ack["message"]
    assert sio.is_connected() and bystander.is_connected()
    invariants_hold(app)


ROUTES = [
    ("POST", "/api/gatherings"),
    ("POST", "/api/gatherings/{g}/activities/{a}/state"),
    ("POST", "/api/gatherings/{g}/screen"),
    ("PATCH", "/api/entries/{e}"),
    ("POST", "/api/join"),
    ("POST", "/api/submissions"),
]


@SETTINGS
@given(
    route=st.sampled_from(ROUTES),
    payload=PAYLOADS,
    ids=st.tuples(st.integers(1, 10**13), st.booleans()),
)
def test_http_routes_answer_every_body(app, client, organiser, join, route, payload, ids):
    if not hasattr(app, "_fuzz_http"):
        gathering = organiser.create(simple_definition())
        organiser.open(gathering, gathering["activities"][1])
        app._fuzz_http = (gathering, join(gathering))
    gathering, token = app._fuzz_http
    method, path = route
    real = gathering["activities"][1]["id"]
    url = path.format(
        g=gathering["id"] if ids[1] else ids[0], a=real if ids[1] else ids[0], e=ids[0]
    )
    headers = {
        "Authorization": "Bearer "
        + (token if "submissions" in url else organiser.headers["Authorization"].split()[1])
    }
    response = client.open(url, method=method, json=payload, headers=headers)
    assert response.status_code < 500, response.get_data(as_text=True)
    if response.status_code >= 400:
        body = response.get_json()
        assert body["ok"] is False and body["error"] and body["message"]
    invariants_hold(app)


def test_deeply_nested_json_is_refused_cleanly(organiser, client, phone, gathering):
    deep = "[" * 5000 + "]" * 5000
    response = organiser.post("/api/gatherings", data=deep, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["ok"] is False
    nested = {}
    for _ in range(200):
        nested = {"x": nested}
    ack = phone(gathering).emit("submit", nested, callback=True)
    assert ack["ok"] is False and ack["error"] == "bad_request"
