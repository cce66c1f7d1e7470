"""Bundles: a gathering moves to another server and merges there without duplicates."""

import copy

import pytest
from exports_helpers import STATEMENTS
from exports_helpers import run_gathering as run

from app import create_app
from conftest import ADMIN_TOKEN, Organiser


@pytest.fixture
def laptop(organiser, client, join):
    """The gathering as run offline: networks, notes, entries, filed; and its bundle."""
    network = organiser.post("/api/networks", json={"name": "Region Hamar"}).get_json()
    gathering = run(organiser, client, join)
    base = f"/api/gatherings/{gathering['id']}"
    organiser.post(f"{base}/tables/1/network", json={"network": network["id"]})
    organiser.post(f"{base}/notes", json={"summary": "Oppsummert på bærbar"})
    organiser.post(f"{base}/file-records", json={})
    bundle = organiser.get(f"{base}/bundle").get_json()
    return {"gathering": gathering, "network": network, "bundle": bundle}


@pytest.fixture
def server(tmp_path):
    """A second Samla with its own database: the county's server."""
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "county"),
            "ADMIN_TOKEN": ADMIN_TOKEN,
            "PUBLIC_URL": "http://county.test",
            "ASYNC_MODE": "threading",
            "COALESCE_SECONDS": 0,
        }
    )
    yield Organiser(app.test_client())
    app.extensions["samla_store"].close()


def snapshot(server, gathering_id, network_id):
    return (
        server.get(f"/api/gatherings/{gathering_id}/minutes").get_json(),
        server.get(f"/api/networks/{network_id}/record.json").get_json(),
        server.get(f"/api/gatherings/{gathering_id}/bundle").get_json()["content"]["entries"],
    )


def test_a_bundle_imports_on_another_server_keeping_its_id(laptop, server):
    response = server.post("/api/bundles", json=laptop["bundle"])
    assert response.status_code == 201
    answer = response.get_json()
    gathering_id = laptop["gathering"]["id"]
    assert answer["gathering_id"] == gathering_id and answer["entries_added"] == 9
    minutes, record, _ = snapshot(server, gathering_id, laptop["network"]["id"])
    assert minutes["summary"] == "Oppsummert på bærbar"
    assert minutes["items"][1]["hidden_count"] == 1
    assert minutes["items"][1]["blocks"][0]["tables"][1]["entries"] == STATEMENTS[2]
    (part,) = record["gatherings"]
    assert part["items"][1]["blocks"][0]["tables"][0]["entries"] == STATEMENTS[1]


def test_importing_the_same_bundle_twice_changes_nothing(laptop, server):
    server.post("/api/bundles", json=laptop["bundle"])
    before = snapshot(server, laptop["gathering"]["id"], laptop["network"]["id"])
    again = server.post("/api/bundles", json=laptop["bundle"])
    assert again.status_code == 200
    assert again.get_json()["entries_added"] == 0 and again.get_json()["networks_added"] == 0
    assert snapshot(server, laptop["gathering"]["id"], laptop["network"]["id"]) == before


def test_importing_back_into_the_source_server_changes_nothing(laptop, organiser):
    before = snapshot(organiser, laptop["gathering"]["id"], laptop["network"]["id"])
    answer = organiser.post("/api/bundles", json=laptop["bundle"])
    assert answer.status_code == 200 and answer.get_json()["entries_added"] == 0
    assert snapshot(organiser, laptop["gathering"]["id"], laptop["network"]["id"]) == before


def damaged(bundle):
    broken = copy.deepcopy(bundle)
    broken["content"]["entries"][3]["text"] = "endret"
    return broken


def newer(bundle):
    return {**bundle, "schema_version": 99}


def missing_activity(bundle):
    broken = copy.deepcopy(bundle)
    broken["content"]["entries"][-1]["activity_uid"] = "nope"
    from app.bundles import checksum

    broken["checksum"] = checksum(broken["content"])
    return broken


@pytest.mark.parametrize(
    "spoil,status,error",
    [
        (damaged, 400, "invalid_bundle"),
        (newer, 422, "bundle_too_new"),
        (missing_activity, 400, "invalid_bundle"),
        (lambda b: {"format": "samla-bundle"}, 400, "invalid_bundle"),
        (lambda b: [1, 2], 400, "invalid_bundle"),
    ],
)
def test_a_damaged_or_newer_bundle_is_refused_and_nothing_is_imported(
    laptop, server, spoil, status, error
):
    response = server.post("/api/bundles", json=spoil(laptop["bundle"]))
    assert response.status_code == status
    assert response.get_json()["error"] == error and response.get_json()["message"]
    assert server.get("/api/gatherings").get_json() == []
    assert server.get("/api/networks").get_json() == []


def test_a_failure_halfway_leaves_nothing_behind(laptop, server):
    """An activity uid already used by another gathering is found mid-import; all rolls back."""
    other = copy.deepcopy(laptop["bundle"])
    other["content"]["gathering"]["id"] += 1
    from app.bundles import checksum

    other["checksum"] = checksum(other["content"])
    server.post("/api/bundles", json=laptop["bundle"])
    networks_before = server.get("/api/networks").get_json()
    response = server.post("/api/bundles", json=other)
    assert response.status_code == 400 and response.get_json()["error"] == "invalid_bundle"
    assert [g["id"] for g in server.get("/api/gatherings").get_json()] == [
        laptop["gathering"]["id"]
    ]
    assert server.get("/api/networks").get_json() == networks_before


# What the organisers set during the gathering: word merges, the moderation list, themes


def activity_url(gathering, index):
    return f"/api/gatherings/{gathering['id']}/activities/{gathering['activities'][index]['id']}"


@pytest.fixture
def organised(organiser, client, join):
    """The gathering after the facilitator merged words (and undid one), edited the word list
    and kept two themes, one accepted; and its bundle."""
    from exports_helpers import submit

    gathering = run(organiser, client, join)
    words = gathering["activities"][0]
    for table, word in ((1, "Glad"), (2, "Blid"), (3, "glad")):
        submit(client, join(gathering, table), words, word, f"mood-{table}")
    merges = f"{activity_url(gathering, 0)}/merges"
    assert organiser.post(merges, json={"word": "Glad", "into": "Blid"}).status_code == 200
    organiser.post(merges, json={"word": "Kreativ", "into": "Jippi"})
    organiser.client.delete(merges, json={"word": "Kreativ"}, headers=organiser.headers)
    organiser.client.put(
        f"/api/gatherings/{gathering['id']}/moderation",
        json={"enabled": True, "words": ["Tull", "tøys og tull"]},
        headers=organiser.headers,
    )
    statements = f"{activity_url(gathering, 1)}"
    entries = organiser.get(f"{statements}/results").get_json()["entries"]
    by_text = {entry["text"]: entry["id"] for entry in entries}
    accepted = organiser.post(
        f"{statements}/themes",
        json={
            "title": "Samordning og roller",
            "accepted": True,
            "entries": [by_text[STATEMENTS[1][0]], by_text[STATEMENTS[3][0]]],
        },
    )
    assert accepted.status_code == 201
    organiser.post(
        f"{statements}/themes",
        json={
            "title": "Ikke avklart",
            "entries": [by_text[STATEMENTS[2][0]], by_text[STATEMENTS[1][1]]],
        },
    )
    bundle = organiser.get(f"/api/gatherings/{gathering['id']}/bundle").get_json()
    return {"gathering": gathering, "bundle": bundle}


def organised_state(server, gathering_id):
    """What the three additions decide: the minutes, the word list, the bundle's sections."""
    content = server.get(f"/api/gatherings/{gathering_id}/bundle").get_json()["content"]
    settings = server.get(f"/api/gatherings/{gathering_id}/moderation").get_json()
    return {
        "minutes": server.get(f"/api/gatherings/{gathering_id}/minutes").get_json(),
        "word_list": {key: settings[key] for key in ("enabled", "words", "default")},
        "word_merges": content["word_merges"],
        "themes": content["themes"],
        "bundled_moderation": content["moderation"],
    }


def test_merges_moderation_and_themes_travel_so_the_minutes_read_the_same(
    organised, organiser, server
):
    gathering_id = organised["gathering"]["id"]
    assert server.post("/api/bundles", json=organised["bundle"]).status_code == 201
    here = organised_state(server, gathering_id)
    assert here == organised_state(organiser, gathering_id)
    words, statements = here["minutes"]["items"]
    cloud = {f["word"]: f["count"] for f in words["blocks"][0]["frequencies"]}
    assert cloud["Blid"] == 3 and "Glad" not in cloud and cloud["Kreativ"] == 1
    (theme,) = statements["blocks"][1]["tables"]
    assert theme["theme"] == "Samordning og roller" and theme["table_numbers"] == [1, 3]
    assert here["word_list"] == {
        "enabled": True,
        "words": ["tull", "tøys og tull"],
        "default": False,
    }
    assert [(t["title"], t["accepted"]) for t in here["themes"]] == [
        ("Samordning og roller", True),
        ("Ikke avklart", False),
    ]


def test_importing_merges_moderation_and_themes_twice_changes_nothing(organised, server):
    gathering_id = organised["gathering"]["id"]
    server.post("/api/bundles", json=organised["bundle"])
    before = organised_state(server, gathering_id)
    assert server.post("/api/bundles", json=organised["bundle"]).status_code == 200
    assert organised_state(server, gathering_id) == before


def test_importing_the_organised_bundle_back_into_its_source_changes_nothing(organised, organiser):
    gathering_id = organised["gathering"]["id"]
    before = organised_state(organiser, gathering_id)
    assert organiser.post("/api/bundles", json=organised["bundle"]).status_code == 200
    assert organised_state(organiser, gathering_id) == before


def test_on_a_server_that_has_the_gathering_the_newer_change_wins_and_nothing_is_removed(
    organised, organiser, server
):
    gathering, bundle = organised["gathering"], organised["bundle"]
    server.post("/api/bundles", json=bundle)
    county = server.get(f"/api/gatherings/{gathering['id']}").get_json()
    words_url, statements_url = (activity_url(county, 0), activity_url(county, 1))
    # On the county's server: another merge, and the unaccepted theme renamed.
    server.post(f"{words_url}/merges", json={"word": "Upåklagelig", "into": "Jippi"})
    kept = [t for t in server.get(f"{statements_url}/themes").get_json() if t["id"]]
    server.patch(f"{statements_url}/themes/{kept[1]['id']}", json={"title": "Rollen, omdøpt"})
    # On the laptop, later: "Glad" now counts as "Jippi", and the word list is switched off.
    laptop_words = activity_url(gathering, 0)
    organiser.post(f"{laptop_words}/merges", json={"word": "Glad", "into": "Jippi"})
    organiser.client.put(
        f"/api/gatherings/{gathering['id']}/moderation",
        json={"enabled": False, "words": ["tull"]},
        headers=organiser.headers,
    )
    newer = organiser.get(f"/api/gatherings/{gathering['id']}/bundle").get_json()

    assert server.post("/api/bundles", json=newer).status_code == 200
    state = organised_state(server, gathering["id"])
    assert {(m["word"], m["into"]) for m in state["word_merges"]} == {
        ("Glad", "Jippi"),
        ("Upåklagelig", "Jippi"),
    }
    assert state["word_list"] == {"enabled": False, "words": ["tull"], "default": False}
    assert [t["title"] for t in state["themes"]] == ["Samordning og roller", "Rollen, omdøpt"]


def resealed(bundle, spoil):
    """A copy of the bundle with `spoil` applied to its content and a checksum that fits."""
    from app.bundles import checksum

    broken = copy.deepcopy(bundle)
    spoil(broken["content"])
    broken["checksum"] = checksum(broken["content"])
    return broken


def _set(section, index, key, value):
    def spoil(content):
        content[section][index][key] = value

    return spoil


def _moderation(**changes):
    def spoil(content):
        content["moderation"].update(changes)

    return spoil


@pytest.mark.parametrize(
    "spoil,detail",
    [
        (_set("word_merges", 0, "activity_uid", "nope"), "ukjent words-aktivitet"),
        (_set("word_merges", 0, "into", "glad"), "slås sammen med seg selv"),
        (_set("word_merges", 0, "word", None), "word må være et ord"),
        (_set("word_merges", 0, "created_at", 7), "ordsammenslåing mangler tidspunkt"),
        (_moderation(words="tull"), "ordlista for moderering må være en liste"),
        (_moderation(enabled="ja"), "modereringen mangler enabled"),
        (_moderation(words=[3]), "hvert ord må være tekst"),
        (_set("themes", 0, "entries", ["ukjent"]), "ikke hører til aktiviteten"),
        (_set("themes", 0, "entries", []), "et tema mangler innspill"),
        (_set("themes", 0, "accepted", "ja"), "et tema mangler accepted"),
        (_set("themes", 0, "title", "  "), "et tema trenger en tittel"),
        (_set("themes", 1, "uid", None), "et tema mangler uid"),
    ],
)
def test_a_damaged_merge_moderation_or_theme_section_is_refused_and_nothing_is_written(
    organised, server, spoil, detail
):
    response = server.post("/api/bundles", json=resealed(organised["bundle"], spoil))
    assert response.status_code == 400
    answer = response.get_json()
    assert answer["error"] == "invalid_bundle" and detail in answer["message"]
    assert server.get("/api/gatherings").get_json() == []


def test_a_damaged_section_leaves_a_gathering_already_here_as_it_was(organised, server):
    gathering_id = organised["gathering"]["id"]
    server.post("/api/bundles", json=organised["bundle"])
    before = organised_state(server, gathering_id)

    def spoil(content):
        content["word_merges"].append({**content["word_merges"][0], "word": "Jippi"})
        content["themes"][1]["entries"].append("ukjent")

    response = server.post("/api/bundles", json=resealed(organised["bundle"], spoil))
    assert response.status_code == 400
    assert organised_state(server, gathering_id) == before


def test_a_bundle_written_before_merges_moderation_and_themes_travelled_still_imports(
    laptop, organiser, server
):
    old = copy.deepcopy(laptop["bundle"])
    for key in ("word_merges", "moderation", "themes"):
        del old["content"][key]
    old = resealed({**old, "schema_version": 1}, lambda content: None)
    gathering_id = laptop["gathering"]["id"]
    assert server.post("/api/bundles", json=old).status_code == 201
    state = organised_state(server, gathering_id)
    assert state["minutes"] == organised_state(organiser, gathering_id)["minutes"]
    assert state["word_list"]["default"] is True and state["bundled_moderation"] is None
    assert (state["word_merges"], state["themes"]) == ([], [])


def test_themes_kept_before_themes_had_uids_get_one_and_travel(tmp_path, monkeypatch):
    from app import store
    from app.store import Store

    path = tmp_path / "samla.db"
    names = [migration.name for migration in store.schema.MIGRATIONS]
    monkeypatch.setattr(
        store.schema, "MIGRATIONS", store.schema.MIGRATIONS[: names.index("theme_uids")]
    )
    older = Store(path)
    with older.write() as db:
        gathering_id = store.gatherings.insert_gathering(
            db,
            {
                "code": "123456",
                "title": "T",
                "date": None,
                "place": None,
                "organiser": None,
                "language": "nb",
                "definition": {"title": "T"},
                "screen_token": "s",
                "created_at": "t",
            },
            [{"number": 1, "label": "Bord 1"}],
            [{"kind": "statements", "prompt": "?", "options": {}}],
        )
        (activity,) = store.activities.list_activities(db, gathering_id)
        for title in ("Én", "To"):  # a theme as the previous schema stored it, without uid
            db.conn.execute(
                "INSERT INTO themes (activity_id, title, created_at, updated_at)"
                " VALUES (?, ?, 't', 't')",
                (activity["id"], title),
            )
    older.close()
    monkeypatch.undo()
    current = Store(path)
    with current.read() as db:
        uids = [store.words.get_theme(db, n)["uid"] for n in (1, 2)]
    current.close()
    assert all(len(uid) == 32 for uid in uids) and uids[0] != uids[1]
