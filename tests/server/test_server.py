"""The real server process: twelve tables through a gathering, a restart, nothing lost.

Runs in every async mode, since nothing in the app may depend on one of them.
"""

import os
import threading

import pytest
import requests
from harness import TOKEN, Listener, Server, seen_entries

MOOD_WORDS = [
    "Upåklagelig",
    "Juhuu",
    "Jippi",
    "Magisk",
    "God!",
    "Offensivt",
    "Behagelig",
    "God jul!",
    "Tillitsfulle?",
    "Kreativ",
    "god",
    "Stor grad av trivsel",
]
MODES = os.environ.get("SAMLA_TEST_ASYNC_MODES", "eventlet,gevent,threading").split(",")

pytestmark = pytest.mark.server


@pytest.mark.parametrize("mode", MODES)
def test_twelve_tables_run_a_gathering_through_a_restart(tmp_path, mode):
    server = Server(tmp_path / "data", mode)
    server.start()
    clients = []
    try:
        created = server.api(
            "POST", "/api/gatherings", json={"template": "innlandet-ledersamling-2020"}
        )
        assert created.status_code == 201
        gathering = created.json()
        assert [t["number"] for t in gathering["tables"]] == list(range(1, 13))
        words, statements = gathering["activities"][:2]
        screen_token = gathering["screen_url"].split("token=")[1]
        screen = Listener(server.url, {"token": screen_token, "gathering_id": gathering["id"]})
        clients.append(screen)

        phones = []
        for table in range(1, 13):
            joined = requests.post(
                server.url + "/api/join",
                json={"code": gathering["code"], "table": table},
                timeout=10,
            )
            assert joined.status_code == 200
            phones.append(Listener(server.url, {"token": joined.json()["participant_token"]}))
        clients.extend(phones)

        def set_state(activity, state):
            path = f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/state"
            assert server.api("POST", path, json={"state": state}).status_code == 200

        set_state(words, "open")
        for sio in phones:
            sio.wait_for(
                lambda sio=sio: any(
                    p["activity"]["state"] == "open" for p in sio.payloads("activity_state")
                )
            )
        word_ids = []
        for table, (sio, word) in enumerate(zip(phones, MOOD_WORDS, strict=True), start=1):
            ack = sio.sio.call(
                "submit",
                {"activity_id": words["id"], "text": word, "client_id": f"word-{table}"},
                timeout=10,
            )
            assert ack["ok"] is True, ack
            word_ids.append(ack["id"])
        screen.wait_for(lambda: set(word_ids) <= set(seen_entries(screen, words["id"])))
        last = [u for u in screen.payloads("activity_update") if u["activity_id"] == words["id"]]
        assert last[-1]["count"] == 12
        assert {"word": "God", "count": 2} in last[-1]["frequencies"]

        set_state(words, "closed")
        set_state(statements, "open")
        statement_ids = []
        for table, sio in enumerate(phones, start=1):
            for n in range(1, 4):
                ack = sio.sio.call(
                    "submit",
                    {
                        "activity_id": statements["id"],
                        "text": f"Bord {table}: utsagn {n}\nandre linje",
                        "client_id": f"st-{table}-{n}",
                    },
                    timeout=10,
                )
                assert ack["ok"] is True and ack["remaining"] == 3 - n, ack
                statement_ids.append(ack["id"])
            refused = sio.sio.call(
                "submit",
                {"activity_id": statements["id"], "text": "en til", "client_id": f"st-{table}-4"},
                timeout=10,
            )
            assert refused["ok"] is False and refused["error"] == "quota_used"
        screen.wait_for(lambda: set(statement_ids) <= set(seen_entries(screen, statements["id"])))

        hidden_id = statement_ids[0]
        assert (
            server.api("PATCH", f"/api/entries/{hidden_id}", json={"hidden": True}).status_code
            == 200
        )
        screen.wait_for(lambda: seen_entries(screen, statements["id"])[hidden_id]["hidden"])

        states_before = [len(c.payloads("state")) for c in clients]
        server.kill()
        server.start()

        for client, before in zip(clients, states_before, strict=True):
            client.wait_for(lambda c=client, b=before: len(c.payloads("state")) > b, timeout=30)

        screen_state = screen.payloads("state")[-1]
        by_id = {a["id"]: a for a in screen_state["activities"]}
        assert [e["id"] for e in by_id[words["id"]]["entries"]] == word_ids
        # A projector's state has no trace of the hidden entry's text; its counts say it.
        assert [e["id"] for e in by_id[statements["id"]]["entries"]] == statement_ids[1:]
        assert by_id[statements["id"]]["count"] == 35
        assert by_id[statements["id"]]["hidden_count"] == 1
        assert by_id[statements["id"]]["state"] == "open"

        first_table = phones[0].payloads("state")[-1]["activities"][1]
        assert first_table["remaining"] == 1  # the hidden statement gave its place back
        assert [e["text"] for e in first_table["table_entries"]] == [
            "Bord 1: utsagn 2\nandre linje",
            "Bord 1: utsagn 3\nandre linje",
        ]

        resent = phones[5].call_when_connected(
            "submit",
            {
                "activity_id": statements["id"],
                "text": "Bord 6: utsagn 1\nandre linje",
                "client_id": "st-6-1",
            },
        )
        assert resent["ok"] is True and resent["duplicate"] is True

        export = server.api("GET", f"/api/gatherings/{gathering['id']}/export.json").json()
        exported = {a["id"]: a for a in export["activities"]}
        assert len(exported[statements["id"]]["entries"]) == 36
        assert sum(e["hidden"] for e in exported[statements["id"]]["entries"]) == 1
        assert len(exported[words["id"]]["entries"]) == 12
    finally:
        # Each disconnect may wait for the server's close frame; do them side by side.
        closers = [threading.Thread(target=c.sio.disconnect) for c in clients]
        for closer in closers:
            closer.start()
        for closer in closers:
            closer.join(10)
        server.stop()


TASK_AND_VOTE = {
    "title": "Gruppearbeid og prioritering",
    "tables": [
        {"number": 1, "label": "Namdal", "network": "Namdal"},
        {"number": 2, "label": "Fosen", "network": "Fosen"},
    ],
    "activities": [
        {
            "kind": "task",
            "key": "plan",
            "prompt": "Kommunens plan",
            "questions": [{"id": "mal", "title": "Mål"}, {"id": "tiltak", "title": "Tiltak"}],
        },
        {
            "kind": "priorities",
            "prompt": "Hvilke mål er viktigst?",
            "mode": "dots",
            "dots": 3,
            "max_per_item": 2,
            "source": "plan",
            "source_question": "mal",
        },
    ],
}


@pytest.mark.parametrize("mode", MODES)
def test_a_task_and_a_priority_vote_with_several_phones_per_table(tmp_path, mode):
    server = Server(tmp_path / "data", mode)
    server.start()
    clients = []
    try:
        gathering = server.api("POST", "/api/gatherings", json=TASK_AND_VOTE).json()
        task, vote = gathering["activities"]
        console = Listener(server.url, {"token": TOKEN, "gathering_id": gathering["id"]})
        clients.append(console)
        phones = {}
        for table in (1, 2):
            for _ in range(3):
                joined = requests.post(
                    server.url + "/api/join",
                    timeout=10,
                    json={"code": gathering["code"], "table": table},
                ).json()
                phone = Listener(server.url, {"token": joined["participant_token"]})
                phones.setdefault(table, []).append(phone)
                clients.append(phone)

        def set_state(activity, state):
            path = f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/state"
            assert server.api("POST", path, json={"state": state}).status_code == 200

        set_state(task, "open")
        points = {}
        for table, table_phones in phones.items():
            for n, sio in enumerate(table_phones):
                ack = sio.sio.call(
                    "add_point",
                    {
                        "activity_id": task["id"],
                        "question_id": "mal",
                        "text": f"Mål {n} fra bord {table}",
                        "client_id": f"mal-{n}",
                    },
                    timeout=10,
                )
                assert ack["ok"] is True, ack
                points[(table, n)] = ack["point"]
        first, second = phones[1][0], phones[1][1]
        point = points[(1, 0)]
        assert first.sio.call(
            "edit_point",
            {"point_id": point["id"], "version": 1, "text": "Mål 0, skjerpet"},
            timeout=10,
        )["ok"]
        conflict = second.sio.call(
            "edit_point",
            {"point_id": point["id"], "version": 1, "text": "Mål 0, utvidet"},
            timeout=10,
        )
        assert conflict["error"] == "conflict"
        assert conflict["current"]["text"] == "Mål 0, skjerpet"
        phones[1][2].wait_for(
            lambda: any(
                p["text"] == "Mål 0, skjerpet"
                for u in phones[1][2].payloads("points_update")
                for p in u["points"]
            )
        )
        assert not any(
            p["table"] == 1 for u in phones[2][0].payloads("points_update") for p in u["points"]
        )
        set_state(task, "closed")

        set_state(vote, "open")
        item = {(table, n): f"p{points[(table, n)]['id']}" for table, n in points}
        ballots = {1: {item[(1, 0)]: 2, item[(2, 0)]: 1}, 2: {item[(2, 0)]: 2}}
        for table, table_phones in phones.items():
            for sio in table_phones:
                ack = sio.sio.call(
                    "cast", {"activity_id": vote["id"], "dots": ballots[table]}, timeout=10
                )
                assert ack["ok"] is True, ack
        refused = phones[1][0].sio.call(
            "cast", {"activity_id": vote["id"], "dots": {item[(1, 1)]: 3}}, timeout=10
        )
        assert refused["error"] == "too_many_on_item"

        def results():
            updates = [
                u
                for u in console.payloads("activity_update")
                if u["activity_id"] == vote["id"] and "results" in u
            ]
            return updates[-1]["results"] if updates else None

        console.wait_for(lambda: results() is not None and results()["ballots"] == 6)
        overall = results()["overall"]
        # item (2,0): 3 ballots x 1 + 3 ballots x 2 = 9; item (1,0): 3 x 2 = 6
        assert [(r["item"], r["score"]) for r in overall[:2]] == [
            (item[(2, 0)], 9),
            (item[(1, 0)], 6),
        ]
        assert results()["networks"]["Namdal"][0]["item"] == item[(1, 0)]
        assert results()["networks"]["Fosen"][0] == {
            **results()["networks"]["Fosen"][0],
            "item": item[(2, 0)],
            "score": 6,
        }

        export = server.api("GET", f"/api/gatherings/{gathering['id']}/export.json").json()
        exported_task, exported_vote = export["activities"]
        assert exported_task["answers"]["1"]["mal"][0] == "Mål 0, skjerpet"
        assert len(exported_task["answers"]["2"]["mal"]) == 3
        assert exported_vote["results"]["method"] == "dots"
    finally:
        closers = [threading.Thread(target=c.sio.disconnect) for c in clients]
        for closer in closers:
            closer.start()
        for closer in closers:
            closer.join(10)
        server.stop()
