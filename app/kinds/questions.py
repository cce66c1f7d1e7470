"""`questions`: participants ask the panel and upvote each other's questions (Q&A)."""

from flask_babel import lazy_gettext as _l

from app.errors import SamlaError

NAME = "questions"
TAKES_ENTRIES = True
MAX_LENGTH = 1000


def options(raw):
    if raw:
        raise SamlaError(
            "invalid_definition",
            detail=_l(
                "%(kind)s kjenner ikke til %(names)s", kind=NAME, names=", ".join(sorted(raw))
            ),
        )
    return {}


def remaining(options, own_count, table_count):
    return None


def check_quota(options, own_count, table_count):
    """Anyone may ask as many questions as they like."""
