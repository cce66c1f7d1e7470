"""The facilitator's notes: a summary of the gathering, and notes under each activity."""

from flask_babel import lazy_gettext as _l

from app import lookups, store
from app.errors import SamlaError
from app.rules import check_text, now

FIELDS = ("notes", "decision", "follow_up", "follow_up_by")
MAX_LENGTH = {
    "summary": 20000,
    "notes": 20000,
    "decision": 5000,
    "follow_up": 5000,
    "follow_up_by": 300,
}


def normalise_notes(raw, fields):
    """The given note fields as text (empty text clears one); others are refused."""
    if not isinstance(raw, dict) or not raw or not set(raw) <= set(fields):
        raise SamlaError(
            "bad_request", detail=_l("send én eller flere av %(names)s", names=", ".join(fields))
        )
    notes = {}
    for key, value in raw.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            notes[key] = None
            continue
        check_text(value, MAX_LENGTH[key])
        notes[key] = value
    return notes


def save_summary(db_store, gathering_id, raw):
    """Set the gathering's summary from `{"summary": text}`; return all its notes."""
    summary = normalise_notes(raw, ("summary",))["summary"]
    with db_store.write() as db:
        lookups.gathering(db, gathering_id)
        store.notes.save_notes(db, gathering_id, "", {"notes": summary}, now())
        return describe(db, gathering_id)


def save_activity_notes(db_store, gathering_id, activity_id, raw):
    """Change some of an activity's notes (fields left out are kept); return all notes."""
    changes = normalise_notes(raw, FIELDS)
    with db_store.write() as db:
        activity = store.activities.get_activity(db, activity_id)
        if activity is None:
            raise SamlaError("unknown_activity")
        if activity["gathering_id"] != gathering_id:
            raise SamlaError("wrong_gathering")
        before = store.notes.get_notes(db, gathering_id).get(activity["uid"]) or {}
        merged = {key: before.get(key) for key in FIELDS} | changes
        store.notes.save_notes(db, gathering_id, activity["uid"], merged, now())
        return describe(db, gathering_id)


def describe(db, gathering_id):
    """{"summary", "activities": {activity id: {notes, decision, follow_up, follow_up_by}}}."""
    stored = store.notes.get_notes(db, gathering_id)
    activities = {}
    for activity in store.activities.list_activities(db, gathering_id):
        found = stored.get(activity["uid"]) or {}
        activities[str(activity["id"])] = {key: found.get(key) for key in FIELDS}
    return {"summary": (stored.get("") or {}).get("notes"), "activities": activities}
