"""Socket.IO handlers: thin like the HTTP routes, with identity read from the connect.

Phones connect with their participant token; screens (projector, console) with
the organiser token, the console's login cookie or a gathering's screen token.
Every (re)connect is answered with the whole `state`, so clients never replay.
"""

import functools
import logging
import sqlite3

from flask import g, request
from flask_socketio import ConnectionRefusedError, emit, join_room

from app import actions, lookups, points, store, voting
from app.errors import SamlaError
from app.realtime import broadcasts, snapshots
from app.rules import check_id
from app.web import auth, payloads, ratelimits, translation
from app.web.messages import error_answer

log = logging.getLogger(__name__)

# Who is behind each connection (sid) of this process: its identity only. Pushes go to
# rooms (app/realtime/broadcasts.py), never to these sids, so that they cross the message
# queue to the phones of other processes.
connections = {}


def acknowledged(handler):
    """Check the payload against the event's declared shape (app/web/payloads.py), and
    turn a handler's refusals into `{ok: false, error, message}` acks."""

    @functools.wraps(handler)
    def wrapped(payload=None, *_ignored):
        identity = connections.get(request.sid)
        if identity is not None:
            g.language = identity.get("language")
        try:
            return handler(identity, payloads.event_payload(handler.__name__, payload))
        except SamlaError as error:
            return error_answer(error)
        except sqlite3.Error as error:
            reason = store.connection.fault_reason(error)
            if reason is None:
                log.exception("socket event %s failed", handler.__name__)
                return error_answer(SamlaError("internal_error"))
            return error_answer(store.connection.try_again(reason))
        except Exception:
            log.exception("socket event %s failed", handler.__name__)
            return error_answer(SamlaError("internal_error"))

    return wrapped


def _refuse(code):
    """Refuse a connection; the browser client sees the answer as `err.data`."""
    answer = error_answer(SamlaError(code))
    raise ConnectionRefusedError(answer["message"], answer)


def connect_participant(token):
    """A phone: join its gathering's and table's rooms, then send its whole view."""
    with store.get_store().read() as db:
        participant = (
            store.gatherings.get_participant(db, token) if isinstance(token, str) else None
        )
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
    """A projector (screen token) or console (organiser): join its room, then send everything."""
    try:
        gathering_id = check_id(gathering_id, "gathering_id")
    except SamlaError:
        _refuse("bad_request")
    organiser = auth.is_organiser() or auth.is_organiser_token(token)
    with store.get_store().read() as db:
        gathering = auth.screen_may_watch(db, token, gathering_id, organiser)
        if gathering is None:
            _refuse("forbidden")
        # The hall's screens share the phones' address: its code is never refused there.
        ratelimits.remember_code(gathering["code"])
        state = snapshots.screen_state(db, gathering, public_url, projector=not organiser)
    connections[request.sid] = {
        "role": "console" if organiser else "screen",
        "gathering_id": gathering_id,
        # The projector speaks the gathering's language, a console its user's own.
        "language": translation.console_language() if organiser else gathering["language"],
    }
    room = broadcasts.console_room if organiser else broadcasts.screen_room
    join_room(room(gathering_id))
    emit("state", state)
    if organiser:
        # The console shows a banner while writes fail (a full disk, a locked database).
        join_room(broadcasts.health_room())
        health = store.get_store().health()
        if health["status"] != "ok":
            emit("health", health)


def _participant_token(identity):
    """The token of the phone behind this connection, within its rate limit."""
    if identity is None or identity["role"] != "participant":
        raise SamlaError("unknown_participant")
    ratelimits.check_participant(identity["token"])
    return identity["token"]


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
        and for statements the table's other phones too."""
        token = _participant_token(identity)
        answer, entry, activity = actions.submit(store.get_store(), token, payload)
        if entry is not None:
            broadcasts.entry_added(
                entry, activity, sender=request.sid, remaining=answer["remaining"]
            )
        return answer

    @socketio.on("withdraw")
    @acknowledged
    def withdraw(identity, payload=None):
        """A phone takes back its own entry while the activity is open; the screens, the
        table's phones (statements) and every phone (questions) drop it."""
        token = _participant_token(identity)
        answer, entry, activity = actions.withdraw(store.get_store(), token, payload)
        if entry is not None:
            broadcasts.entry_withdrawn(entry, activity)
        return answer

    @socketio.on("add_point")
    @acknowledged
    def add_point(identity, payload=None):
        """A phone adds a point to its table's answer to a task question (once per client id);
        the table's phones hear `points_update`, the screens an update."""
        token = _participant_token(identity)
        answer, point, activity = points.add_point(store.get_store(), token, payload)
        if point is not None:
            broadcasts.point_changed(point, activity)
        return answer

    @socketio.on("edit_point")
    @acknowledged
    def edit_point(identity, payload=None):
        """A phone saves a new text for one of its table's points, naming the version it
        edited; a `conflict` ack carries both texts when someone saved in between."""
        token = _participant_token(identity)
        answer, point, activity = points.change_point(store.get_store(), token, payload)
        if point is not None:
            broadcasts.point_changed(point, activity)
        return answer

    @socketio.on("delete_point")
    @acknowledged
    def delete_point(identity, payload=None):
        """A phone deletes one of its table's points (same version rule as edit_point)."""
        token = _participant_token(identity)
        answer, point, activity = points.change_point(
            store.get_store(), token, payload, delete=True
        )
        if point is not None:
            broadcasts.point_changed(point, activity)
        return answer

    @socketio.on("cast")
    @acknowledged
    def cast(identity, payload=None):
        """A phone casts (or replaces) its ballot in a priorities vote; screens get results."""
        token = _participant_token(identity)
        answer, activity = voting.cast(store.get_store(), token, payload)
        broadcasts.ballot_cast(activity)
        return answer

    @socketio.on("upvote")
    @acknowledged
    def upvote(identity, payload=None):
        """A phone votes for (or un-votes) a question to the panel; everyone sees the count."""
        token = _participant_token(identity)
        answer, entry, activity = voting.upvote(store.get_store(), token, payload)
        broadcasts.entry_voted(entry, activity)
        return answer

    @socketio.on("questions")
    @acknowledged
    def questions(identity, payload=None):
        """A phone asks for more of the panel's questions than its state holds: a page,
        newest first from `offset`; the answer goes to this phone only (the ack)."""
        token = _participant_token(identity)
        return voting.question_page(store.get_store(), token, payload)

    @socketio.on("sync_activity")
    @acknowledged
    def sync_activity(identity, payload=None):
        """A phone asks for one activity as its `state` would carry it, when it opens (a
        closed activity comes without its content); the answer goes to this phone only."""
        token = _participant_token(identity)
        with store.get_store().read() as db:
            participant = lookups.participant(db, token)
            activity = lookups.activity_of(
                db, participant["gathering_id"], payload.get("activity_id")
            )
            shown = snapshots.participant_activity(db, activity, participant)
        return {"ok": True, "activity": shown}

    @socketio.on("sync")
    @acknowledged
    def sync(identity, payload=None):
        """A client asks for its whole view again: after the phone woke up, or on `resync`."""
        if identity is None:
            raise SamlaError("unauthorized")
        if identity["role"] == "participant":
            ratelimits.check_participant(identity["token"])
        with store.get_store().read() as db:
            if identity["role"] == "participant":
                participant = lookups.participant(db, identity["token"])
                state = snapshots.participant_state(db, participant)
            else:
                gathering = store.gatherings.get_gathering(db, identity["gathering_id"])
                if gathering is None:
                    raise SamlaError("not_found")
                state = snapshots.screen_state(
                    db,
                    gathering,
                    current_app.config["PUBLIC_URL"],
                    projector=identity["role"] == "screen",
                )
        return {"ok": True, "state": state}
