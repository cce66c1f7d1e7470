"""Word frequencies kept up to date per activity, so an update costs the new entries, not all.

The screens get the cloud's frequencies with every coalesced update; merging
every visible word again each time grows with the audience. A tally remembers
what it has merged and catches up from the database: entries newer than the
last one it saw, and entries whose hidden flag changed. Because it reads the
database rather than trusting its own process's events, it stays right when
several processes serve one gathering. The result is the same as
`wording.frequencies` over the visible texts (tests/test_tallies.py holds it to that).
"""

import threading

from flask import current_app

from app import store
from app.wording import display_form


class _Form:
    """One way of writing a word: the visible entries that use it."""

    __slots__ = ("ids", "first")

    def __init__(self):
        self.ids = set()
        self.first = None

    def add(self, entry_id):
        self.ids.add(entry_id)
        if self.first is None or entry_id < self.first:
            self.first = entry_id

    def remove(self, entry_id):
        self.ids.discard(entry_id)
        if entry_id == self.first:
            self.first = min(self.ids) if self.ids else None


class WordTally:
    """The merged words of one activity's visible entries."""

    def __init__(self):
        self.last_id = 0
        self.seen = (0, 0)  # how many entries up to last_id, and their ids' sum
        self.written = {}  # entry id -> (key, form) of every entry with a word
        self.hidden = set()
        self.words = {}  # key -> {form: _Form}
        self.ranked = {}  # key -> (-count, first id, word, count), redone for changed keys only
        self.changed = set()
        self.merged = []

    def _show(self, entry_id):
        key, form = self.written[entry_id]
        self.words.setdefault(key, {}).setdefault(form, _Form()).add(entry_id)
        self.changed.add(key)

    def _hide(self, entry_id):
        key, form = self.written[entry_id]
        forms = self.words[key]
        forms[form].remove(entry_id)
        if not forms[form].ids:
            del forms[form]
        self.changed.add(key)

    def _rank(self, key):
        forms = self.words[key]
        if not forms:
            del self.words[key]
            self.ranked.pop(key, None)
            return
        # The most common form names the word; among equals, the one seen first.
        word = min(forms.items(), key=lambda item: (-len(item[1].ids), item[1].first))[0]
        count = sum(len(form.ids) for form in forms.values())
        first = min(form.first for form in forms.values())
        self.ranked[key] = (-count, first, word, count)

    def catch_up(self, db, activity_id):
        """Merge the entries stored since the last call and follow hidden flags that changed.

        What it saw is checked against the database first: a deleted gathering's ids are
        given again to the next one, whose word activity may have the same id."""
        if self.last_id and (
            store.entries.count_and_sum_ids(db, activity_id, self.last_id) != self.seen
        ):
            self.__init__()
        for entry_id, text, hidden in store.entries.entries_after(db, activity_id, self.last_id):
            self.last_id = max(self.last_id, entry_id)
            self.seen = (self.seen[0] + 1, self.seen[1] + entry_id)
            form = display_form(text)
            if not form:
                continue
            self.written[entry_id] = (form.casefold(), form)
            if hidden:
                self.hidden.add(entry_id)
            else:
                self._show(entry_id)
        hidden_now = {
            i for i in store.entries.hidden_entry_ids(db, activity_id) if i in self.written
        }
        for entry_id in hidden_now - self.hidden:
            self._hide(entry_id)
        for entry_id in self.hidden - hidden_now:
            self._show(entry_id)
        self.hidden = hidden_now

    def frequencies(self):
        """[{word, count}] most frequent first, ties in order of first appearance."""
        if self.changed:
            for key in self.changed:
                self._rank(key)
            self.changed.clear()
            self.merged = [
                {"word": word, "count": count} for _, _, word, count in sorted(self.ranked.values())
            ]
        return [dict(item) for item in self.merged]


class Tallies:
    """The tallies of one process, one per words activity, created on first use."""

    def __init__(self):
        self.by_activity = {}
        self.guard = threading.Lock()

    def frequencies(self, db, activity_id):
        with self.guard:
            tally = self.by_activity.setdefault(activity_id, WordTally())
            tally.catch_up(db, activity_id)
            return tally.frequencies()


def word_frequencies(db, activity_id):
    """The merged frequencies of an activity's visible entries, caught up from `db`."""
    tallies = current_app.extensions.setdefault("samla_tallies", Tallies())
    return tallies.frequencies(db, activity_id)
