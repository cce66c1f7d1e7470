"""The facilitator's notes: a summary of the gathering, and notes under each activity."""

import datetime as dt
import re

from flask_babel import lazy_gettext as _l

from app import lookups, store
from app.errors import SamlaError
from app.rules import check_text, now

FIELDS = ("notes", "decision", "follow_up", "follow_up_by")
# What the minutes say at the top, kept with the summary.
METADATA = ("referent", "case_number", "starts", "ends", "place")
SUMMARY_FIELDS = ("summary", *METADATA)
ACTIVITY_FIELDS = (*FIELDS, "follow_up_due")
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
MAX_LENGTH = {
    "referent": 300,
    "case_number": 100,
    "place": 300,
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
        if key in ("starts", "ends"):
            if not isinstance(value, str) or not CLOCK.match(value.strip()):
                raise SamlaError("bad_request", detail=_l("%(key)s må være TT:MM", key=key))
            value = value.strip()
        elif key == "follow_up_due":
            value = _date(value)
        else:
            check_text(value, MAX_LENGTH[key])
        notes[key] = value
    return notes


def _date(value):
    try:
        return dt.date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise SamlaError(
            "bad_request", detail=_l("%(key)s må være en dato (ÅÅÅÅ-MM-DD)", key="follow_up_due")
        ) from None


def save_summary(db_store, gathering_id, raw):
    """Set the gathering's summary and the minutes' metadata from `{"summary", "referent",
    "case_number", "starts", "ends", "place"}` (fields left out are kept); return all notes."""
    changes = normalise_notes(raw, SUMMARY_FIELDS)
    with db_store.write() as db:
        lookups.gathering(db, gathering_id)
        if "summary" in changes:
            before = store.notes.get_notes(db, gathering_id).get("") or {}
            kept = {key: before.get(key) for key in FIELDS}
            store.notes.save_notes(
                db, gathering_id, "", kept | {"notes": changes["summary"]}, now()
            )
        details = {key: value for key, value in changes.items() if key in METADATA}
        store.notes.save_details(db, gathering_id, "", details, now())
        return describe(db, gathering_id)


def save_activity_notes(db_store, gathering_id, activity_id, raw):
    """Change some of an activity's notes (fields left out are kept); return all notes."""
    changes = normalise_notes(raw, ACTIVITY_FIELDS)
    with db_store.write() as db:
        activity = store.activities.get_activity(db, activity_id)
        if activity is None:
            raise SamlaError("unknown_activity")
        if activity["gathering_id"] != gathering_id:
            raise SamlaError("wrong_gathering")
        before = store.notes.get_notes(db, gathering_id).get(activity["uid"]) or {}
        merged = {key: before.get(key) for key in FIELDS} | changes
        store.notes.save_notes(db, gathering_id, activity["uid"], merged, now())
        if "follow_up_due" in changes:
            store.notes.save_details(
                db,
                gathering_id,
                activity["uid"],
                {"follow_up_due": changes["follow_up_due"]},
                now(),
            )
        return describe(db, gathering_id)


def describe(db, gathering_id):
    """{"summary", "referent", "case_number", "starts", "ends", "place", "activities":
    {activity id: {notes, decision, follow_up, follow_up_by, follow_up_due}}}."""
    stored = store.notes.get_notes(db, gathering_id)
    activities = {}
    for activity in store.activities.list_activities(db, gathering_id):
        found = stored.get(activity["uid"]) or {}
        activities[str(activity["id"])] = {key: found.get(key) for key in ACTIVITY_FIELDS}
    summary = stored.get("") or {}
    return {
        "summary": summary.get("notes"),
        **{key: summary.get(key) for key in METADATA},
        "activities": activities,
    }
