"""Bundles: a gathering moves to another server and merges there without duplicates."""

import copy

import pytest
from exports_helpers import STATEMENTS
from exports_helpers import run_gathering as run

from app import create_app
from conftest import ADMIN_TOKEN, Organiser


@pytest.fixture
def laptop(organiser, client, join):
    """The gathering as run offline: networks, notes, entries, filed; and its bundle."""
    network = organiser.post("/api/networks", json={"name": "Region Hamar"}).get_json()
    gathering = run(organiser, client, join)
    base = f"/api/gatherings/{gathering['id']}"
    organiser.post(f"{base}/tables/1/network", json={"network": network["id"]})
    organiser.post(f"{base}/notes", json={"summary": "Oppsummert på bærbar"})
    organiser.post(f"{base}/file-records", json={})
    bundle = organiser.get(f"{base}/bundle").get_json()
    return {"gathering": gathering, "network": network, "bundle": bundle}


@pytest.fixture
def server(tmp_path):
    """A second Samla with its own database: the county's server."""
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "county"),
                      "ADMIN_TOKEN": ADMIN_TOKEN, "PUBLIC_URL": "http://county.test",
                      "ASYNC_MODE": "threading"})
    yield Organiser(app.test_client())
    app.extensions["samla_store"].close()


def snapshot(server, gathering_id, network_id):
    return (
        server.get(f"/api/gatherings/{gathering_id}/minutes").get_json(),
        server.get(f"/api/networks/{network_id}/record.json").get_json(),
        server.get(f"/api/gatherings/{gathering_id}/bundle").get_json()["content"]["entries"],
    )


def test_a_bundle_imports_on_another_server_keeping_its_id(laptop, server):
    response = server.post("/api/bundles", json=laptop["bundle"])
    assert response.status_code == 201
    answer = response.get_json()
    gathering_id = laptop["gathering"]["id"]
    assert answer["gathering_id"] == gathering_id and answer["entries_added"] == 9
    minutes, record, _ = snapshot(server, gathering_id, laptop["network"]["id"])
    assert minutes["summary"] == "Oppsummert på bærbar"
    assert minutes["items"][1]["hidden_count"] == 1
    assert minutes["items"][1]["blocks"][0]["tables"][1]["entries"] == STATEMENTS[2]
    (part,) = record["gatherings"]
    assert part["items"][1]["blocks"][0]["tables"][0]["entries"] == STATEMENTS[1]


def test_importing_the_same_bundle_twice_changes_nothing(laptop, server):
    server.post("/api/bundles", json=laptop["bundle"])
    before = snapshot(server, laptop["gathering"]["id"], laptop["network"]["id"])
    again = server.post("/api/bundles", json=laptop["bundle"])
    assert again.status_code == 200
    assert again.get_json()["entries_added"] == 0 and again.get_json()["networks_added"] == 0
    assert snapshot(server, laptop["gathering"]["id"], laptop["network"]["id"]) == before


def test_importing_back_into_the_source_server_changes_nothing(laptop, organiser):
    before = snapshot(organiser, laptop["gathering"]["id"], laptop["network"]["id"])
    answer = organiser.post("/api/bundles", json=laptop["bundle"])
    assert answer.status_code == 200 and answer.get_json()["entries_added"] == 0
    assert snapshot(organiser, laptop["gathering"]["id"], laptop["network"]["id"]) == before


def damaged(bundle):
    broken = copy.deepcopy(bundle)
    broken["content"]["entries"][3]["text"] = "endret"
    return broken


def newer(bundle):
    return {**bundle, "schema_version": 99}


def missing_activity(bundle):
    broken = copy.deepcopy(bundle)
    broken["content"]["entries"][-1]["activity_uid"] = "nope"
    from app.bundles import checksum
    broken["checksum"] = checksum(broken["content"])
    return broken


@pytest.mark.parametrize("spoil,status,error", [
    (damaged, 400, "invalid_bundle"),
    (newer, 422, "bundle_too_new"),
    (missing_activity, 400, "invalid_bundle"),
    (lambda b: {"format": "samla-bundle"}, 400, "invalid_bundle"),
    (lambda b: [1, 2], 400, "invalid_bundle"),
])
def test_a_damaged_or_newer_bundle_is_refused_and_nothing_is_imported(laptop, server, spoil,
                                                                      status, error):
    response = server.post("/api/bundles", json=spoil(laptop["bundle"]))
    assert response.status_code == status
    assert response.get_json()["error"] == error and response.get_json()["message"]
    assert server.get("/api/gatherings").get_json() == []
    assert server.get("/api/networks").get_json() == []


def test_a_failure_halfway_leaves_nothing_behind(laptop, server):
    """An activity uid already used by another gathering is found mid-import; all rolls back."""
    other = copy.deepcopy(laptop["bundle"])
    other["content"]["gathering"]["id"] += 1
    from app.bundles import checksum
    other["checksum"] = checksum(other["content"])
    server.post("/api/bundles", json=laptop["bundle"])
    networks_before = server.get("/api/networks").get_json()
    response = server.post("/api/bundles", json=other)
    assert response.status_code == 400 and response.get_json()["error"] == "invalid_bundle"
    assert [g["id"] for g in server.get("/api/gatherings").get_json()] == [
        laptop["gathering"]["id"]]
    assert server.get("/api/networks").get_json() == networks_before
