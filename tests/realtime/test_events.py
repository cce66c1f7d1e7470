"""Socket.IO: phones submit and follow their table, screens follow everything."""

from conftest import ADMIN_TOKEN, received


def submit(sio, activity, text, client_id):
    return sio.emit(
        "submit",
        {"activity_id": activity["id"], "text": text, "client_id": client_id},
        callback=True,
    )


def test_a_phone_gets_its_whole_state_on_connect(gathering, phone):
    sio = phone(gathering, table=2)
    state = received(sio, "state")[0]
    assert state["role"] == "participant"
    assert state["table"] == {"number": 2, "label": "Bord 2"}
    assert [a["kind"] for a in state["activities"]] == ["words", "statements"]
    assert all(a["state"] == "closed" for a in state["activities"])


def test_a_bad_participant_token_is_refused(app, client, gathering):
    from app.realtime.server import socketio

    sio = socketio.test_client(app, auth={"token": "nobody"}, flask_test_client=client)
    assert not sio.is_connected()


def test_a_submission_is_acknowledged_and_reaches_the_screen(gathering, organiser, phone, screen):
    words = gathering["activities"][0]
    organiser.open(gathering, words)
    projector = screen(gathering)
    received(projector, "state")
    sio = phone(gathering)
    ack = submit(sio, words, "God!", "c1")
    assert ack["ok"] is True and ack["duplicate"] is False and ack["remaining"] == 1
    updates = received(projector, "activity_update")
    assert updates[-1]["activity_id"] == words["id"]
    assert updates[-1]["entries"][0]["id"] == ack["id"]
    assert updates[-1]["entries"][0]["text"] == "God!"
    assert updates[-1]["count"] == 1
    assert updates[-1]["frequencies"] == [{"word": "God", "count": 1}]


def test_a_resent_submission_is_stored_once(gathering, organiser, phone, client):
    words = gathering["activities"][0]
    organiser.open(gathering, words)
    sio = phone(gathering)
    first = submit(sio, words, "Magisk", "same-id")
    again = submit(sio, words, "Magisk", "same-id")
    assert again == {**first, "duplicate": True}
    export = organiser.get(f"/api/gatherings/{gathering['id']}/export.json").get_json()
    assert [e["text"] for e in export["activities"][0]["entries"]] == ["Magisk"]


def test_a_resend_after_the_activity_closed_is_still_a_duplicate(gathering, organiser, phone):
    words = gathering["activities"][0]
    organiser.open(gathering, words)
    sio = phone(gathering)
    first = submit(sio, words, "Jippi", "late")
    organiser.close(gathering, words)
    again = submit(sio, words, "Jippi", "late")
    assert again["ok"] is True and again["duplicate"] is True and again["id"] == first["id"]


def test_a_closed_activity_refuses_with_a_clear_ack(gathering, phone):
    sio = phone(gathering)
    ack = submit(sio, gathering["activities"][0], "Kreativ", "c1")
    assert ack["ok"] is False
    assert ack["error"] == "activity_closed"
    assert ack["message"] == "Aktiviteten er lukket."


def test_malformed_payloads_get_errors_and_the_server_keeps_going(gathering, organiser, phone):
    words = gathering["activities"][0]
    organiser.open(gathering, words)
    sio = phone(gathering)
    for payload in (
        None,
        "text",
        [],
        {"activity_id": "x", "text": "a", "client_id": "1"},
        {"activity_id": words["id"], "text": 5, "client_id": "1"},
        {"activity_id": words["id"], "text": "a", "client_id": ""},
        {"activity_id": 99999, "text": "a", "client_id": "2"},
    ):
        ack = sio.emit("submit", payload, callback=True)
        assert ack["ok"] is False, payload
        assert ack["error"] in {"bad_request", "unknown_activity", "empty_text"}
        assert ack["message"]
    assert submit(sio, words, "fortsatt her", "3")["ok"] is True


def test_table_phones_see_their_tables_statements_and_the_quota(gathering, organiser, phone):
    statements = gathering["activities"][1]
    organiser.open(gathering, statements)
    writer, neighbour, other_table = phone(gathering, 1), phone(gathering, 1), phone(gathering, 2)
    for sio in (writer, neighbour, other_table):
        received(sio, "state")
    ack = submit(writer, statements, "Samordne rekomp og dekomp\npå alle nivåer", "s1")
    assert ack["remaining"] == 2
    update = received(neighbour, "table_update")[-1]
    assert update["table"] == 1 and update["remaining"] == 2
    assert update["entries"][0]["text"] == "Samordne rekomp og dekomp\npå alle nivåer"
    assert received(other_table, "table_update") == []
    # The writer has its statement and the table's quota from the ack: no second copy.
    assert received(writer, "table_update") == []


def test_the_fourth_statement_of_a_table_is_refused(gathering, organiser, phone):
    statements = gathering["activities"][1]
    organiser.open(gathering, statements)
    first, second = phone(gathering, 3), phone(gathering, 3)
    assert submit(first, statements, "en", "1")["ok"]
    assert submit(second, statements, "to", "2")["ok"]
    assert submit(first, statements, "tre", "3")["remaining"] == 0
    ack = submit(second, statements, "fire", "4")
    assert ack["ok"] is False and ack["error"] == "quota_used"


def test_opening_an_activity_is_pushed_to_every_phone(gathering, organiser, phone, screen):
    phones = [phone(gathering, t) for t in (1, 2, 3)]
    projector = screen(gathering)
    for sio in phones:
        received(sio, "state")
    organiser.open(gathering, gathering["activities"][1])
    for sio in [*phones, projector]:
        change = received(sio, "activity_state")
        assert change[-1]["activity"]["id"] == gathering["activities"][1]["id"]
        assert change[-1]["activity"]["state"] == "open"


def test_an_agenda_edit_asks_every_client_of_the_gathering_to_resync(
    gathering, organiser, phone, screen
):
    here = [phone(gathering, 1), phone(gathering, 2), screen(gathering)]
    console = screen(gathering, token=ADMIN_TOKEN)
    other = organiser.create(
        {"title": "Annen", "tables": 1, "activities": [{"kind": "words", "prompt": "?"}]}
    )
    elsewhere = phone(other, 1)
    for sio in [*here, console, elsewhere]:
        received(sio, "state")
    url = f"/api/gatherings/{gathering['id']}/definition"
    definition = organiser.get(url).get_json()
    definition["activities"][0]["prompt"] = "Ett ord om i dag?"
    assert organiser.client.put(url, json=definition, headers=organiser.headers).status_code == 200
    for sio in [*here, console]:
        assert received(sio, "resync") == [{"gathering_id": gathering["id"]}]
        ack = sio.emit("sync", callback=True)
        assert ack["state"]["activities"][0]["prompt"] == "Ett ord om i dag?"
    # Nobody is pushed a state of their own any more: they ask for it.
    assert all(received(sio, "state") == [] for sio in [*here, console])
    assert received(elsewhere, "resync") == []


def test_hiding_an_entry_updates_screens_and_the_table(gathering, organiser, phone, screen):
    statements = gathering["activities"][1]
    organiser.open(gathering, statements)
    writer = phone(gathering, 1)
    projector = screen(gathering)
    ack = submit(writer, statements, "uønsket", "1")
    received(projector, "activity_update")
    received(writer, "table_update")
    response = organiser.patch(f"/api/entries/{ack['id']}", json={"hidden": True})
    assert response.status_code == 200
    update = received(projector, "activity_update")[-1]
    assert update["entries"] == [{**update["entries"][0], "id": ack["id"], "hidden": True}]
    assert update["count"] == 0 and update["hidden_count"] == 1
    assert received(writer, "table_update")[-1]["entries"][0]["hidden"] is True


def test_a_screen_token_watches_only_its_gathering(organiser, screen, gathering):
    other = organiser.create(
        {"title": "Annen", "tables": 1, "activities": [{"kind": "words", "prompt": "?"}]}
    )
    token = gathering["screen_url"].split("token=")[1]
    sio = screen(other, token=token)
    assert not sio.is_connected()
    assert screen(gathering).is_connected()


def test_a_screen_gets_the_whole_state_again_on_reconnect(gathering, organiser, phone, screen):
    words = gathering["activities"][0]
    organiser.open(gathering, words)
    submit(phone(gathering), words, "Toppers!", "1")
    projector = screen(gathering)
    state = received(projector, "state")[0]
    assert state["role"] == "screen"
    assert state["gathering"]["code"] == gathering["code"]
    assert state["activities"][0]["entries"][0]["text"] == "Toppers!"
    assert state["activities"][0]["frequencies"] == [{"word": "Toppers", "count": 1}]
