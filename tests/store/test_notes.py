"""The facilitator's notes of a gathering, per activity."""

from app import store


def test_notes_are_keyed_by_activity_uid_and_the_summary_by_an_empty_uid(db, rows):
    gathering_id = rows.gathering()
    store.notes.save_notes(db, gathering_id, "", {"notes": "Godt møte på Hamar"}, "t1")
    store.notes.save_notes(
        db, gathering_id, "u1", {"notes": "Drøftet", "decision": "Vi går videre"}, "t2"
    )
    notes = store.notes.get_notes(db, gathering_id)
    assert set(notes) == {"", "u1"}
    assert notes[""]["notes"] == "Godt møte på Hamar"
    assert notes["u1"] == {
        "gathering_id": gathering_id,
        "notes": "Drøftet",
        "decision": "Vi går videre",
        "follow_up": None,
        "follow_up_by": None,
        "updated_at": "t2",
        **dict.fromkeys(store.notes.DETAILS),
    }


def test_saving_notes_again_replaces_every_field(db, rows):
    gathering_id = rows.gathering()
    store.notes.save_notes(
        db, gathering_id, "u1", {"notes": "Første", "follow_up": "Møte i mai"}, "t1"
    )
    store.notes.save_notes(db, gathering_id, "u1", {"decision": "Vedtatt"}, "t2")
    saved = store.notes.get_notes(db, gathering_id)["u1"]
    assert (saved["notes"], saved["decision"], saved["follow_up"]) == (None, "Vedtatt", None)
    assert saved["updated_at"] == "t2"


def test_a_gathering_without_notes_has_none_and_sees_no_others(db, rows):
    noted, quiet = rows.gathering(), rows.gathering()
    store.notes.save_notes(db, noted, "", {"notes": "x"}, "t")
    assert store.notes.get_notes(db, quiet) == {}
