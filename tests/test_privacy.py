"""Promise 6: nothing personal is stored, and a deleted gathering leaves no row behind."""

import sqlite3
from pathlib import Path

from conftest import ROOT_DIR, simple_definition

PERSONAL = ("ip", "address", "agent", "user_agent", "email", "name", "phone", "device")
# Organisations, not people: a competence network has a name.
NOT_PERSONAL = {("networks", "name")}


def columns(db_file):
    conn = sqlite3.connect(db_file)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    finally:
        conn.close()


def test_no_table_has_a_column_for_addresses_agents_or_names(app):
    schema = columns(Path(app.config["DATA_DIR"]) / "samla.db")
    assert "entries" in schema
    for table, names in schema.items():
        for column in set(names) - {c for t, c in NOT_PERSONAL if t == table}:
            assert not any(word in column.lower().split("_") for word in PERSONAL), (table, column)


def rows_of(db_file, gathering_id, tokens, activity_ids):
    """Every row anywhere that mentions the gathering, its activities or its participants."""
    conn = sqlite3.connect(db_file)
    found = []
    try:
        for table, names in columns(db_file).items():
            for column, values in (
                ("gathering_id", [gathering_id]),
                ("id", [gathering_id]),
                ("activity_id", activity_ids),
                ("participant_token", tokens),
                ("token", tokens),
            ):
                if column in names and (column != "id" or table == "gatherings"):
                    marks = ",".join("?" * len(values))
                    n = conn.execute(
                        f'SELECT COUNT(*) FROM "{table}" WHERE "{column}" IN ({marks})', values
                    ).fetchone()[0]
                    found += [(table, column)] * n
    finally:
        conn.close()
    return found


def test_the_organiser_deletes_a_gathering_and_every_row_goes(app, organiser, join, phone, client):
    keep = organiser.create(simple_definition(title="Blir"))
    gone = organiser.create(simple_definition(title="Slettes"))
    tokens = []
    for g in (keep, gone):
        words, statements = g["activities"]
        organiser.open(g, statements)
        sio = phone(g)
        tokens.append(sio.token)
        ack = sio.emit(
            "submit",
            {"activity_id": statements["id"], "text": "hei", "client_id": "1"},
            callback=True,
        )
        assert ack["ok"] is True
        assert (
            organiser.patch(f"/api/entries/{ack['id']}", json={"highlighted": True}).status_code
            == 200
        )
    db_file = Path(app.config["DATA_DIR"]) / "samla.db"
    ids = [a["id"] for a in gone["activities"]]
    assert len(rows_of(db_file, gone["id"], [tokens[1]], ids)) >= 7

    assert client.delete(f"/api/gatherings/{gone['id']}").status_code == 401
    response = organiser.client.delete(f"/api/gatherings/{gone['id']}", headers=organiser.headers)
    assert response.status_code == 200 and response.get_json() == {
        "ok": True,
        "deleted": gone["id"],
    }

    assert rows_of(db_file, gone["id"], [tokens[1]], ids) == []
    kept = [a["id"] for a in keep["activities"]]
    assert len(rows_of(db_file, keep["id"], [tokens[0]], kept)) >= 7
    assert organiser.get(f"/api/gatherings/{gone['id']}").status_code == 404
    again = organiser.client.delete(f"/api/gatherings/{gone['id']}", headers=organiser.headers)
    assert again.status_code == 404
    late = client.post(
        "/api/submissions",
        headers={"Authorization": f"Bearer {tokens[1]}"},
        json={"activity_id": ids[1], "text": "for sent", "client_id": "2"},
    )
    assert late.status_code == 401
    conn = sqlite3.connect(db_file)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_every_column_that_can_hold_a_name_is_named_in_the_privacy_notes():
    text = (ROOT_DIR / "docs" / "PRIVACY.md").read_text(encoding="utf-8")
    for column in (
        "gatherings.organiser",
        "tables.label",
        "entries.text",
        "notes.follow_up_by",
        "networks.contact",
        "record_parts.content",
    ):
        assert f"`{column}`" in text or column.split(".")[1] in text, column


def test_a_networks_contact_goes_with_the_network(organiser):
    network = organiser.post(
        "/api/networks", json={"name": "Namdal", "contact": "Kari Nordmann"}
    ).get_json()
    answer = organiser.client.delete(f"/api/networks/{network['id']}", headers=organiser.headers)
    assert answer.status_code == 200
    assert organiser.get(f"/api/networks/{network['id']}").status_code == 404
    assert "Kari Nordmann" not in organiser.get("/api/networks").get_data(as_text=True)
    again = organiser.client.delete(f"/api/networks/{network['id']}", headers=organiser.headers)
    assert again.status_code == 404
