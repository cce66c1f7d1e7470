"""Who hears about a change, and when: rooms, and coalesced updates for screens.

Phones hear only what concerns them (their table, activity states); screens get
at most one `activity_update` per activity every COALESCE_SECONDS however many
phones submit. Nothing is emitted while the database lock is held.
"""

import threading

from flask import current_app

from . import snapshots, store


def screen_room(gathering_id):
    return f"screen:{gathering_id}"


def gathering_room(gathering_id):
    return f"gathering:{gathering_id}"


def table_room(gathering_id, table_number):
    return f"table:{gathering_id}:{table_number}"


class ScreenFeed:
    """Collects changed entries per activity and sends them to the screens in batches."""

    def __init__(self, app, socketio):
        self.app = app
        self.socketio = socketio
        self.interval = app.config["COALESCE_SECONDS"]
        self.pending = {}
        self.guard = threading.Lock()
        self.flushing = False

    def entry_changed(self, activity_id, entry_id=None):
        """Note a new or changed entry (or, with None, only new counts) for the screens."""
        with self.guard:
            ids = self.pending.setdefault(activity_id, set())
            if entry_id is not None:
                ids.add(entry_id)
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
                if not self.pending:
                    self.flushing = False
                    return
            self.flush()

    def flush(self):
        """Send every pending change now."""
        with self.guard:
            pending, self.pending = self.pending, {}
        updates = []
        with self.app.app_context():
            db_store = store.get_store()
            with db_store.read() as db:
                for activity_id, entry_ids in pending.items():
                    activity = store.get_activity(db, activity_id)
                    if activity is None:
                        continue
                    update = {
                        "activity_id": activity_id,
                        "state": activity["state"],
                        "entries": [
                            snapshots.screen_entry(e) for e in store.get_entries(db, entry_ids)
                        ],
                        **store.activity_counts(db, activity_id),
                    }
                    freq = snapshots.word_frequencies(db, activity)
                    if freq is not None:
                        update["frequencies"] = freq
                    updates.append((activity["gathering_id"], update))
        for gathering_id, update in updates:
            self.socketio.emit("activity_update", update, to=screen_room(gathering_id))


def init_app(app):
    from . import socketio

    app.extensions["samla_feed"] = ScreenFeed(app, socketio)


def feed():
    return current_app.extensions["samla_feed"]


def _emit(event, payload, room):
    from . import socketio

    socketio.emit(event, payload, to=room)


def entry_added(entry, activity):
    """A new entry: the screens (coalesced) and, for statements, the table's phones."""
    feed().entry_changed(activity["id"], entry["id"])
    if activity["kind"] == "statements":
        table_changed(activity, entry["table"], [entry])


def entry_moderated(entry, activity):
    """An entry hidden, shown or highlighted."""
    feed().entry_changed(activity["id"], entry["id"])
    if activity["kind"] == "statements":
        table_changed(activity, entry["table"], [entry])


def table_changed(activity, table_number, entries):
    with store.get_store().read() as db:
        left = snapshots.remaining_for_table(db, activity, table_number)
    _emit(
        "table_update",
        {
            "activity_id": activity["id"],
            "table": table_number,
            "entries": [snapshots.table_entry(e) for e in entries],
            "remaining": left,
        },
        table_room(activity["gathering_id"], table_number),
    )


def activity_state_changed(activity):
    """An activity opened or closed: every phone and screen of the gathering hears it once."""
    payload = {"activity": snapshots.public_activity(activity)}
    _emit("activity_state", payload, gathering_room(activity["gathering_id"]))
    _emit("activity_state", payload, screen_room(activity["gathering_id"]))


def screen_changed(gathering_id, activity_id):
    _emit("screen", {"activity_id": activity_id}, screen_room(gathering_id))


def gathering_deleted(gathering_id):
    """Tell everyone watching that the gathering is gone, then empty its rooms."""
    from . import socketio

    for room in (gathering_room(gathering_id), screen_room(gathering_id)):
        _emit("gathering_deleted", {"gathering_id": gathering_id}, room)
        socketio.close_room(room)
