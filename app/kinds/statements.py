"""`statements`: each table writes statements, up to an optional quota per table."""

from app import themes, views
from app.errors import SamlaError
from app.exports import blocks as block
from app.kinds.base import *  # noqa: F403
from app.kinds.options import positive_int

NAME = "statements"
TAKES_ENTRIES = True
MAX_LENGTH = 2000
THEMES = True
FEEDS_PRIORITIES = True
TABLE_SEES_ENTRIES = True


def options(raw):
    """Validate the kind's options; `per_table` omitted or null means no quota."""
    per_table = raw.get("per_table")
    if per_table is not None:
        per_table = positive_int(per_table, "per_table")
    return {"per_table": per_table}


def quotas(options):
    return {"per_participant": None, "per_table": options["per_table"]}


def remaining(options, own_count, table_count):
    if options["per_table"] is None:
        return None
    return max(options["per_table"] - table_count, 0)


def check_quota(options, own_count, table_count):
    """Refuse a statement once the table has used its quota."""
    if options["per_table"] is not None and table_count >= options["per_table"]:
        raise SamlaError("quota_used", limit=options["per_table"])


def screen_results(db, activity, point_ids=None):
    return {"themes": themes.accepted_themes(db, activity)}


def participant_view(db, activity, participant, table_entries):
    """The table's statements, which its phones write together."""
    return {
        "table_entries": [
            views.table_entry(e) for e in table_entries if not (e["hidden"] or e["held"])
        ]
    }


def minutes_blocks(db, activity, entries, tables):
    """The statements by table, then the accepted themes across tables (a `tables` block
    whose groups are themes, so every format renders it without knowing themes)."""
    blocks = [block.by_table(entries, tables)]
    if activity.get("themes"):
        blocks.append(block.themes_block(activity["themes"], entries, tables))
    return blocks
