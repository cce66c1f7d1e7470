"""The facilitator's notes: stored, changed field by field, placed in the minutes."""

from conftest import simple_definition


def test_notes_are_stored_and_placed_in_the_minutes(organiser):
    gathering = organiser.create(simple_definition())
    base = f"/api/gatherings/{gathering['id']}"
    statements = gathering["activities"][1]
    assert (
        organiser.post(f"{base}/notes", json={"summary": "God dag.\nMye engasjement."}).status_code
        == 200
    )
    url = f"{base}/activities/{statements['id']}/notes"
    organiser.post(url, json={"notes": "Samordning gikk igjen", "decision": "Vi samordner."})
    notes = organiser.post(
        url, json={"follow_up": "Sende liste", "follow_up_by": "Fylket"}
    ).get_json()
    assert notes["summary"] == "God dag.\nMye engasjement."
    assert notes["activities"][str(statements["id"])] == {
        "notes": "Samordning gikk igjen",
        "decision": "Vi samordner.",
        "follow_up": "Sende liste",
        "follow_up_by": "Fylket",
        "follow_up_due": None,
    }
    assert organiser.get(f"{base}/notes").get_json() == notes
    source = organiser.get(f"{base}/export.md").get_data(as_text=True)
    assert "**Konklusjon:** Vi samordner." in source
    assert "**Oppfølging:** Sende liste (Ansvarlig: Fylket)" in source
    minutes = organiser.get(f"{base}/minutes").get_json()
    assert minutes["summary"] == "God dag.\nMye engasjement."
    assert minutes["follow_up"] == [
        {
            "item": 2,
            "title": "Tre utsagn pr bord",
            "text": "Sende liste",
            "by": "Fylket",
            "due": None,
        }
    ]


def test_bad_notes_are_refused(organiser):
    gathering = organiser.create(simple_definition())
    other = organiser.create(simple_definition())
    base = f"/api/gatherings/{gathering['id']}"
    assert organiser.post(f"{base}/notes", json={"colour": "x"}).status_code == 400
    wrong = organiser.post(
        f"{base}/activities/{other['activities'][0]['id']}/notes", json={"notes": "x"}
    )
    assert wrong.status_code == 409 and wrong.get_json()["error"] == "wrong_gathering"
    assert organiser.post("/api/gatherings/1/notes", json={"summary": "x"}).status_code == 404
