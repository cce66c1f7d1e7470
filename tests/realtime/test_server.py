"""Socket.IO events in Flask request contexts (app/realtime.py)."""

import gc
from contextlib import contextmanager


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
