"""The framework's floor: Flask-SocketIO on eventlet, the same `submit` event, nothing else.

`python bench/baseline_server.py --port P` accepts `submit`, appends the text to a
list and broadcasts it to the screens at once: no validation, no storage, no
coalescing. The other phone events of a day (`add_point`, `edit_point`, `cast`,
`upvote`) do the same with a dict: keep the payload, emit it to the screens, ack.
`bench/load.py` runs it next to Samla and prints the ratios.
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
    from flask import Flask, jsonify, request
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

    points, ballots, upvotes = {}, {}, {}

    @socketio.on("add_point")
    def add_point(payload):
        point = {"id": next(ids), "version": 1, "text": payload.get("text")}
        points[point["id"]] = point
        socketio.emit("activity_update", {"points": [point]}, to="screens")
        return {"ok": True, "point": point}

    @socketio.on("edit_point")
    def edit_point(payload):
        point = points.get(payload.get("point_id")) or {"id": payload.get("point_id")}
        point = {**point, "text": payload.get("text"), "version": point.get("version", 0) + 1}
        points[point["id"]] = point
        socketio.emit("activity_update", {"points": [point]}, to="screens")
        return {"ok": True, "point": point}

    @socketio.on("cast")
    def cast(payload):
        ballots[request.sid] = payload
        socketio.emit("activity_update", {"ballots": len(ballots)}, to="screens")
        return {"ok": True, "ballot": payload}

    @socketio.on("upvote")
    def upvote(payload):
        entry_id = payload.get("entry_id")
        upvotes[entry_id] = upvotes.get(entry_id, 0) + 1
        socketio.emit(
            "activity_update",
            {"entries": [{"id": entry_id, "votes": upvotes[entry_id]}]},
            to="screens",
        )
        return {"ok": True, "votes": upvotes[entry_id], "voted": True}

    socketio.run(app, host=options.host, port=options.port, log_output=False, max_size=10_000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
