"""Normalising and merging the words of a mood poll (no Flask here)."""

import unicodedata
from collections import Counter, defaultdict


def _is_punctuation(char):
    return unicodedata.category(char).startswith("P")


def display_form(text):
    """The text as it should show in a cloud: surrounding space and punctuation trimmed.

    Case and accents are kept ("får" and "far" stay different words). Text that is
    nothing but punctuation keeps its punctuation, so "?!" is still shown.
    """
    text = " ".join(unicodedata.normalize("NFC", text).split())
    start, end = 0, len(text)
    while start < end and _is_punctuation(text[start]):
        start += 1
    while end > start and _is_punctuation(text[end - 1]):
        end -= 1
    trimmed = text[start:end].strip()
    return trimmed or text


def merge_key(text):
    """Forms that differ only in case, surrounding punctuation or spacing share a key."""
    return display_form(text).casefold()


def frequencies(texts):
    """[{word, count}] most frequent first; each word in its most common original form."""
    counts = Counter()
    forms = defaultdict(Counter)
    first_seen = {}
    for position, text in enumerate(texts):
        form = display_form(text)
        if not form:
            continue
        key = form.casefold()
        counts[key] += 1
        forms[key][form] += 1
        first_seen.setdefault(key, position)
    result = []
    for key, count in counts.items():
        # most_common keeps insertion order among ties, so the earliest form wins a tie
        word = forms[key].most_common(1)[0][0]
        result.append({"word": word, "count": count, "key": key})
    result.sort(key=lambda item: (-item["count"], first_seen[item["key"]]))
    for item in result:
        del item["key"]
    return result
