"""Filing gatherings into network records, and the records in every format."""

import io

import docx
import pypdf
import pytest
from exports_helpers import HIDDEN, LABELS, STATEMENTS
from exports_helpers import run_gathering as run


@pytest.fixture
def network(organiser):
    return organiser.post(
        "/api/networks",
        json={
            "name": "Region Hamar",
            "county": "Innlandet",
            "ordning": "DEKOMP",
            "municipalities": ["Hamar", "Løten", "Stange"],
        },
    ).get_json()


@pytest.fixture
def filed(organiser, client, join, network):
    """The export gathering with tables 1 and 2 in the network (2 by its name), filed."""
    gathering = run(organiser, client, join)
    base = f"/api/gatherings/{gathering['id']}"
    organiser.post(f"{base}/tables/1/network", json={"network": network["id"]})
    organiser.post(f"{base}/tables/2/network", json={"network": "Region Hamar"})
    answer = organiser.post(f"{base}/file-records", json={})
    assert answer.status_code == 200
    assert answer.get_json()["networks"] == [
        {"id": network["id"], "name": "Region Hamar", "tables": [1, 2]}
    ]
    return gathering


def record(organiser, network, fmt="json"):
    response = organiser.get(f"/api/networks/{network['id']}/record.{fmt}")
    assert response.status_code == 200
    return response


def test_the_record_holds_what_the_networks_tables_wrote_exactly(organiser, network, filed):
    data = record(organiser, network).get_json()
    (part,) = data["gatherings"]
    assert part["gathering"]["id"] == filed["id"]
    assert part["gathering"]["title"] == filed["title"]
    assert part["gathering"]["date"] == "2020-02-03"
    statements = part["items"][1]["blocks"][0]["tables"]
    assert {t["label"]: t["entries"] for t in statements} == {
        LABELS[n]: STATEMENTS[n] for n in (1, 2)
    }
    assert [t["number"] for t in part["tables"]] == [1, 2]
    assert data["annual_wheel"] == [
        {
            "year": 2020,
            "month": 2,
            "gatherings": [{"id": filed["id"], "title": filed["title"], "date": "2020-02-03"}],
        }
    ]
    assert "participant_token" not in str(data)


def test_filing_twice_leaves_an_identical_record(organiser, network, filed):
    before = record(organiser, network).get_json()
    organiser.post(f"/api/gatherings/{filed['id']}/file-records", json={})
    assert record(organiser, network).get_json() == before


def test_refiling_after_a_correction_replaces_the_gatherings_part(organiser, network, filed):
    minutes = organiser.get(f"/api/gatherings/{filed['id']}/minutes").get_json()
    assert minutes["items"][1]["count"] == 4
    organiser.post(f"/api/gatherings/{filed['id']}/tables/2/network", json={"network": None})
    organiser.post(f"/api/gatherings/{filed['id']}/file-records", json={})
    (part,) = record(organiser, network).get_json()["gatherings"]
    assert [t["label"] for t in part["items"][1]["blocks"][0]["tables"]] == [LABELS[1]]


def test_gatherings_come_in_date_order(organiser, network, filed, client, join):
    from conftest import simple_definition

    earlier = organiser.create(
        simple_definition(
            title="Høstsamling", date="2019-10-01", tables=[{"number": 1, "network": network["id"]}]
        )
    )
    organiser.post(f"/api/gatherings/{earlier['id']}/file-records", json={})
    data = record(organiser, network).get_json()
    assert [p["gathering"]["date"] for p in data["gatherings"]] == ["2019-10-01", "2020-02-03"]
    assert [(s["year"], s["month"]) for s in data["annual_wheel"]] == [(2019, 10), (2020, 2)]
    listed = organiser.get(f"/api/networks/{network['id']}").get_json()["gatherings"]
    assert [g["title"] for g in listed] == ["Høstsamling", filed["title"]]


def test_the_record_reads_back_as_markdown_docx_and_pdf(organiser, network, filed):
    source = record(organiser, network, "md").get_data(as_text=True)
    assert "# Nettverksrapport: Region Hamar" in source and "Løten" in source
    document = docx.Document(io.BytesIO(record(organiser, network, "docx").data))
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    for number in (1, 2):
        for entry in STATEMENTS[number]:
            assert bullets.count(entry) == 1
    assert STATEMENTS[3][0] not in bullets and HIDDEN not in bullets
    text = "\n".join(
        page.extract_text()
        for page in pypdf.PdfReader(io.BytesIO(record(organiser, network, "pdf").data)).pages
    )
    assert "Region Hamar" in text and "Linje to: ære, øl og å" in text
    assert "Fylkesmannens rolle" not in text


def test_an_unknown_networks_record_is_404(organiser):
    response = organiser.get("/api/networks/5/record.json")
    assert response.status_code == 404 and response.get_json()["error"] == "unknown_network"
