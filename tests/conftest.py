"""Fixtures: an app on a real SQLite file in a temporary folder, clients for both doors."""

import pytest

from app import create_app
from app.realtime.server import socketio
from app.store import Store

ADMIN_TOKEN = "test-organiser-token"
PUBLIC_URL = "http://samla.test"


@pytest.fixture
def app(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "data"),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "PUBLIC_URL": PUBLIC_URL,
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
        }
    )
    yield app
    app.extensions["samla_store"].close()


@pytest.fixture
def db_store(tmp_path):
    """A store on a real SQLite file, without the app around it."""
    s = Store(tmp_path / "samla.db")
    yield s
    s.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def organiser(client):
    """An HTTP client that sends the organiser's bearer token."""
    return Organiser(client)


class Organiser:
    def __init__(self, client):
        self.client = client
        self.headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}

    def get(self, url, **kwargs):
        return self.client.get(url, headers=self.headers, **kwargs)

    def post(self, url, **kwargs):
        return self.client.post(url, headers=self.headers, **kwargs)

    def patch(self, url, **kwargs):
        return self.client.patch(url, headers=self.headers, **kwargs)

    def delete(self, gathering_id):
        answer = self.client.delete(f"/api/gatherings/{gathering_id}", headers=self.headers)
        assert answer.status_code == 200, answer.get_json()

    def create(self, definition=None, template=None):
        body = {"template": template} if template else definition
        response = self.post("/api/gatherings", json=body)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    def open(self, gathering, activity):
        url = f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/state"
        response = self.post(url, json={"state": "open"})
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    def close(self, gathering, activity):
        url = f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/state"
        response = self.post(url, json={"state": "closed"})
        assert response.status_code == 200, response.get_json()
        return response.get_json()


def simple_definition(**overrides):
    definition = {
        "title": "Prøvesamling",
        "tables": 3,
        "activities": [
            {"kind": "words", "prompt": "Hvordan er stemningen?", "words_per_participant": 2},
            {"kind": "statements", "prompt": "Tre utsagn pr bord", "per_table": 3},
        ],
    }
    definition.update(overrides)
    return definition


@pytest.fixture
def gathering(organiser):
    return organiser.create(simple_definition())


@pytest.fixture
def join(client):
    """Join a gathering at a table; returns the participant token."""

    def join(gathering, table=1):
        response = client.post("/api/join", json={"code": gathering["code"], "table": table})
        assert response.status_code == 200, response.get_json()
        return response.get_json()["participant_token"]

    return join


@pytest.fixture
def phone(app, client, join):
    """A Socket.IO test client connected as a participant."""
    clients = []

    def phone(gathering, table=1, token=None):
        token = token or join(gathering, table)
        sio = socketio.test_client(app, auth={"token": token}, flask_test_client=client)
        assert sio.is_connected()
        sio.token = token
        sio.vote_items = lambda activity_id: vote_items(client, token, activity_id)
        clients.append(sio)
        return sio

    yield phone
    for sio in clients:
        if sio.is_connected():
            sio.disconnect()


def vote_items(client, token, activity_id):
    """A vote's items as a phone fetches them (a phone's state names only their version)."""
    answer = client.get(
        f"/api/activities/{activity_id}/items", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()["items"]


@pytest.fixture
def screen(app, client):
    """A Socket.IO test client connected as a projector with the gathering's screen token."""
    clients = []

    def screen(gathering, token=None):
        if token is None:
            token = gathering["screen_url"].split("token=")[1]
        sio = socketio.test_client(
            app, auth={"token": token, "gathering_id": gathering["id"]}, flask_test_client=client
        )
        clients.append(sio)
        return sio

    yield screen
    for sio in clients:
        if sio.is_connected():
            sio.disconnect()


def received(sio, name):
    """The payloads of every `name` event the client has received since last asked."""
    return [packet["args"][0] for packet in sio.get_received() if packet["name"] == name]


def post_form(client, url, data, page="/login"):
    """Post a form the way a browser does: with the CSRF token of the page that showed it."""
    import re

    shown = client.get(page).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', shown).group(1)
    return client.post(url, data={**data, "csrf_token": token})


def log_in(client, token=ADMIN_TOKEN, next="/console"):
    """Log in through the login form."""
    return post_form(client, "/login", {"token": token, "next": next})


ROOT_DIR = __import__("pathlib").Path(__file__).resolve().parent.parent
