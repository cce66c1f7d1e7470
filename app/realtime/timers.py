"""Countdowns: one background loop per process closes activities whose time is up.

The deadline is stored with the activity, so a restart resumes the countdown
(and closes at once what ran out while the server was down). Submissions check
the deadline themselves too, so a late loop never lets a late entry in.
"""

import threading

from app import actions, store
from app.errors import SamlaError
from app.realtime import broadcasts

TICK_SECONDS = 0.25


class Timers:
    def __init__(self, app, socketio):
        self.app = app
        self.socketio = socketio
        self.running = False
        self.guard = threading.Lock()

    def wake(self):
        """Make sure the loop runs while any timer is pending."""
        with self.guard:
            if self.running:
                return
            self.running = True
        self.socketio.start_background_task(self._run)

    def _run(self):
        while True:
            with self.app.app_context():
                db_store = store.get_store()
                if db_store.closed:  # the app has been shut down (tests make many)
                    with self.guard:
                        self.running = False
                    return
                try:
                    closed = actions.close_due_activities(db_store)
                except SamlaError as error:
                    if error.code != "try_again":
                        raise
                    closed = []  # the disk is full or the database locked: next tick
                for activity in closed:
                    broadcasts.activity_state_changed(activity)
                with db_store.read() as db:
                    pending = store.activities.next_closing(db)
            if pending is None:
                with self.guard:
                    self.running = False
                return
            self.socketio.sleep(TICK_SECONDS)


def init_app(app):
    from app.realtime.server import socketio

    app.extensions["samla_timers"] = Timers(app, socketio)


def resume(app):
    """After a start: resume any countdown that was running."""
    with app.app_context():
        with store.get_store().read() as db:
            pending = store.activities.next_closing(db)
    if pending is not None:
        app.extensions["samla_timers"].wake()


def wake():
    from flask import current_app

    current_app.extensions["samla_timers"].wake()
