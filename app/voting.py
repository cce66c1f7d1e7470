"""Votes: priority ballots (dots or ranking) and upvotes on the panel's questions."""

from flask_babel import lazy_gettext as _l

from app import rules, store
from app.errors import SamlaError
from app.kinds import priorities


def items_of(db, activity):
    """The items a priorities activity votes on: its list, or an earlier activity's work."""
    options = activity["options"]
    if options.get("items") is not None:
        return priorities.listed_items(options)
    source = store.activities.get_activity(db, options["source"])
    if source is None:
        return []
    if source["kind"] == "task":
        points = store.points.list_points(db, source["id"])
        question = options.get("source_question")
        return [
            {"id": f"p{p['id']}", "text": p["text"], "table": p["table"]}
            for p in points
            if question is None or p["question_id"] == question
        ]
    return [
        {"id": f"e{e['id']}", "text": e["text"], "table": e["table"]}
        for e in store.entries.list_entries(db, source["id"], visible_only=True)
    ]


def results_of(db, activity):
    """The live results of a priorities activity, overall, per table and per network."""
    return priorities.results(
        activity["options"], items_of(db, activity), store.votes.list_ballots(db, activity["id"])
    )


def cast(db_store, participant_token, payload):
    """Store a participant's ballot (replacing an earlier one); returns (answer, activity)."""
    if not isinstance(payload, dict):
        raise SamlaError("bad_request", detail=_l("innholdet må være et JSON-objekt"))
    activity_id = rules.check_id(payload.get("activity_id"), "activity_id")
    with db_store.write() as db:
        participant = store.gatherings.get_participant(db, participant_token)
        if participant is None:
            raise SamlaError("unknown_participant")
        activity = store.activities.get_activity(db, activity_id)
        rules.check_participation(activity, participant)
        if activity["kind"] != "priorities":
            raise SamlaError(
                "bad_request", detail=_l("stemmesedler hører til en priorities-aktivitet")
            )
        ballot = priorities.check_ballot(activity["options"], items_of(db, activity), payload)
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
        participant = store.gatherings.get_participant(db, participant_token)
        if participant is None:
            raise SamlaError("unknown_participant")
        entry = store.entries.get_entry(db, entry_id)
        if entry is None or entry["hidden"]:
            raise SamlaError("unknown_entry")
        activity = store.activities.get_activity(db, entry["activity_id"])
        if activity["gathering_id"] != participant["gathering_id"]:
            raise SamlaError("wrong_gathering")
        if activity["kind"] != "questions":
            raise SamlaError("bad_request", detail=_l("bare questions tar imot stemmer"))
        if not rules.is_open(activity):
            raise SamlaError("activity_closed")
        if entry["held"]:
            raise SamlaError("held")
        store.votes.set_upvote(db, entry_id, participant_token, up, rules.now())
        entry = store.entries.get_entry(db, entry_id)
    return {"ok": True, "votes": entry["votes"], "voted": up}, entry, activity
