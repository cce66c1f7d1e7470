"""The order in which paged documents (DOCX, PDF) write minutes and network records.

Each format supplies a writer with these methods; this module decides what comes
where, so that the formats cannot drift apart:

- `heading(text, level)` (level 0 is the title), `paragraph(text, italic=False)`,
  `labelled(label, text)`, `bullet(text)`;
- `facts(rows)`: [(label, value)] about a gathering or network;
- `tables(m)`: the tables of a gathering, their networks and participants;
- `cloud(block)`: a cloud block's picture and its frequency list.
"""

from app.exports.layout import (
    background,
    hidden_note,
    meta_rows,
    municipality_lines,
    note_rows,
    ranking_lines,
)


def minutes(writer, m, labels):
    writer.heading(f"{labels['minutes']}: {m['gathering']['title']}", 0)
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
            writer.bullet(f"{gathering['date'] or '–'}: {gathering['title']}")
    if not r["gatherings"]:
        writer.paragraph(labels["no_gatherings"], italic=True)
    for part in r["gatherings"]:
        gathering = part["gathering"]
        writer.heading(f"{gathering['date'] or ''} {gathering['title']}".strip(), 1)
        writer.facts(meta_rows(gathering, part["participants"], labels))
        _tables(writer, part, labels)
        _items(writer, part, labels, 2)


def _tables(writer, m, labels):
    writer.tables(m)
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
                writer.heading(block["heading"], min(level + 1, 9))
            if block["type"] == "ranking":
                for line in ranking_lines(block, labels):
                    writer.paragraph(line)
                continue
            for table in block["tables"]:
                writer.heading(table["label"], min(level + 2, 9))
                for entry in table["entries"]:
                    writer.bullet(entry)
        if not item["count"]:
            writer.paragraph(labels["no_entries"], italic=True)
        note = hidden_note(item, labels)
        if note:
            writer.paragraph(note, italic=True)
        for label, text in note_rows(item, labels):
            writer.labelled(label, text)
