"""What the minutes say at the top is edited with the summary; each field alone."""

import pytest


def test_metadata_is_kept_with_the_summary_and_shown_in_the_minutes(organiser, gathering):
    base = f"/api/gatherings/{gathering['id']}"
    organiser.post(f"{base}/notes", json={"summary": "Godt møte", "referent": "Kari"})
    notes = organiser.post(
        f"{base}/notes", json={"case_number": "2020/77", "starts": "09:00", "ends": "15:30"}
    ).get_json()
    assert {key: notes[key] for key in ("summary", "referent", "case_number", "place")} == {
        "summary": "Godt møte",
        "referent": "Kari",
        "case_number": "2020/77",
        "place": None,
    }
    organiser.post(f"{base}/notes", json={"place": "Gjøvik", "referent": ""})
    minutes = organiser.get(f"{base}/minutes").get_json()["gathering"]
    assert minutes["place"] == "Gjøvik" and minutes["referent"] is None
    assert (minutes["starts"], minutes["ends"], minutes["case_number"]) == (
        "09:00",
        "15:30",
        "2020/77",
    )
    md = organiser.get(f"{base}/export.md").get_data(as_text=True)
    assert "- **Tid:** 09:00–15:30" in md and "- **Saksnummer:** 2020/77" in md


@pytest.mark.parametrize(
    "body",
    [{"starts": "9"}, {"ends": "25:00"}, {"case_number": "x" * 101}, {"referent": 3}],
)
def test_bad_metadata_is_refused(organiser, gathering, body):
    answer = organiser.post(f"/api/gatherings/{gathering['id']}/notes", json=body)
    assert answer.status_code == 400


def test_a_follow_up_deadline_must_be_a_date(organiser, gathering):
    activity = gathering["activities"][0]
    url = f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/notes"
    assert organiser.post(url, json={"follow_up_due": "i morgen"}).status_code == 400
    notes = organiser.post(url, json={"follow_up": "Ring", "follow_up_due": "2020-05-02"})
    assert notes.get_json()["activities"][str(activity["id"])]["follow_up_due"] == "2020-05-02"
