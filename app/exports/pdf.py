"""Minutes and records as PDF (fpdf2, DejaVu Sans for æøå); runs in the worker process."""

import io

from fpdf import FPDF

from app.exports import documents
from app.exports.fonts import DEJAVU_SANS
from app.exports.images import cloud_png

FONT = "DejaVu"
SIZES = {0: 18, 1: 15, 2: 13, 3: 12, 4: 11}


class Document(FPDF):
    """A PDF written in the order of `documents`."""

    def __init__(self, labels):
        super().__init__(format="A4")
        self.labels = labels
        self.add_font(FONT, "", str(DEJAVU_SANS))
        self.add_font(FONT, "B", str(DEJAVU_SANS.with_name("DejaVuSans-Bold.ttf")))
        self.add_font(FONT, "I", str(DEJAVU_SANS.with_name("DejaVuSans-Oblique.ttf")))
        self.set_auto_page_break(True, margin=15)
        self.add_page()

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.cell(0, 6, str(self.page_no()), align="C")

    def heading(self, text, level):
        self.ln(2)
        self.set_font(FONT, "B", SIZES.get(level, 11))
        self.multi_cell(0, SIZES.get(level, 11) * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, text, italic=False):
        self._text(text, "I" if italic else "")

    def _text(self, text, style="", indent=0):
        self.set_font(FONT, style, 10)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")

    def labelled(self, label, text):
        self._text(f"{label}:", style="B")
        self._text(text, indent=4)

    def facts(self, rows):
        for label, value in rows:
            self.paragraph(f"{label}: {value}")

    def tables(self, m):
        for table in m["tables"]:
            network = f" ({table['network']})" if table["network"] else ""
            self.paragraph(f"{table['label']}{network}: {table['participants']}")

    def bullet(self, text):
        self.set_font(FONT, "", 10)
        self.set_x(self.l_margin + 2)
        self.cell(4, 5, "•")
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")

    def cloud(self, block):
        """The cloud picture with its frequency list beside it."""
        labels = self.labels
        if self.will_page_break(70):
            self.add_page()
        top = self.get_y()
        self.image(io.BytesIO(cloud_png(block)), x=self.l_margin, y=top, w=115)
        image_bottom = self.get_y()
        self.set_xy(self.l_margin + 120, top)
        self.set_font(FONT, "B", 9)
        self.cell(45, 5, labels["word"])
        self.cell(15, 5, labels["count"], new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 9)
        for item in block["frequencies"][:40]:
            self.set_x(self.l_margin + 120)
            self.cell(45, 4.5, item["word"][:30])
            self.cell(15, 4.5, str(item["count"]), new_x="LMARGIN", new_y="NEXT")
        self.set_y(max(self.get_y(), image_bottom, top + 65))
        self.ln(2)

    def output_bytes(self):
        return bytes(self.output())


def render_minutes(m, labels):
    doc = Document(labels)
    documents.minutes(doc, m, labels)
    return doc.output_bytes()


def render_record(record, labels):
    doc = Document(labels)
    documents.record(doc, record, labels)
    return doc.output_bytes()
