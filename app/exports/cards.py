"""Table cards as a PDF (fpdf2, DejaVu Sans): six cards to an A4 page, cut along the dashed
lines, each with its table's label, its QR code, the short address and the code; runs in the
worker.

Every mark keeps MARGIN from the paper's edge, which office printers leave blank. The QR code
has a fixed place on its card: a long label shrinks and wraps in the room above it, and is
cut short with an ellipsis only beyond what the smallest size holds.
"""

import datetime as dt
import io

from fpdf import FPDF
from PIL import Image

from app.exports import qrcodes
from app.exports.fonts import DEJAVU_SANS
from app.exports.layout import language_tag

FONT = "DejaVu"
PAGE_WIDTH, PAGE_HEIGHT = 210, 297
MARGIN = 12
COLUMNS, ROWS = 2, 3
PER_PAGE = COLUMNS * ROWS
CARD_WIDTH = (PAGE_WIDTH - 2 * MARGIN) / COLUMNS
CARD_HEIGHT = (PAGE_HEIGHT - 2 * MARGIN) / ROWS
PADDING = 5
INNER = CARD_WIDTH - 2 * PADDING
# From the card's top: the gathering's title, the label's box, the QR code, then the address.
TITLE_TOP, TITLE_HEIGHT = PADDING, 4
LABEL_TOP, LABEL_HEIGHT = 10, 17
QR_TOP, QR_SIZE = 28, 40
HOW_TOP = QR_TOP + QR_SIZE + 1.5
ADDRESS_TOP = HOW_TOP + 4
CODE_TOP = ADDRESS_TOP + 6.5
LABEL_SIZES = range(22, 7, -1)  # points, largest first
WRAP_AT = 16  # points: above this a label keeps to one line
LINE_FACTOR = 1.15
POINT = 25.4 / 72  # millimetres


def render_cards(data, labels):
    """The PDF's bytes: one card per table of `data` (title, code, address, and tables with
    number, label and join_url, which its QR code holds)."""
    doc = FPDF(format="A4", unit="mm")
    doc.set_title(f"{labels['table_cards']} – {data['title']}")
    doc.set_author("Samla")
    doc.set_creator("Samla")
    doc.set_lang(language_tag(labels))
    doc.set_creation_date(dt.datetime.now(dt.UTC))
    doc.add_font(FONT, "", str(DEJAVU_SANS))
    doc.add_font(FONT, "B", str(DEJAVU_SANS.with_name("DejaVuSans-Bold.ttf")))
    doc.set_auto_page_break(False)
    doc.set_margins(MARGIN, MARGIN, MARGIN)
    tables = data["tables"]
    for start in range(0, len(tables), PER_PAGE):
        doc.add_page()
        on_page = tables[start : start + PER_PAGE]
        cut_lines(doc, len(on_page))
        for n, table in enumerate(on_page):
            left = MARGIN + (n % COLUMNS) * CARD_WIDTH
            top = MARGIN + (n // COLUMNS) * CARD_HEIGHT
            card(doc, left, top, data, table, labels)
    return bytes(doc.output())


def cut_lines(doc, cards):
    """Dashed lines around the cards on this page, inside the margin."""
    rows = -(-cards // COLUMNS)
    doc.set_draw_color(150, 150, 150)
    doc.set_line_width(0.2)
    doc.set_dash_pattern(dash=2, gap=1.5)
    right, bottom = PAGE_WIDTH - MARGIN, MARGIN + rows * CARD_HEIGHT
    for row in range(rows + 1):
        y = MARGIN + row * CARD_HEIGHT
        doc.line(MARGIN, y, right, y)
    for column in range(COLUMNS + 1):
        x = MARGIN + column * CARD_WIDTH
        doc.line(x, MARGIN, x, bottom)
    doc.set_dash_pattern()


def card(doc, left, top, data, table, labels):
    x = left + PADDING
    doc.set_text_color(90, 90, 90)
    one_line(doc, x, top + TITLE_TOP, TITLE_HEIGHT, data["title"], "", 8, 8)
    doc.set_text_color(0, 0, 0)
    label(doc, x, top + LABEL_TOP, table["label"])
    qr_left = left + (CARD_WIDTH - QR_SIZE) / 2
    doc.image(
        qr_png(qrcodes.matrix(table["join_url"])),
        x=qr_left,
        y=top + QR_TOP,
        w=QR_SIZE,
        h=QR_SIZE,
        alt_text=table["join_url"],
    )
    doc.set_text_color(60, 60, 60)
    one_line(doc, x, top + HOW_TOP, 4, labels["scan_or_go"], "", 8, 6)
    doc.set_text_color(0, 0, 0)
    one_line(doc, x, top + ADDRESS_TOP, 6, data["address"], "B", 15, 7)
    one_line(doc, x, top + CODE_TOP, 8, f"{labels['code']}: {data['code']}", "B", 20, 10)


def one_line(doc, x, y, height, text, style, largest, smallest):
    """`text` centred on one line of the card: shrunk to fit, cut short below `smallest`."""
    size = largest
    doc.set_font(FONT, style, size)
    while size > smallest and doc.get_string_width(text) > INNER:
        size -= 0.5
        doc.set_font(FONT, style, size)
    doc.set_xy(x, y)
    doc.cell(INNER, height, shortened(doc, text, INNER), align="C")


def label(doc, x, y, text):
    """The table's label in its box: the largest size at which it fits, wrapped if need be."""
    for size in LABEL_SIZES:
        doc.set_font(FONT, "B", size)
        line_height = size * POINT * LINE_FACTOR
        lines = doc.multi_cell(INNER, line_height, text, align="C", dry_run=True, output="LINES")
        # A short label stays on one line while it can be large; a longer one wraps.
        if len(lines) * line_height <= LABEL_HEIGHT and (len(lines) == 1 or size <= WRAP_AT):
            break
    room = max(1, int(LABEL_HEIGHT // line_height))
    if len(lines) > room:
        lines = lines[: room - 1] + [shortened(doc, " ".join(lines[room - 1 :]), INNER)]
    top = y + (LABEL_HEIGHT - len(lines) * line_height) / 2
    for n, line in enumerate(lines):
        doc.set_xy(x, top + n * line_height)
        doc.cell(INNER, line_height, line, align="C")


def shortened(doc, text, width):
    """`text`, cut with an ellipsis where it would run wider than `width`."""
    if doc.get_string_width(text) <= width:
        return text
    while text and doc.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def qr_png(rows, scale=8):
    """A QR matrix (rows of "1" and "0") as a black-and-white PNG, `scale` pixels a module,
    so that no viewer or printer blurs the modules when it scales the picture."""
    modules = len(rows)
    image = Image.new("1", (modules, modules), 1)
    image.putdata([0 if dark == "1" else 1 for row in rows for dark in row])
    image = image.resize((modules * scale, modules * scale), Image.Resampling.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer
