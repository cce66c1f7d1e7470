"""Socket.IO events in Flask request contexts (app/realtime.py)."""

import gc
from contextlib import contextmanager

import pytest


@contextmanager
def garbage_kept():
    """What the collector finds unreachable meanwhile, kept for inspection instead of freed."""
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield gc.garbage
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def test_an_event_frees_its_request_context_without_the_garbage_collector(
    organiser, gathering, phone
):
    words = gathering["activities"][0]
    organiser.open(gathering, words)
    phones = [phone(gathering) for _ in range(5)]
    with garbage_kept() as garbage:
        for n, sio in enumerate(phones):
            ack = sio.emit(
                "submit",
                {"activity_id": words["id"], "text": f"ord{n}", "client_id": f"c{n}"},
                callback=True,
            )
            assert ack["ok"], ack
        gc.collect()
        left_for_the_collector = {type(thing).__name__ for thing in garbage}
    assert not left_for_the_collector & {
        "RequestContext",
        "Request",
        "NotFound",
        "RequestRedirect",
        "traceback",
    }


def test_the_socketio_server_still_answers_its_path(client):
    response = client.get("/socket.io/")
    # Engine.IO's refusal of a request without its protocol version, not Flask's 404.
    assert response.status_code == 400
    assert b"protocol" in response.data.lower()


def test_payloads_go_out_as_json_text_and_bytes_fail_loudly(app):
    from socketio import packet

    from app.realtime.server import socketio

    made = socketio.server.packet_class
    cloud = ["activity_update", {"frequencies": [{"word": "glad", "count": 2}]}]
    assert made(packet.EVENT, data=cloud).encode() == (
        '2["activity_update",{"frequencies":[{"word":"glad","count":2}]}]'
    )
    # No walk for bytes to send as attachments: Samla's files go over HTTP.
    with pytest.raises(TypeError):
        made(packet.EVENT, data=["activity_update", {"image": b"\x89PNG"}]).encode()


def test_an_event_reuses_its_connections_session_and_url_binding(
    organiser, gathering, phone, monkeypatch
):
    from flask.sessions import SecureCookieSessionInterface
    from werkzeug.routing import Map

    words = gathering["activities"][0]
    organiser.open(gathering, words)
    sio = phone(gathering)
    done = []
    for cls, name in ((SecureCookieSessionInterface, "open_session"), (Map, "bind_to_environ")):
        original = getattr(cls, name)

        def counted(self, *args, original=original, name=name, **kwargs):
            done.append(name)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(cls, name, counted)
    for n in range(2):
        ack = sio.emit(
            "submit",
            {"activity_id": words["id"], "text": f"ord{n}", "client_id": f"s{n}"},
            callback=True,
        )
        assert ack["ok"], ack
    assert done == []
    # An ordinary request still reads its cookies and binds its own URL.
    organiser.get(f"/api/gatherings/{gathering['id']}")
    assert set(done) == {"open_session", "bind_to_environ"}
