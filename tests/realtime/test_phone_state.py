"""A phone's `state` carries the content of the open activities only; one that opens is
asked for with `sync_activity`, and a vote's items are fetched once by their version."""

import gzip
import json
import sqlite3

from conftest import simple_definition, vote_items

VOTE = simple_definition(
    activities=[
        {"kind": "statements", "key": "utsagn", "prompt": "Utsagn"},
        {"kind": "priorities", "prompt": "Prioriter", "mode": "dots", "source": "utsagn"},
        {"kind": "questions", "prompt": "Til panelet"},
    ]
)


def activities_of(state):
    return {a["kind"]: a for a in state["activities"]}


def state_of(sio):
    return sio.emit("sync", callback=True)["state"]


def written(organiser, phone, gathering, activity, table, texts):
    """Open `activity` and send `texts` to it from a phone at `table`: (the phone, the ids)."""
    organiser.open(gathering, activity)
    writer = phone(gathering, table)
    sent = [
        writer.emit(
            "submit", {"activity_id": activity["id"], "text": t, "client_id": t}, callback=True
        )
        for t in texts
    ]
    return writer, [ack["id"] for ack in sent]


def test_a_closed_activity_comes_with_its_public_fields_and_no_content(organiser, phone):
    gathering = organiser.create(VOTE)
    writer, _ = written(organiser, phone, gathering, gathering["activities"][0], 1, ["Ja"])
    shown = activities_of(state_of(writer))
    assert shown["statements"]["content"] is True
    assert [e["text"] for e in shown["statements"]["own_entries"]] == ["Ja"]
    for kind in ("priorities", "questions"):
        closed = shown[kind]
        assert closed["content"] is False
        assert closed["state"] == "closed" and closed["prompt"] and closed["limits"]
        assert not {"own_entries", "entries", "items_version", "ballot"} & closed.keys()


def test_an_activity_that_opens_is_sent_in_full_to_the_phone_that_asks(organiser, phone):
    gathering = organiser.create(VOTE)
    panel = gathering["activities"][2]
    asker, _ = written(organiser, phone, gathering, panel, 2, ["Hvorfor?"])
    organiser.close(gathering, panel)
    assert activities_of(state_of(asker))["questions"]["content"] is False
    organiser.open(gathering, panel)
    ack = asker.emit("sync_activity", {"activity_id": panel["id"]}, callback=True)
    assert ack["ok"] is True
    assert ack["activity"]["content"] is True
    assert [e["text"] for e in ack["activity"]["entries"]] == ["Hvorfor?"]
    assert [e["text"] for e in ack["activity"]["own_entries"]] == ["Hvorfor?"]


def test_a_vote_names_its_items_version_and_a_phone_fetches_the_items_once(
    organiser, phone, client
):
    gathering = organiser.create(VOTE)
    statements, dots, _ = gathering["activities"]
    _, ids = written(organiser, phone, gathering, statements, 1, ["Samordne", "Rolle"])
    organiser.open(gathering, dots)
    voter = phone(gathering, 3)
    vote = activities_of(state_of(voter))["priorities"]
    assert "items" not in vote
    assert vote["items_count"] == 2
    url = f"/api/activities/{dots['id']}/items"
    auth = {"Authorization": f"Bearer {voter.token}"}
    first = client.get(url, headers=auth)
    assert first.status_code == 200
    assert first.get_json() == {
        "activity_id": dots["id"],
        "version": vote["items_version"],
        "items": [{"id": f"e{ids[0]}", "text": "Samordne"}, {"id": f"e{ids[1]}", "text": "Rolle"}],
    }
    assert "no-cache" in first.headers["Cache-Control"]
    packed = client.get(url, headers={**auth, "Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(packed.get_data())) == first.get_json()
    again = client.get(url, headers={**auth, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""
    # A cache between phone and server keeps the plain and the packed answers apart.
    assert all("Accept-Encoding" in r.headers["Vary"] for r in (first, packed, again))
    # A statement hidden at the source: a new version, and the phone that asks again gets it.
    organiser.patch(f"/api/entries/{ids[0]}", json={"hidden": True})
    changed = activities_of(state_of(voter))["priorities"]
    assert changed["items_version"] != vote["items_version"]
    after = client.get(url, headers={**auth, "If-None-Match": first.headers["ETag"]})
    assert after.status_code == 200
    assert after.get_json()["version"] == changed["items_version"]
    assert vote_items(client, voter.token, dots["id"]) == [{"id": f"e{ids[1]}", "text": "Rolle"}]


def test_only_a_phone_of_the_gathering_gets_a_votes_items(organiser, phone, client, join):
    gathering = organiser.create(VOTE)
    elsewhere = organiser.create(VOTE)
    _, dots, panel = gathering["activities"]
    stranger = join(elsewhere)
    url = f"/api/activities/{dots['id']}/items"
    assert client.get(url).status_code == 401
    assert client.get(url, headers={"Authorization": f"Bearer {stranger}"}).status_code == 409
    mine = {"Authorization": f"Bearer {join(gathering)}"}
    assert client.get(f"/api/activities/{panel['id']}/items", headers=mine).status_code == 404


def test_what_phones_share_is_read_again_after_any_write_between_two_connects(
    app, organiser, phone
):
    gathering = organiser.create(VOTE)
    statements, _, panel = gathering["activities"]
    writer, _ = written(organiser, phone, gathering, statements, 1, ["Først"])
    first = activities_of(state_of(phone(gathering, 1)))
    assert [e["text"] for e in first["statements"]["table_entries"]] == ["Først"]
    assert ("phone-agenda", gathering["id"]) in app.extensions["samla_shared_views"]
    writer.emit("submit", {"activity_id": statements["id"], "text": "Så", "client_id": "b"})
    organiser.open(gathering, panel)
    writer.emit("submit", {"activity_id": panel["id"], "text": "Hvem?", "client_id": "q"})
    second = activities_of(state_of(phone(gathering, 1)))
    assert [e["text"] for e in second["statements"]["table_entries"]] == ["Først", "Så"]
    assert [e["text"] for e in second["questions"]["entries"]] == ["Hvem?"]
    # Another process that writes to the same data folder is noticed too.
    with sqlite3.connect(app.extensions["samla_store"].path) as other:
        other.execute(
            "UPDATE tables SET label = 'Bord ved vinduet' WHERE gathering_id = ? AND number = 1",
            (gathering["id"],),
        )
    assert state_of(phone(gathering, 1))["table"]["label"] == "Bord ved vinduet"


def test_an_open_votes_phones_hear_its_new_items_version_when_a_statement_is_hidden(
    organiser, phone
):
    gathering = organiser.create(VOTE)
    statements, dots, _ = gathering["activities"]
    _, ids = written(organiser, phone, gathering, statements, 1, ["Samordne", "Rolle", "Tull"])
    organiser.open(gathering, dots)
    voter = phone(gathering, 3)
    before = activities_of(state_of(voter))["priorities"]["items_version"]
    voter.get_received()
    organiser.patch(f"/api/entries/{ids[2]}", json={"hidden": True})
    heard = [m["args"][0] for m in voter.get_received() if m["name"] == "activity_items"]
    now = activities_of(state_of(voter))["priorities"]["items_version"]
    assert now != before
    assert heard[-1] == {"activity_id": dots["id"], "items_version": now}
