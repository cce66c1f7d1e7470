"""Normalising and merging the words of a mood poll (no Flask here)."""

import functools
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import snowballstemmer


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
    return merged_frequencies(texts)


# Stemming, stop words and the facilitator's own merges

DATA = Path(__file__).parent / "data"
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def read_word_list(name):
    """The words of a list in app/data: one a line, NFC and case-folded, comments skipped."""
    words = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = unicodedata.normalize("NFC", line.strip()).casefold()
        if line and not line.startswith("#"):
            words.append(line)
    return words


STOP_WORDS = frozenset(read_word_list("stopwords_nb.txt"))


@functools.lru_cache(maxsize=1)
def _stemmer():
    # A stemmer object keeps state while it works, so the one shared here is used under a lock.
    return snowballstemmer.stemmer("norwegian")


_stem_lock = threading.Lock()


@functools.lru_cache(maxsize=50_000)
def stem(word):
    """The Norwegian Snowball stem of one case-folded word ("tillitsfulle" → "tillitsfull")."""
    with _stem_lock:
        return _stemmer().stemWord(word)


def _stem_token(token):
    # Only letters are stemmed: emoji, numbers and symbols stay exactly as typed.
    return stem(token) if token.isalpha() else token


def stemmed_key(text):
    """A merge key in which inflected forms of the same words meet ("Gode!" and "god")."""
    key = merge_key(text)
    return " ".join(_stem_token(token) for token in key.split(" "))


def tokens(text):
    """The words of a text, NFC and case-folded; hyphenated words ("re-komp") stay one."""
    return WORD.findall(unicodedata.normalize("NFC", text).casefold())


def content_words(text, stemming=True):
    """The words of a text that carry meaning: stop words and digits left out, stemmed."""
    words = [w for w in tokens(text) if w not in STOP_WORDS and not w.isdigit()]
    return [stem(w) if stemming else w for w in words]


def _resolve(merges, key_of):
    """{key: final key} from (source word, target word) merges, following chains;
    a merge that would close a circle is ignored."""
    target = {}
    for source, into in merges:
        source_key, into_key = key_of(source), key_of(into)
        if source_key == into_key:
            continue
        seen, end = {source_key}, into_key
        while end in target and end not in seen:
            seen.add(end)
            end = target[end]
        if end in seen:
            continue
        target[source_key] = into_key
    resolved = {}
    for key in target:
        end = key
        while end in target:
            end = target[end]
        resolved[key] = end
    return resolved


def cloud_key(text, stemming=False, merges=()):
    """The key a text counts under in the cloud, stemming and merges applied."""
    key_of = stemmed_key if stemming else merge_key
    own = key_of(display_form(text))
    return _resolve(merges, key_of).get(own, own)


def merged_frequencies(texts, stemming=False, merges=()):
    """Like frequencies(), with optional stemming and the facilitator's merges
    ((word, into word) pairs); a merged group is shown as the word it was merged into.

    Stored texts are never touched: this only decides which texts count together.
    """
    key_of = stemmed_key if stemming else merge_key
    into = _resolve(merges, key_of)
    counts = Counter()
    own_forms = defaultdict(Counter)
    lent_forms = defaultdict(Counter)
    first_seen = {}
    for position, text in enumerate(texts):
        form = display_form(text)
        if not form:
            continue
        own = key_of(form)
        key = into.get(own, own)
        counts[key] += 1
        # A word merged into another lends its count, not its form (unless nothing else is left).
        (own_forms if own == key else lent_forms)[key][form] += 1
        first_seen.setdefault(key, position)
    result = []
    for key, count in counts.items():
        word = (own_forms[key] or lent_forms[key]).most_common(1)[0][0]
        result.append({"word": word, "count": count, "key": key})
    result.sort(key=lambda item: (-item["count"], first_seen[item["key"]]))
    for item in result:
        del item["key"]
    return result
