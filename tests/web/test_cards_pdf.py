"""GET /api/gatherings/<id>/cards.pdf: the organiser's table cards as a PDF, in the
gathering's language, with each table's own join address in its QR code."""

import io
import re
import subprocess

import pypdf
from exports_helpers import qr_modules

from app.exports import qrcodes
from conftest import PUBLIC_URL, log_in, simple_definition

TABLES = [
    {"number": 1, "label": "Bord 1 – Hamar"},
    {"number": 2, "label": "Lillehammer og Øyer"},
    *({"number": n, "label": f"Bord {n}"} for n in range(3, 8)),
]


def svg_modules(svg):
    """The dark modules of a QR code as SVG (one "Mx,yH…z" square each), as rows of "1"/"0"."""
    text = svg.decode()
    size = int(re.search(r'viewBox="0 0 (\d+) ', text).group(1))
    dark = {(int(x), int(y)) for x, y in re.findall(r"M(\d+),(\d+)H", text)}
    return ["".join("1" if (x, y) in dark else "0" for x in range(size)) for y in range(size)]


def text_of(body):
    done = subprocess.run(["pdftotext", "-", "-"], input=body, capture_output=True, check=True)
    return " ".join(done.stdout.decode().split())


def test_the_organiser_gets_a_pdf_of_every_tables_card(client, organiser):
    gathering = organiser.create(simple_definition(tables=TABLES))
    response = organiser.get(f"/api/gatherings/{gathering['id']}/cards.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="bordkort-{gathering["id"]}.pdf"'
    )
    reader = pypdf.PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 2  # seven tables, six to a page
    text = text_of(response.data)
    for table in TABLES:
        assert table["label"] in text
    assert text.count(f"Kode: {gathering['code']}") == 7
    assert text.count("samla.test/j") == 7
    # Each card's QR code is the one the printable HTML card shows for its table.
    for number, image in zip((1, 2, 3, 4, 5, 6), reader.pages[0].images, strict=True):
        served = client.get(f"/qr/{gathering['code']}/{number}.svg").data
        expected = svg_modules(served)
        assert qr_modules(image.image, len(expected)) == expected, number
    assert expected == qrcodes.matrix(f"{PUBLIC_URL}/j/{gathering['code']}/6")


def test_the_cards_speak_the_gatherings_language(organiser):
    gathering = organiser.create(simple_definition(language="en", tables=2))
    response = organiser.get(f"/api/gatherings/{gathering['id']}/cards.pdf")
    text = text_of(response.data)
    assert "Scan the QR code, or go to" in text
    assert "Table 1" in text and "Table 2" in text
    assert f"Code: {gathering['code']}" in text


def test_the_console_login_is_enough(client, organiser):
    gathering = organiser.create(simple_definition())
    log_in(client)
    response = client.get(f"/api/gatherings/{gathering['id']}/cards.pdf")
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF-")


def test_without_the_organisers_token_the_cards_are_refused(client, organiser):
    gathering = organiser.create(simple_definition())
    response = client.get(f"/api/gatherings/{gathering['id']}/cards.pdf")
    assert response.status_code == 401
    assert response.get_json()["error"] == "unauthorized"
    wrong = client.get(
        f"/api/gatherings/{gathering['id']}/cards.pdf",
        headers={"Authorization": "Bearer not-the-token"},
    )
    assert wrong.status_code == 401


def test_an_unknown_gathering_has_no_cards(organiser):
    response = organiser.get("/api/gatherings/9999/cards.pdf")
    assert response.status_code == 404
    assert response.get_json()["error"] == "not_found"
