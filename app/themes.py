"""Themes across tables: statements (or task answers) from different tables that say the
same thing, suggested on this machine and kept once the facilitator edits or accepts them.

A suggestion is a cluster of texts whose vectors are close (agglomerative clustering,
average linkage, cosine distance below a threshold). A text's vector is its character
n-grams (TF-IDF) beside the concepts it names from a small thesaurus of the school sector
(app/data/thesaurus_school_nb.txt), so "midler" meets "økonomi" and "bhg" meets
"barnehagane". The weight and the cut (which adapts to how alike the statements are) were
tuned on the hand-labelled statements in tests/data/themes_labelled.json, all but the blind
set; docs/THEMES.md has the figures, on the held-out half and the blind set as well, and
the methods compared.
"""

import functools
import re
import unicodedata
from collections import Counter, defaultdict

import numpy as np
from flask_babel import lazy_gettext as _l

from app import kinds, lookups, store
from app.errors import SamlaError
from app.rules import now
from app.wording import DATA, STOP_WORDS, content_words, read_word_list, stem, tokens

MAX_TITLE = 200


# Methods: texts -> unit-length TF-IDF rows


def _plain(text):
    """NFC, case-folded, stop words out: what the character n-grams are taken from."""
    return " ".join(w for w in tokens(text) if w not in STOP_WORDS)


def _vectorizer(**options):
    # scikit-learn takes seconds to import: loaded when themes are first asked for, so a
    # restarted server is back for the phones at once.
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(sublinear_tf=True, **options)


def char_vectors(texts):
    """Character 2–4-grams within words: robust to compounds ("kompetanseordningene"),
    inflection and typos ("dekom", "rekom")."""
    vectorizer = _vectorizer(analyzer="char_wb", ngram_range=(2, 4), preprocessor=_plain)
    return vectorizer.fit_transform(texts)


def word_vectors(texts):
    """Words without stop words, stemmed with the Norwegian Snowball stemmer."""
    vectorizer = _vectorizer(analyzer=content_words)
    return vectorizer.fit_transform(texts)


# The sector's thesaurus (app/data/thesaurus_school_nb.txt): meaning shared without letters.

# Endings after a thesaurus form inside a compound ("kommune" in "nabokommunane").
ENDINGS = (
    "",
    "s",
    "e",
    "en",
    "ens",
    "er",
    "ere",
    "ene",
    "et",
    "ets",
    "a",
    "ar",
    "ane",
    "ne",
    "n",
    "t",
)
# Endings after a form's final e, er or ar ("barnehage": "barnehagar", "barnehagane";
# "midler": "midlene").
E_ENDINGS = ("a", "ar", "arne", "ane", "er", "ene", "ers", "ens")
# Between a phrase's words, one other word may stand ("dele gode erfaringar", "lytte mer
# til elevene"); a negation is not a word there ("har ikke tid" is "har tid").
PHRASE_GAP = r"\s+(?:[\w-]+\s+)?"
NEGATIONS = frozenset(read_word_list("negations_nb.txt"))
SHORT = 4  # forms shorter than this (abbreviations) match whole words only
MODIFIER = 3  # letters before a form at the end of a compound ("nabo" + "kommune")


def _phrase_word(word, last):
    """(pattern, the letters it must contain) for one of a phrase's words: the start of its
    inflected forms and compounds ("tjenester": "tjenest…", the last word "fag":
    "fagområder"); a short word before the last ("ut" in "ut i praksis") is the word itself,
    never the start of another ("utføre")."""
    if len(word) < SHORT and not last:
        return re.escape(word) + r"(?![\w-])", word
    for ending in ("er", "ar", "e"):
        if len(word) > SHORT and word.endswith(ending):
            word = word[: -len(ending)]
            break
    return re.escape(word) + r"[\w-]*", word


class Thesaurus:
    """Concept ids for the words of a text, by the forms each concept lists."""

    def __init__(self, text):
        self.words = defaultdict(set)  # form (one word) -> concepts
        self.stems = defaultdict(set)  # a form without its final e -> concepts
        # (pattern, concept, its longest word's letters) for forms of several words
        self.phrases = []
        for line in text.splitlines():
            line = unicodedata.normalize("NFC", line.strip()).casefold()
            if not line or line.startswith("#"):
                continue
            concept, _, forms = line.partition(":")
            concept = concept.strip()
            for form in (f.strip() for f in forms.split(",")):
                if " " in form:
                    *head, last = form.split()
                    words = [*(_phrase_word(w, False) for w in head), _phrase_word(last, True)]
                    pattern = re.compile(r"(?<!\w)" + PHRASE_GAP.join(p for p, _ in words))
                    longest = max((letters for _, letters in words), key=len)
                    self.phrases.append((pattern, concept, longest))
                elif form:
                    self.words[form].add(concept)
                    for ending in ("e", "er", "ar"):  # "barnehage", "midler", "midlar"
                        if len(form) > SHORT and form.endswith(ending):
                            self.stems[form[: -len(ending)]].add(concept)

    def _spans(self, word):
        """(start, stop, concepts) of the forms found in one word."""
        found = []
        if word in self.words:
            found.append((0, len(word), self.words[word]))
        if len(word) < SHORT:
            return found
        for stop in range(SHORT, len(word)):  # a form, then an ending or a compound's head
            concepts = self.words.get(word[:stop])
            if concepts:
                found.append((0, stop, concepts))
        for stop in range(SHORT, len(word)):  # a form, its final e dropped for the ending
            concepts = self.stems.get(word[:stop])
            if concepts and word[stop:] in E_ENDINGS:
                found.append((0, len(word), concepts))
        for start in range(MODIFIER, len(word) - SHORT + 1):  # a compound's head, inflected
            tail = word[start:]
            for ending in ENDINGS:
                if tail.endswith(ending):
                    form = tail[: len(tail) - len(ending)]
                    if len(form) >= SHORT and form in self.words:
                        found.append((start, start + len(form), self.words[form]))
            for ending in E_ENDINGS:
                if tail.endswith(ending) and tail[: len(tail) - len(ending)] in self.stems:
                    found.append((start, len(word), self.stems[tail[: len(tail) - len(ending)]]))
        return found

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 (one thesaurus for the process)
    def of_word(self, word):
        """Concepts of one case-folded word; parts between hyphens count on their own, and a
        form inside a longer form ("skole" in "høgskole") does not."""
        found = []
        for part in {word, *word.split("-")}:
            spans = self._spans(part)
            for start, stop, concepts in spans:
                inside = any(a <= start and stop <= b and b - a > stop - start for a, b, _ in spans)
                if not inside:
                    found.extend(concepts)
        return tuple(sorted(set(found)))

    def of(self, text):
        """The concepts a text names, one per mention (a concept named twice counts twice)."""
        words = tokens(text)
        found = [c for w in words if w not in STOP_WORDS for c in self.of_word(w)]
        joined = " ".join(w for w in words if w not in NEGATIONS)
        for pattern, concept, letters in self.phrases:
            if letters in joined:  # hundreds of phrases: most are ruled out without a search
                found.extend(concept for _ in pattern.finditer(joined))
        return found


@functools.cache
def thesaurus():
    return Thesaurus((DATA / "thesaurus_school_nb.txt").read_text(encoding="utf-8"))


def concept_vectors(texts):
    """TF-IDF over the thesaurus' concepts each text names (rows without any are zero)."""
    from scipy import sparse

    found = [thesaurus().of(text) for text in texts]
    if not any(found):
        return sparse.csr_matrix((len(texts), 1))
    return _vectorizer(analyzer=lambda concepts: concepts).fit_transform(found)


# How much of a pair's similarity the concepts carry (the rest: character n-grams).
CONCEPT_WEIGHT = 0.6


def meaning_vectors(texts, weight=None):
    """Character n-grams and the thesaurus' concepts side by side, so statements meet on
    shared letters ("rekom", "re-komp") and on shared meaning ("midler", "økonomi")."""
    from scipy import sparse
    from sklearn.preprocessing import normalize

    weight = CONCEPT_WEIGHT if weight is None else weight
    chars, concepts = char_vectors(texts), concept_vectors(texts)
    joined = sparse.hstack([chars * np.sqrt(1 - weight), concepts * np.sqrt(weight)]).tocsr()
    return normalize(joined)


METHODS = {"meaning": meaning_vectors, "chars": char_vectors, "words": word_vectors}
# "chars" and "words": tuned on the labelled set's "tune" half (bench/themes_quality.py).
# "meaning" (for a handful of texts, below SPREAD_FROM): the middle of a flat optimum over the
# labelled sets at the concepts' weight (docs/THEMES.md).
THRESHOLDS = {"meaning": 0.75, "chars": 0.8, "words": 0.95}
# For "meaning" the cut adapts to the statements: 1 - SPREAD × their mean similarity, within
# BOUNDS. Statements that all talk about the same things (mean similarity high) must be
# closer to be one theme; statements on many subjects may be a little further apart. Tuned
# with the weight on every labelled set but the blind one (bench/themes_quality.py).
# A handful of statements (a task question's answers, say) is mostly its own themes' pairs,
# so its mean says little about the background: below SPREAD_FROM texts, the fixed cut.
SPREAD = {"meaning": 3.5}
BOUNDS = (0.6, 0.85)
SPREAD_FROM = 20
METHOD = "meaning"


def adaptive_threshold(similarity, spread):
    """The distance cut for a similarity matrix (ones on the diagonal): 1 - spread × the mean
    similarity of two different texts, kept within BOUNDS."""
    n = len(similarity)
    mean = (similarity.sum() - np.trace(similarity)) / (n * (n - 1))
    return float(np.clip(1.0 - spread * mean, *BOUNDS))


def cluster(texts, method=METHOD, threshold=None, spread=None, **options):
    """A cluster label per text: texts with the same label say the same thing. Without a
    threshold, the method's adaptive cut (`spread`, see SPREAD) or its fixed one. `options`
    go to the method's vectors (the concepts' weight for "meaning")."""
    from sklearn.cluster import AgglomerativeClustering

    if len(texts) < 2:
        return list(range(len(texts)))
    vectors = METHODS[method](texts, **options)
    similarity = (vectors @ vectors.T).toarray()
    if threshold is None:
        spread = SPREAD.get(method) if spread is None else spread
        if spread is None or len(texts) < SPREAD_FROM:
            threshold = THRESHOLDS[method]
        else:
            threshold = adaptive_threshold(similarity, spread)
    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    # A text with no usable features (only stop words, say) is alone, never joined to others.
    empty = np.asarray(vectors.getnnz(axis=1) == 0)
    distance[empty, :] = 2.0
    distance[:, empty] = 2.0
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return [int(label) for label in model.fit_predict(distance)]


# Suggestions


TITLE_WORDS = 7
CLAUSE = re.compile(r"[.;:!?\n]+|\s[–-]\s")


def _content_stems(words):
    return {stem(w) for w in words if w not in STOP_WORDS and not w.isdigit() and len(w) > 2}


def title_for(texts):
    """A short phrase a person would write: the words of the group's most typical statement
    that say most of what the others say too (at most seven words, as typed)."""
    clauses = [
        clause.split()
        for text in texts
        for clause in CLAUSE.split(unicodedata.normalize("NFC", text))
        if clause.strip()
    ]
    if not clauses:
        return unicodedata.normalize("NFC", texts[0])[:60]
    shared = Counter()
    for text in texts:
        shared.update(_content_stems(tokens(text)))
    best, best_score = None, None
    for words in clauses:
        for start in range(len(words)):
            for stop in range(start + 1, min(start + TITLE_WORDS, len(words)) + 1):
                window = words[start:stop]
                folded = [w for word in window for w in tokens(word)]
                stems = _content_stems(folded)
                if not stems:
                    continue
                # Words most statements share count most; then a whole clause, then brevity.
                whole = start == 0 and stop == len(words)
                score = (sum(shared[s] - 1 for s in stems), whole, -len(window))
                if best_score is None or score > best_score:
                    best, best_score = window, score
    if best is None:
        best = clauses[0][:TITLE_WORDS]
    while len(best) > 1 and tokens(best[-1]) and tokens(best[-1])[0] in STOP_WORDS:
        best = best[:-1]
    while len(best) > 1 and tokens(best[0]) and tokens(best[0])[0] in STOP_WORDS:
        best = best[1:]
    phrase = " ".join(best).strip(" ,")
    return phrase[:1].upper() + phrase[1:]


def suggest(items, method=METHOD, threshold=None):
    """Groups of at least two items from at least two tables: [{title, entries, tables}].

    `items` are {id, table, text}; the biggest groups come first.
    """
    labels = cluster([item["text"] for item in items], method, threshold)
    groups = defaultdict(list)
    for item, label in zip(items, labels, strict=True):
        groups[label].append(item)
    found = []
    for members in groups.values():
        tables = sorted({m["table"] for m in members})
        if len(members) < 2 or len(tables) < 2:
            continue
        found.append(
            {
                "title": title_for([m["text"] for m in members]),
                "entries": [m["id"] for m in members],
                "tables": tables,
            }
        )
    found.sort(key=lambda group: (-len(group["entries"]), group["entries"][0]))
    return found


# What the console, projector, minutes and records see


def _items(db, activity):
    """{question id or None: [{id, table, text}]} of what the tables wrote and may be shown."""
    return kinds.of(activity).theme_items(db, activity)


def _stored(theme, visible):
    """A stored theme as shown: only its entries that are still visible."""
    entries = [i for i in theme["entries"] if i in visible]
    return {
        "id": theme["id"],
        "title": theme["title"],
        "entries": entries,
        "tables": sorted({visible[i]["table"] for i in entries}),
        "accepted": theme["accepted"],
        "question_id": theme["question_id"],
    }


def gather(db, activity):
    """What themes are made of, read under the store's lock: (items by question, kept themes)."""
    _check_kind(activity)
    return _items(db, activity), store.words.list_themes(db, activity["id"])


def compose(grouped, kept, method=METHOD):
    """Kept themes (accepted or not), then fresh suggestions over the visible entries no
    kept theme holds. Every entry is in at most one theme. No database: the clustering
    runs after the lock is released."""
    visible = {item["id"]: item for items in grouped.values() for item in items}
    result, taken = [], set()
    for theme in kept:
        shown = _stored(theme, visible)
        shown["entries"] = [i for i in shown["entries"] if i not in taken]
        taken.update(shown["entries"])
        if shown["entries"]:
            result.append(shown)
    for question_id, items in grouped.items():
        free = [item for item in items if item["id"] not in taken]
        for group in suggest(free, method):
            result.append({"id": None, **group, "accepted": False, "question_id": question_id})
    return result


def accepted_themes(db, activity):
    """Accepted themes with their visible entries and tables (the projector's and minutes'
    view); [] for kinds without themes."""
    if not kinds.of(activity).THEMES:
        return []
    themes = [t for t in store.words.list_themes(db, activity["id"]) if t["accepted"]]
    if not themes:
        return []
    visible = {i["id"]: i for items in _items(db, activity).values() for i in items}
    shown = [_stored(theme, visible) for theme in themes]
    return [theme for theme in shown if theme["entries"]]


# The facilitator's edits: accept, rename, merge (a theme of two themes' entries), split
# (a theme of some of a theme's entries) and discard.


def _check_kind(activity):
    if not kinds.of(activity).THEMES:
        raise SamlaError(
            "bad_request", detail=_l("temaer finnes bare for statements- og task-aktiviteter")
        )


def _activity(db, gathering_id, activity_id):
    activity = lookups.activity_of(db, gathering_id, activity_id)
    _check_kind(activity)
    return activity


def checked_title(raw):
    """A theme's title: NFC, spaces collapsed, at most MAX_TITLE characters."""
    if not isinstance(raw, str) or not raw.strip():
        raise SamlaError("bad_request", detail=_l("et tema trenger en tittel"))
    if any(unicodedata.category(char) == "Cs" for char in raw):  # SQLite cannot store it
        raise SamlaError("bad_characters")
    title = " ".join(unicodedata.normalize("NFC", raw).split())
    if len(title) > MAX_TITLE:
        raise SamlaError(
            "bad_request", detail=_l("en tittel har høyst %(limit)s tegn", limit=MAX_TITLE)
        )
    return title


def _entries(db, activity, raw):
    """Checked entry ids: a non-empty list of visible items of this activity (one question)."""
    if not isinstance(raw, list) or not raw:
        raise SamlaError(
            "bad_request", detail=_l("entries må være en liste med id-er som ikke er tom")
        )
    grouped = _items(db, activity)
    question_of = {item["id"]: q for q, items in grouped.items() for item in items}
    ids = []
    for value in raw:
        if isinstance(value, bool) or not isinstance(value, int) or value not in question_of:
            raise SamlaError("unknown_entry")
        if value not in ids:
            ids.append(value)
    questions = {question_of[i] for i in ids}
    if len(questions) > 1:
        raise SamlaError("bad_request", detail=_l("et tema samler svar på ett spørsmål"))
    return ids, questions.pop()


def take_entries(db, activity_id, ids, keep=None):
    """Take entries out of every other stored theme; themes left empty are discarded."""
    for theme in store.words.list_themes(db, activity_id):
        if theme["id"] == keep:
            continue
        left = [i for i in theme["entries"] if i not in ids]
        if not left:
            store.words.delete_theme(db, theme["id"])
        elif left != theme["entries"]:
            store.words.update_theme(
                db, theme["id"], theme["title"], left, theme["accepted"], now()
            )


def _accepted(raw, default):
    value = raw.get("accepted", default)
    if not isinstance(value, bool):
        raise SamlaError(
            "bad_request", detail=_l("%(key)s må være true eller false", key="accepted")
        )
    return value


def create(db_store, gathering_id, activity_id, raw):
    """Keep a theme: `{title, entries, accepted}`. Its entries leave any other theme, so a
    suggestion is accepted, two themes merged or one split by sending the entries wanted."""
    if not isinstance(raw, dict):
        raise SamlaError("bad_request", detail=_l("send title, entries og accepted"))
    with db_store.write() as db:
        activity = _activity(db, gathering_id, activity_id)
        ids, question_id = _entries(db, activity, raw.get("entries"))
        title = checked_title(raw.get("title"))
        accepted = _accepted(raw, False)
        take_entries(db, activity_id, ids)
        theme_id = store.words.insert_theme(
            db,
            {
                "activity_id": activity_id,
                "question_id": question_id,
                "title": title,
                "entries": ids,
                "accepted": accepted,
                "now": now(),
            },
        )
        return activity, _public(db, activity, theme_id)


def update(db_store, gathering_id, activity_id, theme_id, raw):
    """Rename, accept (or un-accept) a kept theme, or give it other entries."""
    if not isinstance(raw, dict) or not {"title", "entries", "accepted"} & raw.keys():
        raise SamlaError("bad_request", detail=_l("send title, entries eller accepted"))
    with db_store.write() as db:
        activity = _activity(db, gathering_id, activity_id)
        theme = _theme_of(db, activity_id, theme_id)
        title = checked_title(raw["title"]) if "title" in raw else theme["title"]
        accepted = _accepted(raw, theme["accepted"])
        ids = theme["entries"]
        if "entries" in raw:
            ids, _ = _entries(db, activity, raw["entries"])
            take_entries(db, activity_id, ids, keep=theme_id)
        store.words.update_theme(db, theme_id, title, ids, accepted, now())
        return activity, _public(db, activity, theme_id)


def discard(db_store, gathering_id, activity_id, theme_id):
    """Forget a kept theme; its entries are free for suggestions again."""
    with db_store.write() as db:
        activity = _activity(db, gathering_id, activity_id)
        _theme_of(db, activity_id, theme_id)
        store.words.delete_theme(db, theme_id)
        return activity


def _theme_of(db, activity_id, theme_id):
    theme = store.words.get_theme(db, theme_id)
    if theme is None or theme["activity_id"] != activity_id:
        raise SamlaError("unknown_theme")
    return theme


def _public(db, activity, theme_id):
    visible = {i["id"]: i for items in _items(db, activity).values() for i in items}
    return _stored(store.words.get_theme(db, theme_id), visible)
