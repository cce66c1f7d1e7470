"""What people do in a gathering; each action checks the rules and writes in one transaction.

HTTP and Socket.IO both call these, so a rule is enforced the same way whichever
door a request comes through. Nothing here waits on the network.
"""

import sqlite3

from flask_babel import lazy_gettext as _l

from app import agenda, kinds, lookups, moderation, rules, store
from app.errors import SamlaError


def create_gathering(db_store, definition):
    """Store a gathering from a checked definition; return its id."""
    with db_store.write() as db:
        code = rules.new_code()
        while store.gatherings.code_in_use(db, code):
            code = rules.new_code()
        record = {
            "code": code,
            "title": definition["title"],
            "date": definition["date"],
            "place": definition["place"],
            "organiser": definition["organiser"],
            "language": definition["language"],
            "definition": rules.flatten(definition),
            "screen_token": rules.new_token(),
            "created_at": rules.now(),
        }
        gathering_id = store.gatherings.insert_gathering(
            db, record, definition["tables"], definition["activities"]
        )
        agenda.resolve_sources(db, gathering_id)
        return gathering_id


def join(db_store, code, table, token=None):
    """Join a table of the gathering with this code: as a new anonymous participant, or,
    with the token the phone kept from an earlier join, as itself again (at this table)."""
    if not isinstance(code, str | int) or isinstance(code, bool):
        raise SamlaError("bad_request", detail=_l("%(key)s mangler", key="code"))
    table = rules.check_id(table, "table")
    with db_store.write() as db:
        gathering = store.gatherings.get_gathering_by_code(db, str(code).strip())
        if gathering is None:
            raise SamlaError("unknown_code")
        if store.gatherings.get_table(db, gathering["id"], table) is None:
            raise SamlaError("unknown_table", table=table)
        known = store.gatherings.get_participant(db, token) if isinstance(token, str) else None
        if known is not None and known["gathering_id"] == gathering["id"]:
            if known["table_number"] != table:
                store.gatherings.move_participant(db, token, table)
        else:
            if not gathering["joining_open"]:
                raise SamlaError("joining_closed")
            most = gathering["definition"].get("max_participants")
            if (
                most
                and sum(store.gatherings.count_participants(db, gathering["id"]).values()) >= most
            ):
                raise SamlaError("gathering_full", limit=most)
            token = rules.new_token()
            store.gatherings.insert_participant(db, token, gathering["id"], table, rules.now())
    return {
        "participant_token": token,
        "participant": rules.participant_id(token),
        "gathering_id": gathering["id"],
        "table": table,
        "rejoined": known is not None and known["gathering_id"] == gathering["id"],
    }


def set_joining(db_store, gathering_id, joining_open):
    """Let newcomers join, or not; phones already in keep working."""
    if not isinstance(joining_open, bool):
        raise SamlaError("bad_request", detail=_l("%(key)s må være true eller false", key="open"))
    with db_store.write() as db:
        lookups.gathering(db, gathering_id)
        store.gatherings.set_joining_open(db, gathering_id, joining_open)
    return {"ok": True, "open": joining_open}


def block_participant(db_store, gathering_id, participant):
    """Hide all a participant wrote, take its ballots and upvotes out of the results, and
    refuse what it does from now on; returns the activities it touched."""
    with db_store.write() as db:
        lookups.gathering(db, gathering_id)
        token = next(
            (
                p["token"]
                for p in store.gatherings.list_participants(db, gathering_id)
                if rules.participant_id(p["token"]) == participant
            ),
            None,
        )
        if token is None:
            raise SamlaError("not_found")
        store.gatherings.block_participant(db, token)
    return {"ok": True, "participant": participant, "blocked": True}


def submit(db_store, participant_token, payload):
    """Store a participant's entry once, however often it is sent.

    Returns (answer, entry, activity); `entry` is None for a duplicate, which
    changes nothing and needs no broadcast.
    """
    if not isinstance(payload, dict):
        raise SamlaError("bad_request", detail=_l("innholdet må være et JSON-objekt"))
    activity_id = rules.check_id(payload.get("activity_id"), "activity_id")
    client_id = payload.get("client_id")
    rules.check_client_id(client_id)
    text = payload.get("text")
    with db_store.write() as db:
        participant = lookups.participant(db, participant_token)
        activity = store.activities.get_activity(db, activity_id)
        duplicate = store.entries.get_entry_by_client_id(db, participant_token, client_id)
        if duplicate is None:
            own, table = _counts(db, activity, participant)
            rules.check_submission(activity, participant, text, own, table)
            hidden_by = kinds.of(activity).hides(db, activity, text)
            try:
                entry = store.entries.add_entry(
                    db,
                    {
                        "activity_id": activity_id,
                        "gathering_id": participant["gathering_id"],
                        "table_number": participant["table_number"],
                        "participant_token": participant_token,
                        "client_id": client_id,
                        "text": text,
                        "created_at": rules.now(),
                        "held": int(
                            activity["approval"]
                            or moderation.holds(db, participant["gathering_id"], text)
                        ),
                        "hidden": int(hidden_by is not None),
                        "hidden_by_word": hidden_by,
                    },
                )
            except sqlite3.IntegrityError:
                # Stored by another process between our look-up and insert.
                duplicate = store.entries.get_entry_by_client_id(db, participant_token, client_id)
                if duplicate is None:
                    raise
            else:
                # A hidden entry uses no quota (store.entries.count_entries).
                own, table = own + (not entry["hidden"]), table + (not entry["hidden"])
        if duplicate is not None:
            activity = store.activities.get_activity(db, duplicate["activity_id"])
            entry = duplicate
            own, table = _counts(db, activity, participant)
    answer = {
        "ok": True,
        "id": entry["id"],
        "duplicate": duplicate is not None,
        "remaining": rules.remaining(activity, own, table),
        "held": entry["held"],
    }
    return answer, (None if duplicate is not None else entry), activity


def withdraw(db_store, participant_token, payload):
    """A phone takes back its own entry while the activity is open: hidden everywhere and
    no longer counted against its quota. Returns (answer, entry, activity); `entry` is None
    when it was withdrawn before (a resend changes nothing)."""
    entry_id = rules.check_id(payload.get("entry_id"), "entry_id")
    with db_store.write() as db:
        participant = lookups.participant(db, participant_token)
        entry = store.entries.get_entry(db, entry_id)
        if entry is None or entry["participant_token"] != participant_token:
            raise SamlaError("unknown_entry")
        activity = store.activities.get_activity(db, entry["activity_id"])
        changed = not entry["withdrawn"]
        if changed:
            rules.check_participation(activity, participant)
            store.entries.withdraw_entry(db, entry_id)
            if activity["highlighted_entry_id"] == entry_id:
                store.activities.set_highlighted_entry(db, activity["id"], None)
            entry = store.entries.get_entry(db, entry_id)
        own, table = _counts(db, activity, participant)
    answer = {"ok": True, "id": entry_id, "remaining": rules.remaining(activity, own, table)}
    return answer, (entry if changed else None), activity


def _counts(db, activity, participant):
    """The participant's and its table's entries that count against the activity's quotas;
    a count that no quota limits is not looked up (0)."""
    if activity is None:
        return 0, 0
    limits = kinds.of(activity).quotas(activity["options"])
    own = table = 0
    if limits["per_participant"] is not None:
        own = store.entries.count_entries(
            db, activity["id"], participant_token=participant["token"]
        )
    if limits["per_table"] is not None:
        table = store.entries.count_entries(
            db, activity["id"], table_number=participant["table_number"]
        )
    return own, table


def set_activity_state(db_store, gathering_id, activity_id, state):
    """Open or close an activity; returns the activity as stored."""
    rules.check_state(state)
    with db_store.write() as db:
        activity = lookups.activity_of(db, gathering_id, activity_id)
        if activity["state"] != state:
            store.activities.set_activity_state(db, activity_id, state, rules.now())
        # A manual open or close ends any countdown.
        store.activities.set_closes_at(db, activity_id, None)
        return store.activities.get_activity(db, activity_id)


SCREEN_VIEWS = (None, "question", "progress", "themes")


def set_screen(db_store, gathering_id, activity_id, view=None, question_id=None):
    """Put an activity (or, with None, the join screen) on the projector.

    A task can be shown as one question across all tables, or as a progress board.
    """
    if view not in SCREEN_VIEWS:
        raise SamlaError(
            "bad_request", detail=_l("view må være question, progress, themes eller null")
        )
    with db_store.write() as db:
        lookups.gathering(db, gathering_id)
        if activity_id is not None:
            activity_id = rules.check_id(activity_id, "activity_id")
            activity = lookups.activity_of(db, gathering_id, activity_id)
            if view == "question":
                questions = activity["options"].get("questions") or []
                if question_id not in [q["id"] for q in questions]:
                    raise SamlaError("bad_request", detail=_l("ukjent question_id"))
        else:
            view = None
        if view != "question":
            question_id = None
        store.gatherings.set_screen_activity(db, gathering_id, activity_id, view, question_id)
    return {"activity_id": activity_id, "view": view, "question_id": question_id}


def set_revealed(db_store, gathering_id, activity_id, revealed):
    """Show or withhold an activity's results on the projector."""
    if not isinstance(revealed, bool):
        raise SamlaError(
            "bad_request", detail=_l("%(key)s må være true eller false", key="revealed")
        )
    with db_store.write() as db:
        lookups.activity_of(db, gathering_id, activity_id)
        store.activities.set_revealed(db, activity_id, revealed)
        return store.activities.get_activity(db, activity_id)


MAX_TIMER_SECONDS = 24 * 3600


def set_timer(db_store, gathering_id, activity_id, seconds):
    """Start a countdown that closes the activity (opening it if closed), or stop it."""
    if seconds is not None and (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or not 1 <= seconds <= MAX_TIMER_SECONDS
    ):
        raise SamlaError("bad_request", detail=_l("seconds må være fra 1 til 86400, eller null"))
    with db_store.write() as db:
        activity = lookups.activity_of(db, gathering_id, activity_id)
        closes_at = None
        if seconds is not None:
            closes_at = rules.later(seconds)
            if activity["state"] != "open":
                store.activities.set_activity_state(db, activity_id, "open", rules.now())
        store.activities.set_closes_at(db, activity_id, closes_at)
        return store.activities.get_activity(db, activity_id)


def close_due_activities(db_store):
    """Close every open activity whose timer has run out; returns them."""
    with db_store.write() as db:
        due = store.activities.activities_due(db, rules.now())
        for activity in due:
            store.activities.set_activity_state(db, activity["id"], "closed", rules.now())
        return [store.activities.get_activity(db, a["id"]) for a in due]


MODERATION_FLAGS = ("hidden", "highlighted", "held", "pinned", "answered")


def moderate_entry(db_store, entry_id, changes):
    """Hide, approve, pin, mark answered or highlight an entry.

    Returns (entry, previously highlighted entry or None).
    """
    if not isinstance(changes, dict) or not (set(MODERATION_FLAGS) & changes.keys()):
        raise SamlaError(
            "bad_request", detail=_l("send hidden, held, pinned, answered eller highlighted")
        )
    for key in MODERATION_FLAGS:
        if key in changes and not isinstance(changes[key], bool):
            raise SamlaError("bad_request", detail=_l("%(key)s må være true eller false", key=key))
    with db_store.write() as db:
        entry = store.entries.get_entry(db, entry_id)
        if entry is None or entry["withdrawn"]:
            raise SamlaError("unknown_entry")
        activity = store.activities.get_activity(db, entry["activity_id"])
        before = activity["highlighted_entry_id"]
        for flag in ("hidden", "held", "pinned", "answered"):
            if flag in changes:
                store.entries.set_entry_flag(db, entry_id, flag, changes[flag])
        if "highlighted" in changes:
            if changes["highlighted"]:
                store.activities.set_highlighted_entry(db, activity["id"], entry_id)
            elif before == entry_id:
                store.activities.set_highlighted_entry(db, activity["id"], None)
        entry = store.entries.get_entry(db, entry_id)
        previous = None
        if before not in (None, entry_id) and changes.get("highlighted"):
            previous = store.entries.get_entry(db, before)
    return entry, previous


def delete_gathering(db_store, gathering_id):
    """Erase a gathering and all it holds, permanently."""
    with db_store.write() as db:
        if not store.deletion.delete_gathering(db, gathering_id):
            raise SamlaError("not_found")
