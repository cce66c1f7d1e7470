"""The framework's floor: Flask-SocketIO on eventlet, the same `submit` event, nothing else.

`python bench/baseline_server.py --port P` accepts `submit`, appends the text to a
list and broadcasts it to the screens at once: no validation, no storage, no
coalescing. `bench/load.py` runs it next to Samla and prints the ratios.
It offers the same doors the harness uses: POST /api/join, and a connect whose
`auth` has `gathering_id` for a screen.
"""

import argparse
import itertools
import sys
import warnings


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    options = parser.parse_args(argv)

    warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")
    import eventlet

    eventlet.monkey_patch()
    from flask import Flask, jsonify
    from flask_socketio import SocketIO, emit, join_room

    app = Flask(__name__)
    socketio = SocketIO(app, async_mode="eventlet")
    entries = []
    ids = itertools.count(1)

    @app.get("/healthz")
    def healthz():
        return jsonify(status="ok")

    @app.post("/api/join")
    def join():
        return jsonify(participant_token=f"p{next(ids)}", gathering_id=1, table=1)

    @socketio.on("connect")
    def connect(auth=None):
        if isinstance(auth, dict) and auth.get("gathering_id") is not None:
            join_room("screens")
        emit("state", {"activities": []})

    @socketio.on("submit")
    def submit(payload):
        entry = {"id": next(ids), "text": payload.get("text")}
        entries.append(entry)
        socketio.emit("activity_update", {"entries": [entry]}, to="screens")
        return {"ok": True, "id": entry["id"]}

    socketio.run(app, host=options.host, port=options.port, log_output=False, max_size=10_000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
