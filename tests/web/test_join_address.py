"""The join address in the console: the machine's addresses, the chosen one, and the
projector and table cards following a new choice at once."""

import pytest

from app import __version__, addresses, create_app
from app.addresses import Interface
from conftest import ADMIN_TOKEN, Organiser, received, simple_definition

VENUE = [
    Interface("lo", True, ("127.0.0.1",)),
    Interface("wlan0", True, ("10.0.0.7",)),
    Interface("eth0", True, ("192.168.1.20",)),
    Interface("tun0", True, ("10.8.0.2",)),
]


@pytest.fixture
def venue(monkeypatch):
    """The machine has a Wi-Fi, a cable and a VPN; the default route leaves by the cable."""
    monkeypatch.setattr(addresses, "machine_interfaces", lambda: VENUE)
    monkeypatch.setattr(addresses, "route_address", lambda: "192.168.1.20")


@pytest.fixture
def laptop(tmp_path, venue):
    """Samla as the launcher starts it on a laptop: no --public-url, the likeliest address."""
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "data"),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
            "PORT": 5050,
            "JOIN_ADDRESS": addresses.likeliest(VENUE, "192.168.1.20"),
        }
    )
    yield app
    app.extensions["samla_store"].close()


def test_the_console_lists_the_machines_addresses_likeliest_first(laptop):
    organiser = Organiser(laptop.test_client())
    shown = organiser.get("/api/address").get_json()
    assert shown["public_url"] == "http://192.168.1.20:5050"
    assert shown["address"] == "192.168.1.20"
    assert shown["loopback"] is False and shown["fixed"] is False
    assert [(a["address"], a["interface"]) for a in shown["addresses"]] == [
        ("192.168.1.20", "eth0"),
        ("10.0.0.7", "wlan0"),
        ("10.8.0.2", "tun0"),
    ]
    assert [a["likeliest"] for a in shown["addresses"]] == [True, False, False]
    assert [a["chosen"] for a in shown["addresses"]] == [True, False, False]


def test_a_new_address_reaches_links_cards_and_screens_without_a_restart(laptop):
    client = laptop.test_client()
    organiser = Organiser(client)
    gathering = organiser.create(simple_definition())
    from app.realtime.server import socketio

    token = gathering["screen_url"].split("token=")[1]
    projector = socketio.test_client(
        laptop, auth={"token": token, "gathering_id": gathering["id"]}, flask_test_client=client
    )
    received(projector, "state")

    answer = organiser.client.put(
        "/api/address", json={"address": "10.0.0.7"}, headers=organiser.headers
    )
    assert answer.status_code == 200
    assert answer.get_json()["public_url"] == "http://10.0.0.7:5050"
    assert received(projector, "resync") == [{"gathering_id": gathering["id"]}]
    again = organiser.get(f"/api/gatherings/{gathering['id']}").get_json()
    assert again["join_url"] == f"http://10.0.0.7:5050/j/{gathering['code']}"
    cards = organiser.get(f"/console/{gathering['id']}/cards")
    assert "http://10.0.0.7:5050/j/" in cards.get_data(as_text=True)
    projector.disconnect()


def test_only_the_machines_addresses_can_be_chosen(laptop):
    organiser = Organiser(laptop.test_client())
    for body in ({"address": "10.9.9.9"}, {"address": "evil.example"}, {}, ["10.0.0.7"]):
        answer = organiser.client.put("/api/address", json=body, headers=organiser.headers)
        assert answer.status_code == 400 and answer.get_json()["error"] == "unknown_address"
    assert organiser.get("/api/address").get_json()["address"] == "192.168.1.20"


def test_screens_warn_while_the_address_is_loopback(laptop):
    client = laptop.test_client()
    organiser = Organiser(client)
    gathering = organiser.create(simple_definition())
    state = client.get(gathering["screen_url"].replace("http://192.168.1.20:5050", ""))
    assert state.status_code == 200
    from app.realtime.server import socketio

    organiser.client.put("/api/address", json={"address": "127.0.0.1"}, headers=organiser.headers)
    token = gathering["screen_url"].split("token=")[1]
    projector = socketio.test_client(
        laptop, auth={"token": token, "gathering_id": gathering["id"]}, flask_test_client=client
    )
    (shown,) = received(projector, "state")
    assert shown["server"] == {"version": __version__, "loopback": True}
    assert organiser.get("/api/address").get_json()["loopback"] is True
    projector.disconnect()


def test_an_address_given_at_start_is_fixed(app, organiser, venue):
    shown = organiser.get("/api/address").get_json()
    assert shown["fixed"] is True and shown["public_url"] == "http://samla.test"
    answer = organiser.client.put(
        "/api/address", json={"address": "10.0.0.7"}, headers=organiser.headers
    )
    assert answer.status_code == 409 and answer.get_json()["error"] == "address_fixed"
    assert app.config["PUBLIC_URL"] == "http://samla.test"


def test_the_screens_state_carries_the_version(organiser, screen):
    gathering = organiser.create(simple_definition())
    sio = screen(gathering)
    (state,) = received(sio, "state")
    assert state["server"] == {"version": __version__, "loopback": False}


def test_only_the_organiser_sees_or_chooses_the_address(client, venue):
    assert client.get("/api/address").status_code == 401
    assert client.put("/api/address", json={"address": "10.0.0.7"}).status_code == 401
