"""Reading a JSON body once for every blueprint: readable errors instead of crashes."""

from flask import request
from flask_babel import lazy_gettext as _l

from app.errors import SamlaError


def _has_lone_surrogate(value):
    """True when any string in the body holds a lone surrogate, which SQLite cannot store."""
    if isinstance(value, str):
        return any("\ud800" <= char <= "\udfff" for char in value)
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(item) for item in value)
    return False


def json_body():
    """The request's JSON body, or a bad_request / bad_characters refusal."""
    try:
        body = request.get_json(silent=True)
        broken = _has_lone_surrogate(body)
    except RecursionError:  # JSON nested deeper than Python's parser goes
        body, broken = None, False
    if body is None:
        raise SamlaError("bad_request", detail=_l("innholdet må være JSON"))
    if broken:
        raise SamlaError("bad_characters")
    return body
