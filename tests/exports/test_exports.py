"""Minutes in every format, read back with a real reader of that format."""

import csv
import datetime as dt
import io
import zipfile
from html.parser import HTMLParser

import docx
import openpyxl
import pypdf
import pytest
from exports_helpers import HIDDEN, LABELS, STATEMENTS, WORDS, assert_statements_by_table
from exports_helpers import run_gathering as run
from markdown_it import MarkdownIt


@pytest.fixture
def gathering(organiser, client, join):
    return run(organiser, client, join)


def export(organiser, gathering, fmt):
    response = organiser.get(f"/api/gatherings/{gathering['id']}/export.{fmt}")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response


class Sections(HTMLParser):
    """{item number: {table label: [texts]}} from the minutes' HTML structure."""

    def __init__(self):
        super().__init__()
        self.items, self.item, self.table, self.capture, self.heading = {}, None, None, None, None
        self.text_parts, self.all_text = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "data-item" in attrs:
            self.item = self.items.setdefault(int(attrs["data-item"]), {})
        if tag == "section" and "data-table" in attrs:
            self.heading = True
        if tag == "li" and self.table is not None:
            self.capture, self.text_parts = "li", []
        if tag.startswith("h") and self.heading:
            self.capture, self.text_parts = "h", []

    def handle_endtag(self, tag):
        if self.capture == "li" and tag == "li":
            self.item[self.table].append("".join(self.text_parts))
            self.capture = None
        if self.capture == "h" and tag.startswith("h"):
            self.table = "".join(self.text_parts)
            self.item.setdefault(self.table, [])
            self.capture, self.heading = None, False

    def handle_data(self, data):
        self.all_text.append(data)
        if self.capture:
            self.text_parts.append(data)


def test_html_minutes_show_each_visible_statement_once_under_its_table(organiser, gathering):
    response = export(organiser, gathering, "html")
    page = response.get_data(as_text=True)
    parser = Sections()
    parser.feed(page)
    assert_statements_by_table(parser.items[2])
    # The mood words are the cloud and its list, never again table by table.
    assert parser.items[1] == {}
    assert HIDDEN not in "".join(parser.all_text)
    assert "1 innspill skjult av ordstyrer" in page
    assert "<i>skolens</i>" not in page and "&lt;i&gt;skolens&lt;/i&gt;" in page
    assert page.count('src="data:image/png;base64,') == 1


class Headings(HTMLParser):
    """{item number: {table label: [texts]}} from headings (h2 Sak, h3 table) and list items."""

    def __init__(self):
        super().__init__()
        self.items, self.item, self.table, self.tag, self.parts = {}, None, None, None, []

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3", "li"):
            self.tag, self.parts = tag, []
        if tag == "br" and self.tag:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag != self.tag:
            return
        text = "".join(self.parts).strip("\n") if tag != "li" else "".join(self.parts)
        if tag == "h2":
            self.item = (
                self.items.setdefault(int(text[4:].split(":")[0]), {})
                if text.startswith("Sak ")
                else None
            )
            self.table = None
        elif tag == "h3" and self.item is not None:
            self.table = text
            self.item[self.table] = []
        elif tag == "li" and self.table is not None:
            self.item[self.table].append(text)
        self.tag = None

    def handle_data(self, data):
        if self.tag:
            self.parts.append(data)


def test_markdown_minutes_read_back_through_a_markdown_parser(organiser, gathering):
    response = export(organiser, gathering, "md")
    assert response.headers["Content-Type"] == "text/markdown; charset=utf-8"
    source = response.get_data(as_text=True)
    html = MarkdownIt("commonmark").enable("table").render(source).replace("<br />\n", "<br />")
    parser = Headings()
    parser.feed(html)
    assert_statements_by_table(parser.items[2])
    assert parser.items[1] == {"Ordsky": []}
    assert "Skjult" not in source
    assert "1 innspill skjult av ordstyrer" in source


def test_docx_minutes_open_in_python_docx(organiser, gathering):
    document = docx.Document(io.BytesIO(export(organiser, gathering, "docx").data))
    found, item, table = {}, None, None
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style == "Heading 1" and paragraph.text.startswith("Sak "):
            item = found.setdefault(int(paragraph.text[4:].split(":")[0]), {})
        elif style == "Heading 2" and item is not None:
            table = paragraph.text
            item[table] = []
        elif style == "List Bullet" and table is not None:
            item[table].append(paragraph.text)
    assert_statements_by_table(found[2])
    text = "\n".join(p.text for p in document.paragraphs)
    assert HIDDEN not in text and "1 innspill skjult av ordstyrer" in text
    assert document.paragraphs[0].text.startswith('Referat: Ledersamling «Innlandet» – "Ønsket')
    assert len(document.inline_shapes) == 1  # the word cloud


def test_docx_minutes_tables_list_facts_tables_and_every_word(organiser, gathering):
    document = docx.Document(io.BytesIO(export(organiser, gathering, "docx").data))
    facts, overview, frequencies = document.tables[:3]
    rows = {row.cells[0].text: row.cells[1].text for row in facts.rows}
    assert rows["Sted"] == "Hamar" and rows["Dato"] == "3. februar 2020"
    assert [[cell.text for cell in row.cells] for row in overview.rows[1:]] == [
        [label, "", "1"] for label in LABELS.values()
    ]
    listed = [[cell.text for cell in row.cells] for row in frequencies.rows[1:]]
    # Words are counted without their trailing punctuation ("Tillitsfulle?").
    expected = [[word.rstrip("?"), "1"] for words in WORDS.values() for word in words]
    assert sorted(listed) == sorted(expected)


def test_xlsx_minutes_are_data_one_row_per_statement(organiser, gathering):
    workbook = openpyxl.load_workbook(io.BytesIO(export(organiser, gathering, "xlsx").data))
    assert workbook.sheetnames[0] == "Sammendrag"
    sheet = workbook.worksheets[2]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Sak", "Spørsmål", "Bord nr.", "Bord", "Nettverk", "Tekst")
    found = {}
    for item, _, number, label, _, text in rows[1:]:
        assert item == 2 and isinstance(number, int)
        found.setdefault(label, []).append(text)
    assert_statements_by_table(found)
    formula = next(c for row in sheet.iter_rows() for c in row if c.value == "=SUM(A1:A2)")
    assert formula.data_type == "s"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:F{len(rows)}"
    assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.fitToWidth == 1
    assert not sheet["D2"].alignment.wrap_text and sheet["F2"].alignment.wrap_text
    words = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert words[0][-1] == "Antall" and all(isinstance(row[-1], int) for row in words[1:])
    assert HIDDEN not in [c.value for row in sheet.iter_rows() for c in row]
    summary = workbook.worksheets[0]
    values = {row[0]: row[1] for row in summary.iter_rows(max_col=2, values_only=True)}
    assert values["Dato"] == dt.datetime(2020, 2, 3) and values["Sted"] == "Hamar"
    assert values["Deltakere"] == 3
    cells = [c.value for row in summary.iter_rows() for c in row]
    assert "Bord 1 – Hamar" in cells and "1 innspill skjult av ordstyrer" in cells


def test_csv_minutes_are_semicolon_files_with_their_titles_and_formulas_defused(
    organiser, gathering
):
    response = export(organiser, gathering, "csv")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = archive.namelist()
    assert names == [
        "00 Sammendrag og notater.csv",
        "01 Hvordan er stemningen.csv",
        "02 Tre utsagn pr bord.csv",
    ]
    raw = archive.read(names[2])
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Sak", "Spørsmål", "Bord nr.", "Bord", "Nettverk", "Tekst"]
    found = {}
    for item, _, number, label, _, text in rows[1:]:
        assert item == "2" and LABELS[int(number)] == label
        found.setdefault(label, []).append(text)
    expected = {LABELS[n]: list(texts) for n, texts in STATEMENTS.items()}
    expected[LABELS[1]][1] = "'=SUM(A1:A2)"
    assert found == expected
    assert HIDDEN not in raw.decode("utf-8-sig")
    words = list(csv.reader(io.StringIO(archive.read(names[1]).decode("utf-8-sig")), delimiter=";"))
    assert words[0][-1] == "Antall" and {row[-1] for row in words[1:]} == {"1"}
    summary = archive.read(names[0]).decode("utf-8-sig")
    assert "Dato;3. februar 2020" in summary


def test_csv_with_commas_on_request(organiser, gathering):
    response = organiser.get(f"/api/gatherings/{gathering['id']}/export.csv?sep=,")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    first = archive.read("02 Tre utsagn pr bord.csv").decode("utf-8-sig").splitlines()[0]
    assert first == "Sak,Spørsmål,Bord nr.,Bord,Nettverk,Tekst"


def test_pdf_minutes_carry_every_visible_statement_under_its_table(organiser, gathering):
    reader = pypdf.PdfReader(io.BytesIO(export(organiser, gathering, "pdf").data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # The agenda lists "Sak 2: ..." first; the item itself is the last mention.
    statements = text[text.rindex("Sak 2:") :]
    positions = {label: statements.index(label) for label in LABELS.values()}
    assert sorted(positions, key=positions.get) == list(LABELS.values())
    bounds = sorted(positions.values()) + [len(statements)]
    for number, texts in STATEMENTS.items():
        start = positions[LABELS[number]]
        end = min(b for b in bounds if b > start)
        for entry in texts:
            for line in entry.splitlines():
                assert statements.count(line) == 1, line
                assert start < statements.index(line) < end, line
    assert "Skjult" not in text and "1 innspill skjult av ordstyrer" in text
    assert "Arrangør Egil Hartberg & Lars Arild Myhr" in text


def test_minutes_json_is_the_structure_all_formats_render(organiser, gathering):
    built = organiser.get(f"/api/gatherings/{gathering['id']}/minutes").get_json()
    item = built["items"][1]
    assert item["hidden_count"] == 1 and item["count"] == 4
    assert item["blocks"][0]["tables"][1]["entries"] == STATEMENTS[2]
    assert built["items"][0]["blocks"][0]["type"] == "cloud"
    assert built["participants"] == 3


def test_an_unknown_format_is_refused(organiser, gathering):
    response = organiser.get(f"/api/gatherings/{gathering['id']}/export.odt")
    assert response.status_code == 400 and response.get_json()["error"] == "bad_request"
