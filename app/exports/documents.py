"""The order in which paged documents (DOCX, PDF) write minutes and network records.

Each format supplies a writer with these methods; this module decides what comes
where, so that the formats cannot drift apart:

- `heading(text, level)` (level 0 is the title), `paragraph(text, italic=False)`,
  `labelled(label, text)`, `bullet(text)`, `page_break()`;
- `facts(rows)`: [(label, value)] about a gathering or network, as a two-column table;
- `grid(header, rows)`: a table with a header row (participation, rankings, follow-ups);
- `cloud(block)`: a cloud block's picture and its frequency list.
"""

from app.exports.layout import (
    background,
    date_in_words,
    follow_up_header,
    follow_up_rows,
    grid_rows,
    hidden_note,
    meta_rows,
    municipality_lines,
    note_rows,
    ranking_rows,
    score_header,
    table_entries,
)


def title(m, labels):
    return f"{labels['minutes']}: {m['gathering']['title']}"


def minutes(writer, m, labels):
    writer.heading(title(m, labels), 0)
    writer.facts(meta_rows(m["gathering"], m["participants"], labels))
    if m["summary"]:
        writer.heading(labels["summary"], 1)
        writer.paragraph(m["summary"])
    writer.heading(labels["tables"], 1)
    _tables(writer, m, labels)
    writer.heading(labels["agenda"], 1)
    for item in m["items"]:
        writer.paragraph(f"{labels['item']} {item['number']}: {item['title']}")
    _items(writer, m, labels, 1)
    _follow_up(writer, m, labels, labels["follow_up_points"], 1)


def record(writer, r, labels):
    network = r["network"]
    writer.heading(f"{labels['record']}: {network['name']}", 0)
    facts = [
        (labels["county"], network["county"]),
        (labels["ordning"], network["ordning"]),
        (labels["municipalities"], ", ".join(network["municipalities"])),
        (labels["contact"], network["contact"]),
    ]
    writer.facts([(label, value) for label, value in facts if value])
    writer.heading(labels["annual_wheel"], 1)
    for slot in r["annual_wheel"]:
        for gathering in slot["gatherings"]:
            writer.bullet(
                f"{date_in_words(gathering['date'], labels) or '–'}: {gathering['title']}"
            )
    if not r["gatherings"]:
        writer.paragraph(labels["no_gatherings"], italic=True)
    previous = None
    for part in r["gatherings"]:
        gathering = part["gathering"]
        writer.page_break()
        when = date_in_words(gathering["date"], labels) or ""
        writer.heading(f"{when} {gathering['title']}".strip(), 1)
        writer.facts(meta_rows(gathering, part["participants"], labels))
        if previous is not None:
            _follow_up(writer, previous, labels, labels["previous_follow_up"], 2)
        if part.get("summary"):
            writer.heading(labels["summary"], 2)
            writer.paragraph(part["summary"])
        _tables(writer, part, labels)
        _items(writer, part, labels, 2)
        previous = part


def _follow_up(writer, m, labels, heading, level):
    rows = follow_up_rows(m, labels)
    if rows:
        writer.heading(heading, level)
        writer.grid(follow_up_header(labels), rows)


def _tables(writer, m, labels):
    writer.grid(
        [labels["table"], labels["network"], labels["participants"]],
        [[t["label"], t["network"] or "", str(t["participants"])] for t in m["tables"]],
    )
    lines = municipality_lines(m, labels)
    if lines:
        writer.labelled(labels["per_municipality"], "; ".join(lines))


def _items(writer, m, labels, level):
    for item in m["items"]:
        writer.heading(f"{labels['item']} {item['number']}: {item['title']}", level)
        writer.labelled(labels["background"], background(item))
        for block in item["blocks"]:
            if block["type"] == "cloud":
                writer.cloud(block)
                continue
            if block["heading"]:
                writer.heading(block["heading"], level + 1)
            if block["type"] == "ranking":
                header = [labels["rank"], labels["text"], score_header(block, labels)]
                rows = [[str(c) for c in row] for row in ranking_rows(block, labels)]
                writer.grid(header, rows)
                continue
            if block["type"] == "grid":
                writer.grid(*grid_rows(block))
                continue
            # Table names sit one level below the block's heading, never a level further.
            table_level = level + (2 if block["heading"] else 1)
            for table in block["tables"]:
                writer.heading(table["label"], table_level)
                for entry in table_entries(table, labels):
                    writer.bullet(entry)
        if not item["count"]:
            writer.paragraph(labels["no_entries"], italic=True)
        note = hidden_note(item, labels)
        if note:
            writer.paragraph(note, italic=True)
        for label, text in note_rows(item, labels):
            writer.labelled(label, text)
