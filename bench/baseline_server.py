"""The framework's floor: Flask-SocketIO on eventlet, the same `submit` event, nothing else.

`python bench/baseline_server.py --port P` accepts `submit`, appends the text to a
list and broadcasts it to the screens at once: no validation, no storage, no
coalescing. The other phone events of a day (`add_point`, `edit_point`, `cast`,
`upvote`) do the same with a dict: keep the payload, emit it to the screens, ack.
`bench/load.py` runs it next to Samla and prints the ratios.
It offers the same doors the harness uses: POST /api/join, and a connect whose
`auth` has `gathering_id` for a screen.

With `--table-fan-out` (the statements scenario), each phone sits at the table it
joined, and a `submit` also goes to the other phones of the sender's table as
`table_update`: the comparable event for a statement, which Samla's table sees.
"""

import argparse
import itertools
import sys
import warnings


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument(
        "--table-fan-out",
        action="store_true",
        help="a submit also goes to the other phones of the sender's table",
    )
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

    tables = {}  # participant token -> table, and connection -> table

    @app.post("/api/join")
    def join():
        body = request.get_json(silent=True) or {}
        token = f"p{next(ids)}"
        tables[token] = body.get("table") or 1
        return jsonify(participant_token=token, gathering_id=1, table=tables[token])

    @socketio.on("connect")
    def connect(auth=None):
        auth = auth if isinstance(auth, dict) else {}
        if auth.get("gathering_id") is not None:
            join_room("screens")
        elif options.table_fan_out and auth.get("token") in tables:
            tables[request.sid] = tables[auth["token"]]
            join_room(f"table:{tables[request.sid]}")
        emit("state", {"activities": []})

    @socketio.on("submit")
    def submit(payload):
        entry = {"id": next(ids), "text": payload.get("text")}
        entries.append(entry)
        socketio.emit("activity_update", {"entries": [entry]}, to="screens")
        table = tables.get(request.sid)
        if table is not None:
            update = {"table": table, "entries": [entry]}
            socketio.emit("table_update", update, to=f"table:{table}", skip_sid=request.sid)
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
