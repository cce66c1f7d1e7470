"""JSON over HTTP for the console's helpers with Norwegian text: word merges, the word
list that holds entries for approval, "approve before showing", and themes across tables;
and the join address the QR codes carry. Thin, like api.py: every change is pushed to
the screens through the feed at once."""

from flask import Blueprint, current_app, jsonify
from flask_babel import lazy_gettext as _l

from app import addresses, kinds, lookups, merges, moderation, store, themes, views
from app.errors import SamlaError
from app.realtime import broadcasts
from app.web import auth
from app.web.api import refuse
from app.web.payloads import json_body

bp = Blueprint("console_api", __name__)
bp.register_error_handler(SamlaError, refuse)

ACTIVITY = "/api/gatherings/<int:gathering_id>/activities/<int:activity_id>"


def _activity(gathering_id, activity_id):
    with store.get_store().read() as db:
        return lookups.activity_of(db, gathering_id, activity_id)


def _merged(activity, merged):
    """The merges and the frequencies they give; the screens get the new cloud now."""
    broadcasts.feed().changed(activity["id"])
    with store.get_store().read() as db:
        frequencies = views.word_frequencies(db, activity)
    return jsonify({"merges": merged, "frequencies": frequencies})


@bp.get(f"{ACTIVITY}/merges")
@auth.organiser_api
def list_merges(gathering_id, activity_id):
    """The word merges of a words activity, the frequencies they give, the merges worth
    suggesting (other forms of the same word) and the words hidden with every entry of them."""
    activity = _activity(gathering_id, activity_id)
    if not kinds.of(activity).HAS_CLOUD:
        raise SamlaError("bad_request", detail=_l("bare en words-aktivitet har ord å slå sammen"))
    with store.get_store().read() as db:
        merged = merges.describe(db, activity)
        frequencies = views.word_frequencies(db, activity)
        hidden_words = store.words.list_hidden_words(db, activity["id"])
    return jsonify(
        {
            "merges": merged,
            "frequencies": frequencies,
            "suggestions": merges.suggestions(frequencies),
            "hidden_words": hidden_words,
        }
    )


@bp.post(f"{ACTIVITY}/merges")
@auth.organiser_api
def add_merge(gathering_id, activity_id):
    """Count one word as another: `{"word": B, "into": A}`."""
    activity, merged = merges.merge(store.get_store(), gathering_id, activity_id, json_body())
    return _merged(activity, merged)


@bp.delete(f"{ACTIVITY}/merges")
@auth.organiser_api
def undo_merge(gathering_id, activity_id):
    """Undo a merge: `{"word": B}`."""
    activity, merged = merges.undo(store.get_store(), gathering_id, activity_id, json_body())
    return _merged(activity, merged)


@bp.patch(f"{ACTIVITY}/words")
@auth.organiser_api
def hide_word(gathering_id, activity_id):
    """Hide a word of the cloud with every entry of it, now and later, or show again the
    entries it hid: `{"word", "hidden"}`."""
    body = json_body()
    activity, hidden_now, shown_again, hidden_words = merges.hide_word(
        store.get_store(), gathering_id, activity_id, body
    )
    # The screens get each entry as it is now, hidden or shown again.
    broadcasts.entries_hidden(hidden_now + shown_again, activity)
    with store.get_store().read() as db:
        frequencies = views.word_frequencies(db, activity)
    return jsonify(
        {
            "word": body["word"],
            "hidden": body["hidden"],
            "hidden_entries": hidden_now,
            "shown_entries": shown_again,
            "hidden_words": hidden_words,
            "frequencies": frequencies,
        }
    )


@bp.get("/api/gatherings/<int:gathering_id>/moderation")
@auth.organiser_api
def get_moderation(gathering_id):
    """The word list (on or off, its words) and how many entries wait for approval."""
    with store.get_store().read() as db:
        lookups.gathering(db, gathering_id)
        return jsonify(moderation.describe(db, gathering_id))


@bp.put("/api/gatherings/<int:gathering_id>/moderation")
@auth.organiser_api
def save_moderation(gathering_id):
    """`{"enabled": bool, "words": [...] | null}`; null restores the shipped list."""
    return jsonify(moderation.save(store.get_store(), gathering_id, json_body()))


@bp.post(f"{ACTIVITY}/approval")
@auth.organiser_api
def set_approval(gathering_id, activity_id):
    """Approve before showing: `{"approval": bool}`; new entries wait while it is on."""
    body = json_body()
    approval = body.get("approval") if isinstance(body, dict) else None
    activity = moderation.set_approval(store.get_store(), gathering_id, activity_id, approval)
    broadcasts.activity_state_changed(activity)
    return jsonify(views.public_activity(activity))


@bp.get(f"{ACTIVITY}/themes")
@auth.organiser_api
def list_themes(gathering_id, activity_id):
    """Kept and accepted themes, then suggestions: [{id, title, entries, tables, accepted,
    question_id}]; every visible entry is in at most one theme."""
    activity = _activity(gathering_id, activity_id)
    with store.get_store().read() as db:
        gathered = themes.gather(db, activity)
    return jsonify(themes.compose(*gathered))


@bp.post(f"{ACTIVITY}/themes")
@auth.organiser_api
def create_theme(gathering_id, activity_id):
    """Keep or accept a theme: `{"title", "entries", "accepted"}` (also how themes are
    merged and split: the entries leave whatever theme held them)."""
    activity, theme = themes.create(store.get_store(), gathering_id, activity_id, json_body())
    broadcasts.feed().changed(activity["id"])
    return jsonify(theme), 201


@bp.patch(f"{ACTIVITY}/themes/<int:theme_id>")
@auth.organiser_api
def update_theme(gathering_id, activity_id, theme_id):
    """Rename, accept or re-fill a kept theme: any of `{"title", "entries", "accepted"}`."""
    activity, theme = themes.update(
        store.get_store(), gathering_id, activity_id, theme_id, json_body()
    )
    broadcasts.feed().changed(activity["id"])
    return jsonify(theme)


@bp.delete(f"{ACTIVITY}/themes/<int:theme_id>")
@auth.organiser_api
def discard_theme(gathering_id, activity_id, theme_id):
    """Forget a kept theme; its entries can be suggested again."""
    activity = themes.discard(store.get_store(), gathering_id, activity_id, theme_id)
    broadcasts.feed().changed(activity["id"])
    return jsonify({"ok": True, "deleted": theme_id})


def _join_address(found):
    config = current_app.config
    return addresses.describe(found, config["PUBLIC_URL"], config["PUBLIC_URL_FIXED"])


@bp.get("/api/address")
@auth.organiser_api
def join_address():
    """The address phones use (in every QR code, link and table card), whether it is
    loopback (no phone can reach it), and the machine's usable addresses, likeliest first."""
    return jsonify(_join_address(addresses.scan()))


@bp.put("/api/address")
@auth.organiser_api
def choose_join_address():
    """Make `{"address": A}`, one of the listed addresses, the one phones use; every
    projector and console hears `resync` and draws its QR code and links anew."""
    if current_app.config["PUBLIC_URL_FIXED"]:
        raise SamlaError("address_fixed")
    body = json_body()
    found = addresses.scan()
    chosen = addresses.choose(found, body.get("address") if isinstance(body, dict) else None)
    current_app.config["PUBLIC_URL"] = f"http://{chosen}:{current_app.config['PORT']}"
    with store.get_store().read() as db:
        gathering_ids = [g["id"] for g in store.gatherings.list_gatherings(db)]
    broadcasts.join_address_changed(gathering_ids)
    return jsonify(_join_address(found))
