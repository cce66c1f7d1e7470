"""Activity kinds: each module here is one kind, the whole of it (rules, what screens,
phones and minutes show, its themes and bundle parts); app/kinds/base.py lists what a
kind provides. Adding a kind means adding its module and its name to NAMES."""

import importlib

from flask_babel import lazy_gettext as _l

from app.errors import SamlaError

NAMES = ("words", "statements", "task", "priorities", "questions")


def find(name):
    """The module of an activity kind, or None for a name Samla does not know."""
    if name not in NAMES:
        return None
    kind = _found.get(name)
    if kind is None:
        # Imported on first use: kinds use the domain (store, views, themes), which asks them.
        kind = _found[name] = importlib.import_module(f"app.kinds.{name}")
    return kind


# Every action asks for its activity's kind several times; the import machinery is not free.
_found = {}


def get_kind(name):
    """The module of an activity kind, or a SamlaError for an unknown one."""
    kind = find(name)
    if kind is None:
        raise SamlaError("invalid_definition", detail=_l("ukjent kind «%(name)s»", name=name))
    return kind


def of(activity):
    """The kind of an activity."""
    return get_kind(activity["kind"])


def all_kinds():
    """Every kind's module, in the order of NAMES."""
    return [get_kind(name) for name in NAMES]


def limits(activity):
    """The rules a phone shows for an activity: the longest text and the quotas."""
    kind = of(activity)
    return {"max_length": kind.MAX_LENGTH, **kind.quotas(activity["options"])}
