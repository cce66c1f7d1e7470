"""Promise 3 and 4 in-process: headers, CSRF, cookies and rate limits."""

from html.parser import HTMLParser

import pytest

from app import create_app
from app.realtime.server import socketio
from conftest import ADMIN_TOKEN, log_in, post_form, simple_definition


class Scripts(HTMLParser):
    """Collects every script tag and every inline event handler of a page."""

    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.javascript_urls = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts.append(attrs)
        self.handlers += [name for name in attrs if name.startswith("on")]
        self.javascript_urls += [
            v for v in attrs.values() if v and v.strip().lower().startswith("javascript:")
        ]


def pages(organiser, gathering):
    screen = gathering["screen_url"].split("/screen/")[1]
    return [
        "/",
        "/login",
        "/j",
        f"/j/{gathering['code']}",
        f"/j/{gathering['code']}/1",
        f"/screen/{screen}",
        "/console",
        f"/console/{gathering['id']}",
        f"/console/{gathering['id']}/cards",
    ]


def test_every_page_has_a_strict_csp_and_no_inline_script(organiser, gathering):
    for url in pages(organiser, gathering):
        response = organiser.get(url)
        assert response.status_code == 200, url
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self';" in csp and "unsafe-inline'; img" in csp
        assert "'unsafe-eval'" not in csp and "object-src 'none'" in csp
        assert "frame-ancestors 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        found = Scripts()
        found.feed(response.get_data(as_text=True))
        for script in found.scripts:
            assert script.get("src") or script.get("type") == "application/json", (url, script)
        assert found.handlers == [] and found.javascript_urls == [], url


def test_forms_need_the_csrf_token_of_their_session(client):
    assert client.post("/login", data={"token": ADMIN_TOKEN}).status_code == 400
    assert client.get("/console").status_code == 302
    assert log_in(client).status_code == 302
    assert client.get("/console").status_code == 200
    assert client.post("/logout").status_code == 400
    assert client.get("/console").status_code == 200
    assert post_form(client, "/logout", {}, page="/console").status_code == 302
    assert client.get("/console").status_code == 302


def test_behind_https_the_cookie_is_secure_and_host_only(tmp_path):
    app = create_app(
        {
            "DATA_DIR": str(tmp_path),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "PUBLIC_URL": "https://samla.example",
            "TESTING": True,
            "ASYNC_MODE": "threading",
        }
    )
    try:
        client = app.test_client()
        cookie = log_in(client).headers["Set-Cookie"]
        assert cookie.startswith("__Host-samla_session=")
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert "Path=/" in cookie and "Domain" not in cookie
    finally:
        app.extensions["samla_store"].close()


@pytest.fixture
def limited(tmp_path):
    app = create_app(
        {
            "DATA_DIR": str(tmp_path),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "TESTING": True,
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
            "RATE_LIMIT": "3/minute",
        }
    )
    yield app
    app.extensions["samla_store"].close()


def setup_gathering(client):
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    gathering = client.post(
        "/api/gatherings",
        headers=headers,
        json=simple_definition(activities=[{"kind": "statements", "prompt": "Fritt"}]),
    ).get_json()
    activity = gathering["activities"][0]
    client.post(
        f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/state",
        headers=headers,
        json={"state": "open"},
    )
    tokens = [
        client.post("/api/join", json={"code": gathering["code"], "table": 1}).get_json()[
            "participant_token"
        ]
        for _ in range(2)
    ]
    return gathering, activity, tokens


def test_the_participant_limit_counts_per_token_on_both_doors(limited):
    client = limited.test_client()
    gathering, activity, (first, second) = setup_gathering(client)
    sio = socketio.test_client(limited, auth={"token": first}, flask_test_client=client)
    acks = [
        sio.emit(
            "submit",
            {"activity_id": activity["id"], "text": f"t{n}", "client_id": f"c{n}"},
            callback=True,
        )
        for n in range(4)
    ]
    assert [a["ok"] for a in acks] == [True, True, True, False]
    assert acks[3]["error"] == "rate_limited" and acks[3]["message"]
    http = client.post(
        "/api/submissions",
        headers={"Authorization": f"Bearer {first}"},
        json={"activity_id": activity["id"], "text": "t", "client_id": "h"},
    )
    assert http.status_code == 429 and http.get_json()["error"] == "rate_limited"
    # The same venue address, another phone: not affected.
    other = client.post(
        "/api/submissions",
        headers={"Authorization": f"Bearer {second}"},
        json={"activity_id": activity["id"], "text": "t", "client_id": "h"},
    )
    assert other.status_code == 201
    sio.disconnect()


def test_the_limit_can_be_switched_off(tmp_path):
    app = create_app(
        {
            "DATA_DIR": str(tmp_path),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "TESTING": True,
            "ASYNC_MODE": "threading",
            "RATE_LIMIT": "off",
            "COALESCE_SECONDS": 0,
        }
    )
    try:
        client = app.test_client()
        gathering, activity, (token, _) = setup_gathering(client)
        for n in range(200):
            answer = client.post(
                "/api/submissions",
                headers={"Authorization": f"Bearer {token}"},
                json={"activity_id": activity["id"], "text": "t", "client_id": str(n)},
            )
            assert answer.status_code == 201
    finally:
        app.extensions["samla_store"].close()


def misses(client, gathering, count):
    """A prankster in the hall: `count` wrong codes from the hall's one address."""
    wrong = (c for c in (f"{n:06d}" for n in range(1000)) if c != gathering["code"])
    return [client.get(f"/api/join/{next(wrong)}").status_code for _ in range(count)]


def test_a_prankster_behind_the_venue_nat_does_not_lock_the_hall_out(limited):
    client = limited.test_client()
    gathering, _, _ = setup_gathering(client)  # two phones of the hall have joined
    assert set(misses(client, gathering, 30)) == {404}
    assert client.get("/api/join/999999").status_code in (404, 429)
    code = gathering["code"]
    for _ in range(200):  # the rest of the hall, from the same address, after the misses
        assert client.get(f"/api/join/{code}").status_code == 200
        assert client.post("/api/join", json={"code": code, "table": 1}).status_code == 200
    assert client.get(f"/qr/{code}.svg").status_code == 200
    assert client.get(f"/qr/{code}/2.svg").status_code == 200


def test_the_halls_projector_vouches_for_its_code_before_any_phone_joins(limited, screen):
    client = limited.test_client()
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    gathering = client.post("/api/gatherings", headers=headers, json=simple_definition()).get_json()
    assert set(misses(client, gathering, 40)) <= {404, 429}  # the prankster came first
    token = gathering["screen_url"].split("token=")[1]
    projector = socketio.test_client(
        limited, auth={"token": token, "gathering_id": gathering["id"]}, flask_test_client=client
    )
    assert projector.is_connected()
    assert client.get(f"/api/join/{gathering['code']}").status_code == 200
    answer = client.post("/api/join", json={"code": gathering["code"], "table": 1})
    assert answer.status_code == 200
    projector.disconnect()


def test_guessing_codes_stays_slow(limited):
    client = limited.test_client()
    gathering, _, _ = setup_gathering(client)
    assert set(misses(client, gathering, 30)) == {404}
    # Beyond the allowed misses: one unknown code every two seconds, the rest refused.
    later = misses(client, gathering, 20)
    assert later.count(429) >= 18 and 200 not in later
    response = client.post("/api/join", json={"code": "000999", "table": 1})
    assert response.status_code == 429 and response.headers["Retry-After"]


def test_the_right_organiser_key_is_let_in_after_any_number_of_wrong_ones(limited):
    client = limited.test_client()
    for _ in range(10):
        assert log_in(client, "gjetning").status_code == 401
    assert log_in(client, "gjetning").status_code == 429  # guessing stays slow
    assert log_in(client).status_code == 302
    assert client.get("/console").status_code == 200


def proxied_app(tmp_path, proxies):
    return create_app(
        {
            "DATA_DIR": str(tmp_path / f"p{proxies}"),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "TESTING": True,
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
            "TRUSTED_PROXIES": proxies,
        }
    )


@pytest.mark.parametrize("proxies", [0, 1])
def test_a_trusted_proxy_names_the_address_that_guesses(tmp_path, proxies):
    app = proxied_app(tmp_path, proxies)
    try:
        client = app.test_client()
        for n in range(30):
            forwarded = {"X-Forwarded-For": "203.0.113.7"}
            assert client.get(f"/api/join/{n:06d}", headers=forwarded).status_code == 404
        statuses = [
            client.get(f"/api/join/{n:06d}", headers={"X-Forwarded-For": "198.51.100.9"})
            for n in range(100, 103)
        ]
        # Behind a trusted proxy the other address is another guesser; without one, the
        # header is anybody's to write and the proxy's own address is counted.
        expected = {404} if proxies else {404, 429}
        assert {r.status_code for r in statuses} <= expected
        if not proxies:
            assert 429 in {r.status_code for r in statuses}
    finally:
        app.extensions["samla_store"].close()


def test_the_configured_limit_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SAMLA_RATE_LIMIT", "7/second")
    app = create_app(
        {"DATA_DIR": str(tmp_path), "ADMIN_TOKEN": ADMIN_TOKEN, "ASYNC_MODE": "threading"}
    )
    try:
        assert app.config["RATE_LIMIT"] == "7/second"
        buckets = app.extensions["samla_limits"].participant
        assert (buckets.capacity, buckets.per_second) == (7, 7.0)
    finally:
        app.extensions["samla_store"].close()
