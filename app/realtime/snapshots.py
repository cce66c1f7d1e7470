"""The whole state a phone, projector or console gets on connect and on resync, so no
client ever replays history."""

from app import store, voting
from app.rules import is_for_table, remaining
from app.views import (
    activity_results,
    describe_gathering,
    for_projector,
    public_activity,
    public_point,
    question_entry,
    table_entry,
)


def screen_state(db, gathering, public_url, projector=False):
    """Everything a projector or console needs to draw itself from nothing."""
    described = describe_gathering(db, gathering, public_url)
    activities = []
    for activity, summary in zip(
        store.activities.list_activities(db, gathering["id"]), described["activities"], strict=True
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
    own = store.entries.list_entries(db, activity["id"], participant_token=participant["token"])
    table = store.entries.list_entries(db, activity["id"], table_number=participant["table_number"])
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
            for p in store.points.list_points(
                db, activity["id"], table_number=participant["table_number"]
            )
        ]
    elif activity["kind"] == "priorities":
        item["items"] = voting.items_of(db, activity)
        item["ballot"] = store.votes.get_ballot(db, activity["id"], participant["token"])
    elif activity["kind"] == "questions":
        voted = store.votes.voted_entries(db, activity["id"], participant["token"])
        item["entries"] = [
            question_entry(e, voted)
            for e in store.entries.list_entries(db, activity["id"], visible_only=True)
        ]
    return item


def participant_state(db, participant):
    """Everything a phone needs to draw itself from nothing."""
    gathering = store.gatherings.get_gathering(db, participant["gathering_id"])
    table = store.gatherings.get_table(db, gathering["id"], participant["table_number"])
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
            for activity in store.activities.list_activities(db, gathering["id"])
        ],
    }


def remaining_for_table(db, activity, table_number):
    """The table's remaining quota (statements), for a table_update."""
    count = store.entries.count_entries(db, activity["id"], table_number=table_number)
    return remaining(activity, 0, count) if activity["kind"] == "statements" else None
