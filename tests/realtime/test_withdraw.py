"""A phone withdraws its own entry while the activity is open, and quotas count only what
is shown: a hidden or withdrawn statement gives the table its place back."""

from conftest import received


def submit(sio, activity, text, client_id):
    return sio.emit(
        "submit",
        {"activity_id": activity["id"], "text": text, "client_id": client_id},
        callback=True,
    )


def withdraw(sio, entry_id):
    return sio.emit("withdraw", {"entry_id": entry_id}, callback=True)


def test_a_withdrawn_statement_leaves_the_table_and_the_screens(
    gathering, organiser, phone, screen
):
    statements = gathering["activities"][1]
    organiser.open(gathering, statements)
    writer, neighbour = phone(gathering, 1), phone(gathering, 1)
    projector = screen(gathering)
    for sio in (writer, neighbour, projector):
        received(sio, "state")
    entry_id = submit(writer, statements, "Skrevet for fort", "s1")["id"]
    received(neighbour, "table_update")
    received(projector, "activity_update")
    answer = withdraw(writer, entry_id)
    assert answer == {"ok": True, "id": entry_id, "remaining": 3}
    update = received(neighbour, "table_update")[-1]
    assert update["entries"][0]["id"] == entry_id and update["entries"][0]["hidden"] is True
    assert update["remaining"] == 3
    on_screen = received(projector, "activity_update")[-1]["entries"]
    assert on_screen[0]["id"] == entry_id and on_screen[0]["hidden"] is True
    assert "text" not in on_screen[0]
    state = writer.emit("sync", callback=True)["state"]["activities"][1]
    assert state["own_entries"] == [] and state["table_entries"] == []
    listed = organiser.get(
        f"/api/gatherings/{gathering['id']}/activities/{statements['id']}/results"
    ).get_json()
    assert entry_id not in [e["id"] for e in listed["entries"]]


def test_withdrawing_twice_changes_nothing_more(gathering, organiser, phone):
    statements = gathering["activities"][1]
    organiser.open(gathering, statements)
    sio = phone(gathering, 2)
    entry_id = submit(sio, statements, "Én gang", "s1")["id"]
    assert withdraw(sio, entry_id)["ok"] is True
    assert withdraw(sio, entry_id) == {"ok": True, "id": entry_id, "remaining": 3}


def test_a_phone_withdraws_only_its_own_entries_and_only_while_open(gathering, organiser, phone):
    statements = gathering["activities"][1]
    organiser.open(gathering, statements)
    writer, neighbour = phone(gathering, 1), phone(gathering, 1)
    entry_id = submit(writer, statements, "Mitt", "s1")["id"]
    assert withdraw(neighbour, entry_id)["error"] == "unknown_entry"
    assert withdraw(writer, 999999)["error"] == "unknown_entry"
    assert withdraw(writer, "ti")["error"] == "bad_request"
    organiser.close(gathering, statements)
    assert withdraw(writer, entry_id)["error"] == "activity_closed"


def test_a_withdrawn_or_hidden_statement_gives_the_table_its_place_back(
    gathering, organiser, phone
):
    statements = gathering["activities"][1]
    organiser.open(gathering, statements)
    first, second = phone(gathering, 3), phone(gathering, 3)
    one = submit(first, statements, "en", "1")["id"]
    two = submit(second, statements, "to", "2")["id"]
    assert submit(first, statements, "tre", "3")["remaining"] == 0
    assert submit(second, statements, "fire", "4")["error"] == "quota_used"
    withdraw(first, one)
    assert submit(second, statements, "fire", "5")["remaining"] == 0
    organiser.patch(f"/api/entries/{two}", json={"hidden": True})
    assert submit(first, statements, "fem", "6")["remaining"] == 0


def test_a_withdrawn_entry_cannot_be_moderated(gathering, organiser, phone):
    words = gathering["activities"][0]
    organiser.open(gathering, words)
    sio = phone(gathering)
    entry_id = submit(sio, words, "Glad", "w1")["id"]
    withdraw(sio, entry_id)
    assert organiser.patch(f"/api/entries/{entry_id}", json={"hidden": False}).status_code == 404
