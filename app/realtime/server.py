"""The one Socket.IO server of the process; create_app() binds it to the app."""

from flask import abort
from flask_socketio import SocketIO

socketio = SocketIO()


def init_app(app):
    """Give the Socket.IO path a URL rule of its own.

    Every Socket.IO event runs in a request context built from the connection's
    handshake (PATH_INFO /socket.io/). Without a rule for that path, Flask's URL
    matching raises NotFound for each event and keeps it, with its traceback, on the
    request: a reference cycle of some forty objects that only the garbage collector
    frees. With a thousand phones those cycles made the collector pause the server
    for a quarter of a second at a time (docs/BENCHMARKS.md).
    """
    app.add_url_rule("/socket.io/", "socketio_path", _handled_by_socketio, strict_slashes=False)


def _handled_by_socketio():
    # The Socket.IO server answers this path before Flask sees it.
    abort(404)
