"""`words`: a mood-word poll; every entry is one word or a short phrase for the cloud."""

from flask_babel import lazy_gettext as _l

from app import store, views, wording
from app.errors import SamlaError
from app.kinds.base import *  # noqa: F403
from app.kinds.options import positive_int

NAME = "words"
TAKES_ENTRIES = True
MAX_LENGTH = 80
HAS_CLOUD = True
FEEDS_PRIORITIES = True


def hides(db, activity, text):
    """A word the facilitator hid stays hidden when more phones send it (merges applied):
    the hidden word that hides this text, or None."""
    hidden = store.words.list_hidden_words(db, activity["id"])
    if not hidden:
        return None
    merges = [(m["word"], m["into_word"]) for m in store.words.list_merges(db, activity["id"])]
    stemming = activity["options"].get("stemming", False)
    key = wording.cloud_key(text, stemming, merges)
    return next((w for w in hidden if wording.cloud_key(w, stemming, merges) == key), None)


def options(raw):
    """Validate the kind's options from a definition."""
    per_participant = raw.get("words_per_participant", 1)
    result = {"words_per_participant": positive_int(per_participant, "words_per_participant")}
    stemming = raw.get("stemming", False)
    if not isinstance(stemming, bool):
        raise SamlaError(
            "invalid_definition", detail=_l("%(key)s må være true eller false", key="stemming")
        )
    if stemming:
        # Inflected forms ("god", "gode", "godt") count as one word in the cloud.
        result["stemming"] = True
    return result


def quotas(options):
    return {"per_participant": options["words_per_participant"], "per_table": None}


def remaining(options, own_count, table_count):
    return max(options["words_per_participant"] - own_count, 0)


def check_quota(options, own_count, table_count):
    """Refuse a participant's word beyond `words_per_participant`."""
    if own_count >= options["words_per_participant"]:
        raise SamlaError("too_many_words", limit=options["words_per_participant"])


def screen_results(db, activity, point_ids=None):
    return {"frequencies": views.word_frequencies(db, activity)}


def minutes_blocks(db, activity, entries, tables):
    # build() puts the frequencies on the activity: merges and stemming live in the store.
    # The cloud and its list say it all; the same words again table by table would not.
    return [{"type": "cloud", "frequencies": activity["frequencies"]}]
