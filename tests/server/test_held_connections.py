"""Half-sent requests are closed after
the header time-out while the server stays responsive, a live websocket outlives it,
and the request log holds no token."""

import socket
import time

import pytest
import requests
import socketio
from harness import TOKEN, Server

pytestmark = pytest.mark.server

HELD = 300


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(
        tmp_path_factory.mktemp("held") / "data",
        "eventlet",
        env={"SAMLA_HEADER_TIMEOUT": "3", "SAMLA_LOG_REQUESTS": "yes"},
    )
    server.start()
    yield server
    server.stop()


def half_sent(server):
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: samla\r\nX-Slow: ")
    return sock


def test_held_connections_neither_stall_the_server_nor_stay_open(server):
    held = [half_sent(server) for _ in range(HELD)]
    try:
        started = time.monotonic()
        for _ in range(20):
            assert requests.get(server.url + "/healthz", timeout=2).status_code == 200
        assert time.monotonic() - started < 5
        time.sleep(4.5)  # past the header time-out
        closed = 0
        for sock in held:
            sock.settimeout(2)
            try:
                sock.recv(1024)  # b"" once closed (or the start of an error answer)
                closed += 1
            except (ConnectionResetError, BrokenPipeError):
                closed += 1
            except TimeoutError:
                pass
        assert closed == HELD
    finally:
        for sock in held:
            sock.close()


def test_a_live_websocket_outlives_the_header_timeout(server):
    gathering = server.api(
        "POST",
        "/api/gatherings",
        json={"title": "Lenge", "tables": 1, "activities": [{"kind": "words", "prompt": "?"}]},
    ).json()
    client = socketio.Client(reconnection=False)
    client.connect(
        server.url,
        auth={"token": TOKEN, "gathering_id": gathering["id"]},
        transports=["websocket"],
        wait_timeout=5,
    )
    try:
        time.sleep(8)  # well past the 3 s time-out; engine.io's pings keep it alive
        assert client.connected
        assert client.call("sync", {}, timeout=5)["ok"] is True
    finally:
        client.disconnect()


def test_the_request_log_holds_no_token(server):
    gathering = server.api(
        "POST",
        "/api/gatherings",
        json={"title": "Logg", "tables": 1, "activities": [{"kind": "words", "prompt": "?"}]},
    ).json()
    screen_token = gathering["screen_url"].split("token=")[1]
    assert requests.get(gathering["screen_url"], timeout=5).status_code == 200
    time.sleep(0.5)
    log = server.log_path.read_text(encoding="utf-8", errors="replace")
    assert "/screen/" in log
    assert screen_token not in log and TOKEN not in log
