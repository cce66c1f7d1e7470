"""A network's record across a year: only its tables' activities, each gathering's summary,
and the follow-ups of one gathering carried into the next."""

import io
import zipfile

import openpyxl
import pypdf

DEFINITION = {
    "tables": [
        {"number": 1, "label": "Fylkesbordet"},
        {"number": 2, "label": "Hamar", "network": "Hamarregionen"},
    ],
    "activities": [
        {
            "kind": "task",
            "title": "På fylkesnivå",
            "prompt": "Bare for fylkesbordet",
            "questions": [{"id": "f", "title": "Hva gjør fylket?"}],
        },
        {"kind": "statements", "title": "Utsagn", "prompt": "Ett utsagn"},
    ],
}


def gathering(organiser, client, join, app, title, date, follow_up=None):
    from app import points, store

    created = organiser.create({**DEFINITION, "title": title, "date": date})
    task, statements = created["activities"]
    for activity in created["activities"]:
        organiser.open(created, activity)
    county, hamar = join(created, 1), join(created, 2)
    with app.app_context():
        payload = {"activity_id": task["id"], "question_id": "f", "text": "Fylkets svar"}
        points.add_point(store.get_store(), county, payload | {"client_id": "p"})
    answer = client.post(
        "/api/submissions",
        json={"activity_id": statements["id"], "text": f"Hamar i {title}", "client_id": "s"},
        headers={"Authorization": f"Bearer {hamar}"},
    )
    assert answer.status_code == 201
    base = f"/api/gatherings/{created['id']}"
    organiser.post(f"{base}/notes", json={"summary": f"Sammendrag av {title}"})
    if follow_up:
        organiser.post(
            f"{base}/activities/{statements['id']}/notes",
            json={"follow_up": follow_up, "follow_up_by": "Hamar", "follow_up_due": "2020-04-01"},
        )
    assert organiser.post(f"{base}/file-records", json={}).status_code == 200
    return created


def test_a_record_carries_follow_ups_into_the_next_gathering(app, organiser, client, join):
    network = organiser.post("/api/networks", json={"name": "Hamarregionen"}).get_json()
    gathering(organiser, client, join, app, "Vintersamling", "2020-02-03", "Lage en plan")
    gathering(organiser, client, join, app, "Vårsamling", "2020-04-20")
    url = f"/api/networks/{network['id']}/record"
    record = organiser.get(f"{url}.json").get_json()
    february, april = record["gatherings"]
    assert [item["title"] for item in february["items"]] == ["Utsagn"]
    assert april["summary"] == "Sammendrag av Vårsamling"
    md = organiser.get(f"{url}.md").get_data(as_text=True)
    spring = md[md.index("20. april 2020 Vårsamling") :]
    carried = spring[spring.index("Oppfølging fra forrige samling") :]
    assert "Lage en plan | Hamar | 1. april 2020" in carried
    assert "Fylkets svar" not in md and "På fylkesnivå" not in md
    reader = pypdf.PdfReader(io.BytesIO(organiser.get(f"{url}.pdf").data))
    starts = [n for n, page in enumerate(reader.pages) if "Vårsamling" in page.extract_text()]
    assert "Vintersamling" not in reader.pages[starts[-1]].extract_text().split("Vårsamling")[1]
    workbook = openpyxl.load_workbook(io.BytesIO(organiser.get(f"{url}.xlsx").data))
    assert len(workbook.sheetnames) == 3
    archive = zipfile.ZipFile(io.BytesIO(organiser.get(f"{url}.csv").data))
    assert len(archive.namelist()) == 2
