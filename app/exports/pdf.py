"""Minutes and records as PDF (fpdf2, DejaVu Sans for æøå); runs in the worker process."""

import io

from fpdf import FPDF

from ..fonts import DEJAVU_SANS
from .images import cloud_png
from .minutes import (
    background,
    hidden_note,
    meta_rows,
    municipality_lines,
    note_rows,
    ranking_lines,
)

FONT = "DejaVu"
SIZES = {0: 18, 1: 15, 2: 13, 3: 12, 4: 11}


class Document(FPDF):
    def __init__(self):
        super().__init__(format="A4")
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

    def paragraph(self, text, style="", indent=0):
        self.set_font(FONT, style, 10)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")

    def labelled(self, label, text):
        self.paragraph(f"{label}:", style="B")
        self.paragraph(text, indent=4)

    def bullet(self, text):
        self.set_font(FONT, "", 10)
        self.set_x(self.l_margin + 2)
        self.cell(4, 5, "•")
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")

    def cloud(self, block, labels):
        """The cloud picture with its frequency list beside it."""
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


def _tables(doc, m, labels):
    for table in m["tables"]:
        network = f" ({table['network']})" if table["network"] else ""
        doc.paragraph(f"{table['label']}{network}: {table['participants']}")
    lines = municipality_lines(m, labels)
    if lines:
        doc.labelled(labels["per_municipality"], "; ".join(lines))


def items(doc, m, labels, level):
    for item in m["items"]:
        doc.heading(f"{labels['item']} {item['number']}: {item['title']}", level)
        doc.labelled(labels["background"], background(item))
        for block in item["blocks"]:
            if block["type"] == "cloud":
                doc.cloud(block, labels)
                continue
            if block["heading"]:
                doc.heading(block["heading"], level + 1)
            if block["type"] == "ranking":
                for line in ranking_lines(block, labels):
                    doc.paragraph(line)
                continue
            for table in block["tables"]:
                doc.heading(table["label"], level + 2)
                for entry in table["entries"]:
                    doc.bullet(entry)
        if not item["count"]:
            doc.paragraph(labels["no_entries"], style="I")
        note = hidden_note(item, labels)
        if note:
            doc.paragraph(note, style="I")
        for label, text in note_rows(item, labels):
            doc.labelled(label, text)


def render_minutes(m, labels):
    doc = Document()
    doc.heading(f"{labels['minutes']}: {m['gathering']['title']}", 0)
    for label, value in meta_rows(m["gathering"], m["participants"], labels):
        doc.paragraph(f"{label}: {value}")
    if m["summary"]:
        doc.heading(labels["summary"], 1)
        doc.paragraph(m["summary"])
    doc.heading(labels["tables"], 1)
    _tables(doc, m, labels)
    doc.heading(labels["agenda"], 1)
    for item in m["items"]:
        doc.paragraph(f"{item['number']}. {item['title']}")
    items(doc, m, labels, 1)
    return doc.output_bytes()


def render_record(record, labels):
    network = record["network"]
    doc = Document()
    doc.heading(f"{labels['record']}: {network['name']}", 0)
    facts = [(labels["county"], network["county"]), (labels["ordning"], network["ordning"]),
             (labels["municipalities"], ", ".join(network["municipalities"])),
             (labels["contact"], network["contact"])]
    for label, value in facts:
        if value:
            doc.paragraph(f"{label}: {value}")
    doc.heading(labels["annual_wheel"], 1)
    for slot in record["annual_wheel"]:
        for gathering in slot["gatherings"]:
            doc.bullet(f"{gathering['date'] or '–'}: {gathering['title']}")
    if not record["gatherings"]:
        doc.paragraph(labels["no_gatherings"], style="I")
    for part in record["gatherings"]:
        gathering = part["gathering"]
        doc.heading(f"{gathering['date'] or ''} {gathering['title']}".strip(), 1)
        for label, value in meta_rows(gathering, part["participants"], labels):
            doc.paragraph(f"{label}: {value}")
        _tables(doc, part, labels)
        items(doc, part, labels, 2)
    return doc.output_bytes()
