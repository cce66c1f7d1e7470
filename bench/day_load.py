"""Every kind under a burst, on a gathering that holds a whole day (bench/whole_day.py).

    python bench/load.py --scenario dots --phones 2000 --spread 10 --compare
    python bench/load.py --scenario all --phones 1000 --spread 10 --json bench/results/day.json

The day is built once in process, then each scenario gets a fresh server on a copy of it,
opens its activity, connects the phones (each joins a table over HTTP and holds a
websocket), a projector and a console, and lets every phone act once at a moment drawn
from `--spread` seconds:

- words, statements, questions' `upvote`, `dots` and `ranking` (`cast` over the 600
  statements): one event each;
- points: `add_point`, then `edit_point` on it (ten phones a table, both counted);
- states: no phone acts; the organiser opens, reveals and closes the vote while everyone
  is connected, and the figures say how long until every phone had each push;
- reconnect: every phone drops and comes back within `--spread` seconds (5 for the storm)
  and waits for its whole `state`.

Figures: ack p50/p99 (for reconnect: connect to `state`), p99 from the ack to the first
update to reach the projector and the console after it, the server's CPU per action, the
bytes of each update to each screen and of each phone's `state`, and the server's peak
RSS. With `--compare`, bench/baseline_server.py runs the same events (store in a list,
emit to the screens and, for statements, to the sender's table; ack). Once every phone
is connected, the hall settles for SETTLE_SECONDS before the phones act; the CPU is
counted from the end of that pause to the last screen update.
"""

import asyncio
import json
import multiprocessing as mp
import random
import shutil
import tempfile
import time
from pathlib import Path

import requests

from bench import load

SETTLE_SECONDS = 3.0
SCENARIOS = ("words", "statements", "points", "dots", "ranking", "questions", "states", "reconnect")
ACTIVITY_OF = {
    "words": "words",
    "statements": "statements",
    "points": "task",
    "dots": "dots",
    "ranking": "ranking",
    "questions": "questions",
    "states": "dots",
    "reconnect": "dots",
}


def seed(folder):
    """Build the day into `folder`/data; return what the harness needs of it."""
    from app import create_app
    from bench import whole_day

    app = create_app(
        {
            "DATA_DIR": str(folder / "data"),
            "ADMIN_TOKEN": load.ORGANISER_TOKEN,
            "PUBLIC_URL": "http://127.0.0.1",
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
        }
    )
    built = whole_day.build(app)
    app.extensions["samla_store"].close()
    return {key: built[key] for key in ("gathering", "code", "activities")}


def organiser(method, url, **kwargs):
    headers = {"Authorization": f"Bearer {load.ORGANISER_TOKEN}"}
    answer = requests.request(method, url, headers=headers, timeout=60, **kwargs)
    answer.raise_for_status()
    return answer.json()


def target_for(url, day, scenario):
    """Open the scenario's activity; what the phones need to act on it."""
    activity_id = day["activities"][ACTIVITY_OF[scenario]]
    base = f"{url}/api/gatherings/{day['gathering']}"
    gathering = organiser("GET", base)
    if scenario != "states":
        organiser("POST", f"{base}/activities/{activity_id}/state", json={"state": "open"})
    shown = organiser("GET", f"{base}/activities/{activity_id}/results")
    return {
        "scenario": scenario,
        "code": day["code"],
        "tables": len(gathering["tables"]),
        "gathering_id": day["gathering"],
        "activity_id": activity_id,
        "screen_token": gathering["screen_url"].split("token=")[1],
        "items": [item["id"] for item in shown.get("items", [])],
        "entries": [entry["id"] for entry in shown.get("entries", [])],
        "questions": [q["id"] for q in shown["activity"].get("options", {}).get("questions", [])],
        "base": base,
    }


# Phones


async def _act(sio, target, number, rng):
    """This phone's action; returns [(sent, acked, ok)] for each event it sent."""
    scenario, activity_id = target["scenario"], target["activity_id"]
    if scenario in ("words", "statements"):
        text = rng.choice(load.WORDS) if scenario == "words" else f"Utsagn fra telefon {number}"
        calls = [("submit", {"activity_id": activity_id, "text": text, "client_id": f"l{number}"})]
    elif scenario == "questions":
        calls = [("upvote", {"entry_id": rng.choice(target["entries"]), "up": True})]
    elif scenario == "dots":
        calls = [
            (
                "cast",
                {
                    "activity_id": activity_id,
                    "dots": dict.fromkeys(rng.sample(target["items"], 5), 1),
                },
            )
        ]
    elif scenario == "ranking":
        calls = [("cast", {"activity_id": activity_id, "ranking": rng.sample(target["items"], 3)})]
    else:
        calls = []
    timings = []
    for event, payload in calls:
        timings.append(await _call(sio, event, payload))
    if scenario == "points":
        add = {
            "activity_id": activity_id,
            "question_id": rng.choice(target["questions"] or ["q1"]),
            "text": f"Punkt fra telefon {number}",
            "client_id": f"l{number}",
        }
        sent, acked, ack = await _call(sio, "add_point", add)
        timings.append((sent, acked, ack))
        point = ack.get("point") if isinstance(ack, dict) else None
        edit = {
            "point_id": point["id"] if point else number,
            "text": f"Punkt fra telefon {number}, rettet",
            "version": point["version"] if point else 1,
        }
        timings.append(await _call(sio, "edit_point", edit))
    return timings


async def _call(sio, event, payload):
    sent = time.monotonic()
    try:
        ack = await sio.call(event, payload, timeout=60)
    except Exception as error:  # noqa: BLE001 - every failure is counted
        ack = {"ok": False, "error": type(error).__name__}
    return sent, time.monotonic(), ack


async def _phone(url, target, number, offset, go, limiter, out):
    import aiohttp
    import socketio

    rng = random.Random(number)
    states = []  # (arrived, bytes) of each `state`
    pushes = []  # arrival of each `activity_state`
    sio = socketio.AsyncClient(reconnection=False)
    sio.on("state", lambda payload: states.append((time.monotonic(), len(json.dumps(payload)))))
    sio.on("activity_state", lambda payload: pushes.append(time.monotonic()))
    try:
        async with limiter:
            async with aiohttp.ClientSession() as http:
                async with http.post(
                    url + "/api/join",
                    json={"code": target["code"], "table": number % target["tables"] + 1},
                ) as reply:
                    token = (await reply.json())["participant_token"]
            await sio.connect(url, auth={"token": token}, transports=["websocket"], wait_timeout=60)
    except Exception as error:  # noqa: BLE001
        out["errors"].append(f"connect {type(error).__name__}: {error}")
        return
    out["connected"] += 1
    await go.wait()
    await asyncio.sleep(max(0.0, go.value + offset - time.monotonic()))
    if target["scenario"] == "reconnect":
        await sio.disconnect()
        sio = socketio.AsyncClient(reconnection=False)
        came = asyncio.Event()

        def got_state(payload):
            states.append((time.monotonic(), len(json.dumps(payload))))
            came.set()

        sio.on("state", got_state)
        sent = time.monotonic()
        try:
            await sio.connect(url, auth={"token": token}, transports=["websocket"], wait_timeout=60)
            await asyncio.wait_for(came.wait(), 60)
            out["timings"].append((sent, time.monotonic(), {"ok": True}))
        except Exception as error:  # noqa: BLE001
            out["timings"].append((sent, time.monotonic(), {"ok": False, "error": str(error)}))
    else:
        out["timings"] += await _act(sio, target, number, rng)
    out["state_bytes"] += [size for _, size in states]
    out["sockets"].append(sio)
    out["pushes"].append(pushes)


def phone_worker(url, target, numbers, offsets, ready, go, start_value, finish, out):
    load.raise_open_files_limit()

    async def main():
        found = {"errors": [], "connected": 0, "timings": [], "state_bytes": [], "sockets": []}
        found["pushes"] = []
        limiter = asyncio.Semaphore(50)
        start = load._StartSignal(go, start_value)
        tasks = [
            asyncio.create_task(_phone(url, target, n, o, start, limiter, found))
            for n, o in zip(numbers, offsets, strict=True)
        ]
        while found["connected"] + len(found["errors"]) < len(numbers):
            await asyncio.sleep(0.05)
        ready.put(found["connected"])
        await asyncio.gather(*tasks)
        timings = [
            (s, a, bool(isinstance(k, dict) and k.get("ok"))) for s, a, k in found["timings"]
        ]
        refusals = [k for _, _, k in found["timings"] if not (isinstance(k, dict) and k.get("ok"))]
        out.put((timings, found["errors"] + [str(r) for r in refusals[:5]], found["state_bytes"]))
        while not finish.is_set():
            await asyncio.sleep(0.1)
        out.put(found["pushes"])
        await asyncio.gather(*(s.disconnect() for s in found["sockets"]), return_exceptions=True)

    asyncio.run(main())


def screen_worker(url, target, token, ready, finish, out):
    """A projector (screen token) or console (organiser token): each update's time and bytes."""
    load.raise_open_files_limit()

    async def main():
        import socketio

        updates, state = [], asyncio.Event()
        sio = socketio.AsyncClient(reconnection=False)

        @sio.on("activity_update")
        async def update(payload):
            updates.append((time.monotonic(), len(json.dumps(payload))))

        @sio.on("state")
        async def got_state(payload):
            state.set()

        await sio.connect(
            url,
            auth={"token": token, "gathering_id": target["gathering_id"]},
            transports=["websocket"],
            wait_timeout=60,
        )
        await asyncio.wait_for(state.wait(), 60)
        ready.put(1)
        while not finish.is_set():
            await asyncio.sleep(0.05)
        out.put(updates)
        await sio.disconnect()

    asyncio.run(main())


def after(arrivals, moment):
    """The first arrival at or after `moment`, or None."""
    for arrived in arrivals:
        if arrived >= moment:
            return arrived
    return None


def run_one(server, target, phones, spread, workers):
    ctx = mp.get_context("fork")
    ready, out, screen_out = ctx.Queue(), ctx.Queue(), ctx.Queue()
    go, finish = ctx.Event(), ctx.Event()
    start_value = ctx.Value("d", 0.0)
    screens = [
        ctx.Process(
            target=screen_worker, args=(server.url, target, token, ready, finish, screen_out)
        )
        for token in (target["screen_token"], load.ORGANISER_TOKEN)
    ]
    for child in screens:
        child.start()
    for _ in screens:
        ready.get(timeout=120)
    offsets = [random.uniform(0, spread) for _ in range(phones)]
    groups = [list(range(phones))[w::workers] for w in range(workers)]
    cpu_idle = server.cpu_seconds()
    rss_before_phones = server.memory_mb()[0]
    children = []
    for group in groups:
        child = ctx.Process(
            target=phone_worker,
            args=(
                server.url,
                target,
                group,
                [offsets[n] for n in group],
                ready,
                go,
                start_value,
                finish,
                out,
            ),
        )
        child.start()
        children.append(child)
    connected = sum(ready.get(timeout=900) for _ in groups)
    # The hall settles before the facilitator opens the floor: the servers do what they
    # leave for a quiet moment (Samla: a full garbage collection of the joins), as in a
    # hall, where joining and answering are never the same second.
    time.sleep(SETTLE_SECONDS)
    rss_connected = server.memory_mb()[0]
    cpu_before = server.cpu_seconds()
    server.profile(True)
    start_value.value = time.monotonic() + 0.5
    go.set()
    if target["scenario"] == "states":
        time.sleep(0.5)
        pushed = {}
        for change, path, body in (
            ("open", "state", {"state": "open"}),
            ("reveal", "reveal", {"revealed": True}),
            ("close", "state", {"state": "closed"}),
        ):
            pushed[change] = time.monotonic()
            organiser(
                "POST", f"{target['base']}/activities/{target['activity_id']}/{path}", json=body
            )
            time.sleep(max(1.0, spread / 3))
    timings, errors, state_bytes = [], [], []
    for _ in groups:
        group_timings, group_errors, group_states = out.get(timeout=900)
        timings += group_timings
        errors += group_errors
        state_bytes += group_states
    time.sleep(1.5)  # the last coalesced updates
    cpu_after = server.cpu_seconds()
    server.profile(False)
    finish.set()
    arrivals = [screen_out.get(timeout=120) for _ in screens]
    pushes = []
    for _ in groups:
        pushes += out.get(timeout=120)
    for child in children + screens:
        child.join(60)
        if child.is_alive():
            child.kill()
    ok = [(s, a) for s, a, fine in timings if fine]
    acks = [a - s for s, a in ok]
    ms = lambda v: None if v is None else round(v * 1000, 1)  # noqa: E731
    result = {
        "scenario": target["scenario"],
        "phones": phones,
        "connected_phones": connected,
        "actions": len(ok),
        "refused_or_failed": len(timings) - len(ok),
        "errors": len(errors),
        "error_samples": errors[:5],
        "ack_ms": {"p50": ms(load.percentile(acks, 0.5)), "p99": ms(load.percentile(acks, 0.99))},
        "server_cpu_seconds_connecting": round(cpu_before - cpu_idle, 2),
        "server_cpu_ms_per_action": (
            round((cpu_after - cpu_before) * 1000 / len(ok), 3) if ok else None
        ),
        "server_cpu_seconds_acting": round(cpu_after - cpu_before, 2),
        "server_rss_mb_connected": round(rss_connected, 1),
        # What holding one phone's connection costs the server (its state built and sent,
        # its socket and rooms kept).
        "server_rss_kb_per_phone": (
            round((rss_connected - rss_before_phones) * 1024 / connected, 1) if connected else None
        ),
        "server_rss_mb_peak": round(server.memory_mb()[1], 1),
        "phone_state_bytes": {
            "p50": load.percentile(state_bytes, 0.5),
            "max": max(state_bytes, default=None),
        },
    }
    for name, updates in zip(("projector", "console"), arrivals, strict=True):
        times = [t for t, _ in updates]
        sizes = [b for _, b in updates]
        lags = [after(times, a) - a for _, a in ok if after(times, a) is not None]
        result[name] = {
            "updates": len(updates),
            "p99_ms_after_ack": ms(load.percentile(lags, 0.99)),
            "bytes_per_update_p50": load.percentile(sizes, 0.5),
            "bytes_per_update_max": max(sizes, default=None),
        }
    if target["scenario"] == "states":
        result["pushes"] = {}
        for change, at in pushed.items():
            heard = [after(p, at) for p in pushes]
            heard = [h for h in heard if h is not None]
            result["pushes"][change] = {
                "phones": len(heard),
                "all_heard_ms": ms(max(heard) - at) if heard else None,
            }
    return result


def baseline_target(target):
    """The baseline takes any ids: the same payloads, nothing checked. Its phones join
    the same tables, which matters where a table hears its statements."""
    return {**target, "code": "x", "screen_token": "x", "gathering_id": 1}


def run(options, workdir):
    scenarios = SCENARIOS if options.scenario == "all" else options.scenario.split(",")
    workers = options.workers or max(1, -(-options.phones // 700))
    template = workdir / "day"
    template.mkdir()
    started = time.monotonic()
    day = seed(template)
    seeded = round(time.monotonic() - started, 1)
    runs = {}
    for scenario in scenarios:
        folder = workdir / scenario
        shutil.copytree(template, folder)
        profile = None
        if options.profile:
            out = Path(options.profile)
            profile = out.with_name(f"{out.stem}-{scenario}{out.suffix or '.prof'}")
        (server,) = load.start_samla(folder, "eventlet", profile=profile)
        try:
            target = target_for(server.url, day, scenario)
            spread = options.spread if scenario != "reconnect" else min(options.spread, 5.0)
            runs[scenario] = {"samla": run_one(server, target, options.phones, spread, workers)}
        finally:
            server.stop()
        # The baseline has no organiser to open or close anything.
        if options.compare and scenario != "states":
            folder = workdir / f"{scenario}-baseline"
            folder.mkdir()
            (server,) = load.start_baseline(folder, table_fan_out=scenario == "statements")
            try:
                runs[scenario]["baseline"] = run_one(
                    server, baseline_target(target), options.phones, spread, workers
                )
            finally:
                server.stop()
        print(summary(scenario, runs[scenario]), flush=True)
        write(options, {"seed_seconds": seeded, "scenarios": runs})
    return {"seed_seconds": seeded, "scenarios": runs}


def write(options, report):
    """The figures so far, as JSON (after every scenario, so a long run keeps what it got)."""
    report = {"options": vars(options), "machine": load.machine(), **report}
    path = Path(options.json or load.ROOT / "bench" / "results" / f"day-{options.scenario}.json")
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return path


def summary(scenario, figures):
    lines = [f"== {scenario}"]
    for name, r in figures.items():
        lines.append(
            f"{name:9} phones {r['connected_phones']} actions {r['actions']} "
            f"refused {r['refused_or_failed']} errors {r['errors']} | ack p50/p99 "
            f"{r['ack_ms']['p50']}/{r['ack_ms']['p99']} ms | projector p99 "
            f"{r['projector']['p99_ms_after_ack']} ms, "
            f"{r['projector']['bytes_per_update_max']} B max"
            f" | console p99 {r['console']['p99_ms_after_ack']} ms, "
            f"{r['console']['bytes_per_update_max']} B max | CPU {r['server_cpu_ms_per_action']} "
            f"ms/action | state {r['phone_state_bytes']['max']} B | RSS peak "
            f"{r['server_rss_mb_peak']} MB, {r['server_rss_kb_per_phone']} KB per phone held"
            + (f" | pushes {r['pushes']}" if "pushes" in r else "")
        )
    return "\n".join(lines)


def main(options):
    load.raise_open_files_limit()
    workdir = Path(tempfile.mkdtemp(prefix="samla-day-"))
    try:
        report = run(options, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"written to {write(options, report)}")
    return 0
