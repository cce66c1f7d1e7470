"""The injection corpus rendered through every export format; each file
opens, and the texts come back as text (python-docx, openpyxl, pypdf, csv, HTML parser)."""

import csv
import io
import json
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pypdf
import pytest

from conftest import simple_definition

CORPUS = json.loads(
    (Path(__file__).parent.parent / "data" / "xss_payloads.json").read_text("utf-8")
)
STORABLE = [
    p
    for p in CORPUS
    if p.strip()
    and not any(
        c not in "\n\t\r" and (unicodedata.category(c) in ("Cc", "Cs") or ord(c) & 0xFFFE == 0xFFFE)
        for c in p
    )
]


@pytest.fixture
def hostile(organiser, phone):
    """A gathering whose title, place, table labels, entries and points are the corpus."""
    gathering = organiser.create(
        simple_definition(
            title=("<script>alert(1)</script> " + STORABLE[0])[:300],
            place=STORABLE[1][:300],
            tables=[{"number": 1, "label": STORABLE[2][:100]}, {"number": 2}],
            activities=[
                {"kind": "statements", "prompt": STORABLE[3][:2000], "per_table": 500},
                {"kind": "task", "prompt": "Plan", "questions": [{"id": "q", "title": "Q"}]},
            ],
        )
    )
    statements, task = gathering["activities"]
    organiser.open(gathering, statements)
    organiser.open(gathering, task)
    for n, text in enumerate(STORABLE):
        if n % 40 == 0:  # a fresh phone now and then, to stay below its rate limit
            sio = phone(gathering, table=1 + n % 2)
        ack = sio.emit(
            "submit",
            {"activity_id": statements["id"], "text": text, "client_id": f"s{n}"},
            callback=True,
        )
        assert ack["ok"], (text, ack)
        if len(text) <= 500:
            sio.emit(
                "add_point",
                {"activity_id": task["id"], "question_id": "q", "text": text, "client_id": f"p{n}"},
                callback=True,
            )
    return gathering


def export(organiser, gathering, fmt):
    response = organiser.get(f"/api/gatherings/{gathering['id']}/export.{fmt}")
    assert response.status_code == 200, (fmt, response.get_data(as_text=True)[:300])
    return response.data


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = 0
        self.handlers = 0

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        self.handlers += sum(1 for name, _ in attrs if name.startswith("on"))


def test_every_export_of_the_corpus_opens(organiser, hostile):
    assert len(STORABLE) >= 100
    sample = "<img src=x onerror=alert(1)>"
    assert sample in STORABLE

    document = docx.Document(io.BytesIO(export(organiser, hostile, "docx")))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert sample in text

    workbook = openpyxl.load_workbook(io.BytesIO(export(organiser, hostile, "xlsx")))
    cells = [str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert any(sample in c for c in cells)
    # No cell turns into a formula a spreadsheet would run.
    assert not any(
        cell.data_type == "f" for sheet in workbook for row in sheet.iter_rows() for cell in row
    )

    pdf = pypdf.PdfReader(io.BytesIO(export(organiser, hostile, "pdf")))
    assert len(pdf.pages) >= 1 and "".join(page.extract_text() for page in pdf.pages)

    archive = zipfile.ZipFile(io.BytesIO(export(organiser, hostile, "csv")))
    rows = [
        row
        for name in archive.namelist()
        for row in csv.reader(
            io.StringIO(archive.read(name).decode("utf-8-sig"), newline=""), delimiter=";"
        )
    ]
    assert any(sample in cell for row in rows for cell in row)

    markdown = export(organiser, hostile, "md").decode("utf-8")
    assert "<script>" not in markdown and "onerror=alert" in markdown.replace("\\", "")

    html = export(organiser, hostile, "html").decode("utf-8")
    tags = Tags()
    tags.feed(html)
    assert tags.scripts == 0 and tags.handlers == 0
