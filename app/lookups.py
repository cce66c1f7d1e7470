"""What a request names, read from the store, or the refusal that says why not."""

from app import store
from app.errors import SamlaError


def gathering(db, gathering_id):
    """The gathering, or not_found."""
    found = store.gatherings.get_gathering(db, gathering_id)
    if found is None:
        raise SamlaError("not_found")
    return found


def participant(db, token):
    """The participant a phone's token names, or unknown_participant."""
    found = store.gatherings.get_participant(db, token)
    if found is None:
        raise SamlaError("unknown_participant")
    return found


def activity_of(db, gathering_id, activity_id):
    """The activity, if it belongs to this gathering: unknown_activity or wrong_gathering if not."""
    activity = store.activities.get_activity(db, activity_id)
    if activity is None:
        raise SamlaError("unknown_activity")
    if activity["gathering_id"] != gathering_id:
        raise SamlaError("wrong_gathering")
    return activity
