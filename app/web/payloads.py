"""What comes in at the door, checked once: JSON bodies and Socket.IO payloads.

Every string that enters (keys and values, at any depth) is checked here for characters
that cannot be stored or exported (app/rules.py is_storable), so that no text field
further in needs to remember it. Each Socket.IO event has one declared shape: its fields
and their types; ids are positive integers or strings of ASCII digits.
"""

from flask import request
from flask_babel import lazy_gettext as _l

from app.errors import SamlaError
from app.rules import check_id, check_strings


def json_body():
    """The request's JSON body, or a bad_request / bad_characters refusal."""
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # JSON nested deeper than Python's parser goes
        body = None
    if body is None:
        raise SamlaError("bad_request", detail=_l("innholdet må være JSON"))
    check_strings(body)
    return body


# Field types of the declared shapes.
ID, TEXT, FLAG, DOTS, RANKING, COUNT = "id", "text", "flag", "dots", "ranking", "count"


def _is_item(value):
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


def _valid(type_, value):
    if type_ == ID:
        check_id(value, "id")
        return True
    if type_ == TEXT:
        return isinstance(value, str)
    if type_ == COUNT:
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10**9
    if type_ == FLAG:
        return isinstance(value, bool)
    if type_ == DOTS:
        return isinstance(value, dict) and all(
            isinstance(n, int) and not isinstance(n, bool) for n in value.values()
        )
    if type_ == RANKING:
        return isinstance(value, list) and all(_is_item(item) for item in value)
    raise ValueError(type_)


# Every client→server event and the fields it may carry; other keys are dropped.
EVENTS = {
    "submit": {"activity_id": ID, "client_id": TEXT, "text": TEXT},
    "add_point": {"activity_id": ID, "client_id": TEXT, "question_id": TEXT, "text": TEXT},
    "edit_point": {"point_id": ID, "version": ID, "text": TEXT},
    "delete_point": {"point_id": ID, "version": ID},
    "cast": {"activity_id": ID, "dots": DOTS, "ranking": RANKING},
    "upvote": {"entry_id": ID, "up": FLAG},
    "withdraw": {"entry_id": ID},
    "questions": {"activity_id": ID, "offset": COUNT},
    "sync": {},
    "sync_activity": {"activity_id": ID},
}


def event_payload(event, payload):
    """The payload of a Socket.IO event in its declared shape, or a bad_request refusal."""
    shape = EVENTS[event]
    if payload is None and not shape:
        return {}
    if not isinstance(payload, dict):
        raise SamlaError("bad_request", detail=_l("innholdet må være et JSON-objekt"))
    check_strings(payload)
    checked = {}
    for key, type_ in shape.items():
        value = payload.get(key)
        if value is None:
            continue
        try:
            valid = _valid(type_, value)
        except SamlaError:
            valid = False
        if not valid:
            raise SamlaError("bad_request", detail=_l("%(key)s har feil type", key=key))
        checked[key] = value
    return checked
