"""Minutes and records as archival PDF/A-2u (fpdf2, DejaVu Sans for æøå); runs in the worker.

fpdf2 writes the PDF/A identification (XMP), an sRGB output intent and embeds the
fonts; we add title, author, subject, language, a bookmark per heading and page
numbers. fpdf2 tags only the cloud picture (its alt text, in a structure tree); the
text, headings, tables and lists are not tagged (no PDF/UA): screen readers get the text
in reading order, the language and the bookmarks, but no table or list structure.
"""

import datetime as dt
import io

from fpdf import FPDF
from fpdf.fonts import FontFace

from app.exports import documents
from app.exports.fonts import DEJAVU_SANS
from app.exports.images import cloud_png
from app.exports.layout import language_tag

FONT = "DejaVu"
SIZES = {0: 18, 1: 15, 2: 13, 3: 12, 4: 11}
COMPLIANCE = "PDF/A-2U"
HEADER_ROW = FontFace(emphasis="BOLD", fill_color=(235, 235, 235))


class Document(FPDF):
    """A PDF written in the order of `documents`."""

    def __init__(self, labels, title, author, subject):
        super().__init__(format="A4", enforce_compliance=COMPLIANCE)
        self.labels = labels
        self.running_title = title
        self.set_title(title)
        self.set_author(author or "Samla")
        self.set_subject(subject)
        self.set_creator("Samla")
        self.set_lang(language_tag(labels))
        self.set_creation_date(dt.datetime.now(dt.UTC))
        self.add_font(FONT, "", str(DEJAVU_SANS))
        self.add_font(FONT, "B", str(DEJAVU_SANS.with_name("DejaVuSans-Bold.ttf")))
        self.add_font(FONT, "I", str(DEJAVU_SANS.with_name("DejaVuSans-Oblique.ttf")))
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=18)
        self.alias_nb_pages()
        self.add_page()

    def header(self):
        if self.page_no() == 1:
            return
        self.set_y(8)
        self.set_font(FONT, "", 8)
        self.cell(0, 5, self.running_title[:110], align="L")
        self.set_y(18)

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.cell(
            0, 6, self.labels["page_of"] % {"page": self.page_no(), "pages": "{nb}"}, align="C"
        )

    def page_break(self):
        if self.get_y() > self.t_margin + 1:
            self.add_page()

    def heading(self, text, level):
        size = SIZES.get(level, 11)
        # Keep a heading with the first lines of what follows it.
        if level and self.will_page_break(size * 0.5 + 25):
            self.add_page()
        self.ln(2)
        self.start_section(text[:200], level=level, strict=False)
        self.set_font(FONT, "B", size)
        self.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, text, italic=False):
        self._text(text, "I" if italic else "")

    def _text(self, text, style="", indent=0):
        self.set_font(FONT, style, 10)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def labelled(self, label, text):
        self._text(f"{label}:", style="B")
        self._text(text, indent=4)

    def facts(self, rows):
        if not rows:
            return
        self.set_font(FONT, "", 10)
        with self.table(
            col_widths=(35, 135), text_align="LEFT", first_row_as_headings=False, line_height=5
        ) as table:
            for label, value in rows:
                row = table.row()
                row.cell(label, style=FontFace(emphasis="BOLD"))
                row.cell(str(value))
        self.ln(2)

    def grid(self, header, rows):
        if not rows:
            return
        self.set_font(FONT, "", 9)
        widths = _widths(header, rows)
        with self.table(
            col_widths=widths, text_align="LEFT", headings_style=HEADER_ROW, line_height=4.5
        ) as table:
            table.row(header)
            for values in rows:
                table.row([str(v) for v in values])
        self.ln(2)

    def bullet(self, text):
        self.set_font(FONT, "", 10)
        self.set_x(self.l_margin + 2)
        self.cell(4, 5, "•")
        self.multi_cell(0, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def cloud(self, block):
        """The cloud picture with its frequency list beside it."""
        labels = self.labels
        if self.will_page_break(70):
            self.add_page()
        top = self.get_y()
        self.image(
            io.BytesIO(cloud_png(block)), x=self.l_margin, y=top, w=110, alt_text=labels["cloud"]
        )
        image_bottom = self.get_y()
        left = self.l_margin + 114
        self.set_xy(left, top)
        self.set_font(FONT, "B", 9)
        self.cell(42, 5, labels["word"])
        self.cell(14, 5, labels["count"], align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 9)
        for item in block["frequencies"][:40]:
            self.set_x(left)
            self.cell(42, 4.5, item["word"][:26])
            self.cell(14, 4.5, str(item["count"]), align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_y(max(self.get_y(), image_bottom, top + 65))
        self.ln(2)

    def output_bytes(self):
        return bytes(self.output())


def _widths(header, rows):
    """Relative column widths: the longest texts get the room, short numbers little."""
    longest = [len(str(h)) for h in header]
    for values in rows[:200]:
        for n, value in enumerate(values):
            longest[n] = max(longest[n], min(len(str(value)), 60))
    return [max(width, 6) for width in longest]


def render_minutes(m, labels):
    title = documents.title(m, labels)
    doc = Document(labels, title, m["gathering"].get("organiser"), labels["minutes"])
    documents.minutes(doc, m, labels)
    return doc.output_bytes()


def render_record(record, labels):
    title = f"{labels['record']}: {record['network']['name']}"
    doc = Document(labels, title, record["network"].get("contact"), labels["record"])
    documents.record(doc, record, labels)
    return doc.output_bytes()
