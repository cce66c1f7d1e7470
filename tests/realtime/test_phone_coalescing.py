"""Phones hear the panel's questions at most once a second, however often they change."""

from app.realtime import broadcasts


def questions(*entries):
    return ("questions_update", {"activity_id": 1, "entries": list(entries)}, "gathering:1")


def test_questions_changed_within_a_second_reach_phones_once_as_they_are_now(app):
    app.config["COALESCE_SECONDS"] = 0.1
    feed = broadcasts.ScreenFeed(app, socketio=None)
    screen = ("activity_update", {"activity_id": 1}, "screen:1")
    assert feed._hold_for_phones([questions({"id": 1, "votes": 1})]) == [
        questions({"id": 1, "votes": 1})
    ]
    assert feed._hold_for_phones([questions({"id": 1, "votes": 2}), screen]) == [screen]
    assert feed._hold_for_phones([questions({"id": 2, "votes": 1})]) == []
    feed.phones_sent_at -= broadcasts.PHONE_COALESCE_SECONDS
    assert feed._hold_for_phones([]) == [questions({"id": 1, "votes": 2}, {"id": 2, "votes": 1})]


def test_without_coalescing_phones_hear_every_change_at_once(app):
    feed = broadcasts.ScreenFeed(app, socketio=None)
    assert feed._hold_for_phones([questions({"id": 1})]) == [questions({"id": 1})]
    assert feed._hold_for_phones([questions({"id": 1})]) == [questions({"id": 1})]
