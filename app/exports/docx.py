"""Minutes and records as Word documents (python-docx); runs in the worker process."""

import io

from docx import Document
from docx.shared import Cm, Pt

from .images import cloud_png
from .minutes import (
    background,
    hidden_note,
    meta_rows,
    municipality_lines,
    note_rows,
    ranking_lines,
)


def _document():
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    return document


def _facts(document, rows):
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = str(value)
    document.add_paragraph()


def _tables(document, m, labels):
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, (labels["table"], labels["network"],
                                                labels["participants"]), strict=True):
        cell.text = text
    for row in m["tables"]:
        cells = table.add_row().cells
        cells[0].text = row["label"]
        cells[1].text = row["network"] or ""
        cells[2].text = str(row["participants"])
    document.add_paragraph()
    lines = municipality_lines(m, labels)
    if lines:
        _labelled(document, labels["per_municipality"], "; ".join(lines))


def _labelled(document, label, text):
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(text)


def _cloud(document, block, labels):
    """The cloud picture with its frequency list beside it."""
    layout = document.add_table(rows=1, cols=2)
    picture_cell, list_cell = layout.rows[0].cells
    picture_cell.width, list_cell.width = Cm(11), Cm(5)
    picture_cell.paragraphs[0].add_run().add_picture(io.BytesIO(cloud_png(block)), width=Cm(10.5))
    freq = list_cell.add_table(rows=1, cols=2)
    freq.style = "Table Grid"
    freq.rows[0].cells[0].text, freq.rows[0].cells[1].text = labels["word"], labels["count"]
    for item in block["frequencies"]:
        cells = freq.add_row().cells
        cells[0].text, cells[1].text = item["word"], str(item["count"])


def items(document, m, labels, level):
    for item in m["items"]:
        document.add_heading(f"{labels['item']} {item['number']}: {item['title']}", level)
        _labelled(document, labels["background"], background(item))
        for block in item["blocks"]:
            if block["type"] == "cloud":
                _cloud(document, block, labels)
                continue
            if block["heading"]:
                document.add_heading(block["heading"], min(level + 1, 9))
            if block["type"] == "ranking":
                for line in ranking_lines(block, labels):
                    document.add_paragraph(line)
                continue
            for table in block["tables"]:
                document.add_heading(table["label"], min(level + 2, 9))
                for entry in table["entries"]:
                    document.add_paragraph(entry, style="List Bullet")
        if not item["count"]:
            document.add_paragraph(labels["no_entries"]).runs[0].italic = True
        note = hidden_note(item, labels)
        if note:
            document.add_paragraph(note).runs[0].italic = True
        for label, text in note_rows(item, labels):
            _labelled(document, label, text)


def _save(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_minutes(m, labels):
    document = _document()
    document.add_heading(f"{labels['minutes']}: {m['gathering']['title']}", 0)
    _facts(document, meta_rows(m["gathering"], m["participants"], labels))
    if m["summary"]:
        document.add_heading(labels["summary"], 1)
        document.add_paragraph(m["summary"])
    document.add_heading(labels["tables"], 1)
    _tables(document, m, labels)
    document.add_heading(labels["agenda"], 1)
    for item in m["items"]:
        document.add_paragraph(f"{labels['item']} {item['number']}: {item['title']}")
    items(document, m, labels, 1)
    return _save(document)


def render_record(record, labels):
    network = record["network"]
    document = _document()
    document.add_heading(f"{labels['record']}: {network['name']}", 0)
    facts = [(labels["county"], network["county"]), (labels["ordning"], network["ordning"]),
             (labels["municipalities"], ", ".join(network["municipalities"])),
             (labels["contact"], network["contact"])]
    _facts(document, [(label, value) for label, value in facts if value])
    document.add_heading(labels["annual_wheel"], 1)
    for slot in record["annual_wheel"]:
        for gathering in slot["gatherings"]:
            document.add_paragraph(f"{gathering['date'] or '–'}: {gathering['title']}",
                                   style="List Bullet")
    if not record["gatherings"]:
        document.add_paragraph(labels["no_gatherings"])
    for part in record["gatherings"]:
        gathering = part["gathering"]
        document.add_heading(f"{gathering['date'] or ''} {gathering['title']}".strip(), 1)
        _facts(document, meta_rows(gathering, part["participants"], labels))
        _tables(document, part, labels)
        items(document, part, labels, 2)
    return _save(document)
