"""The whole state a phone, projector or console gets on connect and on resync, so no
client ever replays history."""

from app import __version__, kinds, store
from app.addresses import is_loopback_url
from app.rules import is_for_table, remaining
from app.views import activity_results, describe_gathering, for_projector, phone_activity


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
            # A screen drawn from nothing needs no trace of what it does not show.
            shown["entries"] = [e for e in shown["entries"] if not e["hidden"]]
        activities.append({**summary, **shown})
    gathering_view = {key: value for key, value in described.items() if key != "activities"}
    return {
        "role": "screen" if projector else "console",
        "gathering": gathering_view,
        "activities": activities,
        # The console's footer shows the version; both warn while no phone can follow
        # the join address.
        "server": {"version": __version__, "loopback": is_loopback_url(public_url)},
    }


def participant_activity(db, activity, participant):
    """An activity as this participant's phone draws it.

    A phone shows only the open activities, so only an open one carries its content
    (`content: true`): its own entries, what is left of its quota, and what the kind shows
    a phone (the table's work, the panel's questions, a vote's ballot and the version of
    its items). A closed or not yet opened one is its public fields only; the phone asks
    for the rest with `sync` when it opens.
    """
    public = {
        **phone_activity(activity),
        "for_my_table": is_for_table(activity, participant["table_number"]),
    }
    if activity["state"] != "open":
        return {**public, "content": False}
    own = store.entries.list_entries(db, activity["id"], participant_token=participant["token"])
    table = store.entries.list_entries(db, activity["id"], table_number=participant["table_number"])
    return {
        **public,
        "content": True,
        "own_entries": [
            {"id": e["id"], "text": e["text"], "client_id": e["client_id"], "held": e["held"]}
            for e in own
        ],
        "table_entries": [],
        "remaining": remaining(
            activity, sum(not e["hidden"] for e in own), sum(not e["hidden"] for e in table)
        ),
        **kinds.of(activity).participant_view(db, activity, participant, table),
    }


def participant_state(db, participant):
    """Everything a phone needs to draw itself from nothing: every activity's public fields,
    and the content of the open ones (`participant_activity`)."""
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
    """The table's remaining quota (for a kind whose table shares one), for a table_update."""
    if not kinds.of(activity).TABLE_SEES_ENTRIES:
        return None
    count = store.entries.count_entries(db, activity["id"], table_number=table_number)
    return remaining(activity, 0, count)
