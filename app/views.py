"""What each audience is shown: an activity, an entry, a point, a gathering as the API
returns it, and what a screen shows of an activity's results."""

from flask import current_app, has_app_context

from app import kinds, store, tallies
from app.rules import participant_id
from app.wording import merged_frequencies

ACTIVITY_FIELDS = (
    "id",
    "kind",
    "prompt",
    "title",
    "help",
    "state",
    "position",
    "options",
    "key",
    "tables",
    "approval",
    "revealed",
    "closes_at",
)


def shared(db, key, build):
    """What many phones' states have in common (a gathering's agenda, a table, the panel's
    questions, a vote's items), built once per version of the database, not once per phone:
    2,000 phones that reconnect within seconds ask for the same parts.

    Kept only for reads on the store's reading connection, whose `data_version` names the
    snapshot being read, so any commit in between (of this process or another) makes it
    built again; inside a write, or outside an app, `build()` runs every time. What it
    returns is shared: callers never change it."""
    if not has_app_context():
        return build()
    db_store = store.get_store()
    if db is not db_store.reader:
        return build()
    version = store.connection.data_version(db)
    cache = current_app.extensions.setdefault("samla_shared_views", {})
    kept = cache.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    value = build()
    cache[key] = (version, value)
    return value


def public_activity(activity):
    """An activity as anyone in the gathering may see it."""
    return {key: activity[key] for key in ACTIVITY_FIELDS}


def phone_activity(activity):
    """An activity as a phone gets it: with the limits it shows, so it never restates a rule."""
    return {**public_activity(activity), "limits": kinds.limits(activity)}


def screen_entry(entry):
    return {
        "id": entry["id"],
        "activity_id": entry["activity_id"],
        "table": entry["table"],
        "text": entry["text"],
        "hidden": entry["hidden"],
        "highlighted": entry["highlighted"],
        "held": entry["held"],
        "pinned": entry["pinned"],
        "answered": entry["answered"],
        "votes": entry["votes"],
        "created_at": entry["created_at"],
        "participant": participant_id(entry["participant_token"]),
    }


def table_entry(entry):
    return {
        "id": entry["id"],
        "text": entry["text"],
        "hidden": entry["hidden"] or entry["held"],
        "created_at": entry["created_at"],
    }


def question_entry(entry, voted=None):
    """A question as every phone of the gathering sees it; one waiting for approval (or
    hidden) goes out without its text, so phones only learn to drop it."""
    if entry["hidden"] or entry["held"]:
        return {"id": entry["id"], "hidden": True, "held": entry["held"]}
    item = {
        "id": entry["id"],
        "text": entry["text"],
        "votes": entry["votes"],
        "pinned": entry["pinned"],
        "answered": entry["answered"],
        "hidden": False,
        "held": False,
        "created_at": entry["created_at"],
    }
    if voted is not None:
        item["voted"] = entry["id"] in voted
    return item


def entry_votes(entry):
    """An upvote's change to a question as screens and phones hear it: its count only (they
    have its text). One hidden or held since goes out whole, so that they drop it."""
    if entry["hidden"] or entry["held"]:
        return None
    return {"id": entry["id"], "votes": entry["votes"]}


def public_point(point):
    return {
        "id": point["id"],
        "activity_id": point["activity_id"],
        "question_id": point["question_id"],
        "table": point["table"],
        "text": point["text"],
        "version": point["version"],
        "deleted": point["deleted"],
        "held": point["held"],
        "hidden": point["hidden"],
        "updated_at": point["updated_at"],
        "participant": participant_id(point["participant_token"]),
    }


def urls(gathering, public_url):
    join = f"{public_url}/j/{gathering['code']}"
    return {
        "join_url": join,
        "screen_url": f"{public_url}/screen/{gathering['id']}?token={gathering['screen_token']}",
        "console_url": f"{public_url}/console/{gathering['id']}",
    }


def activity_counts(db, activity, counts=None):
    """Entries visible, hidden and waiting; for tasks and votes, points and ballots."""
    result = dict(
        counts or store.entries.activity_counts(db, activity["id"]) or store.entries.NO_ENTRIES
    )
    count = kinds.of(activity).work_count(db, activity)
    if count is not None:
        result["count"] = count
    return result


def joined_counts(db, gathering_id):
    """Phones joined now: in total and per table (every table, none left out), so that a
    console shows a phone that moved table at its new table only."""
    people = store.gatherings.count_participants(db, gathering_id)
    return {
        "participants": sum(people.values()),
        "tables": [
            {"number": table["number"], "participants": people.get(table["number"], 0)}
            for table in store.gatherings.list_tables(db, gathering_id)
        ],
    }


def describe_gathering(db, gathering, public_url):
    """A gathering with its tables, agenda, states and counts (the API's shape)."""
    links = urls(gathering, public_url)
    counts = store.entries.entry_counts(db, gathering["id"])
    people = store.gatherings.count_participants(db, gathering["id"])
    tables = [
        {
            **table,
            "join_url": f"{links['join_url']}/{table['number']}",
            "participants": people.get(table["number"], 0),
        }
        for table in store.gatherings.list_tables(db, gathering["id"])
    ]
    activities = [
        {
            **public_activity(activity),
            "highlighted_entry_id": activity["highlighted_entry_id"],
            **activity_counts(db, activity, counts.get(activity["id"], store.entries.NO_ENTRIES)),
        }
        for activity in store.activities.list_activities(db, gathering["id"])
    ]
    return {
        "id": gathering["id"],
        "code": gathering["code"],
        "title": gathering["title"],
        "date": gathering["date"],
        "place": gathering["place"],
        "organiser": gathering["organiser"],
        "language": gathering["language"],
        "created_at": gathering["created_at"],
        **links,
        "screen_activity_id": gathering["screen_activity_id"],
        "screen_view": gathering["screen_view"],
        "screen_question_id": gathering["screen_question_id"],
        "participants": sum(people.values()),
        "joining_open": bool(gathering["joining_open"]),
        "max_participants": gathering["definition"].get("max_participants"),
        "tables": tables,
        "activities": activities,
    }


def word_frequencies(db, activity, texts=None):
    """The merged frequencies of a words activity's visible entries (or of `texts`), or None
    for other kinds: the activity's stemming option and the facilitator's merges applied."""
    if not kinds.of(activity).HAS_CLOUD:
        return None
    merges = [(m["word"], m["into_word"]) for m in store.words.list_merges(db, activity["id"])]
    stemming = activity["options"].get("stemming", False)
    if texts is None and not merges and not stemming:
        # The common case, kept incrementally (a screen update costs the new entries only).
        return tallies.word_frequencies(db, activity["id"])
    if texts is None:
        texts = store.entries.visible_texts(db, activity["id"])
    return merged_frequencies(texts, stemming, merges)


def activity_results(db, activity, entries=None, point_ids=None):
    """What a screen shows of an activity beyond counts: entries, cloud, points, results.

    `entries` and `point_ids` limit it to what changed (None: everything).
    """
    if entries is None:
        entries = store.entries.list_entries(db, activity["id"])
    return {
        "entries": [screen_entry(e) for e in entries],
        **kinds.of(activity).screen_results(db, activity, point_ids),
    }


def activity_update(db, activity, entries, point_ids, voted=()):
    """What a screen's `activity_update` shows of an activity: the changed entries and
    points, of the entries that only got votes their count (`entry_votes`), and of a vote's
    results only their top (the kind's `update_results`)."""
    counted = [entry_votes(e) or screen_entry(e) for e in voted]
    update = kinds.of(activity).update_results(db, activity, point_ids)
    if update is None:
        shown = activity_results(db, activity, entries, point_ids)
        return {**shown, "entries": shown["entries"] + counted}
    return {"entries": [screen_entry(e) for e in entries] + counted, **update}


def for_projector(activity, shown):
    """What a watch-only projector may see: no results at all until they are revealed (no
    group-think), and never the text of a hidden or held entry, of a deleted point, or who
    wrote what. A hidden entry goes out as its id and flags only, so the screen drops it."""
    if not activity["revealed"]:
        return {"entries": []}
    shown = dict(shown)
    shown["entries"] = [
        {key: e[key] for key in ("id", "activity_id", "table", "hidden", "held")}
        if e.get("hidden")
        else {k: v for k, v in e.items() if k != "participant"}
        for e in shown.get("entries", [])
        if not e.get("held")
    ]
    if "points" in shown:
        shown["points"] = [_projector_point(p) for p in shown["points"]]
    return shown


def _projector_point(point):
    """A point as the projector sees it; a held or hidden one goes out as deleted, so
    every screen drops it and none ever shows its text."""
    if not isinstance(point, dict):
        return point
    if point.get("deleted") or point.get("held") or point.get("hidden"):
        return {
            **{key: point.get(key) for key in ("id", "activity_id", "question_id", "table")},
            "deleted": True,
        }
    return {k: v for k, v in point.items() if k != "participant"}
