"""Bundles: a whole gathering as one JSON file, to move it from a laptop to the county's server.

Import merges by stable ids (the gathering's random id, activities' and entries'
uids, networks' ids), so importing the same bundle twice changes nothing. A bundle
is checked completely before anything is written, and written in one transaction.

Schema version 2 adds what the organisers set during the gathering, so the minutes
read the same on the other server: each words activity's word merges, the moderation
word list and the kept themes (accepted or not). A version-1 bundle has none of them
and imports as if they were empty.

When both sides changed the same thing, the newer change wins, as for notes and
ballots: a merge of the same word in the same activity (by when it was made), the
moderation list (by when it was saved), a theme matched by its uid (by when it was
last edited). A theme taken from the bundle takes its entries out of any other theme
here, so an entry stays in at most one theme. An import never removes anything: a
merge undone or a theme discarded on one side stays on the other.
"""

import hashlib
import json

from flask_babel import lazy_gettext as _l

from app import kinds, merges, moderation, networks, records, store, themes
from app.errors import SamlaError
from app.kinds import base
from app.rules import new_code, new_token, normalise_definition, now

# A bundle is a whole gathering: a 600-participant one is about 1.1 MB, a national one
# with thousands of phones some tens of MB, far beyond the 1 MB any other request needs.
MAX_BYTES = 64 * 1024 * 1024

FORMAT = "samla-bundle"
SCHEMA_VERSION = 2
ACTIVITY_KEYS = (
    "uid",
    "position",
    "kind",
    "prompt",
    "title",
    "help",
    "options",
    "key",
    "tables",
    "approval",
    "revealed",
)
ENTRY_FLAGS = ("hidden", "highlighted", "held", "pinned", "answered")
NOTE_KEYS = ("activity_uid", "notes", "decision", "follow_up", "follow_up_by", "updated_at")
THEME_KEYS = ("uid", "activity_uid", "question_id", "title", "accepted", "created_at", "updated_at")


def checksum(content):
    """sha256 of the content in a canonical form, so a damaged or edited file shows."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()


def export(db, gathering_id):
    """The bundle of a gathering, or None."""
    gathering = store.gatherings.get_gathering(db, gathering_id)
    if gathering is None:
        return None
    tables = store.gatherings.list_tables(db, gathering_id)
    links = {table["network"] for table in tables}
    linked = [networks.resolve(db, link) for link in sorted(filter(None, links))]
    content = {
        "gathering": {
            key: gathering[key]
            for key in (
                "id",
                "code",
                "title",
                "date",
                "place",
                "organiser",
                "language",
                "created_at",
                "definition",
            )
        },
        "tables": tables,
        "activities": [
            _exported_activity(db, activity)
            for activity in store.activities.list_activities(db, gathering_id)
        ],
        "participants": store.gatherings.list_participants(db, gathering_id),
        "entries": [
            {**entry, **{flag: bool(entry[flag]) for flag in ENTRY_FLAGS}}
            for entry in store.bundles.list_bundle_entries(db, gathering_id)
        ],
        "points": store.bundles.list_bundle_points(db, gathering_id),
        "ballots": [
            {**ballot, "ballot": _ballot_items(ballot["ballot"], lambda i: _item_uid(db, i))}
            for ballot in store.bundles.list_bundle_ballots(db, gathering_id)
        ],
        "upvotes": store.bundles.list_bundle_upvotes(db, gathering_id),
        "notes": [
            {"activity_uid": uid, **{key: note[key] for key in NOTE_KEYS[1:]}}
            for uid, note in sorted(store.notes.get_notes(db, gathering_id).items())
        ],
        "networks": [networks.public(n) for n in linked if n is not None],
        "filed": bool(store.networks.filed_network_ids(db, gathering_id)),
        "word_merges": store.bundles.list_bundle_merges(db, gathering_id),
        "moderation": store.words.get_moderation(db, gathering_id),  # None: the shipped list, off
        "themes": [
            _exported_theme(db, theme)
            for theme in store.bundles.list_bundle_themes(db, gathering_id)
        ],
    }
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "checksum": checksum(content),
        "content": content,
    }


def _exported_activity(db, activity):
    """An activity with its local ids replaced by stable ones (a source by its uid)."""
    exported = {key: activity[key] for key in ACTIVITY_KEYS}
    source = kinds.of(activity).item_source(activity["options"])
    if isinstance(source, int):
        source_activity = store.activities.get_activity(db, source)
        exported["options"] = {
            **activity["options"],
            "source": source_activity["uid"] if source_activity else None,
        }
    return exported


def _exported_theme(db, theme):
    """A kept theme with its statements (or a task's points) by uid."""
    find = kinds.get_kind(theme["kind"]).theme_member
    members = [find(db, item_id) for item_id in theme["entries"]]
    return {
        **{key: theme[key] for key in THEME_KEYS},
        "entries": [member["uid"] for member in members if member is not None],
    }


def _ballot_items(ballot, translate):
    """The same ballot with every item id translated."""
    if "dots" in ballot:
        return {"dots": {translate(item): n for item, n in ballot["dots"].items()}}
    return {"ranking": [translate(item) for item in ballot.get("ranking", [])]}


def _item_uid(db, item_id):
    """e12 / p7 (local ids) as e:<uid> / p:<uid>; listed items (i3) stay as they are."""
    if item_id[:1] == "e" and item_id[1:].isascii() and item_id[1:].isdigit():
        entry = store.entries.get_entry(db, int(item_id[1:]))
        return f"e:{entry['uid']}" if entry else item_id
    if item_id[:1] == "p" and item_id[1:].isascii() and item_id[1:].isdigit():
        point = store.points.get_point(db, int(item_id[1:]))
        return f"p:{point['uid']}" if point else item_id
    return item_id


def _item_id(db, item, gathering_id=None):
    """The reverse of _item_uid on this server; with `gathering_id`, an item of another
    gathering is refused (a ballot votes only on its own gathering's work)."""
    if item.startswith("e:"):
        entry = store.bundles.get_entry_by_uid(db, item[2:])
        if entry and gathering_id is not None:
            _own_activity_id(db, gathering_id, entry["activity_id"], "a ballot's item")
        return f"e{entry['id']}" if entry else item
    if item.startswith("p:"):
        point = store.bundles.get_point_by_uid(db, item[2:])
        if point and gathering_id is not None:
            _own_activity_id(db, gathering_id, point["activity_id"], "a ballot's item")
        return f"p{point['id']}" if point else item
    return item


def _damaged(detail):
    return SamlaError("invalid_bundle", detail=detail)


def _require(condition, detail):
    if not condition:
        raise _damaged(detail)


def _own_activity(db, gathering_id, uid, what="an activity"):
    """The activity with this uid, which must be the importing gathering's own: a bundle
    never writes into another gathering."""
    activity = store.activities.get_activity_by_uid(db, uid)
    _require(
        activity is not None and activity["gathering_id"] == gathering_id,
        f"{what} belongs to another gathering here",
    )
    return activity


def _own_activity_id(db, gathering_id, activity_id, what):
    activity = store.activities.get_activity(db, activity_id)
    _require(
        activity is not None and activity["gathering_id"] == gathering_id,
        f"{what} belongs to another gathering here",
    )


def _is_text(value, optional=False):
    return isinstance(value, str) or (optional and value is None)


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def check(bundle):
    """The bundle's content once every part is known to be whole; refusals name what is wrong."""
    _require(isinstance(bundle, dict) and bundle.get("format") == FORMAT, _l("ikke en Samla-pakke"))
    version = bundle.get("schema_version")
    _require(_is_int(version) and version >= 1, _l("%(key)s mangler", key="schema_version"))
    if version > SCHEMA_VERSION:
        raise SamlaError("bundle_too_new", version=version, supported=SCHEMA_VERSION)
    content = bundle.get("content")
    _require(isinstance(content, dict), _l("%(key)s mangler", key="content"))
    _require(bundle.get("checksum") == checksum(content), _l("sjekksummen stemmer ikke"))
    gathering = content.get("gathering")
    _require(
        isinstance(gathering, dict) and _is_int(gathering.get("id")),
        _l("%(key)s mangler", key="gathering"),
    )
    _require(
        _is_text(gathering.get("created_at")), _l("%(key)s mangler", key="gathering.created_at")
    )
    try:
        normalise_definition(gathering.get("definition"))
    except SamlaError as error:
        raise _damaged(
            _l("definisjonen er ugyldig (%(detail)s)", detail=error.params.get("detail", ""))
        ) from None
    tables = content.get("tables")
    _require(isinstance(tables, list) and tables, _l("%(key)s mangler", key="tables"))
    for table in tables:
        _require(
            isinstance(table, dict) and _is_int(table.get("number")), _l("et bord mangler number")
        )
        _require(_is_text(table.get("label")), _l("et bord mangler label"))
        _require(
            _is_text(table.get("network"), optional=True), _l("network for et bord er ikke tekst")
        )
    numbers = {table["number"] for table in tables}
    activities = content.get("activities")
    _require(isinstance(activities, list) and activities, _l("%(key)s mangler", key="activities"))
    for activity in activities:
        _require(isinstance(activity, dict), _l("en aktivitet er ikke et objekt"))
        _require(
            _is_text(activity.get("uid")) and _is_text(activity.get("kind")),
            _l("en aktivitet mangler uid eller kind"),
        )
        _require(_is_text(activity.get("prompt")), _l("en aktivitet mangler prompt"))
        _require(_is_int(activity.get("position")), _l("en aktivitet mangler position"))
        _require(isinstance(activity.get("options"), dict), _l("en aktivitet mangler options"))
    uids = {activity["uid"] for activity in activities}
    for person in _list(content, "participants"):
        _require(
            isinstance(person, dict) and _is_text(person.get("token")),
            _l("en deltaker mangler token"),
        )
        _require(person.get("table_number") in numbers, _l("en deltaker sitter ved et ukjent bord"))
        _require(_is_text(person.get("created_at")), _l("en deltaker mangler tidspunkt"))
    for entry in _list(content, "entries"):
        _require(isinstance(entry, dict), _l("et innspill er ikke et objekt"))
        for key in ("uid", "participant_token", "client_id", "text", "created_at"):
            _require(_is_text(entry.get(key)), _l("et innspill mangler %(key)s", key=key))
        _require(entry.get("activity_uid") in uids, _l("et innspill hører til en ukjent aktivitet"))
        _require(entry.get("table") in numbers, _l("et innspill hører til et ukjent bord"))
        _require(isinstance(entry.get("hidden"), bool), _l("et innspill mangler hidden"))
    for point in _list(content, "points"):
        _require(isinstance(point, dict), _l("et punkt er ikke et objekt"))
        for key in (
            "uid",
            "participant_token",
            "client_id",
            "text",
            "question_id",
            "created_at",
            "updated_at",
        ):
            _require(_is_text(point.get(key)), _l("et punkt mangler %(key)s", key=key))
        _require(point.get("activity_uid") in uids, _l("et punkt hører til en ukjent aktivitet"))
        _require(point.get("table") in numbers, _l("et punkt hører til et ukjent bord"))
        _require(
            _is_int(point.get("version")) and isinstance(point.get("deleted"), bool),
            _l("et punkt mangler version eller deleted"),
        )
    for ballot in _list(content, "ballots"):
        _require(
            isinstance(ballot, dict) and ballot.get("activity_uid") in uids,
            _l("en stemmeseddel hører til en ukjent aktivitet"),
        )
        _require(
            _is_text(ballot.get("participant_token")) and _is_text(ballot.get("updated_at")),
            _l("en stemmeseddel mangler deltaker eller tidspunkt"),
        )
        _require(ballot.get("table") in numbers, _l("en stemmeseddel hører til et ukjent bord"))
        _require(isinstance(ballot.get("ballot"), dict), _l("en stemmeseddel er ikke et objekt"))
    entry_uids = {entry["uid"] for entry in content.get("entries", [])}
    for vote in _list(content, "upvotes"):
        _require(
            isinstance(vote, dict) and vote.get("entry_uid") in entry_uids,
            _l("en stemme hører til et ukjent innspill"),
        )
        _require(
            _is_text(vote.get("participant_token")) and _is_text(vote.get("created_at")),
            _l("en stemme mangler deltaker eller tidspunkt"),
        )
    for note in _list(content, "notes"):
        _require(
            isinstance(note, dict) and note.get("activity_uid") in uids | {""},
            _l("et notat hører til en ukjent aktivitet"),
        )
        _require(_is_text(note.get("updated_at")), _l("et notat mangler tidspunkt"))
        _require(
            all(_is_text(note.get(k), optional=True) for k in NOTE_KEYS),
            _l("et notat er ikke tekst"),
        )
    for network in _list(content, "networks"):
        _require(
            isinstance(network, dict) and _is_int(network.get("id")), _l("et nettverk mangler id")
        )
        try:
            networks.normalise_network(network)
        except SamlaError as error:
            raise _damaged(
                _l("et nettverk er ugyldig (%(detail)s)", detail=error.params.get("detail", ""))
            ) from None
    by_uid = {activity["uid"]: activity for activity in activities}
    _check_word_merges(content, by_uid)
    _check_moderation(content.get("moderation"))
    _check_themes(content, by_uid)
    return content


def _sound(check_part, value, what):
    """`check_part(value)`, its refusal turned into a damaged bundle naming `what`."""
    try:
        return check_part(value)
    except SamlaError as error:
        detail = error.params.get("detail", error.code)
        raise _damaged(_l("%(what)s er ugyldig (%(detail)s)", what=what, detail=detail)) from None


def _check_word_merges(content, by_uid):
    seen = set()
    for merge in _list(content, "word_merges"):
        _require(isinstance(merge, dict), _l("en ordsammenslåing er ikke et objekt"))
        activity = by_uid.get(merge.get("activity_uid"))
        _require(
            activity is not None and _kind(activity).HAS_CLOUD,
            _l("en ordsammenslåing hører til en ukjent words-aktivitet"),
        )
        _require(_is_text(merge.get("created_at")), _l("en ordsammenslåing mangler tidspunkt"))
        word, _ = _sound(merges.pair, merge, _l("en ordsammenslåing"))
        _require((activity["uid"], word) not in seen, _l("et ord er slått sammen to ganger"))
        seen.add((activity["uid"], word))


def _check_moderation(settings):
    if settings is None:  # never edited: the shipped list, switched off
        return
    _require(
        isinstance(settings, dict) and isinstance(settings.get("enabled"), bool),
        _l("modereringen mangler enabled"),
    )
    _require(_is_text(settings.get("updated_at")), _l("modereringen mangler tidspunkt"))
    _require(
        isinstance(settings.get("words"), list), _l("ordlista for moderering må være en liste")
    )
    _sound(moderation.checked_words, settings["words"], _l("ordlista for moderering"))


def _kind(activity):
    """The kind of an activity in a bundle; one with no cloud and no themes if unknown."""
    return kinds.find(activity["kind"]) or base


def _check_themes(content, by_uid):
    members_of = {}
    uids = set()
    for theme in _list(content, "themes"):
        _require(isinstance(theme, dict) and _is_text(theme.get("uid")), _l("et tema mangler uid"))
        _require(theme["uid"] not in uids, _l("to temaer har samme uid"))
        uids.add(theme["uid"])
        activity = by_uid.get(theme.get("activity_uid"))
        _require(
            activity is not None and _kind(activity).THEMES,
            _l("et tema hører til en ukjent statements- eller task-aktivitet"),
        )
        _sound(themes.checked_title, theme.get("title"), _l("tittelen på et tema"))
        _require(isinstance(theme.get("accepted"), bool), _l("et tema mangler accepted"))
        _require(
            _is_text(theme.get("created_at")) and _is_text(theme.get("updated_at")),
            _l("et tema mangler tidspunkt"),
        )
        _require(
            _is_text(theme.get("question_id"), optional=True),
            _l("question for et tema er ikke tekst"),
        )
        entries = theme.get("entries")
        _require(isinstance(entries, list) and entries, _l("et tema mangler innspill"))
        kind = _kind(activity)
        if kind.NAME not in members_of:
            members_of[kind.NAME] = kind.bundle_members(content)
        known = members_of[kind.NAME]
        for uid in entries:
            member = known.get(uid) if isinstance(uid, str) else None
            _require(
                member is not None and member["activity_uid"] == activity["uid"],
                _l("et tema har et innspill som ikke hører til aktiviteten"),
            )
            _require(
                member.get("question_id") == theme["question_id"],
                _l("et tema har svar på et annet spørsmål"),
            )


def _list(content, key):
    value = content.get(key, [])
    _require(isinstance(value, list), _l("%(key)s må være en liste", key=key))
    return value


def import_bundle(db_store, bundle):
    """Merge a checked bundle into this server; return what changed."""
    content = check(bundle)
    gathering = content["gathering"]
    gathering_id = gathering["id"]
    counts = {"networks_added": 0, "activities_added": 0, "entries_added": 0}
    with db_store.write() as db:
        for network in content["networks"]:
            if store.networks.get_network(db, network["id"]) is None:
                checked = networks.normalise_network(network)
                store.networks.insert_network(
                    db, {**checked, "id": network["id"], "created_at": now()}
                )
                counts["networks_added"] += 1
        created = store.gatherings.get_gathering(db, gathering_id) is None
        if created:
            _insert_gathering(db, gathering, content)
            counts["activities_added"] = len(content["activities"])
        else:
            counts["activities_added"] = _merge_activities(db, gathering_id, content)
            for table in content["tables"]:
                if table["network"] and store.gatherings.get_table(
                    db, gathering_id, table["number"]
                ):
                    store.gatherings.set_table_network(
                        db, gathering_id, table["number"], table["network"]
                    )
        for person in content["participants"]:
            here = store.gatherings.get_participant(db, person["token"])
            _require(
                here is None or here["gathering_id"] == gathering_id,
                "a participant belongs to another gathering here",
            )
            store.gatherings.insert_participant_if_missing(
                db, person["token"], gathering_id, person["table_number"], person["created_at"]
            )
        _resolve_source_uids(db, gathering_id)
        counts["entries_added"] = _merge_entries(db, gathering_id, content["entries"])
        counts["points_added"] = _merge_points(db, gathering_id, content.get("points", []))
        _merge_ballots(db, gathering_id, content.get("ballots", []))
        _merge_upvotes(db, gathering_id, content.get("upvotes", []))
        _merge_notes(db, gathering_id, content["notes"])
        _merge_word_merges(db, gathering_id, content.get("word_merges", []))
        _merge_moderation(db, gathering_id, content.get("moderation"))
        _merge_themes(db, gathering_id, content.get("themes", []))
        filed = records.file_gathering(db, gathering_id) if content.get("filed") else None
    return {"gathering_id": gathering_id, "created": created, **counts, "filed": filed}


def _insert_gathering(db, gathering, content):
    code = gathering.get("code")
    while not isinstance(code, str) or store.gatherings.code_in_use(db, code):
        code = new_code()
    record = {
        **{key: gathering.get(key) for key in ("id", "title", "date", "place", "organiser")},
        "language": gathering.get("language") or "nb",
        "code": code,
        "definition": gathering["definition"],
        "screen_token": new_token(),
        "created_at": gathering["created_at"],
    }
    activities = [
        _importable(a) for a in sorted(content["activities"], key=lambda a: a["position"])
    ]
    for activity in activities:
        _require(
            store.activities.get_activity_by_uid(db, activity["uid"]) is None,
            "an activity's uid belongs to another gathering here",
        )
    store.gatherings.insert_gathering(db, record, content["tables"], activities)


def _merge_activities(db, gathering_id, content):
    added = 0
    known = {a["uid"] for a in store.activities.list_activities(db, gathering_id)}
    for activity in sorted(content["activities"], key=lambda a: a["position"]):
        if activity["uid"] in known:
            continue
        _require(
            store.activities.get_activity_by_uid(db, activity["uid"]) is None,
            "an activity's uid belongs to another gathering here",
        )
        position = len(known) + added + 1
        store.activities.insert_activity(db, gathering_id, position, _importable(activity))
        added += 1
    return added


def _merge_entries(db, gathering_id, entries):
    added = 0
    for entry in entries:
        activity = _own_activity(db, gathering_id, entry["activity_uid"], "an entry's activity")
        here = store.bundles.get_entry_by_uid(db, entry["uid"])
        if here is not None:
            _own_activity_id(db, gathering_id, here["activity_id"], "an entry's uid")
            continue
        if store.bundles.entry_uid_exists(
            db, entry["uid"], entry["participant_token"], entry["client_id"]
        ):
            continue
        entry_id = store.bundles.insert_imported_entry(
            db,
            {
                "activity_id": activity["id"],
                "gathering_id": gathering_id,
                "table_number": entry["table"],
                "participant_token": entry["participant_token"],
                "client_id": entry["client_id"],
                "text": entry["text"],
                "hidden": int(entry["hidden"]),
                "held": int(entry.get("held", False)),
                "pinned": int(entry.get("pinned", False)),
                "answered": int(entry.get("answered", False)),
                "created_at": entry["created_at"],
                "uid": entry["uid"],
            },
        )
        if entry.get("highlighted") and activity["highlighted_entry_id"] is None:
            store.activities.set_highlighted_entry(db, activity["id"], entry_id)
        added += 1
    return added


def _importable(activity):
    """An activity from a bundle in the shape store.activities.insert_activity takes."""
    return {**activity, "hide_results": activity.get("revealed") is False}


def _resolve_source_uids(db, gathering_id):
    """A priorities source travels as the source activity's uid; point it at the local id."""
    for activity in store.activities.list_activities(db, gathering_id):
        source = kinds.of(activity).item_source(activity["options"])
        if isinstance(source, str):
            local = store.activities.get_activity_by_uid(db, source)
            _require(
                local is not None and local["gathering_id"] == gathering_id,
                "a priorities source is not in the bundle",
            )
            store.activities.set_activity_options(
                db, activity["id"], {**activity["options"], "source": local["id"]}
            )


def _merge_points(db, gathering_id, points):
    """New points are added; a point known here takes the bundle's text if that is newer."""
    added = 0
    for point in points:
        activity = _own_activity(db, gathering_id, point["activity_uid"], "a point's activity")
        here = store.bundles.get_point_by_uid(db, point["uid"])
        if here is not None:
            _own_activity_id(db, gathering_id, here["activity_id"], "a point's uid")
            if point["version"] > here["version"]:
                store.bundles.replace_point(db, here["id"], point)
            continue
        store.bundles.insert_imported_point(
            db,
            {
                **{
                    key: point[key]
                    for key in (
                        "question_id",
                        "text",
                        "version",
                        "participant_token",
                        "client_id",
                        "created_at",
                        "updated_at",
                        "uid",
                    )
                },
                "deleted": int(point["deleted"]),
                "activity_id": activity["id"],
                "gathering_id": gathering_id,
                "table_number": point["table"],
            },
        )
        added += 1
    return added


def _merge_ballots(db, gathering_id, ballots):
    """A participant's ballot from the bundle wins when it is newer than the one here."""
    for row in ballots:
        activity = _own_activity(db, gathering_id, row["activity_uid"], "a ballot's activity")
        here = store.votes.get_ballot_time(db, activity["id"], row["participant_token"])
        if here is not None and here >= row["updated_at"]:
            continue
        participant = {
            "token": row["participant_token"],
            "gathering_id": gathering_id,
            "table_number": row["table"],
        }
        ballot = _ballot_items(row["ballot"], lambda i: _item_id(db, i, gathering_id))
        store.votes.save_ballot(db, activity["id"], participant, ballot, row["updated_at"])


def _merge_upvotes(db, gathering_id, upvotes):
    for vote in upvotes:
        entry = store.bundles.get_entry_by_uid(db, vote["entry_uid"])
        _require(entry is not None, "an upvote's question is not in the bundle")
        _own_activity_id(db, gathering_id, entry["activity_id"], "an upvote's question")
        store.votes.set_upvote(db, entry["id"], vote["participant_token"], True, vote["created_at"])


def _merge_notes(db, gathering_id, notes):
    """A note from the bundle wins when it is newer than the one kept here."""
    stored = store.notes.get_notes(db, gathering_id)
    for note in notes:
        here = stored.get(note["activity_uid"])
        if here is None or here["updated_at"] < note["updated_at"]:
            store.notes.save_notes(db, gathering_id, note["activity_uid"], note, note["updated_at"])


def _merge_word_merges(db, gathering_id, word_merges):
    """A merge from the bundle wins over one of the same word here when it is newer."""
    here = {}
    for row in word_merges:
        activity_id = _own_activity(db, gathering_id, row["activity_uid"], "a word merge")["id"]
        if activity_id not in here:
            here[activity_id] = {m["word"]: m for m in store.words.list_merges(db, activity_id)}
        word, into = merges.pair(row)
        known = here[activity_id].get(word)
        if known is None or known["created_at"] < row["created_at"]:
            store.words.save_merge(db, activity_id, word, into, row["created_at"])


def _merge_moderation(db, gathering_id, settings):
    """The bundle's word list wins when it was saved after the one here."""
    if settings is None:
        return
    here = store.words.get_moderation(db, gathering_id)
    if here is None or here["updated_at"] < settings["updated_at"]:
        words = moderation.checked_words(settings["words"])
        store.words.save_moderation(
            db, gathering_id, settings["enabled"], words, settings["updated_at"]
        )


def _merge_themes(db, gathering_id, bundle_themes):
    """A theme new here, or edited later in the bundle, is written with its entries' local
    ids and takes them out of any other theme here."""
    for row in bundle_themes:
        activity = _own_activity(db, gathering_id, row["activity_uid"], "a theme")
        here = store.words.get_theme_by_uid(db, row["uid"])
        if here is not None:
            _require(
                here["activity_id"] == activity["id"],
                "a theme's uid belongs to another activity here",
            )
            if here["updated_at"] >= row["updated_at"]:
                continue
        find = kinds.of(activity).theme_member_by_uid
        members = [find(db, uid) for uid in row["entries"]]
        ids = [m["id"] for m in members if m is not None and m["activity_id"] == activity["id"]]
        if not ids:
            continue
        title = themes.checked_title(row["title"])
        themes.take_entries(db, activity["id"], ids, keep=here and here["id"])
        if here is not None:
            store.words.update_theme(db, here["id"], title, ids, row["accepted"], row["updated_at"])
        else:
            store.words.insert_theme(
                db,
                {
                    "activity_id": activity["id"],
                    "question_id": row["question_id"],
                    "title": title,
                    "entries": ids,
                    "accepted": row["accepted"],
                    "created_at": row["created_at"],
                    "updated_at": row["updated_at"],
                    "uid": row["uid"],
                },
            )


def without_tokens(value):
    """`value` with every token and the screen's link (which carries one) left out, for a
    JSON export that may travel by e-mail."""
    if isinstance(value, dict):
        return {
            key: without_tokens(item)
            for key, item in value.items()
            if "token" not in key and key != "screen_url"
        }
    if isinstance(value, list):
        return [without_tokens(item) for item in value]
    return value
