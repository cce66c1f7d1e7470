"""Minutes as a spreadsheet of data (openpyxl): a summary sheet and one sheet per activity.

Each activity's sheet has one row per text (or word, or place in a vote) under the
columns of `layout.data_header`, numbers as numbers, the header frozen and filtered,
only the text column wrapped, and A4 print set-up one page wide.
Participants' text is always written as a text cell, so "=SUM(A1)" stays text.
"""

import datetime as dt
import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.exports.layout import (
    background,
    data_header,
    data_rows,
    follow_up_header,
    follow_up_rows,
    meta_rows,
    summary_rows,
)

BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
# Column widths (in characters) by header position; the text column takes the rest.
WIDTHS = [6, 28, 8, 20, 20, 60, 9, 7, 8]
TEXT_COLUMN = 6


def put(sheet, row, column, value, bold=False, wrap=False):
    """Write a cell; strings are text cells whatever they start with."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    cell.alignment = WRAP if wrap else TOP
    if bold:
        cell.font = BOLD
    return cell


def sheet_title(item):
    title = BAD_SHEET_CHARS.sub(" ", f"{item['number']} {item['title']}")
    return title[:31].strip()


def _print_setup(sheet, landscape=False):
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True


def _date(value):
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        return value


def _summary(sheet, m, labels):
    for column, width in zip("ABCD", (26, 60, 40, 12), strict=True):
        sheet.column_dimensions[column].width = width
    row = 1
    for label, value in summary_rows(m, labels):
        put(sheet, row, 1, label, bold=True)
        put(sheet, row, 2, value, wrap=True)
        row += 1
    # The date as a date and the count as a number, for whoever sorts many minutes.
    facts = dict(meta_rows(m["gathering"], m["participants"], labels))
    for cells in sheet.iter_rows(min_row=1, max_row=row, max_col=2):
        label, value = cells
        if label.value == labels["date"] and labels["date"] in facts:
            value.value = _date(m["gathering"]["date"])
            value.number_format = "DD.MM.YYYY"
        elif label.value == labels["participants"]:
            value.value = m["participants"]
    row += 1
    header = [labels["table_number"], labels["table"], labels["network"], labels["participants"]]
    row = _grid(
        sheet,
        row,
        header,
        [[t["number"], t["label"], t["network"] or None, t["participants"]] for t in m["tables"]],
    )
    row += 1
    header = [labels["item"], labels["agenda"], labels["background"], labels["results"]]
    row = _grid(
        sheet,
        row,
        header,
        [[item["number"], item["title"], background(item), item["count"]] for item in m["items"]],
    )
    follow_up = follow_up_rows(m, labels)
    if follow_up:
        _grid(sheet, row + 1, follow_up_header(labels), follow_up)
    _print_setup(sheet)


def _grid(sheet, row, header, rows):
    for column, label in enumerate(header, 1):
        put(sheet, row, column, label, bold=True)
    for values in rows:
        row += 1
        for column, value in enumerate(values, 1):
            put(sheet, row, column, value, wrap=isinstance(value, str) and len(value) > 40)
    return row + 1


def _activity(sheet, item, m, labels):
    header = data_header(item, labels)
    for column, label in enumerate(header, 1):
        put(sheet, 1, column, label, bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS[column - 1]
    rows = data_rows(item, m, labels)
    for row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, 1):
            if value is not None:
                put(sheet, row, column, value, wrap=column == TEXT_COLUMN)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    sheet.print_title_rows = "1:1"
    _print_setup(sheet, landscape=True)


def render_minutes(m, labels):
    workbook = Workbook()
    summary = workbook.active
    summary.title = labels["summary"][:31]
    _summary(summary, m, labels)
    for item in m["items"]:
        _activity(workbook.create_sheet(sheet_title(item)), item, m, labels)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_record(record, labels):
    """A record as one workbook: each filed gathering's activities, a sheet each."""
    workbook = Workbook()
    first = workbook.active
    first.title = labels["record"][:31]
    put(first, 1, 1, f"{labels['record']}: {record['network']['name']}", bold=True)
    first.column_dimensions["A"].width = 60
    for n, part in enumerate(record["gatherings"], start=1):
        put(first, n + 2, 1, f"{part['gathering']['date'] or ''} {part['gathering']['title']}")
        for item in part["items"]:
            name = BAD_SHEET_CHARS.sub(" ", f"{n}.{item['number']} {item['title']}")[:31]
            _activity(workbook.create_sheet(name.strip()), item, part, labels)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
