"""Moderation helpers: a word list that holds matching entries, task points and questions
for the facilitator's approval, and the "approve before showing" setting of an activity.

The shipped list (bokmål and nynorsk) is on in a new gathering until the console turns it off.
"""

import functools
import re
import unicodedata

from flask_babel import lazy_gettext as _l

from app import lookups, store
from app.errors import SamlaError
from app.rules import now
from app.wording import read_word_list

DEFAULT_WORDS = read_word_list("moderation_nb.txt")
# Ordinary words that merely contain a listed word ("spikke" holds "pikk").
HARMLESS = read_word_list("moderation_harmless.txt")
# A listed word this long also matches inside a compound ("drittkjedelig"); shorter ones
# would match too much by chance, so they match only as whole words.
COMPOUND_LENGTH = 4
MAX_WORDS = 2000
MAX_WORD_LENGTH = 80


def _fold(text):
    return unicodedata.normalize("NFC", text).casefold()


def pattern(words):
    """A regex that finds any of `words` as whole words (or phrases), case-folded."""
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


class _Matcher:
    """One word list, folded and compiled once: the whole-word pattern, the words that may
    hide in compounds (longest first) with the harmless words that hold each, and one
    pattern that tells whether a word holds any of them at all."""

    def __init__(self, words):
        folded = [_fold(w) for w in words]
        self.whole = pattern(folded)
        self.parts = [
            w
            for w in sorted(folded, key=len, reverse=True)
            if len(w) >= COMPOUND_LENGTH and " " not in w
        ]
        self.harmless = {w: [h for h in HARMLESS if w in h] for w in self.parts}
        self.any_part = (
            re.compile("|".join(re.escape(w) for w in self.parts)) if self.parts else None
        )

    def part_of(self, word):
        """The longest listed word that `word` (one folded word) holds as part of a
        Norwegian compound, or None."""
        if self.any_part is None or self.any_part.search(word) is None:
            return None
        for listed in self.parts:
            if (
                len(listed) < len(word)
                and listed in word
                and not any(harmless in word for harmless in self.harmless[listed])
            ):
                return listed
        return None

    def matches(self, text):
        folded = _fold(text)
        whole = (
            []
            if self.whole is None
            else [(m.start(), m.group()) for m in self.whole.finditer(folded)]
        )
        taken = {start for start, _ in whole}
        parts = []
        for token in WORD.finditer(folded):
            if token.start() in taken:
                continue
            listed = self.part_of(token.group())
            if listed is not None:
                parts.append((token.start(), listed))
        return [word for _, word in sorted(whole + parts)]


WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=32)
def _matcher(words):
    return _Matcher(words)


def matches(text, words):
    """The listed words that occur in `text`, in the order they occur: whole words and
    phrases, and (for words of four letters or more) parts of compounds. Each list is
    compiled once (every submission of a gathering goes through the same list)."""
    return _matcher(tuple(words)).matches(text)


def settings(db, gathering_id):
    """The gathering's word list: {enabled, words, default} (the shipped list until edited)."""
    saved = store.words.get_moderation(db, gathering_id)
    if saved is None:
        return {"enabled": True, "words": list(DEFAULT_WORDS), "default": True}
    return {"enabled": saved["enabled"], "words": saved["words"], "default": False}


def holds(db, gathering_id, text):
    """Should this text wait for approval because of the gathering's word list?"""
    current = settings(db, gathering_id)
    return current["enabled"] and bool(matches(text, current["words"]))


def checked_words(raw):
    """The list as stored: folded, spaces collapsed, no repeats (None: the shipped list)."""
    if raw is None:
        return list(DEFAULT_WORDS)
    if not isinstance(raw, list) or len(raw) > MAX_WORDS:
        raise SamlaError(
            "bad_request",
            detail=_l("words må være en liste med høyst %(limit)s ord", limit=MAX_WORDS),
        )
    words = []
    for word in raw:
        if not isinstance(word, str):
            raise SamlaError("bad_request", detail=_l("hvert ord må være tekst"))
        if any(unicodedata.category(char) == "Cs" for char in word):  # SQLite cannot store it
            raise SamlaError("bad_characters")
        word = " ".join(_fold(word).split())
        if len(word) > MAX_WORD_LENGTH:
            raise SamlaError(
                "bad_request", detail=_l("et ord har høyst %(limit)s tegn", limit=MAX_WORD_LENGTH)
            )
        if word and word not in words:
            words.append(word)
    return words


def save(db_store, gathering_id, raw):
    """Switch the word list on or off and replace its words (null: the shipped list)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("enabled"), bool):
        raise SamlaError("bad_request", detail=_l("send enabled (true eller false) og words"))
    words = checked_words(raw.get("words"))
    with db_store.write() as db:
        lookups.gathering(db, gathering_id)
        store.words.save_moderation(db, gathering_id, raw["enabled"], words, now())
        return describe(db, gathering_id)


def describe(db, gathering_id):
    """The word list and how many entries wait for approval, per activity and in all."""
    waiting = {
        activity_id: counts["held_count"]
        for activity_id, counts in store.entries.entry_counts(db, gathering_id).items()
    }
    activities = [
        {"id": a["id"], "approval": a["approval"], "held_count": waiting.get(a["id"], 0)}
        for a in store.activities.list_activities(db, gathering_id)
    ]
    return {
        **settings(db, gathering_id),
        "held_count": sum(waiting.values()),
        "activities": activities,
    }


def set_approval(db_store, gathering_id, activity_id, approval):
    """Turn "approve before showing" on or off for one activity; returns the activity."""
    if not isinstance(approval, bool):
        raise SamlaError(
            "bad_request", detail=_l("%(key)s må være true eller false", key="approval")
        )
    with db_store.write() as db:
        lookups.activity_of(db, gathering_id, activity_id)
        store.activities.set_activity_approval(db, activity_id, approval)
        return store.activities.get_activity(db, activity_id)
