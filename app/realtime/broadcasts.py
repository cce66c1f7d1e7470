"""Who hears about a change, and when: rooms, and coalesced updates for screens.

Phones hear only what concerns them (their table, activity states, the panel's
questions); screens get at most one `activity_update` per activity every
COALESCE_SECONDS however many phones submit. The console (organiser) sees
everything; the projector (watch-only) sees nothing waiting for approval and
no results before they are revealed. Nothing is emitted while the database
lock is held.
"""

import threading
import time

from flask import current_app

from app import kinds, store, views
from app.realtime import snapshots

PHONE_COALESCE_SECONDS = 1.0


def screen_room(gathering_id):
    """Projectors: watch-only screens."""
    return f"screen:{gathering_id}"


def console_room(gathering_id):
    """The organiser's consoles."""
    return f"console:{gathering_id}"


def gathering_room(gathering_id):
    """Every phone of a gathering."""
    return f"gathering:{gathering_id}"


def table_room(gathering_id, table_number):
    return f"table:{gathering_id}:{table_number}"


def health_room():
    """Every console of this server: the store's health is the server's, not a gathering's."""
    return "health"


class ScreenFeed:
    """Collects changes per activity and sends them to screens (and questions to phones)
    in batches."""

    def __init__(self, app, socketio):
        self.app = app
        self.socketio = socketio
        self.interval = app.config["COALESCE_SECONDS"]
        self.pending = {}
        self.guard = threading.Lock()
        self.flushing = False
        # Phones hear the panel's questions at most once a second: every flush to the
        # whole gathering reaches every phone (10,000 messages a second at 1,000 phones
        # upvoting), where a screen is one connection.
        self.phone_interval = max(self.interval, PHONE_COALESCE_SECONDS)
        self.for_phones = {}
        self.items_for_phones = {}  # activity id -> (room, activity_items payload), latest
        self.items_versions = {}  # activity id -> the items' version the phones last heard
        self.phones_sent_at = 0.0
        # What the screens were last sent of each activity, to leave out a vote's update
        # that a new entry in its source did not change. Only with one process: another
        # one may have sent them something newer in between.
        self.sent = {} if not app.config.get("MESSAGE_QUEUE") else None

    def changed(
        self, activity_id, entry_id=None, point_id=None, entry_ids=(), voted_id=None, sources=False
    ):
        """Note a new or changed entry or point, several entries at once, or an entry whose
        votes changed (or, with none, new counts/results); with `sources`, the votes that
        take their items from this activity are updated too (found once per flush, not
        once per entry)."""
        with self.guard:
            change = self.pending.setdefault(activity_id, _no_change())
            change["sources"] = change["sources"] or sources
            change["entries"].update(entry_ids)
            if voted_id is not None:
                change["votes"].add(voted_id)
            if entry_id is not None:
                change["entries"].add(entry_id)
            if point_id is not None:
                change["points"].add(point_id)
            start = not self.flushing and self.interval > 0
            if start:
                self.flushing = True
        if self.interval <= 0:
            self.flush()
        elif start:
            self.socketio.start_background_task(self._flush_while_pending)

    def _flush_while_pending(self):
        while True:
            self.socketio.sleep(self.interval)
            with self.guard:
                if not self.pending and not self.for_phones and not self.items_for_phones:
                    self.flushing = False
                    return
            self.flush()

    def flush(self):
        """Send every pending change now."""
        with self.guard:
            pending, self.pending = self.pending, {}
        messages = []
        with self.app.app_context(), store.get_store().read() as db:
            activities = {}
            for activity_id in pending:
                activity = store.activities.get_activity(db, activity_id)
                if activity is not None:
                    activities[activity_id] = activity
            sources = [
                activities[i] for i, c in pending.items() if c["sources"] and i in activities
            ]
            fed = []
            dependants = _dependants(db, sources)
            for dependant in dependants:
                activities.setdefault(dependant["id"], dependant)
                if dependant["id"] not in pending:
                    pending[dependant["id"]] = _no_change()
                    fed.append(dependant["id"])
            for activity_id, change in pending.items():
                if activity_id in activities:
                    messages.extend(_update_messages(db, activities[activity_id], change))
            messages.extend(self._items_versions(db, dependants))
        for event, payload, room in self._hold_for_phones(self._news(messages, fed)):
            self.socketio.emit(event, payload, to=room)

    def _news(self, messages, fed):
        """The messages, but a screen's update of an activity that changed only because
        its source did (`fed`) when it is the same as the last one sent (a vote's results
        stay as they were while statements arrive)."""
        if self.sent is None:
            return messages
        news = []
        with self.guard:
            for event, payload, room in messages:
                if event == "activity_update":
                    key = (room, payload["activity_id"])
                    if payload["activity_id"] in fed and self.sent.get(key) == payload:
                        continue
                    self.sent[key] = payload
                news.append((event, payload, room))
        return news

    def forget(self, activity_id):
        """Screens were sent an activity's update outside the feed: the next one goes."""
        if self.sent is not None:
            with self.guard:
                for key in [k for k in self.sent if k[1] == activity_id]:
                    del self.sent[key]

    def _items_versions(self, db, votes):
        """A phone's vote names its items' version, not the items: when an open vote's items
        change under it (a statement hidden, withdrawn or added at the source), its phones
        hear the new version and fetch the items again."""
        messages = []
        for vote in votes:
            if vote["state"] != "open":
                continue
            shown = kinds.of(vote).phone_items(db, vote)
            if shown is None or self.items_versions.get(vote["id"]) == shown["version"]:
                continue
            self.items_versions[vote["id"]] = shown["version"]
            payload = {"activity_id": vote["id"], "items_version": shown["version"]}
            messages.append(("activity_items", payload, gathering_room(vote["gathering_id"])))
        return messages

    def _hold_for_phones(self, messages):
        """The screens' messages, and the phones' questions once their interval is over
        (an entry changed twice in between goes once, as it is now)."""
        now = time.monotonic()
        with self.guard:
            for event, payload, room in messages:
                if event == "questions_update":
                    held = self.for_phones.setdefault(payload["activity_id"], (room, {}))[1]
                    for entry in payload["entries"]:
                        # A new count adds to what is held (its text stays); anything else
                        # goes as it is now (a hidden question without its text).
                        votes_only = "hidden" not in entry
                        before = held.get(entry["id"], {}) if votes_only else {}
                        held[entry["id"]] = {**before, **entry}
                elif event == "activity_items":
                    self.items_for_phones[payload["activity_id"]] = (room, payload)
            due = self.interval <= 0 or now - self.phones_sent_at >= self.phone_interval
            if due and (self.for_phones or self.items_for_phones):
                held, self.for_phones, self.phones_sent_at = self.for_phones, {}, now
                items, self.items_for_phones = self.items_for_phones, {}
            else:
                held, items = {}, {}
        held_back = ("questions_update", "activity_items")
        return (
            [m for m in messages if m[0] not in held_back]
            + [
                (
                    "questions_update",
                    {"activity_id": activity_id, "entries": list(entries.values())},
                    room,
                )
                for activity_id, (room, entries) in held.items()
            ]
            + [("activity_items", payload, room) for room, payload in items.values()]
        )


def _no_change():
    return {"entries": set(), "points": set(), "votes": set(), "sources": False}


def _dependants(db, sources):
    """The priorities that take their items from any of these activities."""
    found = []
    for gathering_id in {a["gathering_id"] for a in sources}:
        ids = {a["id"] for a in sources if a["gathering_id"] == gathering_id}
        found += [
            a
            for a in store.activities.list_activities(db, gathering_id)
            if kinds.of(a).item_source(a["options"]) in ids
        ]
    return found


def _update_messages(db, activity, change):
    """The (event, payload, room) triples that one activity's changes produce."""
    gathering_id = activity["gathering_id"]
    entries = store.entries.get_entries(db, sorted(change["entries"]))
    # Entries that only got votes go out as their count: their text is known already.
    voted = store.entries.get_entries(db, sorted(change["votes"] - change["entries"]))
    shown = views.activity_update(db, activity, entries, sorted(change["points"]), voted)
    head = {
        "activity_id": activity["id"],
        "state": activity["state"],
        "revealed": activity["revealed"],
        **views.activity_counts(db, activity),
    }
    messages = [
        ("activity_update", {**head, **shown}, console_room(gathering_id)),
        (
            "activity_update",
            {**head, **views.for_projector(activity, shown)},
            screen_room(gathering_id),
        ),
    ]
    if change["points"] and kinds.of(activity).TAKES_POINTS:
        by_table = {}
        for point in store.points.get_points(db, sorted(change["points"])):
            by_table.setdefault(point["table"], []).append(views.public_point(point))
        messages += [
            (
                "points_update",
                {"activity_id": activity["id"], "table": table, "points": points},
                table_room(gathering_id, table),
            )
            for table, points in sorted(by_table.items())
        ]
    if kinds.of(activity).GATHERING_SEES_ENTRIES and (entries or voted):
        questions = [views.question_entry(e) for e in entries]
        questions += [views.entry_votes(e) or views.question_entry(e) for e in voted]
        messages.append(
            (
                "questions_update",
                {"activity_id": activity["id"], "entries": questions},
                gathering_room(gathering_id),
            )
        )
    return messages


def init_app(app):
    from app.realtime.server import socketio

    app.extensions["samla_feed"] = ScreenFeed(app, socketio)
    app.extensions["samla_store"].listeners.append(health_changed)


def feed():
    return current_app.extensions["samla_feed"]


def _emit(event, payload, room, skip_sid=None):
    from app.realtime.server import socketio

    socketio.emit(event, payload, to=room, skip_sid=skip_sid)


def health_changed(health):
    """Writes began to fail, or work again: the consoles hear `health` (`status`, `reason`)."""
    _emit("health", health, health_room())


def entry_added(entry, activity, sender=None, remaining=None):
    """A new entry: the screens (coalesced) and, for statements, the table's phones but
    the connection that `sender` names, which has the entry and its quota from its ack.
    `remaining`: the table's quota after it, when the caller knows it (a statement's ack
    carries it: the table shares one)."""
    kind = kinds.of(activity)
    feed().changed(activity["id"], entry_id=entry["id"], sources=kind.FEEDS_PRIORITIES)
    if kind.TABLE_SEES_ENTRIES:
        table_changed(activity, entry["table"], [entry], skip_sid=sender, remaining=remaining)


def entry_moderated(entry, activity):
    """An entry hidden, approved, pinned, answered or highlighted."""
    entry_added(entry, activity)


def entry_voted(entry, activity):
    """A question's votes changed: screens and phones hear its new count (coalesced), not
    its text again."""
    feed().changed(activity["id"], voted_id=entry["id"])


def entries_hidden(entry_ids, activity):
    """Entries hidden together (every entry of a word): the screens, coalesced."""
    feed().changed(
        activity["id"],
        entry_ids=entry_ids,
        sources=bool(entry_ids) and kinds.of(activity).FEEDS_PRIORITIES,
    )


def entry_withdrawn(entry, activity):
    """A phone took its entry back: it goes out hidden to the screens, the table's phones
    (statements) and every phone (questions), so each drops it."""
    entry_added(entry, activity)


def table_changed(activity, table_number, entries, skip_sid=None, remaining=None):
    if remaining is None:
        with store.get_store().read() as db:
            remaining = snapshots.remaining_for_table(db, activity, table_number)
    _emit(
        "table_update",
        {
            "activity_id": activity["id"],
            "table": table_number,
            "entries": [views.table_entry(e) for e in entries],
            "remaining": remaining,
        },
        table_room(activity["gathering_id"], table_number),
        skip_sid,
    )


def point_changed(point, activity):
    """A task point added, edited or deleted: the table's phones and the screens, coalesced.

    The phone that saved it has it from its ack; pushing it to the table at once put a
    second message in front of that ack on the same connection (44 ms at the median
    with 1,000 phones, docs/BENCHMARKS.md)."""
    feed().changed(activity["id"], point_id=point["id"], sources=True)


def ballot_cast(activity):
    """A ballot changed the results: the screens, coalesced."""
    feed().changed(activity["id"])


def activity_state_changed(activity):
    """An activity opened, closed, revealed or timed: every phone and screen hears it once."""
    payload = {"activity": views.phone_activity(activity)}
    feed().forget(activity["id"])
    for room in (gathering_room, screen_room, console_room):
        _emit("activity_state", payload, room(activity["gathering_id"]))


def results_revealed(activity):
    """Revealing sends the projector what it was not shown before."""
    feed().forget(activity["id"])
    with store.get_store().read() as db:
        shown = views.activity_update(
            db, activity, store.entries.list_entries(db, activity["id"]), None
        )
        counts = views.activity_counts(db, activity)
    payload = {
        "activity_id": activity["id"],
        "state": activity["state"],
        "revealed": activity["revealed"],
        **counts,
        **views.for_projector(activity, shown),
    }
    _emit("activity_update", payload, screen_room(activity["gathering_id"]))


def screen_changed(gathering_id, screen):
    """The projector shows another activity (or view of a task)."""
    for room in (screen_room, console_room):
        _emit("screen", screen, room(gathering_id))


def agenda_edited(gathering_id):
    """The agenda changed: every phone, screen and console of the gathering hears `resync`
    and asks for its whole view again with `sync` (each view is its own, so the server
    cannot send one snapshot to a room)."""
    for room in (gathering_room, screen_room, console_room):
        _emit("resync", {"gathering_id": gathering_id}, room(gathering_id))


def join_address_changed(gathering_ids):
    """The organiser chose another join address: every projector and console hears
    `resync` and draws its QR code and links from the new one."""
    for gathering_id in gathering_ids:
        for room in (screen_room, console_room):
            _emit("resync", {"gathering_id": gathering_id}, room(gathering_id))


def participant_joined(gathering_id, joined):
    """A phone joined (or joined again): the console shows the count live."""
    _emit("participant_joined", joined, console_room(gathering_id))


def joining_changed(gathering_id, joining_open):
    """The organiser opened or closed joining: the consoles show the switch."""
    _emit(
        "joining", {"gathering_id": gathering_id, "open": joining_open}, console_room(gathering_id)
    )


def participant_blocked(gathering_id):
    """A blocked phone's writing left every view: everyone draws theirs again."""
    agenda_edited(gathering_id)


def gathering_deleted(gathering_id):
    """Tell everyone watching that the gathering is gone, then empty its rooms."""
    from app.realtime.server import socketio

    for room in (
        gathering_room(gathering_id),
        screen_room(gathering_id),
        console_room(gathering_id),
    ):
        _emit("gathering_deleted", {"gathering_id": gathering_id}, room)
        socketio.close_room(room)
