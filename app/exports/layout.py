"""How the parts of minutes and records read in every format: pure helpers, no Flask.

The renderers run in the worker process, which loads neither Flask nor the store;
their words come in as `labels` (app/exports/labels.py resolves them in the server).
"""

import datetime as dt

from babel.dates import format_date

LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}
# The document language as office software and PDF readers name it.
LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}


def language_tag(labels):
    return LANGUAGE_TAGS.get(labels.get("language"), "nb-NO")


def date_in_words(value, labels):
    """ "3. februar 2020" (or "3 February 2020") for an ISO date; other text as it is."""
    if not value:
        return value
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return value
    return format_date(day, format="long", locale=LOCALES.get(labels.get("language"), "nb_NO"))


def mark_text(mark, labels):
    return labels.get(f"mark_{mark}") if mark else None


def marked(text, mark, labels):
    """A text with the facilitator's mark after it: "… (fremhevet)"."""
    label = mark_text(mark, labels)
    return f"{text} ({label})" if label else text


def table_entries(table, labels):
    """A `tables` group's texts with their marks."""
    marks = table.get("marks") or [None] * len(table["entries"])
    return [marked(text, m, labels) for text, m in zip(table["entries"], marks, strict=True)]


def unit(block, labels):
    return labels["votes"] if block["method"] == "votes" else labels["points"]


def score_header(block, labels):
    return labels["votes_column"] if block["method"] == "votes" else labels["points_column"]


def ranking_lines(block, labels):
    """A ranking block as numbered lines, for formats that write paragraphs."""
    return [
        f"{row['rank']}. {marked(row['text'], row.get('mark'), labels)}"
        f" ({row['score']} {unit(block, labels)})"
        for row in block["rows"]
    ]


def ranking_rows(block, labels):
    """A ranking block as [rank, text, score] rows, for formats that draw tables."""
    return [
        [row["rank"], marked(row["text"], row.get("mark"), labels), row["score"]]
        for row in block["rows"]
    ]


def grid_rows(block):
    """A grid block's header and rows as text, an empty cell as ''."""
    header = [block["corner"], *block["columns"]]
    rows = [
        [str(row["label"]), *("" if c is None else str(c) for c in row["cells"])]
        for row in block["rows"]
    ]
    return header, rows


def municipality_lines(m, labels):
    return [f"{row['name']}: {row['participants']}" for row in m.get("municipalities", [])]


def hidden_note(item, labels):
    """ "2 innspill skjult av ordstyrer", or None when nothing was hidden."""
    if not item["hidden_count"]:
        return None
    count = item["hidden_count"]
    return labels["hidden_one" if count == 1 else "hidden"] % {"n": count}


def times(gathering):
    """ "09:00–15:30", "09:00" or None."""
    parts = [gathering.get("starts"), gathering.get("ends")]
    return "–".join(part for part in parts if part) or None


def meta_rows(gathering, participants, labels):
    """(label, value) pairs of the heading facts that are known."""
    rows = [
        (labels["date"], date_in_words(gathering.get("date"), labels)),
        (labels["time"], times(gathering)),
        (labels["place"], gathering.get("place")),
        (labels["organiser"], gathering.get("organiser")),
        (labels["referent"], gathering.get("referent")),
        (labels["case_number"], gathering.get("case_number")),
        (labels["participants"], str(participants)),
    ]
    return [(label, value) for label, value in rows if value]


def follow_up_header(labels):
    return [labels["item"], labels["measure"], labels["follow_up_by"], labels["due"]]


def follow_up_rows(m, labels):
    """The closing follow-up table (sak, tiltak, ansvarlig, frist) as rows of text."""
    return [
        [
            f"{row['item']}. {row['title']}",
            row["text"],
            row.get("by") or "",
            date_in_words(row.get("due"), labels) or "",
        ]
        for row in m.get("follow_up", [])
    ]


def note_rows(item, labels):
    """(label, text) of the referat's parts under an item that the facilitator filled in."""
    notes = item["notes"]
    follow_up = notes["follow_up"]
    if follow_up and notes["follow_up_by"]:
        follow_up = f"{follow_up} ({labels['follow_up_by']}: {notes['follow_up_by']})"
    rows = [
        (labels["discussion"], notes["notes"]),
        (labels["conclusion"], notes["decision"]),
        (labels["follow_up"], follow_up),
    ]
    return [(label, text) for label, text in rows if text]


def background(item):
    """The item's background: its prompt, and the longer help when there is one."""
    return "\n".join(text for text in (item["prompt"], item["help"]) if text)


def data_header(item, labels):
    """The columns of an item's data rows (XLSX, CSV): one row per text, word or place."""
    header = [
        labels["item"],
        labels["question"],
        labels["table_number"],
        labels["table"],
        labels["network"],
        labels["text"],
    ]
    types = {block["type"] for block in item["blocks"]}
    if types & {"ranking", "grid"}:
        ranking = next((b for b in item["blocks"] if b["type"] == "ranking"), None)
        score = score_header(ranking, labels) if ranking else labels["points_column"]
        header += [score, labels["rank_column"]]
    if "cloud" in types:
        header.append(labels["count"])
    return header


def data_rows(item, m, labels):
    """An item's rows under `data_header`: numbers as numbers, empty cells as None."""
    networks = {table["number"]: table["network"] for table in m["tables"]}
    width = len(data_header(item, labels))
    rows = []

    def row(question=None, number=None, table=None, network=None, text=None, *extra):
        cells = [item["number"], question, number, table, network, text, *extra]
        rows.append(cells + [None] * (width - len(cells)))

    texts = {}
    for block in item["blocks"]:
        if block["type"] == "cloud":
            for freq in block["frequencies"]:
                row(None, None, None, None, freq["word"], *([None] * (width - 7)), freq["count"])
        elif block["type"] == "ranking":
            for entry in block["rows"]:
                texts[entry["rank"]] = entry["text"]
                text = marked(entry["text"], entry.get("mark"), labels)
                row(None, None, None, None, text, entry["score"], entry["rank"])
        elif block["type"] == "grid":
            # A place per network, one row each, the item named by its text.
            for n, network in enumerate(block["columns"]):
                for line in block["rows"]:
                    if line["cells"][n] is not None:
                        text = texts.get(line["label"], line["label"])
                        row(None, None, None, network, text, None, line["cells"][n])
        else:
            for table in block["tables"]:
                number = table["number"]
                if number is None:  # a theme across tables: its name and its tables
                    row(block["heading"], None, None, None, table["label"])
                    continue
                for text in table_entries(table, labels):
                    row(block["heading"], number, table["label"], networks.get(number), text)
    return rows


def summary_rows(m, labels):
    """(label, value) of the minutes' summary file: metadata, summary, notes, follow-ups."""
    rows = [(labels["minutes"], m["gathering"]["title"])]
    rows += meta_rows(m["gathering"], m["participants"], labels)
    if m.get("summary"):
        rows.append((labels["summary"], m["summary"]))
    for item in m["items"]:
        title = f"{labels['item']} {item['number']}: {item['title']}"
        note = hidden_note(item, labels)
        for label, text in note_rows(item, labels) + ([("", note)] if note else []):
            rows.append((f"{title} – {label}" if label else title, text))
    for values in follow_up_rows(m, labels):
        rows.append((labels["follow_up_points"], " – ".join(v for v in values if v)))
    return rows


# What the HTML templates of minutes and records call (the console's record page too).
TEMPLATE_HELPERS = {
    "background": background,
    "date_in_words": date_in_words,
    "follow_up_header": follow_up_header,
    "follow_up_rows": follow_up_rows,
    "grid_rows": grid_rows,
    "hidden_note": hidden_note,
    "meta_rows": meta_rows,
    "note_rows": note_rows,
    "ranking_rows": ranking_rows,
    "score_header": score_header,
    "table_entries": table_entries,
}
