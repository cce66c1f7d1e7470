"""The minutes (referat) of a gathering as one neutral structure that every format renders.

Each activity becomes a numbered item (sak) made of blocks (app/exports/blocks.py),
built by its kind (`minutes_blocks` in app/kinds/). A kind without blocks of its own gets
the generic table grouping (app/kinds/base.py), so a new kind shows up in every export
before anyone writes a section for it.
"""

from app import kinds, networks, store, themes, views
from app.exports.layout import (  # noqa: F401 (callers of minutes.* keep finding them)
    background,
    hidden_note,
    meta_rows,
    municipality_lines,
    note_rows,
    ranking_lines,
)

SCHEMA = "samla-minutes/1"


def item_count(db, activity, visible):
    """What an item counts: entries, or a task's points, or a vote's ballots."""
    count = kinds.of(activity).work_count(db, activity)
    return len(visible) if count is None else count


def per_municipality(tables):
    """Participants counted per municipality, for tables that stand for one (never names)."""
    counts = {}
    for table in tables:
        if table["municipality"]:
            counts[table["municipality"]] = (
                counts.get(table["municipality"], 0) + table["participants"]
            )
    return [{"name": name, "participants": n} for name, n in sorted(counts.items())]


def _notes(notes):
    keys = ("notes", "decision", "follow_up", "follow_up_by", "follow_up_due")
    return {key: (notes or {}).get(key) for key in keys}


def _gathering(gathering, summary):
    """The gathering's heading facts, with what the facilitator wrote for the minutes."""
    facts = {
        key: gathering[key] for key in ("id", "title", "date", "place", "organiser", "language")
    }
    for key in ("referent", "case_number", "starts", "ends"):
        facts[key] = summary.get(key)
    facts["place"] = summary.get("place") or facts["place"]
    return facts


def _has_content(block):
    parts = {"cloud": "frequencies", "tables": "tables", "ranking": "rows", "grid": "rows"}
    return bool(block.get(parts.get(block["type"], "rows")))


def build(db, gathering_id, table_numbers=None):
    """The minutes of a gathering, or None; `table_numbers` keeps only those tables' work."""
    gathering = store.gatherings.get_gathering(db, gathering_id)
    if gathering is None:
        return None
    people = store.gatherings.count_participants(db, gathering_id)
    notes = store.notes.get_notes(db, gathering_id)
    tables = [
        {
            "number": table["number"],
            "label": table["label"],
            "network": networks.describe_link(db, table["network"]),
            "municipality": table["municipality"],
            "participants": people.get(table["number"], 0),
        }
        for table in store.gatherings.list_tables(db, gathering_id)
        if table_numbers is None or table["number"] in table_numbers
    ]
    items, follow_up = [], []
    for number, activity in enumerate(store.activities.list_activities(db, gathering_id), start=1):
        entries = [
            entry
            for entry in store.entries.list_entries(db, activity["id"])
            if table_numbers is None or entry["table"] in table_numbers
        ]
        # Entries never approved (e.g. held by the word list) are as good as hidden.
        visible = [entry for entry in entries if not (entry["hidden"] or entry["held"])]
        build_blocks = kinds.of(activity).minutes_blocks
        activity = {
            **activity,
            "frequencies": views.word_frequencies(db, activity, [e["text"] for e in visible]),
            "themes": themes.accepted_themes(db, activity),
        }
        item = {
            "number": number,
            "uid": activity["uid"],
            "kind": activity["kind"],
            "title": activity["title"] or activity["prompt"],
            "prompt": activity["prompt"],
            "help": activity["help"],
            "count": item_count(db, activity, visible),
            "hidden_count": len(entries) - len(visible),
            "blocks": build_blocks(db, activity, visible, tables),
            "notes": _notes(notes.get(activity["uid"])),
        }
        # A network's record keeps only the activities its tables took part in.
        if table_numbers is not None and not any(map(_has_content, item["blocks"])):
            continue
        items.append(item)
        if item["notes"]["follow_up"]:
            follow_up.append(
                {
                    "item": number,
                    "title": item["title"],
                    "text": item["notes"]["follow_up"],
                    "by": item["notes"]["follow_up_by"],
                    "due": item["notes"]["follow_up_due"],
                }
            )
    return {
        "schema": SCHEMA,
        "gathering": _gathering(gathering, notes.get("") or {}),
        "participants": sum(table["participants"] for table in tables),
        "tables": tables,
        "municipalities": per_municipality(tables),
        "summary": (notes.get("") or {}).get("notes"),
        "items": items,
        "follow_up": follow_up,
    }
