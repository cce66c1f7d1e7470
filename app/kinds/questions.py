"""`questions`: participants ask the panel and upvote each other's questions (Q&A)."""

from ..errors import SamlaError

NAME = "questions"
TAKES_ENTRIES = True
MAX_LENGTH = 1000


def options(raw):
    if raw:
        raise SamlaError(
            "invalid_definition", detail=f"questions does not know {', '.join(sorted(raw))}"
        )
    return {}


def remaining(options, own_count, table_count):
    return None


def check_quota(options, own_count, table_count):
    """Anyone may ask as many questions as they like."""
