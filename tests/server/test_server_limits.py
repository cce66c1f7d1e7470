"""The real server refuses foreign origins and oversized messages; a limited phone loses nothing."""

import asyncio

import pytest
import requests
import socketio
from harness import Server
from phones import Phone

pytestmark = [
    pytest.mark.server,
    # When the server drops the oversized connection, the websocket client leaves its
    # socket to the garbage collector; that warning is about the client library.
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(
        tmp_path_factory.mktemp("limits") / "data",
        "eventlet",
        env={"SAMLA_RATE_LIMIT": "5/2second"},
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def setup(server):
    gathering = server.api(
        "POST",
        "/api/gatherings",
        json={
            "title": "Grenser",
            "tables": 2,
            "activities": [{"kind": "statements", "prompt": "Fritt"}],
        },
    ).json()
    activity = gathering["activities"][0]
    path = f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/state"
    assert server.api("POST", path, json={"state": "open"}).status_code == 200

    def join():
        return requests.post(
            server.url + "/api/join", json={"code": gathering["code"], "table": 1}, timeout=10
        ).json()["participant_token"]

    return gathering, activity, join


def test_a_foreign_origin_is_refused(server):
    handshake = server.url + "/socket.io/?EIO=4&transport=polling"
    foreign = requests.get(handshake, headers={"Origin": "http://evil.example"}, timeout=5)
    assert foreign.status_code == 400 and "sid" not in foreign.text
    own = requests.get(handshake, headers={"Origin": server.url}, timeout=5)
    assert own.status_code == 200 and '"sid"' in own.text
    no_origin = requests.get(handshake, timeout=5)  # not a browser: nothing to protect
    assert no_origin.status_code == 200


def test_the_longest_statement_fits_and_a_huge_message_is_refused_alone(server, setup):
    _, activity, join = setup
    bystander = socketio.Client(reconnection=False)
    bystander.connect(server.url, auth={"token": join()}, transports=["websocket"], wait_timeout=5)
    writer = socketio.Client(reconnection=False)
    writer.connect(server.url, auth={"token": join()}, transports=["websocket"], wait_timeout=5)
    longest = "😀" * 2000  # 2,000 characters, 4 bytes each, escaped as \ud83d\ude00 by this client
    ack = writer.call(
        "submit",
        {"activity_id": activity["id"], "text": longest, "client_id": "longest"},
        timeout=10,
    )
    assert ack["ok"] is True
    with pytest.raises(socketio.exceptions.TimeoutError):
        writer.call(
            "submit",
            {"activity_id": activity["id"], "text": "x" * 100_000, "client_id": "huge"},
            timeout=3,
        )
    writer.sleep(0.5)
    assert not writer.connected  # the server closed that one connection ...
    writer.disconnect()
    ack = bystander.call(
        "submit",
        {"activity_id": activity["id"], "text": "fortsatt her", "client_id": "still"},
        timeout=10,
    )
    assert ack["ok"] is True  # ... and everyone else carries on
    bystander.disconnect()
    export = server.api("GET", f"/api/gatherings/{setup[0]['id']}/export.json").json()
    texts = [e["text"] for e in export["activities"][0]["entries"]]
    assert longest in texts and "x" * 100_000 not in texts
    big = server.api("POST", "/api/gatherings", json={"title": "x" * 2_000_000})
    assert big.status_code == 413 and big.json()["ok"] is False


def test_a_phone_over_the_limit_keeps_its_outbox_and_resends_later(server, setup):
    _, activity, join = setup

    async def burst():
        phone = Phone(server.url, join(), "rask")
        await phone.start()
        timer = asyncio.create_task(phone.resend_timer())
        for _ in range(12):  # twelve statements at once; the limit is five per two seconds
            phone.submit(activity["id"])
        deadline = asyncio.get_running_loop().time() + 30
        while phone.outbox and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.2)
        timer.cancel()
        await asyncio.gather(timer, return_exceptions=True)
        await phone.close()
        return phone

    phone = asyncio.run(burst())
    assert phone.rate_limited > 0 and phone.refusals == []
    assert phone.outbox == {} and len(phone.acked) == 12
    assert len(set(phone.acked.values())) == 12
