"""Minutes and records as Word documents (python-docx); runs in the worker process."""

import copy
import io

from docx import Document
from docx.oxml.ns import qn
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


class _Writer:
    """A python-docx Document that sets paragraph styles by id, looked up once per name.

    python-docx resolves a style name by scanning every style on each paragraph;
    with thousands of paragraphs that scan was most of the export's time.
    """

    def __init__(self):
        self.document = Document()
        normal = self.document.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(11)
        self._style_ids = {}

    def add_paragraph(self, text="", style=None):
        paragraph = self.document.add_paragraph(text)
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.document.styles[style].style_id
            paragraph._p.style = self._style_ids[style]
        return paragraph

    def add_heading(self, text, level):
        return self.add_paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def add_table(self, rows, cols):
        return self.document.add_table(rows=rows, cols=cols)


def _add_rows(table, rows):
    """Rows of text appended to `table`: the first through python-docx, the rest as
    copies of it. add_row() and cell.text cost about a millisecond a row, too much
    for the 2,000 words of a national gathering's cloud list."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    for cell, text in zip(table.add_row().cells, first, strict=True):
        cell.text = text
    template = table._tbl.tr_lst[-1]
    for values in rows:
        row = copy.deepcopy(template)
        for run, text in zip(row.iter(qn("w:r")), values, strict=True):
            run.text = text
        table._tbl.append(row)


def _facts(document, rows):
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    _add_rows(table, ((label, str(value)) for label, value in rows))
    document.add_paragraph()


def _tables(document, m, labels):
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, (labels["table"], labels["network"],
                                                labels["participants"]), strict=True):
        cell.text = text
    _add_rows(table, ((row["label"], row["network"] or "", str(row["participants"]))
                      for row in m["tables"]))
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
    _add_rows(freq, ((item["word"], str(item["count"])) for item in block["frequencies"]))


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
    document.document.save(buffer)
    return buffer.getvalue()


def render_minutes(m, labels):
    document = _Writer()
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
    document = _Writer()
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
