"""Task points: a table's answers under each question, edited live by the table's phones.

Every save names the version it edits; if someone saved in between, nothing is
overwritten and the phone gets both texts to choose from. Points go through the word
list like entries, and the facilitator can hide one; neither reaches the projector.
"""

import sqlite3

from flask_babel import lazy_gettext as _l

from app import kinds, lookups, moderation, rules, store, views
from app.errors import SamlaError
from app.kinds import task


def _participant(db, token):
    participant = lookups.participant(db, token)
    return participant


def _task(db, activity_id, participant):
    activity = store.activities.get_activity(db, activity_id)
    rules.check_participation(activity, participant)
    if not kinds.of(activity).TAKES_POINTS:
        raise SamlaError("bad_request", detail=_l("punkter hører til en task"))
    return activity


def add_point(db_store, participant_token, payload):
    """Add a point under a question for the participant's table; once per client id.

    Returns (answer, point, activity); `point` is None for a duplicate.
    """
    if not isinstance(payload, dict):
        raise SamlaError("bad_request", detail=_l("innholdet må være et JSON-objekt"))
    activity_id = rules.check_id(payload.get("activity_id"), "activity_id")
    client_id = payload.get("client_id")
    rules.check_client_id(client_id)
    question_id, text = payload.get("question_id"), payload.get("text")
    with db_store.write() as db:
        participant = _participant(db, participant_token)
        earlier = store.points.get_point_by_client_id(db, participant_token, client_id)
        if earlier is not None:
            answer = {"ok": True, "point": views.public_point(earlier), "duplicate": True}
            return answer, None, None
        activity = _task(db, activity_id, participant)
        if question_id not in task.question_ids(activity["options"]):
            raise SamlaError("bad_request", detail=_l("ukjent question_id"))
        rules.check_text(text, task.MAX_LENGTH)
        try:
            point_id = store.points.insert_point(
                db,
                {
                    "activity_id": activity_id,
                    "gathering_id": participant["gathering_id"],
                    "table_number": participant["table_number"],
                    "question_id": question_id,
                    "text": text,
                    "participant_token": participant_token,
                    "client_id": client_id,
                    "created_at": rules.now(),
                    "held": int(_holds(db, activity, text)),
                },
            )
        except sqlite3.IntegrityError:
            earlier = store.points.get_point_by_client_id(db, participant_token, client_id)
            answer = {"ok": True, "point": views.public_point(earlier), "duplicate": True}
            return answer, None, None
        point = store.points.get_point(db, point_id)
    answer = {
        "ok": True,
        "point": views.public_point(point),
        "duplicate": False,
        "held": point["held"],
    }
    return answer, point, activity


def _holds(db, activity, text):
    return activity["approval"] or moderation.holds(db, activity["gathering_id"], text)


def change_point(db_store, participant_token, payload, delete=False):
    """Edit (or delete) a point of the participant's own table, if nobody saved it since."""
    if not isinstance(payload, dict):
        raise SamlaError("bad_request", detail=_l("innholdet må være et JSON-objekt"))
    point_id = rules.check_id(payload.get("point_id"), "point_id")
    version = rules.check_id(payload.get("version"), "version")
    text = payload.get("text")
    with db_store.write() as db:
        participant = _participant(db, participant_token)
        point = store.points.get_point(db, point_id)
        if point is None:
            raise SamlaError("unknown_point")
        activity = _task(db, point["activity_id"], participant)
        if point["table"] != participant["table_number"]:
            raise SamlaError("not_your_table")
        if delete:
            text = point["text"]
        else:
            rules.check_text(text, task.MAX_LENGTH)
        if point["deleted"] == delete and point["text"] == text:
            # A resend of a save that already landed: nothing to change.
            return {"ok": True, "point": views.public_point(point)}, None, activity
        held = not delete and _holds(db, activity, text)
        if not store.points.update_point(db, point_id, version, text, delete, rules.now(), held):
            raise SamlaError(
                "conflict",
                answer={
                    "current": views.public_point(point),
                    "yours": None if delete else text,
                },
            )
        point = store.points.get_point(db, point_id)
    return {"ok": True, "point": views.public_point(point), "held": point["held"]}, point, activity


POINT_FLAGS = ("hidden", "held")


def moderate_point(db_store, point_id, changes):
    """Hide a point (or show it again), or approve one the word list held:
    `{"hidden": bool}`, `{"held": false}`. Returns (point, activity)."""
    if not isinstance(changes, dict) or not (set(POINT_FLAGS) & changes.keys()):
        raise SamlaError("bad_request", detail=_l("send hidden eller held"))
    for key in POINT_FLAGS:
        if key in changes and not isinstance(changes[key], bool):
            raise SamlaError("bad_request", detail=_l("%(key)s må være true eller false", key=key))
    with db_store.write() as db:
        point = store.points.get_point(db, point_id)
        if point is None:
            raise SamlaError("unknown_point")
        for flag in POINT_FLAGS:
            if flag in changes:
                store.points.set_point_flag(db, point_id, flag, changes[flag])
        point = store.points.get_point(db, point_id)
        activity = store.activities.get_activity(db, point["activity_id"])
    return point, activity
