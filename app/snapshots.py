"""What each party sees: gatherings as the API returns them, and the whole state a
phone, projector or console gets on connect, so no client ever replays history."""

from . import store, tallies, themes, voting
from .gatherings import is_for_table, remaining
from .wording import merged_frequencies

ACTIVITY_FIELDS = (
    "id", "kind", "prompt", "title", "help", "state", "position", "options",
    "key", "tables", "approval", "revealed", "closes_at",
)


def public_activity(activity):
    """An activity as anyone in the gathering may see it."""
    return {key: activity[key] for key in ACTIVITY_FIELDS}


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


def public_point(point):
    return {
        "id": point["id"],
        "activity_id": point["activity_id"],
        "question_id": point["question_id"],
        "table": point["table"],
        "text": point["text"],
        "version": point["version"],
        "deleted": point["deleted"],
        "updated_at": point["updated_at"],
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
    result = dict(counts or store.activity_counts(db, activity["id"]) or store.NO_ENTRIES)
    if activity["kind"] == "task":
        result["count"] = store.count_points(db, activity["id"])
    elif activity["kind"] == "priorities":
        result["count"] = store.count_ballots(db, activity["id"])
    return result


def describe_gathering(db, gathering, public_url):
    """A gathering with its tables, agenda, states and counts (the API's shape)."""
    links = urls(gathering, public_url)
    counts = store.entry_counts(db, gathering["id"])
    people = store.count_participants(db, gathering["id"])
    tables = [
        {**table, "join_url": f"{links['join_url']}/{table['number']}",
         "participants": people.get(table["number"], 0)}
        for table in store.list_tables(db, gathering["id"])
    ]
    activities = [
        {
            **public_activity(activity),
            "highlighted_entry_id": activity["highlighted_entry_id"],
            **activity_counts(db, activity, counts.get(activity["id"], store.NO_ENTRIES)),
        }
        for activity in store.list_activities(db, gathering["id"])
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
        "tables": tables,
        "activities": activities,
    }


def word_frequencies(db, activity, texts=None):
    """The merged frequencies of a words activity's visible entries (or of `texts`), or None
    for other kinds: the activity's stemming option and the facilitator's merges applied."""
    if activity["kind"] != "words":
        return None
    merges = [(m["word"], m["into_word"]) for m in store.list_merges(db, activity["id"])]
    stemming = activity["options"].get("stemming", False)
    if texts is None and not merges and not stemming:
        # The common case, kept incrementally (a screen update costs the new entries only).
        return tallies.word_frequencies(db, activity["id"])
    if texts is None:
        texts = store.visible_texts(db, activity["id"])
    return merged_frequencies(texts, stemming, merges)


def activity_results(db, activity, entries=None, point_ids=None):
    """What a screen shows of an activity beyond counts: entries, cloud, points, results.

    `entries` and `point_ids` limit it to what changed (None: everything).
    """
    result = {}
    if entries is None:
        entries = store.list_entries(db, activity["id"])
    result["entries"] = [screen_entry(e) for e in entries]
    freq = word_frequencies(db, activity)
    if freq is not None:
        result["frequencies"] = freq
    if activity["kind"] == "task":
        points = (store.list_points(db, activity["id"], include_deleted=False)
                  if point_ids is None else store.get_points(db, point_ids))
        result["points"] = [public_point(p) for p in points]
    if activity["kind"] == "priorities":
        result["items"] = voting.items_of(db, activity)
        result["results"] = voting.results_of(db, activity)
    if activity["kind"] in themes.THEME_KINDS:
        result["themes"] = themes.accepted_themes(db, activity)
    return result


def for_projector(activity, shown):
    """What a watch-only projector may see: nothing waiting for approval, and no results
    at all until they are revealed (no group-think)."""
    if not activity["revealed"]:
        return {"entries": []}
    shown = dict(shown)
    shown["entries"] = [e for e in shown.get("entries", []) if not e["held"]]
    return shown


def screen_state(db, gathering, public_url, projector=False):
    """Everything a projector or console needs to draw itself from nothing."""
    described = describe_gathering(db, gathering, public_url)
    activities = []
    for activity, summary in zip(
        store.list_activities(db, gathering["id"]), described["activities"], strict=True
    ):
        shown = activity_results(db, activity)
        if projector:
            shown = for_projector(activity, shown)
        activities.append({**summary, **shown})
    gathering_view = {key: value for key, value in described.items() if key != "activities"}
    return {
        "role": "screen" if projector else "console",
        "gathering": gathering_view,
        "activities": activities,
    }


def participant_activity(db, activity, participant):
    own = store.list_entries(db, activity["id"], participant_token=participant["token"])
    table = store.list_entries(db, activity["id"], table_number=participant["table_number"])
    item = {
        **public_activity(activity),
        "for_my_table": is_for_table(activity, participant["table_number"]),
        "own_entries": [
            {"id": e["id"], "text": e["text"], "client_id": e["client_id"], "held": e["held"]}
            for e in own
        ],
        "table_entries": (
            [table_entry(e) for e in table if not (e["hidden"] or e["held"])]
            if activity["kind"] == "statements"
            else []
        ),
        "remaining": remaining(activity, len(own), len(table)),
    }
    if activity["kind"] == "task":
        item["table_points"] = [
            public_point(p)
            for p in store.list_points(db, activity["id"], table_number=participant["table_number"])
        ]
    elif activity["kind"] == "priorities":
        item["items"] = voting.items_of(db, activity)
        item["ballot"] = store.get_ballot(db, activity["id"], participant["token"])
    elif activity["kind"] == "questions":
        voted = store.voted_entries(db, activity["id"], participant["token"])
        item["entries"] = [
            question_entry(e, voted)
            for e in store.list_entries(db, activity["id"], visible_only=True)
        ]
    return item


def participant_state(db, participant):
    """Everything a phone needs to draw itself from nothing."""
    gathering = store.get_gathering(db, participant["gathering_id"])
    table = store.get_table(db, gathering["id"], participant["table_number"])
    return {
        "role": "participant",
        "gathering": {
            "id": gathering["id"],
            "title": gathering["title"],
            "code": gathering["code"],
            "language": gathering["language"],
        },
        "table": {"number": table["number"], "label": table["label"]},
        "activities": [
            participant_activity(db, activity, participant)
            for activity in store.list_activities(db, gathering["id"])
        ],
    }


def remaining_for_table(db, activity, table_number):
    """The table's remaining quota (statements), for a table_update."""
    count = store.count_entries(db, activity["id"], table_number=table_number)
    return remaining(activity, 0, count) if activity["kind"] == "statements" else None
