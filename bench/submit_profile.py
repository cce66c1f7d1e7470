"""CPU per action in process, on the whole day (bench/whole_day.py), through Socket.IO's
own handlers: `python bench/submit_profile.py --scenario words --actions 500`.

Phones (Flask-SocketIO test clients, each joined as a new participant) send the
scenario's event in turn; a projector and a console are connected, and the screens'
coalesced update is flushed after every `--flush-every` actions (10: a hundred actions
a second with the 0.1 s coalescing). Prints the process CPU per action (with and
without the flushes); `--profile FILE` writes a cProfile of the actions and flushes.
`--data DIR` keeps the built day there and reuses it the next time (it is copied
first, so every run starts from the same day).
"""

import argparse
import cProfile
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ORGANISER_TOKEN = "bench-organiser-token"
ACTIVITY_OF = {"words": "words", "statements": "statements", "points": "task", "dots": "dots"}


def make_app(data):
    from app import create_app

    return create_app(
        {
            "DATA_DIR": str(data),
            "ADMIN_TOKEN": ORGANISER_TOKEN,
            "PUBLIC_URL": "http://127.0.0.1",
            "ASYNC_MODE": "threading",
            # Flushed by hand below, never by the background task.
            "COALESCE_SECONDS": 3600,
        }
    )


def the_day(keep):
    """A copy of the built day: (data folder, the day's ids)."""
    from bench import whole_day

    source = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="samla-day-"))
    if not (source / "day.json").exists():
        app = make_app(source / "data")
        built = whole_day.build(app)
        app.extensions["samla_store"].close()
        day = {key: built[key] for key in ("gathering", "code", "activities")}
        (source / "day.json").write_text(json.dumps(day), encoding="utf-8")
    work = Path(tempfile.mkdtemp(prefix="samla-profile-"))
    shutil.copytree(source / "data", work / "data")
    return work, json.loads((source / "day.json").read_text(encoding="utf-8"))


def calls(scenario, activity_id, number, question_ids, items):
    """The events phone `number` sends (points: add, then edit once it knows the version)."""
    if scenario == "dots":
        chosen = random.Random(number).sample(items, 5)
        return [("cast", {"activity_id": activity_id, "dots": dict.fromkeys(chosen, 1)})]
    if scenario == "words":
        words = "Glad Spent Trøtt Nysgjerrig Klar Engasjert Rolig Usikker".split()
        text = words[number % len(words)]
        return [("submit", {"activity_id": activity_id, "text": text, "client_id": f"b{number}"})]
    if scenario == "statements":
        text = f"Utsagn fra telefon {number}: vi trenger mer tid til oppfølging i kommunene"
        return [("submit", {"activity_id": activity_id, "text": text, "client_id": f"b{number}"})]
    question = question_ids[number % len(question_ids)]
    return [
        (
            "add_point",
            {
                "activity_id": activity_id,
                "question_id": question,
                "text": f"Punkt fra telefon {number}",
                "client_id": f"b{number}",
            },
        )
    ]


def run(options):
    from app import actions, store
    from app.kinds import priorities
    from app.realtime.server import socketio

    work, day = the_day(options.data)
    try:
        app = make_app(work / "data")
        db_store = app.extensions["samla_store"]
        activity_id = day["activities"][ACTIVITY_OF[options.scenario]]
        with app.app_context():
            actions.set_activity_state(db_store, day["gathering"], activity_id, "open")
            with db_store.read() as db:
                activity = store.activities.get_activity(db, activity_id)
                tables = len(store.gatherings.list_tables(db, day["gathering"]))
                items = (
                    [i["id"] for i in priorities.items(db, activity)]
                    if options.scenario == "dots"
                    else []
                )
            question_ids = [q["id"] for q in activity["options"].get("questions") or []]
            phones = []
            for number in range(options.phones):
                joined = actions.join(db_store, day["code"], number % tables + 1)
                phones.append(joined["participant_token"])
        http = app.test_client()
        screens = [
            socketio.test_client(
                app,
                auth={"token": ORGANISER_TOKEN, "gathering_id": day["gathering"]},
                flask_test_client=http,
            )
        ]
        with db_store.read() as db:
            token = store.gatherings.get_gathering(db, day["gathering"])["screen_token"]
        screens.append(
            socketio.test_client(
                app, auth={"token": token, "gathering_id": day["gathering"]}, flask_test_client=http
            )
        )
        clients = [
            socketio.test_client(app, auth={"token": t}, flask_test_client=http) for t in phones
        ]
        for client in clients + screens:
            client.get_received()
        feed = app.extensions["samla_feed"]
        feed.flush()
        profiler = cProfile.Profile(time.process_time) if options.profile else None
        refused = 0
        action_cpu = flush_cpu = 0.0
        started = time.process_time()
        if profiler:
            profiler.enable()
        for number in range(options.actions):
            client = clients[number % len(clients)]
            before = time.process_time()
            for event, payload in calls(options.scenario, activity_id, number, question_ids, items):
                answer = client.emit(event, payload, callback=True)
                refused += not (isinstance(answer, dict) and answer.get("ok"))
                if options.scenario == "points" and answer.get("ok"):
                    point = answer["point"]
                    edit = {"point_id": point["id"], "text": "rettet", "version": point["version"]}
                    answer = client.emit("edit_point", edit, callback=True)
                    refused += not answer.get("ok")
            middle = time.process_time()
            action_cpu += middle - before
            if (number + 1) % options.flush_every == 0:
                feed.flush()
                flush_cpu += time.process_time() - middle
        feed.flush()
        if profiler:
            profiler.disable()
            profiler.dump_stats(options.profile)
        total = time.process_time() - started
        for client in clients + screens:
            client.get_received()
        count = options.actions * (2 if options.scenario == "points" else 1)
        app.extensions["samla_store"].close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "scenario": options.scenario,
        "actions": count,
        "refused": refused,
        "cpu_ms_per_action": round(total * 1000 / count, 3),
        "cpu_ms_per_action_without_flushes": round(action_cpu * 1000 / count, 3),
        "cpu_ms_per_flush": round(flush_cpu * 1000 / (options.actions // options.flush_every), 2),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=tuple(ACTIVITY_OF), default="words")
    parser.add_argument("--actions", type=int, default=500)
    parser.add_argument("--phones", type=int, default=100)
    parser.add_argument("--flush-every", type=int, default=10)
    parser.add_argument("--data", help="keep the built day in this folder and reuse it")
    parser.add_argument("--profile", help="write a cProfile of the actions to this file")
    options = parser.parse_args(argv)
    print(json.dumps(run(options)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
