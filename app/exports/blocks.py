"""The blocks the minutes are made of; each activity kind builds its section from them.

Three block types exist:

- `{"type": "cloud", "frequencies": [{word, count}]}`: a word cloud and its list;
- `{"type": "tables", "heading": str | None, "tables": [{number, label, entries: [text]}]}`:
  participants' texts grouped by table, in the order they came;
- `{"type": "ranking", "heading": str | None, "method": str, "rows": [{rank, text, score}]}`:
  a priority list (or questions by votes), best first.
"""

from flask_babel import lazy_gettext as _l


def by_table(entries, tables, heading=None):
    """A `tables` block: each table's texts, tables in number order, empty tables left out."""
    labels = {table["number"]: table["label"] for table in tables}
    grouped = {}
    for entry in entries:
        grouped.setdefault(entry["table"], []).append(entry["text"])
    return {
        "type": "tables",
        "heading": heading,
        "tables": [
            {"number": number, "label": labels.get(number, str(number)), "entries": texts}
            for number, texts in sorted(grouped.items())
        ],
    }


def themes_block(themes, entries, tables):
    """Accepted themes as a `tables` block: each theme's statements with their tables."""
    labels = {table["number"]: table["label"] for table in tables}
    texts = {entry["id"]: entry for entry in entries}
    groups = []
    for theme in themes:
        members = [texts[i] for i in theme["entries"] if i in texts]
        if not members:
            continue
        numbers = sorted({m["table"] for m in members})
        names = ", ".join(labels.get(n, str(n)) for n in numbers)
        groups.append(
            {
                "number": None,
                "label": f"{theme['title']} ({names})",
                "theme": theme["title"],
                "table_numbers": numbers,
                "entries": [f"{labels.get(m['table'], m['table'])}: {m['text']}" for m in members],
            }
        )
    return {"type": "tables", "heading": str(_l("Tema på tvers av bordene")), "tables": groups}


def ranking(rows, heading, method):
    return {
        "type": "ranking",
        "heading": heading,
        "method": method,
        "rows": [{"rank": r["rank"], "text": r["text"], "score": r["score"]} for r in rows],
    }
