"""Competence networks and the record parts filed to them."""

import json

from app.store.connection import select_all, select_one
from app.store.gatherings import new_gathering_id


def decode_row(row):
    """A network row with its municipalities as a list (None stays None)."""
    if row is not None:
        row["municipalities"] = json.loads(row["municipalities"])
    return row


def insert_network(db, network):
    """Store a network; its id is random (like a gathering's) unless one is given."""
    network_id = network.get("id") or new_gathering_id(db)
    db.conn.execute(
        "INSERT INTO networks (id, name, county, ordning, municipalities, contact, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            network_id,
            network["name"],
            network.get("county"),
            network.get("ordning"),
            json.dumps(network.get("municipalities") or [], ensure_ascii=False),
            network.get("contact"),
            network["created_at"],
        ),
    )
    return network_id


def get_network(db, network_id):
    return decode_row(select_one(db, "SELECT * FROM networks WHERE id = ?", (network_id,)))


def find_network_by_name(db, name):
    return decode_row(
        select_one(db, "SELECT * FROM networks WHERE name = ? COLLATE NOCASE ORDER BY id", (name,))
    )


def list_networks(db):
    return [decode_row(r) for r in select_all(db, "SELECT * FROM networks ORDER BY name, id")]


def replace_record_parts(db, gathering_id, parts, now):
    """File a gathering into records: its earlier parts go, `parts` {network_id: content} come."""
    db.conn.execute("DELETE FROM record_parts WHERE gathering_id = ?", (gathering_id,))
    db.conn.executemany(
        "INSERT INTO record_parts (network_id, gathering_id, gathering_date, content, filed_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (
                network_id,
                gathering_id,
                content["gathering"].get("date"),
                json.dumps(content, ensure_ascii=False),
                now,
            )
            for network_id, content in parts.items()
        ],
    )


def list_record_parts(db, network_id):
    """A network's filed parts, in date order (undated last), as stored content."""
    rows = select_all(
        db,
        "SELECT content, filed_at FROM record_parts WHERE network_id = ?"
        " ORDER BY gathering_date IS NULL, gathering_date, gathering_id",
        (network_id,),
    )
    return [json.loads(row["content"]) for row in rows]


def filed_network_ids(db, gathering_id):
    """The networks this gathering has been filed to."""
    rows = select_all(
        db,
        "SELECT network_id FROM record_parts WHERE gathering_id = ? ORDER BY network_id",
        (gathering_id,),
    )
    return [row["network_id"] for row in rows]


def delete_network(db, network_id):
    """Erase a network, its contact and its record; True if it existed."""
    db.conn.execute("DELETE FROM record_parts WHERE network_id = ?", (network_id,))
    return db.conn.execute("DELETE FROM networks WHERE id = ?", (network_id,)).rowcount > 0
