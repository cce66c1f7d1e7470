"""Network records: filing a gathering's results into the records of its tables' networks."""

import datetime as dt

from app import lookups, networks, store
from app.exports import minutes
from app.rules import now

SCHEMA = "samla-record/1"


def network_tables(db, gathering_id):
    """{network id: [table numbers]} of the tables that belong to a known network."""
    grouped = {}
    for table in store.gatherings.list_tables(db, gathering_id):
        network = networks.resolve(db, table["network"])
        if network is not None:
            grouped.setdefault(network["id"], []).append(table["number"])
    return grouped


def file_gathering(db, gathering_id):
    """Put what each network's tables produced into that network's record.

    Filing again replaces the gathering's earlier parts, so a correction never
    doubles anything. Runs inside the caller's transaction.
    """
    lookups.gathering(db, gathering_id)
    grouped = network_tables(db, gathering_id)
    parts = {
        network_id: minutes.build(db, gathering_id, table_numbers=set(numbers))
        for network_id, numbers in grouped.items()
    }
    store.networks.replace_record_parts(db, gathering_id, parts, now())
    return {
        "gathering_id": gathering_id,
        "networks": [
            {
                "id": network_id,
                "name": store.networks.get_network(db, network_id)["name"],
                "tables": numbers,
            }
            for network_id, numbers in sorted(grouped.items())
        ],
    }


def file_records(db_store, gathering_id):
    """The explicit "file into network records" step, in one transaction."""
    with db_store.write() as db:
        return file_gathering(db, gathering_id)


def _month(date):
    try:
        day = dt.date.fromisoformat(date or "")
    except ValueError:
        return None, None
    return day.year, day.month


def annual_wheel(parts):
    """The network's gatherings by year and month (årshjul); undated ones last."""
    wheel = {}
    for part in parts:
        gathering = part["gathering"]
        year, month = _month(gathering["date"])
        wheel.setdefault((year, month), []).append(
            {"id": gathering["id"], "title": gathering["title"], "date": gathering["date"]}
        )
    order = sorted(wheel, key=lambda key: (key[0] is None, key[0] or 0, key[1] or 0))
    return [
        {"year": year, "month": month, "gatherings": wheel[(year, month)]} for year, month in order
    ]


def build(db, network_id):
    """A network's record: the network, its filed gatherings in date order, and its årshjul."""
    network = store.networks.get_network(db, network_id)
    if network is None:
        return None
    parts = store.networks.list_record_parts(db, network_id)
    return {
        "schema": SCHEMA,
        "network": networks.public(network),
        "gatherings": parts,
        "annual_wheel": annual_wheel(parts),
    }
