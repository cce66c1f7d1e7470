"""Competence networks and the record parts filed to them."""

from app import store
from app.store.gatherings import GATHERING_ID_RANGE


def network(db, name, **fields):
    return store.networks.insert_network(db, {"name": name, "created_at": "t", **fields})


def test_a_network_reads_back_with_its_municipalities_as_a_list(db):
    network_id = network(
        db,
        "Region Hamar",
        county="Innlandet",
        ordning="DEKOMP",
        municipalities=["Hamar", "Åmot"],
        contact="Kari Ødegård",
    )
    assert GATHERING_ID_RANGE[0] <= network_id < GATHERING_ID_RANGE[1]
    assert store.networks.get_network(db, network_id) == {
        "id": network_id,
        "name": "Region Hamar",
        "county": "Innlandet",
        "ordning": "DEKOMP",
        "municipalities": ["Hamar", "Åmot"],
        "contact": "Kari Ødegård",
        "created_at": "t",
    }


def test_a_network_without_municipalities_has_an_empty_list_and_a_given_id_is_kept(db):
    assert network(db, "Fosen", id=5_000_000) == 5_000_000
    assert store.networks.get_network(db, 5_000_000)["municipalities"] == []
    assert store.networks.get_network(db, 1) is None


def test_networks_are_found_by_name_in_any_case_and_listed_by_name(db):
    hamar = network(db, "Region Hamar")
    fosen = network(db, "Fosen")
    assert store.networks.find_network_by_name(db, "region HAMAR")["id"] == hamar
    assert store.networks.find_network_by_name(db, "Namdal") is None
    assert [n["id"] for n in store.networks.list_networks(db)] == [fosen, hamar]


def test_filing_again_replaces_a_gatherings_parts_and_parts_come_in_date_order(db, rows):
    hamar, fosen = network(db, "Region Hamar"), network(db, "Fosen")
    spring = rows.gathering(id=2_000_000)
    autumn = rows.gathering(id=1_000_000)
    undated = rows.gathering(id=3_000_000)

    def part(gathering_id, date):
        return {"gathering": {"id": gathering_id, "date": date, "title": "Økt"}}

    store.networks.replace_record_parts(db, undated, {hamar: part(undated, None)}, "t")
    store.networks.replace_record_parts(db, autumn, {hamar: part(autumn, "2026-10-01")}, "t")
    store.networks.replace_record_parts(
        db, spring, {hamar: part(spring, "2026-03-05"), fosen: part(spring, "2026-03-05")}, "t"
    )
    assert [p["gathering"]["id"] for p in store.networks.list_record_parts(db, hamar)] == [
        spring,
        autumn,
        undated,
    ]
    assert store.networks.filed_network_ids(db, spring) == sorted([hamar, fosen])
    store.networks.replace_record_parts(db, spring, {fosen: part(spring, "2026-03-06")}, "t")
    assert store.networks.filed_network_ids(db, spring) == [fosen]
    assert store.networks.list_record_parts(db, fosen) == [part(spring, "2026-03-06")]
