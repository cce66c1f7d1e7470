"""Votes: priority ballots (dots or ranking) and upvotes on the panel's questions."""

from flask_babel import lazy_gettext as _l

from app import kinds, lookups, rules, store
from app.errors import SamlaError
from app.kinds import priorities, questions


def cast(db_store, participant_token, payload):
    """Store a participant's ballot (replacing an earlier one); returns (answer, activity)."""
    if not isinstance(payload, dict):
        raise SamlaError("bad_request", detail=_l("innholdet må være et JSON-objekt"))
    activity_id = rules.check_id(payload.get("activity_id"), "activity_id")
    with db_store.write() as db:
        participant = lookups.participant(db, participant_token)
        activity = store.activities.get_activity(db, activity_id)
        rules.check_participation(activity, participant)
        if not kinds.of(activity).TAKES_BALLOTS:
            raise SamlaError(
                "bad_request", detail=_l("stemmesedler hører til en priorities-aktivitet")
            )
        items = priorities.items(db, activity)
        ballot = priorities.check_ballot(activity["options"], items, payload)
        store.votes.save_ballot(db, activity_id, participant, ballot, rules.now())
    return {"ok": True, "ballot": ballot}, activity


def upvote(db_store, participant_token, payload):
    """One vote per participant per question; `up: false` takes it back."""
    if not isinstance(payload, dict):
        raise SamlaError("bad_request", detail=_l("innholdet må være et JSON-objekt"))
    entry_id = rules.check_id(payload.get("entry_id"), "entry_id")
    up = payload.get("up", True)
    if not isinstance(up, bool):
        raise SamlaError("bad_request", detail=_l("%(key)s må være true eller false", key="up"))
    with db_store.write() as db:
        participant = lookups.participant(db, participant_token)
        rules.check_not_blocked(participant)
        entry = store.entries.get_entry(db, entry_id)
        if entry is None or entry["hidden"]:
            raise SamlaError("unknown_entry")
        activity = store.activities.get_activity(db, entry["activity_id"])
        if activity["gathering_id"] != participant["gathering_id"]:
            raise SamlaError("wrong_gathering")
        if not kinds.of(activity).TAKES_UPVOTES:
            raise SamlaError("bad_request", detail=_l("bare questions tar imot stemmer"))
        if not rules.is_open(activity):
            raise SamlaError("activity_closed")
        if not rules.is_for_table(activity, participant["table_number"]):
            raise SamlaError("not_your_table")
        if entry["held"]:
            raise SamlaError("held")
        store.votes.set_upvote(db, entry_id, participant_token, up, rules.now())
        entry = store.entries.get_entry(db, entry_id)
    return {"ok": True, "votes": entry["votes"], "voted": up}, entry, activity


def question_page(db_store, participant_token, payload):
    """More of a questions activity's questions for a phone, newest first from `offset`."""
    activity_id = rules.check_id(payload.get("activity_id"), "activity_id")
    offset = payload.get("offset", 0)
    with db_store.read() as db:
        participant = lookups.participant(db, participant_token)
        activity = store.activities.get_activity(db, activity_id)
        if activity is None:
            raise SamlaError("unknown_activity")
        if activity["gathering_id"] != participant["gathering_id"]:
            raise SamlaError("wrong_gathering")
        if not kinds.of(activity).TAKES_UPVOTES:
            raise SamlaError("bad_request", detail=_l("bare questions tar imot stemmer"))
        return {"ok": True, **questions.question_page(db, activity, participant, offset)}
