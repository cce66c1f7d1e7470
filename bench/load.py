"""Load harness: many simulated phones and a few screens against real server processes.

    python bench/load.py --phones 1000 --spread 10 --compare
    python bench/load.py --phones 2000 --processes 2 --hold 5 --json out.json

Each phone joins over HTTP (POST /api/join), holds a websocket and submits one word
(or statement) at a moment drawn from the burst window (`--spread` seconds) or at a
set rate (`--rate` per second over all phones). Screens connect with the
gathering's screen token and note when each new entry id arrives in an
`activity_update`. The harness starts the servers itself on free loopback ports
(Samla through run.py; with `--compare` also bench/baseline_server.py) and reports
connected phones, submissions/s, ack latency, submit→screen latency, errors and
the server's RSS and CPU seconds (read from /proc), as a table and as JSON.

Phones run as python-socketio AsyncClients, several hundred per worker process.
"""

import argparse
import asyncio
import json
import math
import multiprocessing as mp
import os
import random
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
ORGANISER_TOKEN = "load-harness-organiser"
WORDS = [
    "Glad",
    "Spent",
    "Trøtt",
    "Nysgjerrig",
    "Klar",
    "Engasjert",
    "Rolig",
    "Usikker",
    "Motivert",
    "Fornøyd",
    "Håpefull",
    "Sulten",
    "Kreativ",
    "Ivrig",
    "Stolt",
]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def raise_open_files_limit(wanted=65_536):
    """Each phone is a socket; lift the soft open-files limit as far as the hard one allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Server processes


class ServerProcess:
    """A server in a child process, on a free loopback port, measured through /proc."""

    def __init__(self, command, port, log_path, env=None):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = open(log_path, "ab")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.started = time.monotonic()
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{command[1]} exited at start; see {log_path}")
            try:
                if requests.get(self.url + "/healthz", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command[1]} did not answer /healthz")
            time.sleep(0.05)
        self.ready_after = time.monotonic() - self.started

    def profile(self, recording):
        """Start (True) or stop and write (False) the profile of a profiled server."""
        if getattr(self, "profiled", False):
            self.process.send_signal(signal.SIGUSR1 if recording else signal.SIGUSR2)

    def cpu_seconds(self):
        """User plus system CPU time of the server process so far."""
        with open(f"/proc/{self.process.pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def memory_mb(self):
        """(resident now, resident peak) in MB."""
        values = {}
        with open(f"/proc/{self.process.pid}/status") as handle:
            for line in handle:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(value.split()[0]) / 1024
        return values["VmRSS"], values["VmHWM"]

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.log.close()


def start_samla(workdir, mode, count=1, message_queue=None, coalesce=None, profile=None):
    """`count` Samla processes on one data folder (sharing broadcasts through `message_queue`);
    with `profile`, each under bench/profiled_server.py writing there (number inserted)."""
    env = {"SAMLA_ADMIN_TOKEN": ORGANISER_TOKEN}
    if coalesce is not None:
        env["SAMLA_COALESCE_SECONDS"] = str(coalesce)
    servers = []
    for number in range(count):
        port = free_port()
        command = [
            sys.executable,
            "run.py",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--data",
            str(workdir / "data"),
            "--public-url",
            f"http://127.0.0.1:{port}",
            "--async-mode",
            mode,
        ]
        if message_queue:
            command += ["--message-queue", message_queue]
        if profile:
            out = Path(profile)
            out = out.with_name(f"{out.stem}-{number}{out.suffix}") if count > 1 else out
            command[1:1] = ["bench/profiled_server.py", str(out.resolve())]
        servers.append(ServerProcess(command, port, workdir / f"samla-{number}.log", env))
        servers[-1].profiled = bool(profile)
    return servers


def start_baseline(workdir, table_fan_out=False):
    port = free_port()
    command = [sys.executable, "bench/baseline_server.py", "--port", str(port)]
    if table_fan_out:
        command.append("--table-fan-out")
    return [ServerProcess(command, port, workdir / "baseline.log")]


def start_redis(workdir):
    """A throwaway redis-server on a free loopback port, without persistence."""
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as probe:
                probe.sendall(b"PING\r\n")
                if probe.recv(16).startswith(b"+PONG"):
                    return process, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("redis-server did not start")


def tables_for(phones):
    """The gathering's tables for this many phones: about eight a table."""
    return max(1, min(500, math.ceil(phones / 8)))


def prepare_gathering(url, kind, phones):
    """A gathering with one open activity of `kind`; returns what phones and screens need."""
    headers = {"Authorization": f"Bearer {ORGANISER_TOKEN}"}
    activity = {"kind": kind, "prompt": "Hvordan er stemningen?"}
    tables = tables_for(phones)
    created = requests.post(
        url + "/api/gatherings",
        headers=headers,
        timeout=30,
        json={"title": "Lastprøve", "tables": tables, "activities": [activity]},
    )
    created.raise_for_status()
    gathering = created.json()
    activity_id = gathering["activities"][0]["id"]
    opened = requests.post(
        f"{url}/api/gatherings/{gathering['id']}/activities/{activity_id}/state",
        headers=headers,
        json={"state": "open"},
        timeout=30,
    )
    opened.raise_for_status()
    return {
        "close_url": f"{url}/api/gatherings/{gathering['id']}/activities/{activity_id}/state",
        "code": gathering["code"],
        "tables": tables,
        "gathering_id": gathering["id"],
        "activity_id": activity_id,
        "screen_token": gathering["screen_url"].split("token=")[1],
    }


# Phones and screens (in worker processes)


async def _phone(
    url, target, number, offset, start_at, results, errors, limiter, connected, states
):
    import aiohttp
    import socketio

    sio = socketio.AsyncClient(reconnection=False)

    @sio.on("activity_state")
    async def activity_state(payload):
        states.append(time.monotonic())

    try:
        async with limiter:
            async with aiohttp.ClientSession() as http:
                async with http.post(
                    url + "/api/join",
                    json={"code": target["code"], "table": number % target["tables"] + 1},
                ) as reply:
                    if reply.status != 200:
                        errors.append(f"join {reply.status}")
                        return None
                    token = (await reply.json())["participant_token"]
            await sio.connect(url, auth={"token": token}, transports=["websocket"], wait_timeout=60)
        connected.append(sio)
    except Exception as error:  # noqa: BLE001 - every failure is counted, whatever it is
        errors.append(f"connect {type(error).__name__}: {error}")
        return None
    await start_at.wait()
    await asyncio.sleep(max(0.0, start_at.value + offset - time.monotonic()))
    payload = {
        "activity_id": target["activity_id"],
        "client_id": f"load-{number}",
        "text": f"{random.choice(WORDS)}"
        if target["kind"] == "words"
        else f"Utsagn fra telefon {number}",
    }
    sent = time.monotonic()
    try:
        ack = await sio.call("submit", payload, timeout=60)
    except Exception as error:  # noqa: BLE001
        errors.append(f"ack {type(error).__name__}")
        return sio
    acked = time.monotonic()
    if isinstance(ack, dict) and ack.get("ok"):
        results.append((ack["id"], sent, acked))
    else:
        errors.append(f"refused {ack}")
    return sio


class _StartSignal:
    """The parent's go, seen from inside a worker's event loop."""

    def __init__(self, event, value):
        self.event, self.shared = event, value

    async def wait(self):
        while not self.event.is_set():
            await asyncio.sleep(0.05)

    @property
    def value(self):
        return self.shared.value


def phone_worker(urls, target, numbers, offsets, ready, go, start_value, finish, out):
    """Run a group of phones in one process; report (results, errors) on `out`."""
    raise_open_files_limit()

    async def main():
        results, errors, connected, states = [], [], [], []
        limiter = asyncio.Semaphore(50)
        start_at = _StartSignal(go, start_value)

        async def report_ready():
            while len(connected) + len(errors) < len(numbers):
                await asyncio.sleep(0.05)
            ready.put(("phones", len(connected), list(errors)))

        phones = [
            _phone(
                urls[n % len(urls)],
                target,
                n,
                offset,
                start_at,
                results,
                errors,
                limiter,
                connected,
                states,
            )
            for n, offset in zip(numbers, offsets, strict=True)
        ]
        await asyncio.gather(report_ready(), *phones)
        out.put(("results", results, errors))
        while not finish.is_set():
            await asyncio.sleep(0.1)
        out.put(("states", len(states), max(states, default=None)))
        await asyncio.gather(*(sio.disconnect() for sio in connected), return_exceptions=True)

    asyncio.run(main())


def screen_worker(url, target, ready, finish, expected, out):
    """A projector: note when each entry id first arrives; report once all expected ids came."""
    raise_open_files_limit()

    async def main():
        import socketio

        seen = {}
        sio = socketio.AsyncClient(reconnection=False)

        @sio.on("activity_update")
        async def update(payload):
            now = time.monotonic()
            for entry in payload.get("entries", []):
                seen.setdefault(entry["id"], now)

        state = asyncio.Event()

        @sio.on("state")
        async def got_state(payload):
            state.set()

        await sio.connect(
            url,
            auth={"token": target["screen_token"], "gathering_id": target["gathering_id"]},
            transports=["websocket"],
            wait_timeout=30,
        )
        await asyncio.wait_for(state.wait(), 30)
        ready.put(("screen", 1, []))
        while expected.empty():
            await asyncio.sleep(0.05)
        wanted = expected.get()
        deadline = time.monotonic() + 15
        while not wanted <= seen.keys() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        out.put(("screen", {entry_id: seen[entry_id] for entry_id in wanted if entry_id in seen}))
        while not finish.is_set():
            await asyncio.sleep(0.1)
        await sio.disconnect()

    asyncio.run(main())


# One run


def percentile(values, share):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def run_scenario(servers, target, phones, workers, screens=1, spread=0.0, rate=None, hold=0.0):
    """Connect the phones and screens, let every phone submit once, measure; return a dict."""
    ctx = mp.get_context("fork")
    urls = [server.url for server in servers]
    offsets = (
        [i / rate for i in range(phones)]
        if rate
        else [random.uniform(0, spread) for _ in range(phones)]
    )
    ready, out = ctx.Queue(), ctx.Queue()
    go, finish = ctx.Event(), ctx.Event()
    start_value = ctx.Value("d", 0.0)
    expected_queues = [ctx.Queue() for _ in range(screens)]
    children = [
        # Screens watch the last process, so phones on the others reach them through the queue.
        ctx.Process(
            target=screen_worker, args=(urls[-1], target, ready, finish, expected_queues[i], out)
        )
        for i in range(screens)
    ]
    for child in children:
        child.start()
    for _ in range(screens):
        ready.get(timeout=60)
    cpu_idle = [s.cpu_seconds() for s in servers]
    connect_started = time.monotonic()
    groups = [list(range(phones))[w::workers] for w in range(workers)]
    for group in groups:
        child = ctx.Process(
            target=phone_worker,
            args=(
                urls,
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
    connected, errors = 0, []
    for _ in groups:
        _, count, _connect_errors = ready.get(timeout=600)
        connected += count
    connect_seconds = time.monotonic() - connect_started
    memory_connected = [s.memory_mb() for s in servers]
    cpu_before = [s.cpu_seconds() for s in servers]
    for server in servers:
        server.profile(True)
    start_value.value = time.monotonic() + 0.5
    go.set()
    results = []
    for _ in groups:
        _, group_results, group_errors = out.get(timeout=600)
        results += group_results
        errors += group_errors
    submit_window = max((acked for _, _, acked in results), default=start_value.value)
    submit_window -= start_value.value
    acked_ids = {entry_id for entry_id, _, _ in results}
    for queue in expected_queues:
        queue.put(acked_ids)
    screen_latencies, missing = [], 0
    sent_at = {entry_id: sent for entry_id, sent, _ in results}
    for _ in range(screens):
        _, seen = out.get(timeout=120)
        missing += len(acked_ids - seen.keys())
        screen_latencies += [seen[i] - sent_at[i] for i in seen]
    cpu_after = [s.cpu_seconds() for s in servers]
    for server in servers:
        server.profile(False)
    if hold:
        time.sleep(hold)
    memory_after = [s.memory_mb() for s in servers]
    closing = None
    if "close_url" in target:
        # Closing the activity: every phone should hear it exactly once, pushed.
        closed_at = time.monotonic()
        requests.post(
            target["close_url"],
            json={"state": "closed"},
            timeout=30,
            headers={"Authorization": f"Bearer {ORGANISER_TOKEN}"},
        ).raise_for_status()
        time.sleep(3)
        closing = {
            "closed_at": closed_at,
            "cpu": sum(s.cpu_seconds() for s in servers) - sum(cpu_after),
        }
    finish.set()
    states_heard, last_heard = 0, None
    for _ in groups:
        _, count, last = out.get(timeout=120)
        states_heard += count
        if last is not None:
            last_heard = max(last, last_heard or last)
    for child in children:
        child.join(60)
        if child.is_alive():
            child.kill()
    acks = [acked - sent for _, sent, acked in results]
    cpu_submitting = sum(cpu_after) - sum(cpu_before)
    ms = lambda v: None if v is None else round(v * 1000, 1)  # noqa: E731
    return {
        "phones": phones,
        "connected_phones": connected,
        "screens": screens,
        "connect_seconds": round(connect_seconds, 2),
        "submissions": len(results),
        "submissions_per_second": round(len(results) / submit_window, 1) if submit_window else None,
        "ack_ms": {
            "p50": ms(percentile(acks, 0.5)),
            "p95": ms(percentile(acks, 0.95)),
            "p99": ms(percentile(acks, 0.99)),
            "max": ms(max(acks, default=None)),
        },
        # When the slowest acks were sent (s after the go) tells a stall from a slow path.
        "ack_slowest": [
            [round(sent - start_value.value, 2), ms(acked - sent)]
            for _, sent, acked in sorted(results, key=lambda r: r[1] - r[2])[:12]
        ],
        "screen_ms": {
            "p50": ms(percentile(screen_latencies, 0.5)),
            "p95": ms(percentile(screen_latencies, 0.95)),
            "p99": ms(percentile(screen_latencies, 0.99)),
        },
        "errors": len(errors),
        "error_samples": errors[:5],
        "missing_on_screen": missing,
        "server_rss_mb_connected": round(sum(m[0] for m in memory_connected), 1),
        "server_rss_mb_peak": round(sum(m[1] for m in memory_after), 1),
        "server_cpu_seconds_connecting": round(sum(cpu_before) - sum(cpu_idle), 2),
        "server_cpu_seconds_submitting": round(cpu_submitting, 2),
        "server_cpu_ms_per_submission": (
            round(cpu_submitting * 1000 / len(results), 3) if results else None
        ),
        "server_ready_seconds": round(max(s.ready_after for s in servers), 2),
        "close_pushes_per_phone": (
            round(states_heard / connected, 3) if closing and connected else None
        ),
        "close_all_phones_ms": (
            ms(last_heard - closing["closed_at"]) if closing and last_heard else None
        ),
        "close_server_cpu_seconds": round(closing["cpu"], 2) if closing else None,
    }


def run(options, workdir):
    """Every run the options ask for; returns {name: figures}."""
    workers = options.workers or max(1, math.ceil(options.phones / 700))
    runs = {}
    modes = options.async_mode.split(",")
    for mode in modes:
        redis_process, queue = None, None
        if options.processes > 1:
            redis_process, queue = start_redis(workdir)
        folder = workdir / f"samla-{mode}"
        folder.mkdir()
        servers = start_samla(folder, mode, options.processes, queue, profile=options.profile)
        try:
            target = {
                **prepare_gathering(servers[0].url, options.kind, options.phones),
                "kind": options.kind,
            }
            name = f"samla-{mode}" + (f"-x{options.processes}" if options.processes > 1 else "")
            runs[name] = run_scenario(
                servers,
                target,
                options.phones,
                workers,
                options.screens,
                options.spread,
                options.rate,
                options.hold,
            )
        finally:
            for server in servers:
                server.stop()
            if redis_process:
                redis_process.terminate()
                redis_process.wait(10)
    if options.compare:
        folder = workdir / "baseline"
        folder.mkdir()
        servers = start_baseline(folder, table_fan_out=options.kind == "statements")
        try:
            target = {
                "code": "x",
                "tables": tables_for(options.phones),
                "gathering_id": 1,
                "activity_id": 1,
                "screen_token": "x",
                "kind": options.kind,
            }
            runs["baseline-eventlet"] = run_scenario(
                servers,
                target,
                options.phones,
                workers,
                options.screens,
                options.spread,
                options.rate,
                options.hold,
            )
        finally:
            for server in servers:
                server.stop()
    return runs


# Reporting

ROWS = [
    ("connected phones", lambda r: r["connected_phones"]),
    ("submissions", lambda r: r["submissions"]),
    ("submissions/s", lambda r: r["submissions_per_second"]),
    ("ack p50 ms", lambda r: r["ack_ms"]["p50"]),
    ("ack p95 ms", lambda r: r["ack_ms"]["p95"]),
    ("ack p99 ms", lambda r: r["ack_ms"]["p99"]),
    ("ack max ms", lambda r: r["ack_ms"]["max"]),
    ("screen p50 ms", lambda r: r["screen_ms"]["p50"]),
    ("screen p95 ms", lambda r: r["screen_ms"]["p95"]),
    ("screen p99 ms", lambda r: r["screen_ms"]["p99"]),
    ("errors", lambda r: r["errors"]),
    ("missing on screen", lambda r: r["missing_on_screen"]),
    ("RSS connected MB", lambda r: r["server_rss_mb_connected"]),
    ("RSS peak MB", lambda r: r["server_rss_mb_peak"]),
    ("CPU s connecting", lambda r: r["server_cpu_seconds_connecting"]),
    ("CPU s submitting", lambda r: r["server_cpu_seconds_submitting"]),
    ("CPU ms/submission", lambda r: r["server_cpu_ms_per_submission"]),
    ("close: pushes/phone", lambda r: r["close_pushes_per_phone"]),
    ("close: all phones ms", lambda r: r["close_all_phones_ms"]),
    ("close: CPU s", lambda r: r["close_server_cpu_seconds"]),
]


def table(runs):
    """The runs side by side, with Samla/baseline ratios when a baseline ran."""
    names = list(runs)
    baseline = runs.get("baseline-eventlet")
    header = ["figure", *names]
    if baseline:
        header += [f"{n}/baseline" for n in names if n != "baseline-eventlet"]
    lines = [header]
    for label, pick in ROWS:
        row = [label, *(str(pick(runs[n])) for n in names)]
        if baseline:
            for n in names:
                if n == "baseline-eventlet":
                    continue
                ours, floor = pick(runs[n]), pick(baseline)
                row.append(f"{ours / floor:.2f}" if ours is not None and floor else "-")
        lines.append(row)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    )


def parse_options(argv=None):
    parser = argparse.ArgumentParser(description="Samla's load harness.")
    parser.add_argument("--phones", type=int, default=100)
    parser.add_argument("--screens", type=int, default=1)
    parser.add_argument("--kind", choices=("words", "statements"), default="words")
    parser.add_argument(
        "--spread",
        type=float,
        default=5.0,
        help="burst: every phone submits once within this many seconds",
    )
    parser.add_argument("--rate", type=float, help="submissions per second instead of a burst")
    parser.add_argument(
        "--hold",
        type=float,
        default=0.0,
        help="seconds to hold every phone connected after the submissions",
    )
    parser.add_argument(
        "--async-mode",
        default="eventlet",
        help="one or more of eventlet,gevent,threading (comma separated)",
    )
    parser.add_argument(
        "--processes",
        type=int,
        default=1,
        help="Samla processes on one data folder, sharing a redis-server",
    )
    parser.add_argument("--workers", type=int, help="phone worker processes (default: 1 per 700)")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also run bench/baseline_server.py and print the ratios",
    )
    parser.add_argument(
        "--scenario",
        help="a whole day's gathering under one kind's burst (bench/day_load.py): "
        "words, statements, points, dots, ranking, questions, states, reconnect, or all",
    )
    parser.add_argument("--json", help="write the figures to this file as JSON")
    parser.add_argument(
        "--profile",
        help="run Samla under cProfile (CPU time) while the phones act; with --scenario, "
        "one file per scenario (FILE-words.prof, ...)",
    )
    return parser.parse_args(argv)


def main(argv=None):
    options = parse_options(argv)
    if options.scenario:
        sys.path.insert(0, str(ROOT))
        from bench import day_load

        return day_load.main(options)
    raise_open_files_limit()
    workdir = Path(tempfile.mkdtemp(prefix="samla-load-"))
    try:
        runs = run(options, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(table(runs))
    report = {"options": vars(options), "machine": machine(), "runs": runs}
    if options.json:
        Path(options.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    else:
        print(json.dumps(report, indent=2))
    return 0


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "python": sys.version.split()[0],
        "date": time.strftime("%Y-%m-%d"),
    }


if __name__ == "__main__":
    sys.exit(main())
