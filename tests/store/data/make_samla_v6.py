"""How samla-v6.db was made: a data folder written by the version before the store was split.

The fixture is a database at schema version 6, written by commit 46930bf through its own
HTTP and Socket.IO API. To make it again:

    git worktree add /tmp/samla-old 46930bf
    cd /tmp/samla-old && PYTHONPATH=. python /path/to/tests/store/data/make_samla_v6.py /tmp/v6
    cp /tmp/v6/samla.db tests/store/data/samla-v6.db
    git worktree remove /tmp/samla-old

Run from the old worktree, `app` is the old code; the script uses nothing but `create_app`
and the Socket.IO extension it registers. tests/store/test_schema.py reads what it wrote.
"""

import sqlite3
import sys
from pathlib import Path

from app import create_app

TOKEN = "v6-organiser"

DEFINITION = {
    "title": "Samling på Hamar – «Lærande nettverk»",
    "date": "2026-03-05",
    "place": "Hamar",
    "organiser": "Innlandet fylkeskommune",
    "tables": [
        {"number": 1, "label": "Bord 1"},
        {"number": 2, "label": "Åmot", "municipality": "Åmot"},
    ],
    "activities": [
        {"kind": "words", "prompt": "Hvordan er stemningen?", "words_per_participant": 3},
        {"kind": "statements", "key": "utsagn", "prompt": "Tre utsagn pr bord", "per_table": 3},
        {"kind": "questions", "prompt": "Spørsmål til panelet", "approval": True},
        {
            "kind": "task",
            "prompt": "Hvordan skal vi samarbeide?",
            "questions": [{"id": "mal", "title": "Mål"}, {"id": "tiltak", "title": "Tiltak"}],
        },
        {
            "kind": "priorities",
            "prompt": "Hva er viktigst?",
            "mode": "ranking",
            "top": 2,
            "items": ["Lesing", "Økonomi", "Begynneropplæring"],
        },
    ],
}


def main(data_dir):
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(data_dir),
            "ADMIN_TOKEN": TOKEN,
            "PUBLIC_URL": "http://samla.test",
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
        }
    )
    socketio = app.extensions["socketio"]
    client = app.test_client()
    headers = {"Authorization": f"Bearer {TOKEN}"}

    def call(method, url, body=None, status=200):
        response = client.open(url, method=method, json=body, headers=headers)
        assert response.status_code == status, (url, response.get_json())
        return response.get_json()

    network = call(
        "POST",
        "/api/networks",
        {
            "name": "Region Hamar",
            "county": "Innlandet",
            "ordning": "DEKOMP",
            "municipalities": ["Hamar", "Åmot"],
            "contact": "Kari Ødegård",
        },
        201,
    )
    gathering = call("POST", "/api/gatherings", DEFINITION, 201)
    gid = gathering["id"]
    words, statements, questions, task, ranking = gathering["activities"]
    call("POST", f"/api/gatherings/{gid}/tables/1/network", {"network": network["id"]})
    for activity in gathering["activities"]:
        call("POST", f"/api/gatherings/{gid}/activities/{activity['id']}/state", {"state": "open"})

    def phone(table):
        joined = client.post("/api/join", json={"code": gathering["code"], "table": table})
        token = joined.get_json()["participant_token"]
        return socketio.test_client(app, auth={"token": token}, flask_test_client=client)

    one, two, three = phone(1), phone(1), phone(2)

    def send(sio, event, payload):
        ack = sio.emit(event, payload, callback=True)
        assert ack["ok"], (event, ack)
        return ack

    for sio, text in ((one, "glede"), (one, "spent"), (two, "gleden"), (three, "Blåbær")):
        send(sio, "submit", {"activity_id": words["id"], "text": text, "client_id": text})
    said = [
        send(sio, "submit", {"activity_id": statements["id"], "text": text, "client_id": cid})["id"]
        for sio, text, cid in (
            (one, "Vi må dele erfaringer på tvers av kommunene", "s1"),
            (three, "Økonomien styrer for mye", "s2"),
            (three, "Skjult utsagn", "s3"),
        )
    ]
    call("PATCH", f"/api/entries/{said[2]}", {"hidden": True})
    asked = [
        send(sio, "submit", {"activity_id": questions["id"], "text": text, "client_id": cid})["id"]
        for sio, text, cid in (
            (one, "Hvem følger opp nettverket?", "q1"),
            (two, "Når kommer pengene?", "q2"),
            (three, "Venter på godkjenning", "q3"),
        )
    ]
    call("PATCH", f"/api/entries/{asked[0]}", {"held": False, "pinned": True})
    call("PATCH", f"/api/entries/{asked[1]}", {"held": False, "answered": True})
    send(two, "upvote", {"entry_id": asked[0], "up": True})
    call("POST", f"/api/gatherings/{gid}/screen", {"activity_id": statements["id"]})
    call("PATCH", f"/api/entries/{said[0]}", {"highlighted": True})

    point = send(
        one,
        "add_point",
        {"activity_id": task["id"], "question_id": "mal", "text": "Felles mål", "client_id": "p1"},
    )["point"]
    send(one, "edit_point", {"point_id": point["id"], "text": "Felles mål for året", "version": 1})
    gone = send(
        three,
        "add_point",
        {
            "activity_id": task["id"],
            "question_id": "tiltak",
            "text": "Slett meg",
            "client_id": "p2",
        },
    )["point"]
    send(three, "delete_point", {"point_id": gone["id"], "version": gone["version"]})

    items = send(one, "sync", {})["state"]["activities"][4]["items"]
    send(one, "cast", {"activity_id": ranking["id"], "ranking": [items[1]["id"], items[0]["id"]]})

    base = f"/api/gatherings/{gid}/activities"
    call("POST", f"{base}/{words['id']}/merges", {"word": "gleden", "into": "glede"})
    call("PUT", f"/api/gatherings/{gid}/moderation", {"enabled": True, "words": ["dust", "Tøys"]})
    call(
        "POST",
        f"{base}/{statements['id']}/themes",
        {"title": "Samarbeid på tvers", "entries": said[:2], "accepted": True},
        201,
    )
    call("POST", f"/api/gatherings/{gid}/notes", {"summary": "Godt møte på Hamar"})
    call(
        "POST",
        f"{base}/{statements['id']}/notes",
        {"notes": "Drøftet", "decision": "Vi går videre", "follow_up": "Møte i mai"},
    )
    call("POST", f"/api/gatherings/{gid}/file-records", {})

    for sio in (one, two, three):
        sio.disconnect()
    app.extensions["samla_store"].close()
    database = Path(data_dir) / "samla.db"
    conn = sqlite3.connect(database)
    # Small pages keep the fixture small: most tables hold a row or two.
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA page_size = 1024")
    conn.execute("VACUUM")
    conn.close()
    print(database, database.stat().st_size, "bytes")


if __name__ == "__main__":
    main(sys.argv[1])
