"""Socket.IO handlers: thin like the HTTP routes, with identity read from the connect.

Phones connect with their participant token; screens (projector, console) with
the organiser token, the console's login cookie or a gathering's screen token.
Every (re)connect is answered with the whole `state`, so clients never replay.
"""

import functools
import logging

from flask import g, request
from flask_socketio import ConnectionRefusedError, emit, join_room

from . import actions, auth, broadcasts, ratelimits, snapshots, store
from .errors import SamlaError
from .gatherings import check_id
from .messages import error_answer

log = logging.getLogger(__name__)

# Who is behind each connection (sid) of this process.
connections = {}


def acknowledged(handler):
    """Turn a handler's refusals into `{ok: false, error, message}` acks."""

    @functools.wraps(handler)
    def wrapped(*args):
        identity = connections.get(request.sid)
        if identity is not None:
            g.language = identity.get("language")
        try:
            return handler(identity, *args)
        except SamlaError as error:
            return error_answer(error)
        except Exception:
            log.exception("socket event %s failed", handler.__name__)
            return {"ok": False, "error": "internal_error", "message": "Noe gikk galt."}

    return wrapped


def _refuse(code):
    """Refuse a connection; the browser client sees the answer as `err.data`."""
    answer = error_answer(SamlaError(code))
    raise ConnectionRefusedError(answer["message"], answer)


def connect_participant(token):
    """A phone: join its gathering's and table's rooms, then send its whole view."""
    with store.get_store().read() as db:
        participant = store.get_participant(db, token) if isinstance(token, str) else None
        if participant is None:
            _refuse("unknown_participant")
        state = snapshots.participant_state(db, participant)
    gathering_id, table = participant["gathering_id"], participant["table_number"]
    connections[request.sid] = {
        "role": "participant",
        "token": token,
        "gathering_id": gathering_id,
        "language": state["gathering"]["language"],
    }
    join_room(broadcasts.gathering_room(gathering_id))
    join_room(broadcasts.table_room(gathering_id, table))
    emit("state", state)


def connect_screen(token, gathering_id, public_url):
    """A projector or console: join the gathering's screen room, then send everything."""
    try:
        gathering_id = check_id(gathering_id, "gathering_id")
    except SamlaError:
        _refuse("bad_request")
    with store.get_store().read() as db:
        gathering = auth.screen_may_watch(db, token, gathering_id, auth.is_organiser())
        if gathering is None:
            _refuse("forbidden")
        state = snapshots.screen_state(db, gathering, public_url)
    connections[request.sid] = {
        "role": "screen",
        "gathering_id": gathering_id,
        "language": gathering["language"],
    }
    join_room(broadcasts.screen_room(gathering_id))
    emit("state", state)


def register(socketio):
    """Attach the handlers to the server."""
    from flask import current_app

    @socketio.on("connect")
    def connect(auth_data=None):
        """Anyone connects; `auth` says who. Answered with `state`, or refused."""
        auth_data = auth_data if isinstance(auth_data, dict) else {}
        if auth_data.get("gathering_id") is not None:
            connect_screen(
                auth_data.get("token"),
                auth_data["gathering_id"],
                current_app.config["PUBLIC_URL"],
            )
        else:
            connect_participant(auth_data.get("token"))

    @socketio.on("disconnect")
    def disconnect(reason=None):
        connections.pop(request.sid, None)

    @socketio.on("submit")
    @acknowledged
    def submit(identity, payload=None):
        """A phone adds an entry. Acked once it is stored; the screens hear it (coalesced),
        and for statements the table's phones too."""
        if identity is None or identity["role"] != "participant":
            raise SamlaError("unknown_participant")
        ratelimits.check_participant(identity["token"])
        answer, entry, activity = actions.submit(store.get_store(), identity["token"], payload)
        if entry is not None:
            broadcasts.entry_added(entry, activity)
        return answer

    @socketio.on("sync")
    @acknowledged
    def sync(identity, payload=None):
        """A client asks for its whole view again (e.g. after the phone woke up)."""
        if identity is None:
            raise SamlaError("unauthorized")
        if identity["role"] == "participant":
            ratelimits.check_participant(identity["token"])
        with store.get_store().read() as db:
            if identity["role"] == "participant":
                participant = store.get_participant(db, identity["token"])
                if participant is None:
                    raise SamlaError("unknown_participant")
                state = snapshots.participant_state(db, participant)
            else:
                gathering = store.get_gathering(db, identity["gathering_id"])
                if gathering is None:
                    raise SamlaError("not_found")
                state = snapshots.screen_state(db, gathering, current_app.config["PUBLIC_URL"])
        return {"ok": True, "state": state}
