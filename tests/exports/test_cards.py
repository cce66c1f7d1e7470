"""The table cards as a PDF, read back: A4 pages of six cards, every label as text, and every
QR code a picture of its table's join address that keeps 10 mm from the paper's edge.

No QR decoder is installed here, so a code counts as readable when the picture, sampled at
its modules' centres, is exactly the matrix the qrcode library makes of the join URL."""

import io
import math
import subprocess

import pypdf
import pytest
from exports_helpers import qr_modules
from pypdf.generic import ContentStream

from app.exports import cards, qrcodes

MM = 72 / 25.4  # points
A4 = (210 * MM, 297 * MM)
EDGE = 10 * MM
LONG_LABEL = (
    "Bord for kompetanseløftet i barnehage og skole – Øvre Årdal og Ærøy: samarbeid på tvers "
    "av kommunene i regionen vår, nå!"
)
LABELS = {
    "table_cards": "Bordkort",
    "scan_or_go": "Skann QR-koden, eller gå til",
    "code": "Kode",
    "language": "nb",
}


def card_data(labels, address="192.168.1.20:5000/j", code="482913"):
    tables = []
    for number, label in enumerate(labels, start=1):
        url = f"http://{address.removesuffix('/j')}/j/{code}/{number}"
        tables.append({"number": number, "label": label, "join_url": url})
    return {"title": "Ledersamling «Innlandet»", "code": code, "address": address, "tables": tables}


def placed_images(page):
    """(name, x, y, width, height) in points of every picture drawn on `page`."""
    found, matrix, stack = [], [1, 0, 0, 1, 0, 0], []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"q":
            stack.append(matrix)
        elif operator == b"Q":
            matrix = stack.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            m = matrix
            matrix = [
                a * m[0] + b * m[2],
                a * m[1] + b * m[3],
                c * m[0] + d * m[2],
                c * m[1] + d * m[3],
                e * m[0] + f * m[2] + m[4],
                e * m[1] + f * m[3] + m[5],
            ]
        elif operator == b"Do":
            found.append((str(operands[0]), matrix[4], matrix[5], matrix[0], matrix[3]))
    return found


def pdf_text(body, *crop):
    """The text pdftotext reads from the PDF, or from one page's rectangle (page, x, y, w, h
    in points from the top left)."""
    area = []
    if crop:
        page, x, y, width, height = crop
        area = ["-f", str(page), "-l", str(page), "-r", "72"]
        area += [
            "-x",
            str(int(x)),
            "-y",
            str(int(y)),
            "-W",
            str(int(width)),
            "-H",
            str(int(height)),
        ]
    done = subprocess.run(
        ["pdftotext", *area, "-", "-"], input=body, capture_output=True, check=True
    )
    return done.stdout.decode()


def card_text(body, n):
    """The text on the n-th card (from 0), read from its place on its page."""
    page, place = divmod(n, cards.PER_PAGE)
    x = cards.MARGIN + (place % cards.COLUMNS) * cards.CARD_WIDTH
    y = cards.MARGIN + (place // cards.COLUMNS) * cards.CARD_HEIGHT
    return pdf_text(body, page + 1, x * MM, y * MM, cards.CARD_WIDTH * MM, cards.CARD_HEIGHT * MM)


def squashed(text):
    return " ".join(text.split())


@pytest.fixture(scope="module")
def fourteen():
    labels = [f"Bord {n}" for n in range(1, 15)]
    labels[1] = "Bord 2 – Ærlig, øvd og åpen"
    labels[4] = LONG_LABEL
    assert len(LONG_LABEL) == 120
    data = card_data(labels)
    return data, cards.render_cards(data, LABELS)


def test_cards_are_a4_portrait_six_to_a_page(fourteen):
    data, body = fourteen
    reader = pypdf.PdfReader(io.BytesIO(body))
    assert len(reader.pages) == math.ceil(14 / cards.PER_PAGE) == 3
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            A4, abs=0.5
        )
    counts = [len(placed_images(page)) for page in reader.pages]
    assert counts == [6, 6, 2]


@pytest.mark.parametrize("tables", [1, 6, 7, 12, 13])
def test_pages_are_the_tables_divided_by_six_rounded_up(tables):
    body = cards.render_cards(card_data([f"Bord {n}" for n in range(tables)]), LABELS)
    assert len(pypdf.PdfReader(io.BytesIO(body)).pages) == math.ceil(tables / 6)


def test_every_card_carries_its_label_the_address_and_the_code_as_text(fourteen):
    data, body = fourteen
    for n, table in enumerate(data["tables"]):
        text = squashed(card_text(body, n))
        assert squashed(table["label"]) in text, (n, text)
        assert "Skann QR-koden, eller gå til 192.168.1.20:5000/j Kode: 482913" in text
        assert "Ledersamling «Innlandet»" in text
    assert "Bord 2 – Ærlig, øvd og åpen" in squashed(card_text(body, 1))
    assert LONG_LABEL in squashed(card_text(body, 4))


def test_every_qr_code_keeps_10_mm_from_the_edge_and_reads_as_its_tables_url(fourteen):
    data, body = fourteen
    reader = pypdf.PdfReader(io.BytesIO(body))
    drawn = []
    for page in reader.pages:
        pictures = {image.name.rsplit(".", 1)[0]: image.image for image in page.images}
        for name, x, y, width, height in placed_images(page):
            assert x >= EDGE and y >= EDGE, (name, x, y)
            assert x + width <= A4[0] - EDGE and y + height <= A4[1] - EDGE, (name, x, y)
            assert width == pytest.approx(height) and width >= 35 * MM
            drawn.append((pictures[name.lstrip("/")], x, y, width))
    assert len(drawn) == len(data["tables"])
    for (picture, *_), table in zip(drawn, data["tables"], strict=True):
        expected = qrcodes.matrix(table["join_url"])
        assert qr_modules(picture, len(expected)) == expected, table["join_url"]


def test_a_long_label_never_moves_or_shrinks_its_qr_code(fourteen):
    _, body = fourteen
    first_page = pypdf.PdfReader(io.BytesIO(body)).pages[0]
    places = placed_images(first_page)
    # The first column's cards (1, 3, 5 with the long label) and the second's line up.
    by_column = {}
    for _, x, y, width, _ in places:
        by_column.setdefault(round(x, 1), []).append((round(y, 1), round(width, 1)))
    assert len(by_column) == 2
    rows = [sorted(column) for column in by_column.values()]
    assert rows[0] == rows[1]
    assert len({width for _, width in rows[0]}) == 1


def test_a_long_address_shrinks_to_fit_its_card():
    address = "samla.innlandet-fylkeskommune.example.no/j"
    body = cards.render_cards(card_data(["Bord 1"], address=address), LABELS)
    assert address in pdf_text(body)
