"""Minutes and records as Word documents (python-docx); runs in the worker process.

A master copy to file and edit: A4 with ordinary margins, the gathering's language,
core properties of its own, the title and date in the header and "Side x av y" below.
"""

import copy
import datetime as dt
import io
import re

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from app.exports import documents
from app.exports.images import cloud_png
from app.exports.layout import date_in_words, language_tag

PLACEHOLDER = re.compile(r"(%\(page\)s|%\(pages\)s)")
FIELDS = {"%(page)s": "PAGE", "%(pages)s": "NUMPAGES"}


class Writer:
    """A Word document written in the order of `documents`.

    Two shortcuts past python-docx keep a national gathering's minutes (thousands of
    paragraphs) within seconds: paragraph styles are set by id, looked up once per
    name (python-docx scans every style for each paragraph), and paragraphs go in
    right before the section properties that end the body (python-docx searches
    the whole body for them each time).
    """

    def __init__(self, labels, title, author, subject, date=None):
        self.labels = labels
        self.document = Document()
        normal = self.document.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(11)
        self._language(language_tag(labels))
        self._page(title, date)
        properties = self.document.core_properties
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        properties.title = title
        properties.author = author or "Samla"
        properties.last_modified_by = author or "Samla"
        properties.subject = subject
        properties.language = language_tag(labels)
        properties.created = properties.modified = now
        properties.revision = 1
        properties.comments = properties.keywords = properties.category = ""
        self._style_ids = {}
        self._body_end = self.document.element.body.sectPr

    def _language(self, tag):
        """The language every style inherits, so Word checks the spelling as Norwegian."""
        defaults = self.document.styles.element.find(qn("w:docDefaults"))
        run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        lang = run_properties.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            run_properties.append(lang)
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), tag)

    def _page(self, title, date):
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
        section.header_distance = section.footer_distance = Cm(1.25)
        header = section.header.paragraphs[0]
        header.text = " – ".join(part for part in (title, date) if part)
        header.runs[0].font.size = Pt(9)
        footer = section.footer.paragraphs[0]
        footer.alignment = 1
        for piece in PLACEHOLDER.split(self.labels["page_of"]):
            if piece in FIELDS:
                _field(footer, FIELDS[piece])
            elif piece:
                footer.add_run(piece)

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
        self._add(text, "Title" if level == 0 else f"Heading {min(level, 9)}")

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

    def page_break(self):
        self._add().add_run().add_break(WD_BREAK.PAGE)

    def facts(self, rows):
        if not rows:
            return
        table = self._table(2, header=False)
        _add_rows(table, ((label, str(value)) for label, value in rows))
        _bold_column(table)
        self._add()

    def grid(self, header, rows):
        if not rows:
            return
        table = self._table(len(header))
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = str(text)
            cell.paragraphs[0].runs[0].bold = True
        _repeat_header(table.rows[0])
        _add_rows(table, ([str(v) for v in row] for row in rows))
        self._add()

    def _table(self, columns, header=True):
        table = self.document.add_table(rows=1 if header else 0, cols=columns)
        table.style = "Table Grid"
        # add_table() puts the table last; move it to where the next paragraph goes.
        self._body_end.addprevious(table._tbl)
        return table

    def cloud(self, block):
        """The cloud picture across the page, then its frequency list as a table."""
        picture = io.BytesIO(cloud_png(block))
        self._add().add_run().add_picture(picture, width=Cm(16))
        self.grid(
            [self.labels["word"], self.labels["count"]],
            [(item["word"], str(item["count"])) for item in block["frequencies"]],
        )

    def save(self):
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _field(paragraph, instruction):
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    run = paragraph.add_run()
    run._r.append(_field_char("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run._r.append(code)
    run._r.append(_field_char("separate"))
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    run._r.append(placeholder)
    run._r.append(_field_char("end"))


def _field_char(type_):
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), type_)
    return element


def _repeat_header(row):
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    properties.append(repeat)


def _bold_column(table):
    for row in table.rows:
        for run in row.cells[0].paragraphs[0].runs:
            run.bold = True


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
    gathering = m["gathering"]
    writer = Writer(
        labels,
        documents.title(m, labels),
        gathering.get("organiser"),
        labels["minutes"],
        date_in_words(gathering.get("date"), labels),
    )
    documents.minutes(writer, m, labels)
    return writer.save()


def render_record(record, labels):
    title = f"{labels['record']}: {record['network']['name']}"
    writer = Writer(labels, title, record["network"].get("contact"), labels["record"])
    documents.record(writer, record, labels)
    return writer.save()
