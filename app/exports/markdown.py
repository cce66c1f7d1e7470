"""Minutes and records as Markdown (CommonMark); participants' text is escaped, never markup."""

import re

from app.exports.layout import (
    background,
    hidden_note,
    meta_rows,
    municipality_lines,
    note_rows,
    ranking_lines,
)

# Every ASCII character that can start or end markup in CommonMark.
SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-!|<>~&=\"])")
ORDERED_MARKER = re.compile(r"^(\s*\d+)([.)])")


def escape_line(line):
    line = SPECIAL.sub(r"\\\1", line)
    return ORDERED_MARKER.sub(r"\1\\\2", line)


def text(value, indent=""):
    """A text as Markdown: escaped, its line breaks kept as hard breaks."""
    lines = [escape_line(line) for line in str(value).splitlines() if line.strip()]
    return ("\\\n" + indent).join(lines)


def _block(block, labels, level):
    out = []
    if block["type"] == "cloud":
        out.append(f"{'#' * level} {text(labels['cloud'])}\n")
        out.append(f"| {labels['word']} | {labels['count']} |\n| --- | ---: |")
        out += [f"| {text(f['word'])} | {f['count']} |" for f in block["frequencies"]]
        out.append("")
        return out
    if block["heading"]:
        out.append(f"{'#' * level} {text(block['heading'])}\n")
    if block["type"] == "ranking":
        out += [
            f"{row['rank']}\\. {text(line.split('. ', 1)[1])}"
            for row, line in zip(block["rows"], ranking_lines(block, labels), strict=True)
        ]
        out.append("")
        return out
    for table in block["tables"]:
        out.append(f"{'#' * (level + (1 if block['heading'] else 0))} {text(table['label'])}\n")
        out += [f"- {text(entry, '  ')}" for entry in table["entries"]]
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


def _tables(minutes, labels):
    out = [
        f"| {labels['table']} | {labels['network']} | {labels['participants']} |",
        "| --- | --- | ---: |",
    ]
    for table in minutes["tables"]:
        out.append(
            f"| {text(table['label'])} | {text(table['network'] or '')} | {table['participants']} |"
        )
    out.append("")
    lines = municipality_lines(minutes, labels)
    if lines:
        out += [f"**{labels['per_municipality']}:**\n", *[f"- {text(line)}" for line in lines], ""]
    return out


def render_minutes(minutes, labels):
    gathering = minutes["gathering"]
    out = [f"# {labels['minutes']}: {text(gathering['title'])}\n"]
    out += [
        f"- **{label}:** {text(value)}"
        for label, value in meta_rows(gathering, minutes["participants"], labels)
    ]
    out.append("")
    if minutes["summary"]:
        out += [f"## {labels['summary']}\n", text(minutes["summary"]) + "\n"]
    out += [f"## {labels['tables']}\n", *_tables(minutes, labels)]
    out.append(f"## {labels['agenda']}\n")
    out += [f"{item['number']}\\. {text(item['title'])}" for item in minutes["items"]]
    out.append("")
    out += items(minutes, labels, 2)
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
    out += [f"- **{label}:** {text(value)}" for label, value in facts if value]
    out += ["", f"## {labels['annual_wheel']}\n"]
    for slot in record["annual_wheel"]:
        when = f"{slot['year']}-{slot['month']:02d}" if slot["year"] else "–"
        for gathering in slot["gatherings"]:
            out.append(f"- {when}: {text(gathering['title'])}")
    if not record["gatherings"]:
        out.append(f"*{labels['no_gatherings']}*")
    out.append("")
    for part in record["gatherings"]:
        gathering = part["gathering"]
        out.append(f"## {text(gathering['date'] or '')} {text(gathering['title'])}\n")
        out += [
            f"- **{label}:** {text(value)}"
            for label, value in meta_rows(gathering, part["participants"], labels)
        ]
        out.append("")
        out += _tables(part, labels)
        out += items(part, labels, 3)
    return "\n".join(out).rstrip() + "\n"
