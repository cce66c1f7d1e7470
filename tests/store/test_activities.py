"""A gathering's agenda: activities, their settings, states and timers."""

from app import store

TASK = {
    "kind": "task",
    "prompt": "Hvordan skal vi samarbeide?",
    "title": "PÅ FYLKESNIVÅ",
    "help": "Skriv korte punkter",
    "key": "oppgave",
    "approval": 1,
    "tables": [1, 3],
    "options": {"questions": [{"id": "mal", "title": "Mål"}]},
}


def test_activities_come_in_agenda_order_with_settings_decoded(db, rows):
    gathering_id = rows.gathering(
        activities=[
            TASK,
            {"kind": "words", "prompt": "Ett ord", "options": {}, "hide_results": True},
        ]
    )
    task, words = store.activities.list_activities(db, gathering_id)
    assert (task["position"], words["position"]) == (1, 2)
    assert task["options"] == {"questions": [{"id": "mal", "title": "Mål"}]}
    assert task["tables"] == [1, 3] and words["tables"] is None
    assert task["approval"] is True and words["approval"] is False
    assert task["revealed"] is True and words["revealed"] is False
    assert (task["title"], task["help"], task["key"]) == (
        "PÅ FYLKESNIVÅ",
        "Skriv korte punkter",
        "oppgave",
    )
    assert task["state"] == "closed" and len(task["uid"]) == 32


def test_an_activity_is_found_by_id_or_uid_and_none_when_missing(db, rows):
    gathering_id = rows.gathering(activities=[{**TASK, "uid": "u-task"}])
    (activity_id,) = rows.activities(gathering_id)
    assert store.activities.get_activity(db, activity_id)["uid"] == "u-task"
    assert store.activities.get_activity_by_uid(db, "u-task")["id"] == activity_id
    assert store.activities.get_activity(db, activity_id + 1) is None
    assert store.activities.get_activity_by_uid(db, "nope") is None


def test_updating_an_activity_rewrites_its_settings_and_keeps_its_id_and_uid(db, rows):
    gathering_id = rows.gathering()
    words, statements = store.activities.list_activities(db, gathering_id)
    store.activities.update_activity(
        db, words["id"], 3, {"kind": "words", "prompt": "Nytt spørsmål", "options": {"n": 2}}
    )
    changed = store.activities.get_activity(db, words["id"])
    assert (changed["position"], changed["prompt"], changed["options"]) == (
        3,
        "Nytt spørsmål",
        {"n": 2},
    )
    assert changed["uid"] == words["uid"]
    assert [a["id"] for a in store.activities.list_activities(db, gathering_id)] == [
        statements["id"],
        words["id"],
    ]


def test_options_approval_and_reveal_are_set_one_by_one(db, rows):
    (words, _) = rows.activities(rows.gathering())
    store.activities.set_activity_options(db, words, {"stopord": ["og", "på"]})
    store.activities.set_activity_approval(db, words, True)
    store.activities.set_revealed(db, words, False)
    activity = store.activities.get_activity(db, words)
    assert activity["options"] == {"stopord": ["og", "på"]}
    assert activity["approval"] is True and activity["revealed"] is False


def test_opening_and_closing_stamp_their_own_times(db, rows):
    (words, _) = rows.activities(rows.gathering())
    store.activities.set_activity_state(db, words, "open", "09:00")
    store.activities.set_activity_state(db, words, "closed", "09:10")
    activity = store.activities.get_activity(db, words)
    assert (activity["state"], activity["opened_at"], activity["closed_at"]) == (
        "closed",
        "09:00",
        "09:10",
    )


def test_timers_run_out_only_for_open_activities(db, rows):
    words, statements = rows.activities(rows.gathering())
    assert store.activities.next_closing(db) is None
    for activity_id, closes_at in ((words, "09:05"), (statements, "09:02")):
        store.activities.set_activity_state(db, activity_id, "open", "09:00")
        store.activities.set_closes_at(db, activity_id, closes_at)
    assert store.activities.next_closing(db) == "09:02"
    assert [a["id"] for a in store.activities.activities_due(db, "09:03")] == [statements]
    store.activities.set_activity_state(db, statements, "closed", "09:03")
    assert store.activities.activities_due(db, "09:03") == []
    assert store.activities.next_closing(db) == "09:05"
    store.activities.set_closes_at(db, words, None)
    assert store.activities.next_closing(db) is None


def test_an_activity_has_work_once_it_has_an_entry_a_point_or_a_ballot(db, rows):
    gathering_id = rows.gathering(
        activities=[
            {"kind": "words", "prompt": "Ord", "options": {}},
            TASK,
            {"kind": "priorities", "prompt": "Viktigst", "options": {}},
        ]
    )
    words, task, priorities = rows.activities(gathering_id)
    token = rows.participant(gathering_id)
    assert not any(store.activities.activity_has_work(db, a) for a in (words, task, priorities))
    rows.entry(words, token)
    rows.point(task, token)
    rows.ballot(priorities, token, {"ranking": ["i1"]})
    assert all(store.activities.activity_has_work(db, a) for a in (words, task, priorities))


def test_a_deleted_activity_is_gone_and_the_highlight_points_at_an_entry(db, rows):
    gathering_id = rows.gathering()
    words, statements = rows.activities(gathering_id)
    entry_id = rows.entry(statements, rows.participant(gathering_id))
    store.activities.set_highlighted_entry(db, statements, entry_id)
    assert store.activities.get_activity(db, statements)["highlighted_entry_id"] == entry_id
    store.activities.delete_activity(db, words)
    assert rows.activities(gathering_id) == [statements]
