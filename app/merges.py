"""The facilitator's word merges in a words activity: "count B as A" on the console.

Merges are kept per activity and applied whenever frequencies are computed
(views.word_frequencies), so the projector, exports and minutes all show them;
the stored entries are never changed, and undoing a merge brings B back.
"""

import unicodedata

from flask_babel import lazy_gettext as _l

from app import kinds, lookups, store
from app.errors import SamlaError
from app.rules import now
from app.wording import cloud_key, display_form, stemmed_key

MAX_WORD = 80
# Suggestions look at the most frequent words only: a pass over every pair must stay quick.
SUGGESTION_WORDS = 300
# Endings that make another form of a Norwegian word ("god" → "godt", "gode").
ENDINGS = ("e", "t", "a", "en", "et", "er", "ne", "te", "ar", "ane", "ene")
# One letter off is a typo only in a word this long ("kolega"); shorter ones are other words.
TYPO_LENGTH = 6


def _activity(db, gathering_id, activity_id):
    activity = lookups.activity_of(db, gathering_id, activity_id)
    if not kinds.of(activity).HAS_CLOUD:
        raise SamlaError("bad_request", detail=_l("bare en words-aktivitet har ord å slå sammen"))
    return activity


def _word(raw, name):
    if not isinstance(raw, str) or not display_form(raw).strip():
        raise SamlaError("bad_request", detail=_l("%(name)s må være et ord", name=name))
    word = display_form(raw)
    if any(unicodedata.category(char) == "Cs" for char in word):  # SQLite cannot store it
        raise SamlaError("bad_characters")
    if len(word) > MAX_WORD:
        raise SamlaError(
            "bad_request", detail=_l("%(name)s har høyst %(limit)s tegn", name=name, limit=MAX_WORD)
        )
    return word


def _one_edit_apart(a, b):
    """Do `a` and `b` differ by one letter added, removed, changed, or two swapped?"""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        rest_a, rest_b = a[start + 1 :], b[start + 1 :]
        swapped = (
            a[start + 2 :] == b[start + 2 :] and a[start : start + 2] == b[start : start + 2][::-1]
        )
        return rest_a == rest_b or swapped
    return a[start:] == b[start + 1 :]


def _reason(word, into):
    """Why `word` looks like another form of `into`: "stem", "spelling", or None."""
    a, b = word.casefold(), into.casefold()
    if stemmed_key(a) == stemmed_key(b):
        return "stem"
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short) and long[len(short) :] in ENDINGS:
        return "stem"
    if min(len(a), len(b)) >= TYPO_LENGTH and _one_edit_apart(a, b):
        return "spelling"
    return None


def suggestions(frequencies):
    """Merges worth offering: `[{word, into, reason}]`, each less frequent word into the most
    frequent word it looks like another form of (same Norwegian stem, an inflected ending,
    or a typo). Accepting one is an ordinary merge."""
    words = [f["word"] for f in (frequencies or [])[:SUGGESTION_WORDS]]
    taken, found = set(), []
    for position, into in enumerate(words):
        if into in taken:
            continue
        for word in words[position + 1 :]:
            if word in taken:
                continue
            reason = _reason(word, into)
            if reason is not None:
                taken.add(word)
                found.append({"word": word, "into": into, "reason": reason})
    return found


def describe(db, activity):
    return [
        {"word": m["word"], "into": m["into_word"]}
        for m in store.words.list_merges(db, activity["id"])
    ]


def pair(raw):
    """`{"word": B, "into": A}` checked, as (B, A) in their display forms."""
    if not isinstance(raw, dict):
        raise SamlaError("bad_request", detail=_l("send word og into"))
    word, into = _word(raw.get("word"), "word"), _word(raw.get("into"), "into")
    if word.casefold() == into.casefold():
        raise SamlaError("bad_request", detail=_l("et ord kan ikke slås sammen med seg selv"))
    return word, into


def merge(db_store, gathering_id, activity_id, raw):
    """Count `word` as `into` from now on: `{"word": B, "into": A}`."""
    word, into = pair(raw)
    with db_store.write() as db:
        activity = _activity(db, gathering_id, activity_id)
        store.words.save_merge(db, activity_id, word, into, now())
        return activity, describe(db, activity)


def undo(db_store, gathering_id, activity_id, raw):
    """Undo the merge of `word`: `{"word": B}`."""
    if not isinstance(raw, dict):
        raise SamlaError("bad_request", detail=_l("send word"))
    word = _word(raw.get("word"), "word")
    with db_store.write() as db:
        activity = _activity(db, gathering_id, activity_id)
        if not store.words.delete_merge(db, activity_id, word):
            raise SamlaError("not_found")
        return activity, describe(db, activity)


def hide_word(db_store, gathering_id, activity_id, raw):
    """`{"word": W, "hidden": true}` hides every entry of W (merges applied) and those
    sent later; `"hidden": false` shows again, in the same transaction, exactly the entries
    W hid (not those hidden one by one since) and lets later ones show.

    Returns (activity, ids of the entries hidden now, ids shown again, hidden words).
    """
    if not isinstance(raw, dict) or not isinstance(raw.get("hidden"), bool):
        raise SamlaError("bad_request", detail=_l("send word og hidden (true eller false)"))
    word = _word(raw.get("word"), "word")
    with db_store.write() as db:
        activity = _activity(db, gathering_id, activity_id)
        hidden_now, shown_again = [], []
        if raw["hidden"]:
            store.words.save_hidden_word(db, activity_id, word, now())
            stemming = activity["options"].get("stemming", False)
            pairs = [(m["word"], m["into_word"]) for m in store.words.list_merges(db, activity_id)]
            key = cloud_key(word, stemming, pairs)
            hidden_now = [
                entry["id"]
                for entry in store.entries.list_entries(db, activity_id)
                if not entry["hidden"] and cloud_key(entry["text"], stemming, pairs) == key
            ]
            store.entries.hide_entries_of(db, hidden_now, word)
        else:
            store.words.delete_hidden_word(db, activity_id, word)
            shown_again = store.entries.show_entries_of(db, activity_id, word)
        hidden_words = store.words.list_hidden_words(db, activity_id)
        return activity, hidden_now, shown_again, hidden_words
