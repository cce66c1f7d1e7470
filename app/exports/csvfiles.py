"""Minutes as CSV, one file per activity and one for the summary and notes, in a zip.

UTF-8 with a byte-order mark and ';' between fields, what a Norwegian spreadsheet
expects (`labels["csv_separator"]` may say ',' for others); file names keep æøå.
"""

import csv
import io
import re
import zipfile

from app.exports.layout import data_header, data_rows, summary_rows

# A cell starting with one of these could run as a formula in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters no file system takes in a name, and runs of white space.
UNSAFE_NAME = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


def safe_cell(value):
    """The value, with a leading ' when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def slug(text, maximum=60):
    """A file name part that keeps the title's letters (æøå too)."""
    name = " ".join(UNSAFE_NAME.sub(" ", text).split())
    return name[:maximum].strip(" .") or "aktivitet"


def _csv(header, rows, separator):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def activity_csv(item, minutes, labels):
    """One activity's rows under the data columns (layout.data_header)."""
    separator = labels.get("csv_separator", ";")
    return _csv(data_header(item, labels), data_rows(item, minutes, labels), separator)


def summary_csv(minutes, labels):
    separator = labels.get("csv_separator", ";")
    return _csv(["", ""], summary_rows(minutes, labels), separator)


def filename(item):
    return f"{item['number']:02d} {slug(item['title'])}.csv"


def render_minutes(minutes, labels):
    """A zip with the summary and one CSV per activity."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"00 {slug(labels['summary_file'])}.csv", summary_csv(minutes, labels))
        for item in minutes["items"]:
            archive.writestr(filename(item), activity_csv(item, minutes, labels))
    return buffer.getvalue()


def render_record(record, labels):
    """A record's gatherings, one CSV per activity, in a zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, part in enumerate(record["gatherings"], start=1):
            when = part["gathering"]["date"] or ""
            for item in part["items"]:
                name = f"{n:02d} {when} {item['number']:02d} {slug(item['title'])}.csv"
                archive.writestr(" ".join(name.split()), activity_csv(item, part, labels))
    return buffer.getvalue()
