"""An Innlandet-sized gathering filled through the app's own API and domain: 12 tables in
7 networks, 60 phones, mood words, 36 statements (one of 1,000 characters), 110 task
answers, a dots vote on the statements, the panel's questions and the facilitator's notes."""

from app import points, store, voting

NETWORKS = ["Hamarregionen", "Nord-Gudbrandsdal", "Valdres", "Gjøvikregionen", "Sør-Østerdal"]
NETWORKS += ["Nord-Østerdal", "Midt-Gudbrandsdal"]
TABLE_NETWORKS = {n: NETWORKS[(n - 1) % 7] for n in range(1, 13)}
LONG = " ".join(f"Samordne (REKOMP) og dekomp, ledd {n}." for n in range(1, 40))[:1000]
WORDS = ["spent", "nysgjerrig", "trøtt", "engasjert", "forventningsfull", "glad", "usikker"]


def definition():
    tables = [
        {"number": n, "label": f"Bord {n}", "network": TABLE_NETWORKS[n]} for n in range(1, 13)
    ]
    return {
        "title": "Ledersamling for skoleeier og barnehagemyndighet i Innlandet",
        "date": "2020-02-03",
        "place": "Scandic Hamar",
        "organiser": "Egil Hartberg & Lars Arild Myhr",
        "tables": tables,
        "activities": [
            {"kind": "words", "title": "Stemningen", "prompt": "Ett ord om stemningen"},
            {
                "kind": "statements",
                "key": "utsagn",
                "title": "Ønsket tilstand",
                "prompt": "Tre utsagn pr bord",
                "per_table": 3,
            },
            {
                "kind": "task",
                "title": "Gruppeoppgave",
                "prompt": "Hva trenger kommunene?",
                "questions": [
                    {"id": "fylke", "title": "Hva gjør fylket? (bord 1–2)"},
                    {"id": "region", "title": "Hva gjør regionen?"},
                    {"id": "skole", "title": "Hva gjør skolen?"},
                ],
            },
            {
                "kind": "priorities",
                "title": "Prioritering",
                "prompt": "Hvilke utsagn er viktigst?",
                "mode": "dots",
                "dots": 5,
                "max_per_item": 3,
                "source": "utsagn",
            },
            {"kind": "questions", "title": "Spørsmål til panelet", "prompt": "Spør panelet"},
        ],
    }


def build(app, organiser, client, join):
    """Fill the gathering; returns it as the console's API describes it."""
    for name in NETWORKS:
        organiser.post("/api/networks", json={"name": name, "county": "Innlandet"})
    gathering = organiser.create(definition())
    words, statements, task, vote, panel = gathering["activities"]
    for activity in gathering["activities"]:
        organiser.open(gathering, activity)
    phones = {n: [join(gathering, n) for _ in range(5)] for n in range(1, 13)}

    def submit(token, activity, text, client_id):
        response = client.post(
            "/api/submissions",
            json={"activity_id": activity["id"], "text": text, "client_id": client_id},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 201, response.get_json()
        return response.get_json()["id"]

    for table, tokens in phones.items():
        for n, token in enumerate(tokens):
            submit(token, words, WORDS[(table + n) % len(WORDS)], f"w{n}")
        for n in range(3):
            text = LONG if (table, n) == (5, 0) else f"Utsagn {n + 1} fra bord {table}: æøå"
            statement = submit(tokens[n], statements, text, f"s{n}")
            if (table, n) == (2, 1):
                organiser.patch(f"/api/entries/{statement}", json={"highlighted": True})
    asked = [submit(phones[t][0], panel, f"Spørsmål fra bord {t}?", "q") for t in (3, 6, 9)]
    organiser.patch(f"/api/entries/{asked[0]}", json={"answered": True})
    with app.app_context():
        db_store = store.get_store()
        answers = 0
        for table, tokens in phones.items():
            questions = ["fylke"] if table <= 2 else ["region", "skole"]
            for n in range(10 if table <= 2 else 9):
                question = questions[n % len(questions)]
                payload = {
                    "activity_id": task["id"],
                    "question_id": question,
                    "text": f"Svar {n + 1} fra bord {table}",
                    "client_id": f"p{n}",
                }
                points.add_point(db_store, tokens[n % 5], payload)
                answers += 1
        assert answers == 110
        items = organiser.get(f"/api/gatherings/{gathering['id']}/activities/{vote['id']}/results")
        ids = [item["id"] for item in items.get_json()["items"]]
        for table, tokens in phones.items():
            for n, token in enumerate(tokens[:3]):
                chosen = ids[(table * 3 + n) % 20 : (table * 3 + n) % 20 + 3]
                ballot = dict.fromkeys(chosen[:2], 2) | {chosen[2]: 1}
                voting.cast(db_store, token, {"activity_id": vote["id"], "dots": ballot})
    base = f"/api/gatherings/{gathering['id']}"
    organiser.post(
        f"{base}/notes",
        json={
            "summary": "Godt oppmøte.\nNettverkene tar arbeidet videre.",
            "referent": "Kari Nordmann",
            "case_number": "2020/1234",
            "starts": "09:00",
            "ends": "15:30",
        },
    )
    organiser.post(
        f"{base}/activities/{statements['id']}/notes",
        json={
            "decision": "Utsagnene går til nettverkene.",
            "follow_up": "Sende utsagnene til nettverkene",
            "follow_up_by": "Fylkesmannen",
            "follow_up_due": "2020-03-01",
        },
    )
    return organiser.get(base).get_json()
