"""Several Samla processes on one data folder, sharing broadcasts through a real redis-server,
and Debian's nginx in front of them with the sticky configuration in docs/."""

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests
from harness import Listener, seen_entries

from bench.load import ORGANISER_TOKEN, free_port, start_redis, start_samla

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.server


@pytest.fixture
def two_processes(tmp_path):
    """Samla processes A and B on one data folder and one redis-server."""
    redis_process, queue = start_redis(tmp_path)
    servers = []
    try:
        servers = start_samla(tmp_path, "eventlet", count=2, message_queue=queue)
        yield servers
    finally:
        for server in servers:
            server.stop()
        redis_process.terminate()
        redis_process.wait(10)


def a_gathering(url):
    headers = {"Authorization": f"Bearer {ORGANISER_TOKEN}"}
    created = requests.post(
        url + "/api/gatherings",
        headers=headers,
        timeout=10,
        json={
            "title": "Nasjonal samling",
            "tables": 4,
            "activities": [
                {"kind": "words", "prompt": "Ett ord?"},
                {"kind": "statements", "prompt": "Utsagn"},
            ],
        },
    )
    assert created.status_code == 201
    return created.json()


def set_state(url, gathering, activity, state):
    path = f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/state"
    answer = requests.post(
        url + path,
        json={"state": state},
        timeout=10,
        headers={"Authorization": f"Bearer {ORGANISER_TOKEN}"},
    )
    assert answer.status_code == 200


def join(url, gathering, table=1):
    joined = requests.post(
        url + "/api/join", json={"code": gathering["code"], "table": table}, timeout=10
    )
    assert joined.status_code == 200
    return joined.json()["participant_token"]


def screen_of(url, gathering):
    token = gathering["screen_url"].split("token=")[1]
    return Listener(url, {"token": token, "gathering_id": gathering["id"]})


def test_a_phone_on_one_process_reaches_a_screen_on_another_and_resumes_there(two_processes):
    process_a, process_b = two_processes
    gathering = a_gathering(process_a.url)
    words, statements = gathering["activities"]
    screen = screen_of(process_b.url, gathering)
    token = join(process_a.url, gathering, table=2)
    phone = Listener(process_a.url, {"token": token})
    tablemate = Listener(process_b.url, {"token": join(process_b.url, gathering, table=2)})
    clients = [screen, phone, tablemate]
    try:
        # Opened through B: the phone on A hears it once, through Redis.
        set_state(process_b.url, gathering, words, "open")
        phone.wait_for(
            lambda: any(p["activity"]["state"] == "open" for p in phone.payloads("activity_state"))
        )

        ack = phone.sio.call(
            "submit",
            {"activity_id": words["id"], "text": "Forventningsfull", "client_id": "w1"},
            timeout=10,
        )
        assert ack["ok"] is True
        screen.wait_for(lambda: ack["id"] in seen_entries(screen, words["id"]))
        update = [u for u in screen.payloads("activity_update") if u["activity_id"] == words["id"]][
            -1
        ]
        assert update["frequencies"] == [{"word": "Forventningsfull", "count": 1}]

        # A statement written on A reaches the table's other phone on B.
        set_state(process_a.url, gathering, statements, "open")
        said = phone.sio.call(
            "submit",
            {"activity_id": statements["id"], "text": "Vi deler mer", "client_id": "s1"},
            timeout=10,
        )
        assert said["ok"] is True
        tablemate.wait_for(
            lambda: any(
                e["id"] == said["id"]
                for u in tablemate.payloads("table_update")
                for e in u["entries"]
            )
        )

        # The phone loses A and comes back on B: its whole state, own word included.
        phone.sio.disconnect()
        phone = Listener(process_b.url, {"token": token})
        clients.append(phone)
        phone.wait_for(lambda: phone.payloads("state"))
        state = phone.payloads("state")[-1]
        by_id = {a["id"]: a for a in state["activities"]}
        assert [e["text"] for e in by_id[words["id"]]["own_entries"]] == ["Forventningsfull"]
        assert by_id[words["id"]]["remaining"] == 0
        again = phone.sio.call(
            "submit",
            {"activity_id": words["id"], "text": "Forventningsfull", "client_id": "w1"},
            timeout=10,
        )
        assert again == {**ack, "duplicate": True, "remaining": 0}
    finally:
        for client in clients:
            client.sio.disconnect()


def test_an_agenda_edit_on_one_process_reaches_a_phone_on_another_without_a_reconnect(
    two_processes,
):
    process_a, process_b = two_processes
    gathering = a_gathering(process_a.url)
    phone = Listener(process_b.url, {"token": join(process_b.url, gathering)})
    try:
        phone.wait_for(lambda: phone.payloads("state"))
        headers = {"Authorization": f"Bearer {ORGANISER_TOKEN}"}
        url = f"{process_a.url}/api/gatherings/{gathering['id']}/definition"
        definition = requests.get(url, headers=headers, timeout=10).json()
        definition["activities"].append({"kind": "words", "prompt": "Ett ord til slutt?"})
        assert requests.put(url, json=definition, headers=headers, timeout=10).status_code == 200

        phone.wait_for(lambda: phone.payloads("resync"))
        assert phone.payloads("resync") == [{"gathering_id": gathering["id"]}]
        synced = phone.sio.call("sync", timeout=10)
        assert [a["prompt"] for a in synced["state"]["activities"]] == [
            "Ett ord?",
            "Utsagn",
            "Ett ord til slutt?",
        ]
        # The same connection all along: one state, on its connect.
        assert len(phone.payloads("state")) == 1
    finally:
        phone.sio.disconnect()


def nginx_config(tmp_path, listen_port, upstream_ports):
    """docs/nginx-samla.conf with this test's ports, inside a throwaway nginx.conf."""
    site = (ROOT / "docs" / "nginx-samla.conf").read_text(encoding="utf-8")
    documented = "    server 127.0.0.1:5001;\n    server 127.0.0.1:5002;\n"
    assert documented in site and "listen 80;" in site
    site = site.replace(documented, "".join(f"    server 127.0.0.1:{p};\n" for p in upstream_ports))
    site = site.replace("listen 80;", f"listen 127.0.0.1:{listen_port};")
    (tmp_path / "samla.conf").write_text(site, encoding="utf-8")
    temp_paths = "\n".join(
        f"    {name}_temp_path {tmp_path}/{name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = tmp_path / "nginx.conf"
    config.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events { worker_connections 1024; }\n"
        f"http {{\n    access_log off;\n{temp_paths}\n    include {tmp_path}/samla.conf;\n}}\n",
        encoding="utf-8",
    )
    return config


def test_nginx_keeps_each_polling_phone_on_one_process_without_hashing_the_address(
    two_processes, tmp_path
):
    process_a, process_b = two_processes
    port = free_port()
    config = nginx_config(tmp_path, port, [process_a.port, process_b.port])
    nginx = subprocess.Popen(
        ["nginx", "-p", str(tmp_path), "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    clients = []
    try:
        deadline = time.monotonic() + 10
        while True:
            assert nginx.poll() is None, (tmp_path / "error.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not listen"
                time.sleep(0.05)
        gathering = a_gathering(url)
        words = gathering["activities"][0]
        set_state(url, gathering, words, "open")
        screen = screen_of(process_b.url, gathering)
        clients.append(screen)
        acked = []
        for number in range(8):
            # Long-polling needs every request of one connection on one process.
            phone = Listener(url, {"token": join(url, gathering)}, transports=["polling"])
            clients.append(phone)
            ack = phone.sio.call(
                "submit",
                {"activity_id": words["id"], "text": f"ord {number}", "client_id": f"p{number}"},
                timeout=10,
            )
            assert ack["ok"] is True, ack
            acked.append(ack["id"])
        cookies = {phone.sio.eio.http.cookies.get("samla_lb") for phone in clients[1:]}
        assert None not in cookies and len(cookies) == len(clients) - 1
        screen.wait_for(lambda: set(acked) <= set(seen_entries(screen, words["id"])))
    finally:
        for client in clients:
            client.sio.disconnect()
        nginx.terminate()
        nginx.wait(10)
