"""The agenda of a gathering as a definition: resolve sources, read it back, edit it live.

Editing never deletes what people wrote: an activity (or a task question, or a
table) that already has work in it cannot be removed or change kind.
"""

import yaml
from flask_babel import lazy_gettext as _l

from app import kinds, lookups, rules, store
from app.errors import SamlaError


def resolve_sources(db, gathering_id):
    """Point each priorities activity's `source` key at that activity's id."""
    activities = store.activities.list_activities(db, gathering_id)
    by_key = {a["key"]: a["id"] for a in activities if a["key"]}
    for activity in activities:
        source = kinds.of(activity).item_source(activity["options"])
        if isinstance(source, str):
            store.activities.set_activity_options(
                db, activity["id"], {**activity["options"], "source": by_key[source]}
            )


def definition_of(db, gathering):
    """The gathering's current definition, each activity with its id (for the editor)."""
    activities = []
    for activity in store.activities.list_activities(db, gathering["id"]):
        item = {
            "id": activity["id"],
            "kind": activity["kind"],
            "prompt": activity["prompt"],
            "title": activity["title"],
            "help": activity["help"],
            "key": activity["key"],
            "tables": activity["tables"],
            "approval": activity["approval"],
            "hide_results": not activity["revealed"],
            **activity["options"],
        }
        activities.append({k: v for k, v in item.items() if v is not None})
    return {
        "title": gathering["title"],
        "date": gathering["date"],
        "place": gathering["place"],
        "organiser": gathering["organiser"],
        "language": gathering["language"],
        "tables": store.gatherings.list_tables(db, gathering["id"]),
        "activities": activities,
    }


def as_template(definition):
    """A definition fit for sessions/: ids dropped, sources named by keys."""
    keys = {}
    for position, activity in enumerate(definition["activities"], start=1):
        if "id" in activity:
            keys[activity["id"]] = activity.get("key") or f"aktivitet-{position}"
    activities = []
    for activity in definition["activities"]:
        item = {k: v for k, v in activity.items() if k != "id" and v not in (None, False)}
        if activity.get("id") in keys and any(
            a.get("source") == activity["id"] for a in definition["activities"]
        ):
            item["key"] = keys[activity["id"]]
        if isinstance(item.get("source"), int):
            item["source"] = keys[item["source"]]
        activities.append(item)
    tables = [{k: v for k, v in t.items() if v is not None} for t in definition["tables"]]
    head = {
        k: definition[k]
        for k in ("title", "date", "place", "organiser", "language")
        if definition.get(k)
    }
    return {**head, "tables": tables, "activities": activities}


def save_template(folders, stem, definition):
    """Write a definition to <first folder>/<stem>.yaml; never overwrite or shadow a
    template in any of `folders` (the shipped ones stay as they came)."""
    from app.catalog import STEM, as_folders, find_template

    if not isinstance(stem, str) or not STEM.match(stem):
        raise SamlaError(
            "bad_request", detail=_l("et malnavn kan bare ha små bokstaver, sifre og -")
        )
    if find_template(folders, stem) is not None:
        raise SamlaError("template_exists", stem=stem)
    path = as_folders(folders)[0] / f"{stem}.yaml"
    text = yaml.safe_dump(as_template(definition), allow_unicode=True, sort_keys=False, width=100)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return stem


def apply_definition(db_store, gathering_id, raw):
    """Make the gathering match an edited definition; returns the ids of changed activities."""
    definition = rules.normalise_definition(raw)
    with db_store.write() as db:
        gathering = lookups.gathering(db, gathering_id)
        existing = {a["id"]: a for a in store.activities.list_activities(db, gathering_id)}
        _check_edits(db, gathering_id, definition, existing)
        _apply_tables(db, gathering_id, definition["tables"])
        kept = set()
        for position, activity in enumerate(definition["activities"], start=1):
            if activity["id"] is None:
                activity["id"] = store.activities.insert_activity(
                    db, gathering_id, position, activity
                )
            else:
                store.activities.update_activity(db, activity["id"], position, activity)
                if activity["hide_results"] == existing[activity["id"]]["revealed"]:
                    store.activities.set_revealed(db, activity["id"], not activity["hide_results"])
            kept.add(activity["id"])
        for activity_id in set(existing) - kept:
            store.activities.delete_activity(db, activity_id)
        resolve_sources(db, gathering_id)
        stored = {k: definition[k] for k in ("title", "date", "place", "organiser", "language")}
        stored["definition"] = rules.flatten(definition)
        store.gatherings.update_gathering(db, gathering_id, stored)
        if gathering["screen_activity_id"] not in kept:
            store.gatherings.set_screen_activity(db, gathering_id, None)
    return sorted(kept), sorted(set(existing) - kept)


def _check_edits(db, gathering_id, definition, existing):
    for activity in definition["activities"]:
        activity_id = activity["id"]
        if activity_id is None:
            continue
        if activity_id not in existing:
            raise SamlaError("unknown_activity")
        before = existing[activity_id]
        kind = kinds.of(activity)
        if kind is kinds.of(before):
            kind.check_edit(db, before, activity["options"])
        elif store.activities.activity_has_work(db, activity_id):
            raise SamlaError("activity_has_entries", prompt=before["prompt"])
    named = {a["id"] for a in definition["activities"] if a["id"] is not None}
    for activity_id, before in existing.items():
        if activity_id not in named and store.activities.activity_has_work(db, activity_id):
            raise SamlaError("activity_has_entries", prompt=before["prompt"])
    numbers = {t["number"] for t in definition["tables"]}
    for table in store.gatherings.list_tables(db, gathering_id):
        if table["number"] not in numbers and store.gatherings.table_in_use(
            db, gathering_id, table["number"]
        ):
            raise SamlaError("table_in_use", table=table["number"])


def _apply_tables(db, gathering_id, tables):
    numbers = {t["number"] for t in tables}
    for table in store.gatherings.list_tables(db, gathering_id):
        if table["number"] not in numbers:
            store.gatherings.delete_table(db, gathering_id, table["number"])
    for table in tables:
        store.gatherings.save_table(db, gathering_id, table)
