"""`questions`: participants ask the panel and upvote each other's questions (Q&A)."""

from flask_babel import lazy_gettext as _l

from app import store, views
from app.errors import SamlaError
from app.exports import blocks as block
from app.kinds.base import *  # noqa: F403
from app.kinds.options import positive_int

NAME = "questions"
TAKES_ENTRIES = True
TAKES_UPVOTES = True
MAX_LENGTH = 1000
FEEDS_PRIORITIES = True
GATHERING_SEES_ENTRIES = True
# Like words, a phone may add only so many: a handful of tokens cannot flood the panel.
QUESTIONS_PER_PARTICIPANT = 10
# A phone's state holds the pinned, the most-voted and the newest questions up to this
# many; the rest come with the `questions` event, a page at a time.
PHONE_QUESTIONS = 60
PAGE = 50


def _per_participant(options):
    return options.get("questions_per_participant", QUESTIONS_PER_PARTICIPANT)


def options(raw):
    raw = dict(raw)
    result = {}
    if "questions_per_participant" in raw:
        result["questions_per_participant"] = positive_int(
            raw.pop("questions_per_participant"), "questions_per_participant"
        )
    if raw:
        raise SamlaError(
            "invalid_definition",
            detail=_l(
                "%(kind)s kjenner ikke til %(names)s", kind=NAME, names=", ".join(sorted(raw))
            ),
        )
    return result


def quotas(options):
    return {"per_participant": _per_participant(options), "per_table": None}


def remaining(options, own_count, table_count):
    return max(_per_participant(options) - own_count, 0)


def check_quota(options, own_count, table_count):
    """Refuse a participant's question beyond `questions_per_participant`."""
    if own_count >= _per_participant(options):
        raise SamlaError("too_many_questions", limit=_per_participant(options))


def _phone_share(db, activity):
    """The questions every phone starts with, the same for all: the pinned, the most-voted
    and the newest, at most PHONE_QUESTIONS, and how many are shown in all."""
    shown = store.entries.list_entries(db, activity["id"], visible_only=True)
    if len(shown) > PHONE_QUESTIONS:
        pinned = [e for e in shown if e["pinned"]][:PHONE_QUESTIONS]
        room = PHONE_QUESTIONS - len(pinned)
        by_votes = sorted(shown, key=lambda e: (-e["votes"], -e["id"]))[: room // 2]
        chosen = {e["id"] for e in pinned + by_votes}
        newest = [e for e in reversed(shown) if e["id"] not in chosen]
        chosen |= {e["id"] for e in newest[: PHONE_QUESTIONS - len(chosen)]}
        kept = [e for e in shown if e["id"] in chosen]
    else:
        kept = shown
    return [views.question_entry(e) for e in kept], len(shown)


def participant_view(db, activity, participant, table_entries):
    """The questions a phone starts with (`_phone_share`, read once for all the phones),
    and which of them this participant voted for; `questions_total` says how many there
    are, and the `questions` event pages through all of them."""
    voted = store.votes.voted_entries(db, activity["id"], participant["token"])
    kept, total = views.shared(
        db, ("phone-questions", activity["id"]), lambda: _phone_share(db, activity)
    )
    return {
        "entries": [{**entry, "voted": entry["id"] in voted} for entry in kept],
        "questions_total": total,
    }


def question_page(db, activity, participant, offset):
    """Older questions for a phone, newest first, a PAGE at a time from `offset`."""
    voted = store.votes.voted_entries(db, activity["id"], participant["token"])
    shown = list(reversed(store.entries.list_entries(db, activity["id"], visible_only=True)))
    page = shown[offset : offset + PAGE]
    return {
        "entries": [views.question_entry(e, voted) for e in page],
        "offset": offset,
        "total": len(shown),
        "more": offset + len(page) < len(shown),
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
