"""Group tasks: each table's points under each question, edited live, never silently overwritten."""

import pytest

from conftest import received

TASK = {
    "title": "Gruppearbeid",
    "tables": [
        {"number": 1, "label": "Fylke"},
        {"number": 2, "label": "Kommune A"},
        {"number": 3, "label": "Kommune B"},
    ],
    "activities": [
        {
            "kind": "task",
            "title": "PÅ FYLKESNIVÅ",
            "prompt": "Hvordan skal vi samarbeide?",
            "tables": [1],
            "questions": [{"title": "Mellom kommuner?"}, {"title": "Internt?"}],
        },
        {
            "kind": "task",
            "title": "PÅ KOMMUNENIVÅ",
            "prompt": "Kommunens plan",
            "tables": [2, 3],
            "questions": [{"id": "mal", "title": "Mål"}, {"id": "finans", "title": "Finansiering"}],
        },
    ],
}


@pytest.fixture
def task_gathering(organiser):
    gathering = organiser.create(TASK)
    for activity in gathering["activities"]:
        organiser.open(gathering, activity)
    return gathering


def add(sio, activity, question, text, client_id):
    return sio.emit(
        "add_point",
        {
            "activity_id": activity["id"],
            "question_id": question,
            "text": text,
            "client_id": client_id,
        },
        callback=True,
    )


def edit(sio, point, text, version=None):
    return sio.emit(
        "edit_point",
        {"point_id": point["id"], "text": text, "version": version or point["version"]},
        callback=True,
    )


def test_questions_get_stable_ids(task_gathering):
    county, municipal = task_gathering["activities"]
    assert [q["id"] for q in county["options"]["questions"]] == ["q1", "q2"]
    assert [q["id"] for q in municipal["options"]["questions"]] == ["mal", "finans"]


def test_a_table_adds_points_and_its_other_phones_see_them(task_gathering, phone):
    municipal = task_gathering["activities"][1]
    first, second = phone(task_gathering, 2), phone(task_gathering, 2)
    other = phone(task_gathering, 3)
    for sio in (first, second, other):
        received(sio, "state")
    ack = add(first, municipal, "mal", "Alle barn skal oppleve mestring", "p1")
    assert ack["ok"] is True and ack["duplicate"] is False
    point = ack["point"]
    assert point["question_id"] == "mal" and point["table"] == 2 and point["version"] == 1
    assert "participant_token" not in point
    update = received(second, "points_update")[-1]
    assert update["points"][0]["text"] == "Alle barn skal oppleve mestring"
    assert received(other, "points_update") == []


def test_a_tables_phones_hear_its_points_with_the_screens_update_after_the_ack(
    app, task_gathering, phone
):
    """The phone that saves a point has it from its ack; the table's phones hear every point
    changed since the last update once, as it is now, when the screens' update goes out."""
    feed = app.extensions["samla_feed"]
    feed.interval = 3600  # flushed by hand below
    municipal = task_gathering["activities"][1]
    first, second = phone(task_gathering, 2), phone(task_gathering, 2)
    other = phone(task_gathering, 3)
    for sio in (first, second, other):
        received(sio, "state")
    point = add(first, municipal, "mal", "Mål 1", "p1")["point"]
    edited = edit(first, point, "Mål 1, rettet")["point"]
    added = add(first, municipal, "finans", "Penger", "p2")["point"]
    assert received(first, "points_update") == received(second, "points_update") == []
    feed.flush()
    (update,) = received(second, "points_update")
    assert update["table"] == 2
    assert [(p["id"], p["text"], p["version"]) for p in update["points"]] == [
        (point["id"], "Mål 1, rettet", edited["version"]),
        (added["id"], "Penger", 1),
    ]
    assert received(first, "points_update") == [update]
    assert received(other, "points_update") == []


def test_adding_the_same_point_twice_stores_it_once(task_gathering, phone):
    municipal = task_gathering["activities"][1]
    sio = phone(task_gathering, 2)
    first = add(sio, municipal, "mal", "Mål 1", "same")
    again = add(sio, municipal, "mal", "Mål 1", "same")
    assert again["duplicate"] is True and again["point"]["id"] == first["point"]["id"]
    state = sio.emit("sync", callback=True)["state"]
    assert len(state["activities"][1]["table_points"]) == 1


def test_the_later_save_of_the_same_point_gets_a_conflict_with_both_texts(task_gathering, phone):
    municipal = task_gathering["activities"][1]
    anna, bjorn = phone(task_gathering, 2), phone(task_gathering, 2)
    point = add(anna, municipal, "finans", "Egne midler", "p1")["point"]
    saved = edit(anna, point, "Egne midler og statlige midler")
    assert saved["ok"] is True and saved["point"]["version"] == 2
    late = edit(bjorn, point, "Søke eksterne midler")
    assert late["ok"] is False and late["error"] == "conflict"
    assert late["current"]["text"] == "Egne midler og statlige midler"
    assert late["current"]["version"] == 2
    assert late["yours"] == "Søke eksterne midler"
    chosen = edit(bjorn, point, "Søke eksterne midler", version=late["current"]["version"])
    assert chosen["ok"] is True and chosen["point"]["version"] == 3


def test_resending_a_save_that_landed_is_not_a_conflict(task_gathering, phone):
    municipal = task_gathering["activities"][1]
    sio = phone(task_gathering, 2)
    point = add(sio, municipal, "mal", "a", "p1")["point"]
    assert edit(sio, point, "b")["ok"] is True
    again = edit(sio, point, "b")
    assert again["ok"] is True and again["point"]["version"] == 2


def test_deleting_follows_the_same_version_rule(task_gathering, phone):
    municipal = task_gathering["activities"][1]
    anna, bjorn = phone(task_gathering, 3), phone(task_gathering, 3)
    point = add(anna, municipal, "mal", "slettes", "p1")["point"]
    edit(anna, point, "endret")
    stale = bjorn.emit("delete_point", {"point_id": point["id"], "version": 1}, callback=True)
    assert stale["error"] == "conflict" and stale["yours"] is None
    gone = bjorn.emit("delete_point", {"point_id": point["id"], "version": 2}, callback=True)
    assert gone["ok"] is True and gone["point"]["deleted"] is True
    assert bjorn.emit("sync", callback=True)["state"]["activities"][1]["table_points"] == []


def test_a_task_for_other_tables_refuses_and_says_so(task_gathering, phone):
    county, municipal = task_gathering["activities"]
    sio = phone(task_gathering, 2)
    state = received(sio, "state")[0]
    assert [a["for_my_table"] for a in state["activities"]] == [False, True]
    ack = add(sio, county, "q1", "nei", "x")
    assert ack["ok"] is False and ack["error"] == "not_your_table"


def test_another_tables_point_cannot_be_edited(task_gathering, phone):
    municipal = task_gathering["activities"][1]
    point = add(phone(task_gathering, 2), municipal, "mal", "vårt", "p1")["point"]
    ack = edit(phone(task_gathering, 3), point, "deres")
    assert ack["ok"] is False and ack["error"] == "not_your_table"


@pytest.mark.parametrize(
    "payload,error",
    [
        ({"question_id": "nope", "text": "x", "client_id": "1"}, "bad_request"),
        ({"question_id": "mal", "text": "", "client_id": "1"}, "empty_text"),
        ({"question_id": "mal", "text": "x" * 2001, "client_id": "1"}, "text_too_long"),
        ({"question_id": "mal", "text": "x"}, "bad_request"),
    ],
)
def test_bad_points_are_refused(task_gathering, phone, payload, error):
    municipal = task_gathering["activities"][1]
    ack = phone(task_gathering, 2).emit(
        "add_point", {"activity_id": municipal["id"], **payload}, callback=True
    )
    assert ack["ok"] is False and ack["error"] == error


def test_a_closed_task_takes_no_points(task_gathering, organiser, phone):
    municipal = task_gathering["activities"][1]
    organiser.close(task_gathering, municipal)
    ack = add(phone(task_gathering, 2), municipal, "mal", "for sent", "1")
    assert ack["error"] == "activity_closed"


def test_screens_see_points_and_the_results_route_groups_them(
    task_gathering, organiser, phone, screen
):
    municipal = task_gathering["activities"][1]
    projector = screen(task_gathering)
    received(projector, "state")
    add(phone(task_gathering, 2), municipal, "mal", "Mål fra bord 2", "1")
    add(phone(task_gathering, 3), municipal, "finans", "Penger fra bord 3", "1")
    updates = [
        u for u in received(projector, "activity_update") if u["activity_id"] == municipal["id"]
    ]
    assert sorted(p["text"] for u in updates for p in u["points"]) == [
        "Mål fra bord 2",
        "Penger fra bord 3",
    ]
    assert updates[-1]["count"] == 2
    url = f"/api/gatherings/{task_gathering['id']}/activities/{municipal['id']}/results"
    answers = organiser.get(url).get_json()["answers"]
    assert answers == {"2": {"mal": ["Mål fra bord 2"]}, "3": {"finans": ["Penger fra bord 3"]}}


def test_a_point_the_word_list_holds_says_so_and_never_reaches_the_projector(
    task_gathering, organiser, phone, screen
):
    municipal = task_gathering["activities"][1]
    projector = screen(task_gathering)
    received(projector, "state")
    held = add(phone(task_gathering, 2), municipal, "mal", "Drittkjedelig plan", "1")
    shown = add(phone(task_gathering, 3), municipal, "mal", "Felles plan", "1")
    assert held["ok"] is True and held["held"] is True and shown["held"] is False
    on_screen = [p for u in received(projector, "activity_update") for p in u.get("points", [])]
    assert "Drittkjedelig plan" not in [p.get("text") for p in on_screen]
    assert "Felles plan" in [p.get("text") for p in on_screen]
    url = f"/api/gatherings/{task_gathering['id']}/activities/{municipal['id']}/results"
    assert organiser.get(url).get_json()["answers"] == {"3": {"mal": ["Felles plan"]}}
    approved = organiser.patch(f"/api/points/{held['point']['id']}", json={"held": False})
    assert approved.status_code == 200 and approved.get_json()["held"] is False
    assert "Drittkjedelig plan" in [
        p.get("text") for u in received(projector, "activity_update") for p in u["points"]
    ]


def test_an_edit_that_the_word_list_holds_holds_the_point_again(task_gathering, phone):
    municipal = task_gathering["activities"][1]
    sio = phone(task_gathering, 2)
    point = add(sio, municipal, "mal", "Felles plan", "1")["point"]
    saved = edit(sio, point, "Faen heller")
    assert saved["ok"] is True and saved["held"] is True


def test_the_facilitator_hides_a_point_and_the_projector_drops_it(
    task_gathering, organiser, phone, screen
):
    municipal = task_gathering["activities"][1]
    point = add(phone(task_gathering, 2), municipal, "mal", "Usaklig", "1")["point"]
    projector = screen(task_gathering)
    received(projector, "state")
    hidden = organiser.patch(f"/api/points/{point['id']}", json={"hidden": True})
    assert hidden.status_code == 200 and hidden.get_json()["hidden"] is True
    update = received(projector, "activity_update")[-1]
    assert update["points"] == [
        {
            "id": point["id"],
            "activity_id": municipal["id"],
            "question_id": "mal",
            "table": 2,
            "deleted": True,
        }
    ]
    state = projector.emit("sync", callback=True)["state"]
    texts = [p.get("text") for a in state["activities"] for p in a.get("points", [])]
    assert "Usaklig" not in texts


@pytest.mark.parametrize("body", [{}, {"hidden": "ja"}, {"held": 1}, []])
def test_moderating_a_point_takes_flags_that_are_true_or_false(
    task_gathering, organiser, phone, body
):
    municipal = task_gathering["activities"][1]
    point = add(phone(task_gathering, 2), municipal, "mal", "Plan", "1")["point"]
    assert organiser.patch(f"/api/points/{point['id']}", json=body).status_code == 400


def test_moderating_a_point_is_for_the_organiser_only(task_gathering, client, phone):
    municipal = task_gathering["activities"][1]
    point = add(phone(task_gathering, 2), municipal, "mal", "Plan", "1")["point"]
    assert client.patch(f"/api/points/{point['id']}", json={"hidden": True}).status_code == 401
    assert client.patch("/api/points/999999", json={"hidden": True}).status_code == 401
