"""Minutes and records as Word documents (python-docx); runs in the worker process."""

import copy
import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from app.exports import documents
from app.exports.images import cloud_png


class Writer:
    """A Word document written in the order of `documents`.

    Two shortcuts past python-docx keep a national gathering's minutes (thousands of
    paragraphs) within seconds: paragraph styles are set by id, looked up once per
    name (python-docx scans every style for each paragraph), and paragraphs go in
    right before the section properties that end the body (python-docx searches
    the whole body for them each time).
    """

    def __init__(self, labels):
        self.labels = labels
        self.document = Document()
        normal = self.document.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(11)
        self._style_ids = {}
        self._body_end = self.document.element.body.sectPr

    def _add(self, text="", style=None):
        element = OxmlElement("w:p")
        self._body_end.addprevious(element)
        paragraph = Paragraph(element, self.document)
        if text:
            paragraph.add_run(text)
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.document.styles[style].style_id
            paragraph._p.style = self._style_ids[style]
        return paragraph

    def heading(self, text, level):
        self._add(text, "Title" if level == 0 else f"Heading {level}")

    def paragraph(self, text, italic=False):
        paragraph = self._add(text)
        if italic:
            paragraph.runs[0].italic = True

    def labelled(self, label, text):
        paragraph = self._add()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(text)

    def bullet(self, text):
        self._add(text, "List Bullet")

    def facts(self, rows):
        table = self.document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        _add_rows(table, ((label, str(value)) for label, value in rows))
        self._add()

    def tables(self, m):
        labels = self.labels
        table = self.document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        header = (labels["table"], labels["network"], labels["participants"])
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        _add_rows(
            table,
            ((row["label"], row["network"] or "", str(row["participants"])) for row in m["tables"]),
        )
        self._add()

    def cloud(self, block):
        """The cloud picture with its frequency list beside it."""
        layout = self.document.add_table(rows=1, cols=2)
        picture_cell, list_cell = layout.rows[0].cells
        picture_cell.width, list_cell.width = Cm(11), Cm(5)
        picture = io.BytesIO(cloud_png(block))
        picture_cell.paragraphs[0].add_run().add_picture(picture, width=Cm(10.5))
        freq = list_cell.add_table(rows=1, cols=2)
        freq.style = "Table Grid"
        header = freq.rows[0].cells
        header[0].text, header[1].text = self.labels["word"], self.labels["count"]
        _add_rows(freq, ((item["word"], str(item["count"])) for item in block["frequencies"]))

    def save(self):
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


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


def render_minutes(m, labels):
    writer = Writer(labels)
    documents.minutes(writer, m, labels)
    return writer.save()


def render_record(record, labels):
    writer = Writer(labels)
    documents.record(writer, record, labels)
    return writer.save()
