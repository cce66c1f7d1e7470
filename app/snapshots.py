"""What each party sees: gatherings as the API returns them, and the whole state a
phone or a screen gets on connect, so no client ever replays history."""

from . import store, tallies
from .gatherings import remaining

ACTIVITY_FIELDS = ("id", "kind", "prompt", "title", "help", "state", "position", "options")


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
        "created_at": entry["created_at"],
    }


def table_entry(entry):
    return {
        "id": entry["id"],
        "text": entry["text"],
        "hidden": entry["hidden"],
        "created_at": entry["created_at"],
    }


def urls(gathering, public_url):
    join = f"{public_url}/j/{gathering['code']}"
    return {
        "join_url": join,
        "screen_url": f"{public_url}/screen/{gathering['id']}?token={gathering['screen_token']}",
        "console_url": f"{public_url}/console/{gathering['id']}",
    }


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
            **counts.get(activity["id"], {"count": 0, "hidden_count": 0}),
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
        "participants": sum(people.values()),
        "tables": tables,
        "activities": activities,
    }


def word_frequencies(db, activity):
    """The merged frequencies of a words activity's visible entries, or None for other kinds."""
    if activity["kind"] != "words":
        return None
    return tallies.word_frequencies(db, activity["id"])


def screen_state(db, gathering, public_url):
    """Everything a projector or console needs to draw itself from nothing."""
    described = describe_gathering(db, gathering, public_url)
    activities = []
    for activity in store.list_activities(db, gathering["id"]):
        summary = next(a for a in described["activities"] if a["id"] == activity["id"])
        item = {
            **summary,
            "entries": [screen_entry(e) for e in store.list_entries(db, activity["id"])],
        }
        freq = word_frequencies(db, activity)
        if freq is not None:
            item["frequencies"] = freq
        activities.append(item)
    gathering_view = {key: value for key, value in described.items() if key != "activities"}
    return {"role": "screen", "gathering": gathering_view, "activities": activities}


def participant_activity(db, activity, participant):
    own = store.list_entries(db, activity["id"], participant_token=participant["token"])
    table = store.list_entries(db, activity["id"], table_number=participant["table_number"])
    return {
        **public_activity(activity),
        "own_entries": [
            {"id": e["id"], "text": e["text"], "client_id": e["client_id"]} for e in own
        ],
        "table_entries": (
            [table_entry(e) for e in table if not e["hidden"]]
            if activity["kind"] == "statements"
            else []
        ),
        "remaining": remaining(activity, len(own), len(table)),
    }


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
