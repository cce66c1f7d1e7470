"""The whole state a phone, projector or console gets on connect and on resync, so no
client ever replays history."""

from app import __version__, kinds, store
from app.addresses import is_loopback_url
from app.rules import is_for_table, remaining
from app.views import (
    activity_results,
    describe_gathering,
    for_projector,
    phone_activity,
    shared,
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


def participant_activity(db, activity, participant, public=None):
    """An activity as this participant's phone draws it.

    A phone shows only the open activities, so only an open one carries its content
    (`content: true`): its own entries, what is left of its quota, and what the kind shows
    a phone (the table's work, the panel's questions, a vote's ballot and the version of
    its items). A closed or not yet opened one is its public fields only; the phone asks
    for the rest with `sync_activity` when it opens.
    """
    table_number = participant["table_number"]
    public = {
        **(public or phone_activity(activity)),
        "for_my_table": is_for_table(activity, table_number),
    }
    if activity["state"] != "open":
        return {**public, "content": False}
    own = store.entries.list_entries(db, activity["id"], participant_token=participant["token"])
    table = shared(
        db,
        ("table-entries", activity["id"], table_number),
        lambda: store.entries.list_entries(db, activity["id"], table_number=table_number),
    )
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


def _phone_agenda(db, gathering_id):
    """What every phone of a gathering gets alike: its head and each activity's public fields."""
    gathering = store.gatherings.get_gathering(db, gathering_id)
    head = {key: gathering[key] for key in ("id", "title", "code", "language")}
    activities = store.activities.list_activities(db, gathering_id)
    return head, [(activity, phone_activity(activity)) for activity in activities]


def participant_state(db, participant):
    """Everything a phone needs to draw itself from nothing: every activity's public fields,
    and the content of the open ones (`participant_activity`). What the phones of the
    gathering or of a table share is read once per version of the database (`shared`)."""
    gathering_id, number = participant["gathering_id"], participant["table_number"]
    head, agenda = shared(
        db, ("phone-agenda", gathering_id), lambda: _phone_agenda(db, gathering_id)
    )
    table = shared(
        db,
        ("table", gathering_id, number),
        lambda: store.gatherings.get_table(db, gathering_id, number),
    )
    return {
        "role": "participant",
        "gathering": dict(head),
        "table": {"number": table["number"], "label": table["label"]},
        "activities": [
            participant_activity(db, activity, participant, public) for activity, public in agenda
        ],
    }


def remaining_for_table(db, activity, table_number):
    """The table's remaining quota (for a kind whose table shares one), for a table_update."""
    if not kinds.of(activity).TABLE_SEES_ENTRIES:
        return None
    count = store.entries.count_entries(db, activity["id"], table_number=table_number)
    return remaining(activity, 0, count)
