"""The table cards as a PDF, from the console's button: what the organiser downloads is the
A4 PDF of every table's card."""

import io
import subprocess
from pathlib import Path

from pypdf import PdfReader

from browser.screens import LAPTOP, log_in, make_gathering


def test_the_consoles_button_downloads_the_table_cards_as_a_pdf(contexts, server):
    tables = [{"number": n, "label": f"Bord {n}"} for n in range(1, 8)]
    tables[1]["label"] = "Kompetansenettverket for Nord-Østerdal og Fjellregionen"
    gathering = make_gathering(
        server,
        {"title": "Kort", "tables": tables, "activities": [{"kind": "words", "prompt": "Ett ord"}]},
    )
    page = contexts(**LAPTOP, accept_downloads=True).new_page()
    log_in(page, server, f"/console/{gathering.id}")
    button = page.get_by_role("link", name="Bordkort (PDF)")
    # It sits beside the link to the printable cards page.
    links = page.locator(".console-links a").evaluate_all(
        "(links) => links.map((a) => a.id === 'cards-pdf' ? 'pdf' : a.textContent.trim())"
    )
    assert links[links.index("Skriv ut bordkort") + 1] == "pdf"
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == f"bordkort-{gathering.id}.pdf"
    body = Path(download.path()).read_bytes()
    pdf = PdfReader(io.BytesIO(body))
    assert len(pdf.pages) == 2  # seven tables, six cards a page
    assert round(float(pdf.pages[0].mediabox.width)) == 595  # A4 in points
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=body, capture_output=True, check=True
    ).stdout.decode()
    flat = " ".join(text.split())
    assert "Kompetansenettverket for Nord-Østerdal og Fjellregionen" in flat
    assert flat.count(f"Kode: {gathering.code}") == 7
