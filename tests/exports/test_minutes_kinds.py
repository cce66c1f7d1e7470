"""Minutes and records carry group tasks per question, priority lists and the panel's questions,
and count participation per municipality."""

import io

import docx

DEFINITION = {
    "title": "Kompetansenettverk – vårsamling",
    "date": "2020-03-20",
    "tables": [
        {"number": 1, "label": "Fylkesbordet", "network": "Namdal", "municipality": "Namsos"},
        {"number": 2, "label": "Grong og Høylandet", "network": "Namdal", "municipality": "Grong"},
        {"number": 3, "label": "Fosen", "municipality": "Namsos"},
    ],
    "activities": [
        {
            "kind": "task",
            "key": "plan",
            "title": "PÅ KOMMUNENIVÅ",
            "prompt": "Kommunens plan",
            "questions": [{"id": "mal", "title": "Mål"}, {"id": "fin", "title": "Finansiering"}],
        },
        {
            "kind": "priorities",
            "prompt": "Hva er viktigst?",
            "mode": "ranking",
            "top": 2,
            "items": ["Fagfornyelsen", "Lesing", "Realfag"],
        },
        {"kind": "questions", "prompt": "Spørsmål til panelet"},
    ],
}


def run(organiser, phone):
    gathering = organiser.create(DEFINITION)
    task, vote, panel = gathering["activities"]
    for activity in gathering["activities"]:
        organiser.open(gathering, activity)
    phones = {table: phone(gathering, table) for table in (1, 2, 3)}
    for table, sio in phones.items():
        sio.emit(
            "add_point",
            {
                "activity_id": task["id"],
                "question_id": "mal",
                "text": f"Mål fra bord {table}\nmed to linjer",
                "client_id": "m",
            },
            callback=True,
        )
    phones[2].emit(
        "add_point",
        {"activity_id": task["id"], "question_id": "fin", "text": "=Egne midler", "client_id": "f"},
        callback=True,
    )
    phones[1].emit("cast", {"activity_id": vote["id"], "ranking": ["i2", "i1"]}, callback=True)
    phones[2].emit("cast", {"activity_id": vote["id"], "ranking": ["i2", "i3"]}, callback=True)
    phones[3].emit("cast", {"activity_id": vote["id"], "ranking": ["i3"]}, callback=True)
    asked = [
        phones[t].emit(
            "submit", {"activity_id": panel["id"], "text": text, "client_id": "q"}, callback=True
        )["id"]
        for t, text in ((1, "Hvem betaler?"), (3, "Når kommer pengene?"))
    ]
    phones[2].emit("upvote", {"entry_id": asked[1]}, callback=True)
    return gathering


def test_the_minutes_show_every_kind_in_markdown(organiser, phone):
    gathering = run(organiser, phone)
    md = organiser.get(f"/api/gatherings/{gathering['id']}/export.md").get_data(as_text=True)
    task_part = md[md.index("## Sak 1") : md.index("## Sak 2")]
    assert task_part.index("### Mål") < task_part.index("#### Fylkesbordet")
    assert "Mål fra bord 1\\\n  med to linjer" in task_part
    assert "\\=Egne midler" in task_part.split("### Finansiering")[1]
    vote_part = md[md.index("## Sak 2") : md.index("## Sak 3")]
    # Borda with top 2: Lesing 2 + 2 = 4, Realfag 1 + 2 = 3, Fagfornyelsen 1
    assert "| Plass | Tekst | Poeng |" in vote_part
    assert (
        vote_part.index("| 1 | Lesing | 4 |")
        < vote_part.index("| 2 | Realfag | 3 |")
        < vote_part.index("| 3 | Fagfornyelsen | 1 |")
    )
    panel_part = md[md.index("## Sak 3") :]
    assert panel_part.index("| 1 | Når kommer pengene? | 1 |") < panel_part.index(
        "| 2 | Hvem betaler? | 0 |"
    )
    assert "Namsos: 2" in md and "Grong: 1" in md


def test_the_minutes_show_every_kind_in_word(organiser, phone):
    gathering = run(organiser, phone)
    data = organiser.get(f"/api/gatherings/{gathering['id']}/export.docx").data
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs.index("Mål") < paragraphs.index("Finansiering")
    assert "=Egne midler" in paragraphs
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["Plass", "Tekst", "Poeng"] in rows and ["1", "Lesing", "4"] in rows
    assert ["1", "Når kommer pengene?", "1"] in rows


def test_a_network_record_keeps_its_tables_task_answers_and_priorities(organiser, phone):
    namdal = organiser.post("/api/networks", json={"name": "Namdal"}).get_json()
    gathering = run(organiser, phone)
    filed = organiser.post(f"/api/gatherings/{gathering['id']}/file-records", json={})
    assert filed.get_json()["networks"][0]["tables"] == [1, 2]
    record = organiser.get(f"/api/networks/{namdal['id']}/record.json").get_json()
    (part,) = record["gatherings"]
    task_item, vote_item, _ = part["items"]
    goals = task_item["blocks"][0]
    assert goals["heading"] == "Mål"
    assert [t["number"] for t in goals["tables"]] == [1, 2]
    # only Namdal's ballots (tables 1 and 2): Lesing 4, Fagfornyelsen 1, Realfag 1
    assert [(r["text"], r["score"]) for r in vote_item["blocks"][0]["rows"]] == [
        ("Lesing", 4),
        ("Fagfornyelsen", 1),
        ("Realfag", 1),
    ]
    assert part["municipalities"] == [
        {"name": "Grong", "participants": 1},
        {"name": "Namsos", "participants": 1},
    ]


def test_accepted_themes_of_task_answers_are_in_the_minutes(organiser, phone):
    gathering = run(organiser, phone)
    task = gathering["activities"][0]
    base = f"/api/gatherings/{gathering['id']}/activities/{task['id']}"
    points = organiser.get(f"{base}/results").get_json()["points"]
    goals = [p["id"] for p in points if p["question_id"] == "mal" and p["table"] in (1, 3)]
    created = organiser.post(
        f"{base}/themes", json={"title": "Felles mål", "entries": goals, "accepted": True}
    )
    assert created.status_code in (200, 201), created.get_json()
    md = organiser.get(f"/api/gatherings/{gathering['id']}/export.md").get_data(as_text=True)
    task_part = md[md.index("## Sak 1") : md.index("## Sak 2")]
    themes_part = task_part[task_part.index("Tema på tvers av bordene") :]
    assert "Felles mål (Fylkesbordet, Fosen)" in themes_part
    assert themes_part.index("Felles mål") < themes_part.index("### Finansiering")
