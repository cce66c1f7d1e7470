"""Competence networks (kompetansenettverk): what one is, and which network a table belongs to.

A table's `network` in a definition is a network's id; free text (a label such as
"Region Hamar") is still accepted and counts as that network when one has that name.
"""

from flask_babel import lazy_gettext as _l

from app import store
from app.errors import SamlaError
from app.rules import now

ORDNINGER = ("DEKOMP", "REKOMP")
TEXT_FIELDS = {"name": 200, "county": 200, "contact": 300}


def _invalid(detail):
    return SamlaError("invalid_network", detail=detail)


def normalise_network(raw):
    """Check a network from the API: name (required), county, ordning, municipalities, contact."""
    if not isinstance(raw, dict):
        raise _invalid(_l("et nettverk må være et objekt"))
    network = {}
    for key, maximum in TEXT_FIELDS.items():
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            raise _invalid(_l("%(key)s må være tekst", key=key))
        value = (value or "").strip()
        if len(value) > maximum:
            raise _invalid(_l("%(key)s er lengre enn %(maximum)s tegn", key=key, maximum=maximum))
        network[key] = value or None
    if network["name"] is None:
        raise _invalid(_l("%(key)s mangler", key="name"))
    ordning = raw.get("ordning")
    if ordning is not None and (not isinstance(ordning, str) or ordning.upper() not in ORDNINGER):
        raise _invalid(_l("ordning må være en av %(names)s", names=", ".join(ORDNINGER)))
    network["ordning"] = ordning.upper() if ordning else None
    municipalities = raw.get("municipalities") or []
    if not isinstance(municipalities, list) or not all(
        isinstance(m, str) and 0 < len(m.strip()) <= 200 for m in municipalities
    ):
        raise _invalid(_l("municipalities må være en liste med navn"))
    network["municipalities"] = [m.strip() for m in municipalities]
    return network


def create(db_store, raw):
    """Store a checked network; return it."""
    network = normalise_network(raw)
    with db_store.write() as db:
        network_id = store.networks.insert_network(db, {**network, "created_at": now()})
        return store.networks.get_network(db, network_id)


def resolve(db, link):
    """The network a table's `network` text points at (by id, else by name), or None."""
    if not link:
        return None
    if link.isascii() and link.isdigit():
        found = store.networks.get_network(db, int(link))
        if found is not None:
            return found
    return store.networks.find_network_by_name(db, link)


def describe_link(db, link):
    """What a table's network is called in minutes: the network's name, or the free label."""
    network = resolve(db, link)
    return network["name"] if network is not None else link


def public(network):
    return {
        key: network[key]
        for key in ("id", "name", "county", "ordning", "municipalities", "contact")
    }
