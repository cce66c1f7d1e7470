"""Networks: created through the API, linked to tables by id or by name."""

import pytest

from conftest import simple_definition


def test_a_network_is_created_and_read_back(organiser):
    response = organiser.post(
        "/api/networks",
        json={
            "name": "Kompetansenettverk Sør-Østerdal",
            "county": "Innlandet",
            "ordning": "dekomp",
            "municipalities": ["Elverum", "Åmot"],
            "contact": "Kari Nordmann",
        },
    )
    assert response.status_code == 201
    network = response.get_json()
    assert network["ordning"] == "DEKOMP" and network["municipalities"] == ["Elverum", "Åmot"]
    again = organiser.get(f"/api/networks/{network['id']}").get_json()
    assert again["name"] == "Kompetansenettverk Sør-Østerdal" and again["gatherings"] == []
    assert [n["id"] for n in organiser.get("/api/networks").get_json()] == [network["id"]]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"name": ""},
        {"name": "x", "ordning": "ABC"},
        {"name": "x", "municipalities": "Hamar"},
        ["x"],
    ],
)
def test_a_bad_network_is_refused(organiser, body):
    response = organiser.post("/api/networks", json=body)
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid_network" and response.get_json()["message"]
    assert organiser.get("/api/networks").get_json() == []


def test_an_unknown_network_is_404(organiser):
    response = organiser.get("/api/networks/123")
    assert response.status_code == 404 and response.get_json()["error"] == "unknown_network"


def test_a_table_joins_a_network_by_id_or_keeps_a_free_label(organiser):
    network = organiser.post("/api/networks", json={"name": "Region Hamar"}).get_json()
    gathering = organiser.create(
        simple_definition(
            tables=[
                {"number": 1, "network": network["id"]},
                {"number": 2, "network": "Fritt nettverk"},
            ]
        )
    )
    assert gathering["tables"][0]["network"] == str(network["id"])
    url = f"/api/gatherings/{gathering['id']}/tables/2/network"
    linked = organiser.post(url, json={"network": "region hamar"}).get_json()
    assert linked["network_id"] == network["id"]
    cleared = organiser.post(url, json={"network": None}).get_json()
    assert cleared["network"] is None and cleared["network_id"] is None
    missing = organiser.post(
        f"/api/gatherings/{gathering['id']}/tables/9/network", json={"network": None}
    )
    assert missing.status_code == 404 and missing.get_json()["error"] == "unknown_table"


@pytest.mark.parametrize(
    "method,path",
    [
        ("get", "/api/gatherings/1/export.docx"),
        ("get", "/api/gatherings/1/minutes"),
        ("post", "/api/gatherings/1/notes"),
        ("post", "/api/networks"),
        ("get", "/api/networks/1/record.json"),
        ("post", "/api/gatherings/1/file-records"),
        ("get", "/api/gatherings/1/bundle"),
        ("post", "/api/bundles"),
        ("post", "/api/gatherings/1/tables/1/network"),
    ],
)
def test_filing_routes_need_the_organiser(client, method, path):
    response = getattr(client, method)(path, json={}, headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 401 and response.get_json()["error"] == "unauthorized"
