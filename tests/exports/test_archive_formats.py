"""Every format of an Innlandet-sized gathering, read back as its users read it: the PDF
as an archive checks it, DOCX and XLSX laid out by LibreOffice, CSV opened with ';' and
Markdown rendered."""

import csv
import io
import os
import shutil
import subprocess
import zipfile

import docx
import pypdf
import pytest
from markdown_it import MarkdownIt

from .innlandet import build

A4 = (595, 842)  # points, give or take one
SOFFICE = shutil.which("soffice")
CHROMIUM = shutil.which("chromium")
# On CI a missing LibreOffice or Chromium is a failure, never a silent skip.
needs_soffice = pytest.mark.skipif(
    SOFFICE is None and os.environ.get("CI") != "true", reason="LibreOffice (soffice) missing"
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("CI") != "true", reason="Chromium missing"
)


@pytest.fixture
def innlandet(app, organiser, client, join):
    return build(app, organiser, client, join)


def export(organiser, gathering, fmt):
    response = organiser.get(f"/api/gatherings/{gathering['id']}/export.{fmt}")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.data


def as_pdf(data, suffix, tmp_path):
    """`data` converted to PDF by LibreOffice headless, in a profile of its own."""
    assert SOFFICE, "LibreOffice (soffice) is needed to read DOCX and XLSX back"
    source = tmp_path / f"doc.{suffix}"
    source.write_bytes(data)
    profile = tmp_path / "profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return pypdf.PdfReader(tmp_path / "doc.pdf")


def page_size(page):
    box = page.mediabox
    return round(float(box.width)), round(float(box.height))


def is_a4(size):
    return all(abs(a - b) <= 2 for a, b in zip(sorted(size), A4, strict=True))


def test_the_pdf_is_pdf_a_2u_with_language_bookmarks_and_embedded_fonts(organiser, innlandet):
    reader = pypdf.PdfReader(io.BytesIO(export(organiser, innlandet, "pdf")))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>U" in xmp
    (intent,) = root["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    assert root["/Lang"] == "nb-NO"
    # fpdf2 writes title, author and subject in the XMP, where PDF/A wants them.
    assert '<rdf:li xml:lang="x-default">Referat: Ledersamling' in xmp
    assert "<rdf:li>Egil Hartberg &amp; Lars Arild Myhr</rdf:li>" in xmp
    titles = [item.title for item in flatten(reader.outline)]
    assert "Sak 4: Prioritering" in titles and "Plass per nettverk" in titles
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor
        assert is_a4(page_size(page))
    text = reader.pages[0].extract_text()
    assert "3. februar 2020" in text and "Kari Nordmann" in text and "2020/1234" in text
    assert len(reader.pages) <= 14
    assert "Side 1 av" in text


def flatten(outline):
    for item in outline:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


@needs_soffice
def test_the_docx_lays_out_on_a4_within_a_page_bound(organiser, innlandet, tmp_path):
    data = export(organiser, innlandet, "docx")
    document = docx.Document(io.BytesIO(data))
    properties = document.core_properties
    assert properties.author.startswith("Egil") and properties.title.startswith("Referat:")
    assert properties.created.year >= 2026 and properties.language == "nb-NO"
    styles = document.styles.element.xml
    assert 'w:val="nb-NO"' in styles
    levels = [int(p.style.name[-1]) for p in document.paragraphs if p.style.name[:8] == "Heading "]
    assert all(b <= a + 1 for a, b in zip([0, *levels], levels, strict=False))
    reader = as_pdf(data, "docx", tmp_path)
    assert all(is_a4(page_size(page)) for page in reader.pages)
    assert len(reader.pages) <= 16
    assert "Side 1 av" in reader.pages[0].extract_text()


@needs_soffice
def test_the_xlsx_prints_on_a4_one_page_wide(organiser, innlandet, tmp_path):
    reader = as_pdf(export(organiser, innlandet, "xlsx"), "xlsx", tmp_path)
    assert all(is_a4(page_size(page)) for page in reader.pages)
    assert len(reader.pages) <= 16


@needs_chromium
def test_the_html_prints_on_a4_without_empty_pages(organiser, innlandet, tmp_path):
    assert CHROMIUM, "Chromium is needed to print the HTML minutes"
    page = tmp_path / "referat.html"
    page.write_bytes(export(organiser, innlandet, "html"))
    printed = tmp_path / "referat.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp_path / 'chromium'}",
            f"--print-to-pdf={printed}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    reader = pypdf.PdfReader(printed)
    assert all(is_a4(page_size(page)) for page in reader.pages)
    assert len(reader.pages) <= 16
    assert all(page.extract_text().strip() for page in reader.pages)


def test_the_csv_opens_with_semicolons_one_row_per_answer(organiser, innlandet):
    archive = zipfile.ZipFile(io.BytesIO(export(organiser, innlandet, "csv")))
    task = next(name for name in archive.namelist() if name.startswith("03 "))
    rows = list(csv.reader(io.StringIO(archive.read(task).decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + 110 and all(len(row) == 6 for row in rows)
    assert {row[1] for row in rows[1:]} == {
        "Hva gjør fylket? (bord 1–2)",
        "Hva gjør regionen?",
        "Hva gjør skolen?",
    }
    vote = next(name for name in archive.namelist() if name.startswith("04 "))
    rows = list(csv.reader(io.StringIO(archive.read(vote).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-2:] == ["Poeng", "Rang"]
    assert all(row[-2] != "0" for row in rows[1:])


def test_the_markdown_renders_lists_and_tables(organiser, innlandet):
    source = export(organiser, innlandet, "md").decode()
    html = MarkdownIt("commonmark").enable("table").render(source)
    assert "<ol>" in html and html.count("<table>") >= 5 and "<ul>" in html
    assert "Nord-Gudbrandsdal" in source and "(REKOMP)" in source
    assert "\\-" not in source and "\\(" not in source
