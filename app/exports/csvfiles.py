"""Minutes as CSV, one file per activity in a zip; UTF-8 with a byte-order mark for Excel."""

import csv
import io
import re
import unicodedata
import zipfile

from app.exports.layout import ranking_lines

# A cell starting with one of these could run as a formula in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value, with a leading ' when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def slug(text, maximum=40):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:maximum] or "aktivitet"


def activity_csv(item, labels):
    """One activity's visible entries, a row each: item, table number, table, text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([labels["item"], labels["table_number"], labels["table"], labels["text"]])
    for block in item["blocks"]:
        if block["type"] == "ranking":
            for line in ranking_lines(block, labels):
                writer.writerow([item["number"], "", "", safe_cell(line)])
            continue
        if block["type"] != "tables":
            continue
        for table in block["tables"]:
            for entry in table["entries"]:
                writer.writerow(
                    [item["number"], table["number"], safe_cell(table["label"]), safe_cell(entry)]
                )
    return buffer.getvalue().encode("utf-8-sig")


def filename(item):
    return f"{item['number']:02d}-{slug(item['title'])}.csv"


def render_minutes(minutes, labels):
    """A zip with one CSV per activity."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in minutes["items"]:
            archive.writestr(filename(item), activity_csv(item, labels))
    return buffer.getvalue()
