"""What a bundle reads and writes: rows with their stable ids across servers."""

import pytest

from app import store

TASK = {"kind": "task", "prompt": "Plan", "options": {}}


@pytest.fixture
def bundle(db, rows):
    gathering_id = rows.gathering(
        activities=[
            {"kind": "words", "prompt": "Ord", "options": {}, "uid": "u-words"},
            {"kind": "statements", "prompt": "Utsagn", "options": {}, "uid": "u-statements"},
            {**TASK, "uid": "u-task"},
            {"kind": "priorities", "prompt": "Viktigst", "options": {}, "uid": "u-vote"},
        ]
    )
    words, statements, task, vote = rows.activities(gathering_id)
    return {
        "id": gathering_id,
        "words": words,
        "statements": statements,
        "task": task,
        "vote": vote,
        "token": rows.participant(gathering_id, table=2),
    }


def imported_entry(bundle, **fields):
    return {
        "activity_id": bundle["statements"],
        "gathering_id": bundle["id"],
        "table_number": 2,
        "participant_token": bundle["token"],
        "client_id": "remote-1",
        "text": "Fra en annen server",
        "hidden": 1,
        "created_at": "t0",
        "uid": "u-entry",
        **fields,
    }


def test_an_imported_entry_keeps_its_uid_flags_and_time(db, bundle):
    store.bundles.insert_imported_entry(db, imported_entry(bundle, pinned=1))
    entry = store.bundles.get_entry_by_uid(db, "u-entry")
    assert (entry["text"], entry["created_at"], entry["table"]) == ("Fra en annen server", "t0", 2)
    assert (entry["hidden"], entry["pinned"], entry["held"]) == (True, True, False)
    assert store.bundles.get_entry_by_uid(db, "nope") is None


def test_an_entry_is_known_by_its_uid_or_by_its_participant_and_client_id(db, bundle):
    store.bundles.insert_imported_entry(db, imported_entry(bundle))
    known = store.bundles.entry_uid_exists
    assert known(db, "u-entry", "someone", "else") is True
    assert known(db, "other-uid", bundle["token"], "remote-1") is True
    assert known(db, "other-uid", bundle["token"], "remote-2") is False


def test_bundle_entries_carry_their_activitys_uid_and_the_highlight(db, rows, bundle):
    first = rows.entry(bundle["words"], bundle["token"], "glede")
    second = rows.entry(bundle["statements"], bundle["token"], "Økonomien styrer")
    store.activities.set_highlighted_entry(db, bundle["statements"], second)
    listed = store.bundles.list_bundle_entries(db, bundle["id"])
    assert [(e["activity_uid"], e["text"], e["table"]) for e in listed] == [
        ("u-words", "glede", 2),
        ("u-statements", "Økonomien styrer", 2),
    ]
    assert [bool(e["highlighted"]) for e in listed] == [False, True]
    assert store.entries.get_entry(db, first)["uid"] == listed[0]["uid"]


def test_bundle_points_include_deleted_ones_and_a_newer_version_replaces_a_point(db, rows, bundle):
    kept = rows.point(bundle["task"], bundle["token"], "Felles mål")
    gone = rows.point(bundle["task"], bundle["token"], "Slett meg")
    store.points.update_point(db, gone, 1, "Slett meg", True, "t1")
    listed = store.bundles.list_bundle_points(db, bundle["id"])
    assert [(p["activity_uid"], p["text"], p["deleted"]) for p in listed] == [
        ("u-task", "Felles mål", False),
        ("u-task", "Slett meg", True),
    ]
    uid = listed[0]["uid"]
    store.bundles.replace_point(
        db, kept, {"text": "Felles mål for året", "version": 5, "deleted": False, "updated_at": "t"}
    )
    point = store.bundles.get_point_by_uid(db, uid)
    assert (point["text"], point["version"], point["deleted"]) == ("Felles mål for året", 5, False)
    assert store.bundles.get_point_by_uid(db, "nope") is None


def test_an_imported_point_keeps_its_uid_and_version(db, bundle):
    store.bundles.insert_imported_point(
        db,
        {
            "activity_id": bundle["task"],
            "gathering_id": bundle["id"],
            "table_number": 2,
            "question_id": "mal",
            "text": "Fra en annen server",
            "version": 3,
            "deleted": 1,
            "participant_token": bundle["token"],
            "client_id": "p-remote",
            "created_at": "t0",
            "updated_at": "t1",
            "uid": "u-point",
        },
    )
    point = store.bundles.get_point_by_uid(db, "u-point")
    assert (point["version"], point["deleted"], point["updated_at"]) == (3, True, "t1")


def test_bundle_ballots_upvotes_merges_and_themes_name_their_activity_by_uid(db, rows, bundle):
    rows.ballot(bundle["vote"], bundle["token"], {"ranking": ["i2", "i1"]}, now="t1")
    asked = rows.entry(bundle["statements"], bundle["token"])
    store.votes.set_upvote(db, asked, "someone", True, "t2")
    store.words.save_merge(db, bundle["words"], "gleden", "glede", "t3")
    rows.theme(bundle["statements"], "Samarbeid", entries=[asked], accepted=True)
    assert store.bundles.list_bundle_ballots(db, bundle["id"]) == [
        {
            "activity_uid": "u-vote",
            "participant_token": bundle["token"],
            "table": 2,
            "ballot": {"ranking": ["i2", "i1"]},
            "updated_at": "t1",
        }
    ]
    assert store.bundles.list_bundle_upvotes(db, bundle["id"]) == [
        {
            "entry_uid": store.entries.get_entry(db, asked)["uid"],
            "participant_token": "someone",
            "created_at": "t2",
        }
    ]
    assert store.bundles.list_bundle_merges(db, bundle["id"]) == [
        {"activity_uid": "u-words", "word": "gleden", "into": "glede", "created_at": "t3"}
    ]
    (theme,) = store.bundles.list_bundle_themes(db, bundle["id"])
    assert (theme["activity_uid"], theme["kind"], theme["entries"], theme["accepted"]) == (
        "u-statements",
        "statements",
        [asked],
        True,
    )


def test_a_bundle_reads_only_its_own_gathering(db, rows, bundle):
    other = rows.gathering()
    words = rows.activities(other)[0]
    rows.entry(words, rows.participant(other))
    store.words.save_merge(db, words, "a", "b", "t")
    assert store.bundles.list_bundle_entries(db, bundle["id"]) == []
    assert store.bundles.list_bundle_merges(db, bundle["id"]) == []
