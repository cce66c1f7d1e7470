"""The blocks the minutes are made of; each activity kind builds its section from them.

Four block types exist:

- `{"type": "cloud", "frequencies": [{word, count}]}`: a word cloud and its list;
- `{"type": "tables", "heading": str | None, "tables": [{number, label, entries: [text],
  marks: [mark | None]}]}`: participants' texts grouped by table, in the order they came;
  a mark ("highlighted", "answered", "pinned") says the facilitator singled a text out;
- `{"type": "ranking", "heading": str | None, "method": str, "rows": [{rank, text, score,
  mark}]}`: a priority list (or questions by votes), best first;
- `{"type": "grid", "heading": str | None, "corner": str, "columns": [str], "rows":
  [{label, cells: [value | None]}]}`: a compact table, e.g. each item's place per network.
"""

from flask_babel import lazy_gettext as _l


def mark(entry):
    """What the facilitator did to an entry that readers should see, or None."""
    for flag in ("highlighted", "answered", "pinned"):
        if entry.get(flag):
            return flag
    return None


def by_table(entries, tables, heading=None):
    """A `tables` block: each table's texts, tables in number order, empty tables left out."""
    labels = {table["number"]: table["label"] for table in tables}
    grouped = {}
    for entry in entries:
        grouped.setdefault(entry["table"], []).append(entry)
    return {
        "type": "tables",
        "heading": heading,
        "tables": [
            {
                "number": number,
                "label": labels.get(number, str(number)),
                "entries": [entry["text"] for entry in members],
                "marks": [mark(entry) for entry in members],
            }
            for number, members in sorted(grouped.items())
        ],
    }


def themes_block(themes, entries, tables):
    """Accepted themes as a `tables` block: each theme names its tables and holds its texts
    once; a theme found at a single table is no theme across tables and is left out."""
    labels = {table["number"]: table["label"] for table in tables}
    texts = {entry["id"]: entry for entry in entries}
    groups = []
    for theme in themes:
        members = [texts[i] for i in theme["entries"] if i in texts]
        numbers = sorted({m["table"] for m in members})
        if len(numbers) < 2:
            continue
        names = ", ".join(labels.get(n, str(n)) for n in numbers)
        groups.append(
            {
                "number": None,
                "label": f"{theme['title']} ({names})",
                "theme": theme["title"],
                "table_numbers": numbers,
                "entries": [],
                "marks": [],
            }
        )
    return {"type": "tables", "heading": str(_l("Tema på tvers av bordene")), "tables": groups}


def ranking(rows, heading, method):
    return {
        "type": "ranking",
        "heading": heading,
        "method": method,
        "rows": [
            {"rank": r["rank"], "text": r["text"], "score": r["score"], "mark": r.get("mark")}
            for r in rows
        ],
    }


def grid(heading, corner, columns, rows):
    """A `grid` block: `rows` are (label, [cell per column]) pairs."""
    return {
        "type": "grid",
        "heading": heading,
        "corner": corner,
        "columns": list(columns),
        "rows": [{"label": label, "cells": list(cells)} for label, cells in rows],
    }
