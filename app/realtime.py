"""The one Socket.IO server of the process; create_app() binds it to the app."""

from flask_socketio import SocketIO

socketio = SocketIO()
