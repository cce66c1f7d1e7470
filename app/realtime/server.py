"""The one Socket.IO server of the process; create_app() binds it to the app."""

import threading

import socketio as python_socketio
from flask import Flask, abort
from flask.sessions import SecureCookieSessionInterface
from flask_socketio import SocketIO
from socketio import packet

socketio = SocketIO()


class RoomsBySid:
    """A client manager that knows each connection's rooms.

    python-socketio finds the rooms of a connection that leaves by looking in every room
    of the namespace, and every connection has a room of its own: when 2,000 phones drop
    and come back within seconds, each leaving looked in 2,200 rooms (4.4 million lookups,
    the largest cost of the reconnect storm in docs/BENCHMARKS.md). Here a connection
    leaves the rooms it joined, and nothing else changes.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._joined = {}  # namespace -> sid -> the rooms it is in

    def joined(self, sid, namespace):
        return self._joined.setdefault(namespace, {}).get(sid)

    def basic_enter_room(self, sid, namespace, room, eio_sid=None):
        super().basic_enter_room(sid, namespace, room, eio_sid=eio_sid)
        self._joined.setdefault(namespace, {}).setdefault(sid, set()).add(room)

    def basic_leave_room(self, sid, namespace, room):
        super().basic_leave_room(sid, namespace, room)
        rooms = self.joined(sid, namespace)
        if rooms is not None:
            rooms.discard(room)
            if not rooms:
                del self._joined[namespace][sid]

    def basic_disconnect(self, sid, namespace, **kwargs):
        """As python-socketio's (5.16–5.18; tests/realtime/test_rooms.py compares the two
        over thousands of joins, leaves and drops), but leaving only the rooms this
        connection is in."""
        if namespace not in self.rooms:
            return
        for room in list(self.joined(sid, namespace) or ()):
            self.basic_leave_room(sid, namespace, room)
        self.callbacks.pop(sid, None)
        for pending in (self.pending_connect, self.pending_disconnect):
            if sid in pending.get(namespace, ()):
                pending[namespace].remove(sid)
                if not pending[namespace]:
                    del pending[namespace]


class PacedFanOut:
    """A client manager that lets other work in between while it sends one message to a
    large room.

    Sending the panel's questions to 2,000 phones is 2,000 websocket writes in a row;
    under eventlet nothing else runs meanwhile, and every phone's ack waits for the
    last of them (the questions scenario in docs/BENCHMARKS.md). Here the sender yields
    after every SLICE recipients, so acks and other events are handled in between.
    Messages still reach every phone in the order they were sent: in one process, one
    message is sent whole before the next one starts (the lock), as before; with Redis,
    python-socketio's one listener sends the messages of the queue one after the other.
    """

    SLICE = 150

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._sending = threading.RLock()

    def emit(self, *args, **kwargs):
        with self._sending:
            return super().emit(*args, **kwargs)

    def get_participants(self, namespace, room):
        for count, participant in enumerate(super().get_participants(namespace, room), 1):
            yield participant
            if count % self.SLICE == 0:
                self.server.sleep(0)


class TextPacket(packet.Packet):
    """A Socket.IO packet that is always JSON text.

    python-socketio walks every payload it sends, down to the last list and dict, to
    find bytes that must travel as binary attachments. Samla never sends bytes over
    Socket.IO (files go over HTTP), and that walk over a cloud's words or a wall's
    entries was the largest single cost of the framework's in the words profile
    (docs/BENCHMARKS.md). Bytes in a payload now fail loudly in the JSON encoder
    instead.
    """

    uses_binary_events = False


class LocalManager(RoomsBySid, PacedFanOut, python_socketio.Manager):
    """The rooms of one process."""


class RedisManager(RoomsBySid, PacedFanOut, python_socketio.RedisManager):
    """The rooms of one process, its broadcasts shared with others through Redis."""


def manager_options(message_queue):
    """The Socket.IO server's options: JSON-text packets, and a client manager through
    Redis when several processes share one gathering (`--message-queue`, on
    Flask-SocketIO's channel), else this process's own; another kind of queue gets
    Flask-SocketIO's manager for it."""
    options = {"serializer": TextPacket}
    if not message_queue:
        return {**options, "client_manager": LocalManager()}
    options["message_queue"] = message_queue
    if message_queue.startswith(("redis://", "rediss://")):
        options["client_manager"] = RedisManager(message_queue, channel="flask-socketio")
    return options


class EventFlask(Flask):
    """The Flask app, with a URL adapter bound once per Socket.IO connection.

    Flask-SocketIO runs each event in a request context made from the connection's
    handshake environ, and each such context bound the URL map to that environ again.
    The binding depends on the environ alone, so it is kept in it: every event of a
    connection reuses its own. An HTTP request has an environ of its own and binds once
    as before.
    """

    def create_url_adapter(self, request):
        if request is None:
            return super().create_url_adapter(request)
        kept = request.environ.get("samla.url_adapter")
        if kept is None:
            kept = request.environ["samla.url_adapter"] = super().create_url_adapter(request)
        return kept


class ConnectionSessionInterface(SecureCookieSessionInterface):
    """Flask's cookie session, opened once per Socket.IO connection rather than per event.

    Each event runs in a request context, and pushing one opens the session from the
    handshake's cookies, only for Flask-SocketIO to put the copy it keeps for the
    connection (`saved_session` in the connection's environ, made at its first event)
    in its place. Handing over that copy at once spares every event the cookie parsing.
    The environ is the server's own, so no request can set the key.
    """

    def open_session(self, app, request):
        kept = request.environ.get("saved_session")
        if kept is not None:
            return kept
        return super().open_session(app, request)


def init_app(app):
    """Give the Socket.IO path a URL rule of its own, and its events the connection's
    session (ConnectionSessionInterface).

    Every Socket.IO event runs in a request context built from the connection's
    handshake (PATH_INFO /socket.io/). Without a rule for that path, Flask's URL
    matching raises NotFound for each event and keeps it, with its traceback, on the
    request: a reference cycle of some forty objects that only the garbage collector
    frees. With a thousand phones those cycles made the collector pause the server
    for a quarter of a second at a time (docs/BENCHMARKS.md).
    """
    app.add_url_rule("/socket.io/", "socketio_path", _handled_by_socketio, strict_slashes=False)
    app.session_interface = ConnectionSessionInterface()


def _handled_by_socketio():
    # The Socket.IO server answers this path before Flask sees it.
    abort(404)
