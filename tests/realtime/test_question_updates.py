"""An upvote reaches the screens and every phone as the question's new count, {id, votes};
only a new question (or one approved or shown again) carries its text."""

from app.realtime import broadcasts
from conftest import ADMIN_TOKEN, received

PANEL = {
    "title": "Panel",
    "tables": 2,
    "activities": [{"kind": "questions", "prompt": "Spørsmål til panelet"}],
}


def test_an_upvote_goes_out_as_the_count_and_a_new_question_with_its_text(organiser, phone, screen):
    panel = organiser.create(PANEL)
    activity = panel["activities"][0]
    organiser.open(panel, activity)
    asker, voter = phone(panel, 1), phone(panel, 2)
    projector, console = screen(panel), screen(panel, token=ADMIN_TOKEN)
    asked = asker.emit(
        "submit",
        {"activity_id": activity["id"], "text": "Hvem betaler?", "client_id": "q1"},
        callback=True,
    )
    for sio in (projector, console):
        new = received(sio, "activity_update")[-1]["entries"]
        assert [(e["id"], e["text"]) for e in new] == [(asked["id"], "Hvem betaler?")]
    new = received(voter, "questions_update")[-1]["entries"]
    assert [(e["id"], e["text"]) for e in new] == [(asked["id"], "Hvem betaler?")]

    assert voter.emit("upvote", {"entry_id": asked["id"]}, callback=True)["votes"] == 1
    for sio in (projector, console):
        assert received(sio, "activity_update")[-1]["entries"] == [{"id": asked["id"], "votes": 1}]
    for sio in (asker, voter):
        update = received(sio, "questions_update")[-1]
        assert update == {
            "activity_id": activity["id"],
            "entries": [{"id": asked["id"], "votes": 1}],
        }

    organiser.patch(f"/api/entries/{asked['id']}", json={"hidden": True})
    hidden = received(voter, "questions_update")[-1]["entries"]
    assert hidden == [{"id": asked["id"], "hidden": True, "held": False}]


def test_phones_held_changes_keep_a_new_questions_text_under_its_later_count(app):
    app.config["COALESCE_SECONDS"] = 0.1
    feed = broadcasts.ScreenFeed(app, socketio=None)
    new = {"id": 7, "text": "Hvem?", "votes": 0, "hidden": False, "held": False}

    def questions(*entries):
        return ("questions_update", {"activity_id": 1, "entries": list(entries)}, "gathering:1")

    assert feed._hold_for_phones([questions({"id": 6, "votes": 2})]) == [
        questions({"id": 6, "votes": 2})
    ]
    assert feed._hold_for_phones([questions(new)]) == []
    assert feed._hold_for_phones([questions({"id": 7, "votes": 3})]) == []
    feed.phones_sent_at -= broadcasts.PHONE_COALESCE_SECONDS
    assert feed._hold_for_phones([]) == [questions({**new, "votes": 3})]
    # A question hidden after it was held goes out hidden, without its text.
    feed._hold_for_phones([questions(new)])
    feed._hold_for_phones([questions({"id": 7, "hidden": True, "held": False})])
    feed.phones_sent_at -= broadcasts.PHONE_COALESCE_SECONDS
    assert feed._hold_for_phones([]) == [questions({"id": 7, "hidden": True, "held": False})]
