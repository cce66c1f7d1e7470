"""Activity kinds: each module says what its options are and how much a person may add."""

from flask_babel import lazy_gettext as _l

from app.errors import SamlaError
from app.kinds import priorities, questions, statements, task, words

KINDS = {kind.NAME: kind for kind in (words, statements, task, priorities, questions)}


def get_kind(name):
    """The module of an activity kind, or a SamlaError for an unknown one."""
    try:
        return KINDS[name]
    except KeyError:
        raise SamlaError(
            "invalid_definition", detail=_l("ukjent kind «%(name)s»", name=name)
        ) from None
