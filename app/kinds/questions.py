"""`questions`: participants ask the panel and upvote each other's questions (Q&A)."""

from flask_babel import lazy_gettext as _l

from app import store, views
from app.errors import SamlaError
from app.exports import blocks as block
from app.kinds.base import *  # noqa: F403

NAME = "questions"
TAKES_ENTRIES = True
TAKES_UPVOTES = True
MAX_LENGTH = 1000
FEEDS_PRIORITIES = True
GATHERING_SEES_ENTRIES = True


def options(raw):
    if raw:
        raise SamlaError(
            "invalid_definition",
            detail=_l(
                "%(kind)s kjenner ikke til %(names)s", kind=NAME, names=", ".join(sorted(raw))
            ),
        )
    return {}


def participant_view(db, activity, participant, table_entries):
    """Every question asked so far, and which of them this participant voted for."""
    voted = store.votes.voted_entries(db, activity["id"], participant["token"])
    return {
        "entries": [
            views.question_entry(e, voted)
            for e in store.entries.list_entries(db, activity["id"], visible_only=True)
        ]
    }


def results_entries(entries):
    """The questions shown, pinned first, then unanswered, then by votes."""
    return sorted(
        (e for e in entries if not (e["hidden"] or e["held"])),
        key=lambda e: (not e["pinned"], e["answered"], -e["votes"], e["id"]),
    )


def minutes_blocks(db, activity, entries, tables):
    """The panel's questions by votes, pinned ones first."""
    ordered = sorted(entries, key=lambda e: (not e["pinned"], -e["votes"], e["id"]))
    rows = [
        {"rank": n, "text": e["text"], "score": e["votes"], "mark": block.mark(e)}
        for n, e in enumerate(ordered, start=1)
    ]
    return [block.ranking(rows, None, "votes")]
