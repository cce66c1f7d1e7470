"""Minutes as a spreadsheet (openpyxl): a summary sheet and one sheet per activity.

Participants' text is always written as a text cell, so "=SUM(A1)" stays text.
"""

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from app.exports.layout import (
    background,
    hidden_note,
    meta_rows,
    municipality_lines,
    note_rows,
    ranking_lines,
)

BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def put(sheet, row, column, value, bold=False):
    """Write a cell; strings are text cells whatever they start with."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        cell.alignment = WRAP
    if bold:
        cell.font = BOLD
    return cell


def sheet_title(item):
    title = BAD_SHEET_CHARS.sub(" ", f"{item['number']} {item['title']}")
    return title[:31].strip()


def _summary(sheet, m, labels):
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 60
    put(sheet, 1, 1, f"{labels['minutes']}: {m['gathering']['title']}", bold=True)
    row = 3
    for label, value in meta_rows(m["gathering"], m["participants"], labels):
        put(sheet, row, 1, label, bold=True)
        put(sheet, row, 2, value)
        row += 1
    if m["summary"]:
        put(sheet, row, 1, labels["summary"], bold=True)
        put(sheet, row, 2, m["summary"])
        row += 1
    row += 1
    for column, label in enumerate((labels["table"], labels["network"], labels["participants"]), 1):
        put(sheet, row, column, label, bold=True)
    for table in m["tables"]:
        row += 1
        put(sheet, row, 1, table["label"])
        put(sheet, row, 2, table["network"] or "")
        sheet.cell(row=row, column=3, value=table["participants"])
    for line in municipality_lines(m, labels):
        row += 1
        put(sheet, row, 1, labels["per_municipality"])
        put(sheet, row, 2, line)
    row += 2
    for column, label in enumerate((labels["item"], labels["agenda"], labels["results"]), 1):
        put(sheet, row, column, label, bold=True)
    for item in m["items"]:
        row += 1
        sheet.cell(row=row, column=1, value=item["number"])
        put(sheet, row, 2, item["title"])
        sheet.cell(row=row, column=3, value=item["count"])


def _activity(sheet, item, labels):
    sheet.column_dimensions["A"].width = 9
    sheet.column_dimensions["B"].width = 18
    sheet.column_dimensions["C"].width = 70
    put(sheet, 1, 1, f"{labels['item']} {item['number']}: {item['title']}", bold=True)
    put(sheet, 2, 1, labels["background"], bold=True)
    put(sheet, 2, 3, background(item))
    row = 4
    for column, label in enumerate((labels["table_number"], labels["table"], labels["text"]), 1):
        put(sheet, row, column, label, bold=True)
    for block in item["blocks"]:
        if block["type"] == "cloud":
            put(sheet, 4, 5, labels["word"], bold=True)
            put(sheet, 4, 6, labels["count"], bold=True)
            for offset, freq in enumerate(block["frequencies"], start=5):
                put(sheet, offset, 5, freq["word"])
                sheet.cell(row=offset, column=6, value=freq["count"])
            continue
        if block["type"] == "ranking":
            for line in ranking_lines(block, labels):
                row += 1
                put(sheet, row, 3, line)
            continue
        for table in block["tables"]:
            for entry in table["entries"]:
                row += 1
                sheet.cell(row=row, column=1, value=table["number"])
                put(sheet, row, 2, table["label"])
                put(sheet, row, 3, entry)
    row += 2
    note = hidden_note(item, labels)
    if note:
        put(sheet, row, 1, note)
        row += 1
    for label, text in note_rows(item, labels):
        put(sheet, row, 1, label, bold=True)
        put(sheet, row, 3, text)
        row += 1


def render_minutes(m, labels):
    workbook = Workbook()
    summary = workbook.active
    summary.title = labels["summary"][:31]
    _summary(summary, m, labels)
    for item in m["items"]:
        _activity(workbook.create_sheet(sheet_title(item)), item, labels)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
