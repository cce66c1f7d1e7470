"""Minutes and records as Markdown (CommonMark); participants' text is escaped, never markup.

Only what CommonMark would read as markup is escaped, so the raw text stays readable
("Nord-Gudbrandsdal", "(REKOMP)", "2020-02-03"); lists are real lists, tables GFM tables.
"""

import re

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

# Characters that open or close inline markup anywhere in a line ('|' ends a table cell).
INLINE = re.compile(r"([\\`*_\[\]<>&|])")
# What starts a block at the beginning of a line: a heading, quote, list item or rule.
LINE_START = re.compile(r"^(\s*)([#>+=~-])")
ORDERED_MARKER = re.compile(r"^(\s*\d+)([.)])")


def escape_line(line, at_start=True):
    """A line with its markup escaped; `at_start` when it begins a Markdown line (a
    heading, list item or label before it means it does not)."""
    line = INLINE.sub(r"\\\1", line)
    if at_start:
        line = LINE_START.sub(r"\1\\\2", line)
        line = ORDERED_MARKER.sub(r"\1\\\2", line)
    return line


def text(value, indent="", at_start=False):
    """A text as Markdown: escaped, its line breaks kept as hard breaks."""
    lines = [line.strip() for line in str(value).splitlines() if line.strip()]
    escaped = [escape_line(line, at_start or n > 0) for n, line in enumerate(lines)]
    return ("\\\n" + indent).join(escaped)


def cell(value):
    """A table cell: inline markup escaped, its line breaks as spaces (a cell is one line)."""
    return INLINE.sub(r"\\\1", " ".join(str(value).split()))


def table(header, rows):
    """A GFM table."""
    out = ["| " + " | ".join(cell(h) for h in header) + " |"]
    out.append("|" + "|".join(" --- " for _ in header) + "|")
    for row in rows:
        cells = [cell(value) if value is not None else "" for value in row]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    return out


def _block(block, labels, level):
    out = []
    if block["type"] == "cloud":
        out.append(f"{'#' * level} {text(labels['cloud'])}\n")
        rows = [(f["word"], f["count"]) for f in block["frequencies"]]
        return out + table([labels["word"], labels["count"]], rows)
    if block["heading"]:
        out.append(f"{'#' * level} {text(block['heading'])}\n")
    if block["type"] == "ranking":
        header = [labels["rank"], labels["text"], score_header(block, labels)]
        return out + table(header, ranking_rows(block, labels))
    if block["type"] == "grid":
        return out + table(*grid_rows(block))
    table_level = level + (1 if block["heading"] else 0)
    for group in block["tables"]:
        out.append(f"{'#' * table_level} {text(group['label'])}\n")
        out += [f"- {text(entry, '  ', True)}" for entry in table_entries(group, labels)]
        out.append("")
    return out


def items(minutes, labels, level):
    """The numbered items (saker), each with background, results, discussion, conclusion."""
    out = []
    for item in minutes["items"]:
        out.append(f"{'#' * level} {labels['item']} {item['number']}: {text(item['title'])}\n")
        out.append(f"**{labels['background']}:** {text(background(item))}\n")
        for block in item["blocks"]:
            out += _block(block, labels, level + 1)
        if not item["count"]:
            out.append(f"*{labels['no_entries']}*\n")
        note = hidden_note(item, labels)
        if note:
            out.append(f"*{note}*\n")
        for label, value in note_rows(item, labels):
            out.append(f"**{label}:** {text(value)}\n")
    return out


def _facts(rows):
    return [f"- **{label}:** {text(value)}" for label, value in rows] + [""]


def _tables(minutes, labels):
    header = [labels["table"], labels["network"], labels["participants"]]
    rows = [(t["label"], t["network"] or "", t["participants"]) for t in minutes["tables"]]
    out = table(header, rows)
    lines = municipality_lines(minutes, labels)
    if lines:
        out += [
            f"**{labels['per_municipality']}:**\n",
            *[f"- {text(line, at_start=True)}" for line in lines],
            "",
        ]
    return out


def _follow_up(minutes, labels, heading, level):
    rows = follow_up_rows(minutes, labels)
    if not rows:
        return []
    return [f"{'#' * level} {text(heading)}\n", *table(follow_up_header(labels), rows)]


def render_minutes(minutes, labels):
    gathering = minutes["gathering"]
    out = [f"# {labels['minutes']}: {text(gathering['title'])}\n"]
    out += _facts(meta_rows(gathering, minutes["participants"], labels))
    if minutes["summary"]:
        out += [f"## {labels['summary']}\n", text(minutes["summary"], at_start=True) + "\n"]
    out += [f"## {labels['tables']}\n", *_tables(minutes, labels)]
    out.append(f"## {labels['agenda']}\n")
    out += [f"{item['number']}. {text(item['title'], at_start=True)}" for item in minutes["items"]]
    out.append("")
    out += items(minutes, labels, 2)
    out += _follow_up(minutes, labels, labels["follow_up_points"], 2)
    return "\n".join(out).rstrip() + "\n"


def render_record(record, labels):
    network = record["network"]
    out = [f"# {labels['record']}: {text(network['name'])}\n"]
    facts = [
        (labels["county"], network["county"]),
        (labels["ordning"], network["ordning"]),
        (labels["municipalities"], ", ".join(network["municipalities"])),
        (labels["contact"], network["contact"]),
    ]
    out += _facts([(label, value) for label, value in facts if value])
    out.append(f"## {labels['annual_wheel']}\n")
    for slot in record["annual_wheel"]:
        for gathering in slot["gatherings"]:
            when = date_in_words(gathering["date"], labels) or "–"
            out.append(f"- {text(when, at_start=True)}: {text(gathering['title'])}")
    if not record["gatherings"]:
        out.append(f"*{labels['no_gatherings']}*")
    out.append("")
    previous = None
    for part in record["gatherings"]:
        gathering = part["gathering"]
        when = date_in_words(gathering["date"], labels) or ""
        out.append(f"## {text(when)} {text(gathering['title'])}\n")
        out += _facts(meta_rows(gathering, part["participants"], labels))
        if previous is not None:
            out += _follow_up(previous, labels, labels["previous_follow_up"], 3)
        if part.get("summary"):
            out += [f"### {labels['summary']}\n", text(part["summary"], at_start=True) + "\n"]
        out += _tables(part, labels)
        out += items(part, labels, 3)
        previous = part
    return "\n".join(out).rstrip() + "\n"
