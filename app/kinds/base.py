"""What every activity kind provides, with the answer for a kind that has nothing to add.

A kind module starts with `from app.kinds.base import *` and overrides what it does
differently; besides `__all__` it defines REQUIRED (its NAME and options parser).
tests/test_kinds.py checks that every kind has all of it.
Callers never ask which kind an activity is, they ask its kind: `kinds.of(activity)`.
"""

from app import store
from app.exports import blocks as block

# Every kind has its own; there is no default for these.
REQUIRED = ("NAME", "options")

__all__ = [
    # What the kind is
    "TAKES_ENTRIES",
    "TAKES_POINTS",
    "TAKES_BALLOTS",
    "TAKES_UPVOTES",
    "MAX_LENGTH",
    "HAS_CLOUD",
    "THEMES",
    "FEEDS_PRIORITIES",
    "TABLE_SEES_ENTRIES",
    "GATHERING_SEES_ENTRIES",
    # Its rules
    "quotas",
    "remaining",
    "check_quota",
    "hides",
    "question_ids",
    "check_edit",
    "item_source",
    "priority_items",
    # What people see of it
    "work_count",
    "screen_results",
    "update_results",
    "participant_view",
    "phone_items",
    "summaries",
    "results_entries",
    "minutes_blocks",
    # Its themes and bundle parts
    "theme_items",
    "theme_member",
    "theme_member_by_uid",
    "bundle_members",
]

# Phones send it entries (text); statements, words and questions do.
TAKES_ENTRIES = False
# Phones write and edit points under the kind's questions (a task).
TAKES_POINTS = False
# Phones cast a ballot on its items (priorities).
TAKES_BALLOTS = False
# Phones upvote each other's entries (questions).
TAKES_UPVOTES = False
# The longest text a phone may send (0: the kind takes no text).
MAX_LENGTH = 0
# Its entries make a word cloud, with stemming and the facilitator's merges.
HAS_CLOUD = False
# The facilitator may gather its work into themes across tables.
THEMES = False
# A priorities activity may take its items from it.
FEEDS_PRIORITIES = False
# The phones of a table see (and share a quota for) the table's entries.
TABLE_SEES_ENTRIES = False
# Every phone of the gathering sees its entries as they come.
GATHERING_SEES_ENTRIES = False


def quotas(options):
    """How much a participant, and a table, may add (None: no limit)."""
    return {"per_participant": None, "per_table": None}


def remaining(options, own_count, table_count):
    """What is left of the quota for this participant (None: no quota)."""
    return None


def check_quota(options, own_count, table_count):
    """Refuse an entry beyond the quota; no quota by default."""


def hides(db, activity, text):
    """The word the facilitator hid that hides a new entry with this text at once, or None."""
    return None


def question_ids(options):
    """The questions the kind's work is written under ([]: it has none)."""
    return []


def check_edit(db, before, options):
    """Refuse an edit of the kind's options that would lose work; any edit by default."""


def item_source(options):
    """The activity (key, id or uid) a priorities vote takes its items from, or None."""
    return None


def priority_items(db, source, options):
    """The items this (source) activity gives a priorities vote: its visible entries."""
    return [
        {"id": f"e{e['id']}", "text": e["text"], "table": e["table"]}
        for e in store.entries.list_entries(db, source["id"], visible_only=True)
    ]


def work_count(db, activity):
    """What counts as its work if not its entries (points, ballots); None: the entries."""
    return None


def screen_results(db, activity, point_ids=None):
    """What a screen shows beyond the entries (`point_ids`: only those points changed)."""
    return {}


def update_results(db, activity, point_ids=None):
    """What a screen's update carries beyond the changed entries, or None for the same as
    `screen_results`; a kind whose full view is large sends only what a screen shows."""
    return None


def participant_view(db, activity, participant, table_entries):
    """What a phone sees of it beyond its own entries; `table_entries` are its table's."""
    return {}


def phone_items(db, activity):
    """`{version, items}` of a list every phone shows alike and fetches once over HTTP
    (`GET /api/activities/<id>/items`), or None: the kind has none."""
    return None


def summaries(shown):
    """Views the organiser's results and the JSON export derive from `shown`."""
    return {}


def results_entries(entries):
    """The entries as the organiser's results list them."""
    return entries


def minutes_blocks(db, activity, entries, tables):
    """Its item in the minutes: the visible entries grouped by table."""
    return [block.by_table(entries, tables)]


def theme_items(db, activity):
    """{question id or None: [{id, table, text}]} of what themes are made of."""
    entries = store.entries.list_entries(db, activity["id"], visible_only=True)
    return {None: [{"id": e["id"], "table": e["table"], "text": e["text"]} for e in entries]}


def theme_member(db, item_id):
    """One member of a theme (an entry) by its id."""
    return store.entries.get_entry(db, item_id)


def theme_member_by_uid(db, uid):
    """One member of a theme (an entry) by its uid, as a bundle names it."""
    return store.bundles.get_entry_by_uid(db, uid)


def bundle_members(content):
    """{uid: member} of what a theme may hold in a bundle's content."""
    return {entry["uid"]: entry for entry in content.get("entries", [])}
