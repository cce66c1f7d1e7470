"""The facilitator merges words on the console: the cloud, projector and exports follow,
the stored entries never change, and a merge can be undone."""

import pytest

from conftest import received, simple_definition


def submit(client, token, activity, text, client_id):
    response = client.post(
        "/api/submissions",
        headers={"Authorization": f"Bearer {token}"},
        json={"activity_id": activity["id"], "text": text, "client_id": client_id},
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


@pytest.fixture
def cloud(organiser, client, join):
    """A words activity with Jippi, Juhuu twice and God, open."""
    gathering = organiser.create(simple_definition())
    words = gathering["activities"][0]
    organiser.open(gathering, words)
    for n, text in enumerate(["Jippi", "Juhuu", "juhuu!", "God"]):
        submit(client, join(gathering, n % 3 + 1), words, text, f"c{n}")
    return gathering, words


def url(gathering, activity):
    return f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/merges"


def test_a_merge_shows_at_once_on_the_projector(organiser, screen, cloud):
    gathering, words = cloud
    projector = screen(gathering)
    received(projector, "state")
    answer = organiser.post(url(gathering, words), json={"word": "Juhuu", "into": "Jippi"})
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["merges"] == [{"word": "Juhuu", "into": "Jippi"}]
    assert answer.get_json()["frequencies"][0] == {"word": "Jippi", "count": 3}
    update = received(projector, "activity_update")[-1]
    assert update["frequencies"] == [{"word": "Jippi", "count": 3}, {"word": "God", "count": 1}]


def test_a_merge_reaches_the_json_export_and_the_minutes(organiser, cloud):
    gathering, words = cloud
    organiser.post(url(gathering, words), json={"word": "Juhuu", "into": "Jippi"})
    exported = organiser.get(f"/api/gatherings/{gathering['id']}/export.json").get_json()
    assert exported["activities"][0]["frequencies"][0] == {"word": "Jippi", "count": 3}
    minutes = organiser.get(f"/api/gatherings/{gathering['id']}/minutes").get_json()
    assert minutes["items"][0]["blocks"][0]["frequencies"][0] == {"word": "Jippi", "count": 3}
    markdown = organiser.get(f"/api/gatherings/{gathering['id']}/export.md")
    assert "| Jippi | 3 |" in markdown.get_data(as_text=True)


def test_merging_never_changes_the_stored_entries(organiser, cloud):
    gathering, words = cloud
    organiser.post(url(gathering, words), json={"word": "Juhuu", "into": "Jippi"})
    results = organiser.get(
        f"/api/gatherings/{gathering['id']}/activities/{words['id']}/results"
    ).get_json()
    assert [e["text"] for e in results["entries"]] == ["Jippi", "Juhuu", "juhuu!", "God"]


def test_undo_brings_the_word_back(organiser, screen, cloud):
    gathering, words = cloud
    organiser.post(url(gathering, words), json={"word": "Juhuu", "into": "Jippi"})
    projector = screen(gathering)
    received(projector, "state")
    answer = organiser.client.delete(
        url(gathering, words), headers=organiser.headers, json={"word": "Juhuu"}
    )
    assert answer.status_code == 200
    assert answer.get_json()["merges"] == []
    assert received(projector, "activity_update")[-1]["frequencies"][0] == {
        "word": "Juhuu",
        "count": 2,
    }
    again = organiser.client.delete(
        url(gathering, words), headers=organiser.headers, json={"word": "Juhuu"}
    )
    assert again.status_code == 404 and again.get_json()["error"] == "not_found"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"word": "a"},
        {"word": "God", "into": "god!"},
        {"word": "", "into": "x"},
        {"word": 3, "into": "x"},
        [],
    ],
)
def test_bad_merges_get_clear_errors(organiser, cloud, body):
    gathering, words = cloud
    answer = organiser.post(url(gathering, words), json=body)
    assert answer.status_code == 400
    assert answer.get_json()["error"] == "bad_request" and answer.get_json()["message"]


def test_only_words_activities_have_merges(organiser, cloud):
    gathering, _ = cloud
    statements = gathering["activities"][1]
    answer = organiser.post(url(gathering, statements), json={"word": "a", "into": "b"})
    assert answer.status_code == 400


def test_stemming_is_an_option_of_a_words_activity(organiser, client, join):
    gathering = organiser.create(
        simple_definition(activities=[{"kind": "words", "prompt": "Stemning?", "stemming": True}])
    )
    words = gathering["activities"][0]
    assert words["options"]["stemming"] is True
    organiser.open(gathering, words)
    for n, text in enumerate(["Tillitsfulle?", "Tillitsfull", "tillitsfull", "Tillitsfull!"]):
        submit(client, join(gathering), words, text, f"s{n}")
    frequencies = organiser.get(url(gathering, words)).get_json()["frequencies"]
    assert frequencies == [{"word": "Tillitsfull", "count": 4}]


def test_stemming_must_be_true_or_false(organiser):
    answer = organiser.post(
        "/api/gatherings",
        json=simple_definition(
            activities=[{"kind": "words", "prompt": "Stemning?", "stemming": "ja"}]
        ),
    )
    assert answer.status_code == 400
    assert answer.get_json()["error"] == "invalid_definition"


def words_url(gathering, activity):
    return f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/words"


def hidden_by_id(organiser, gathering, activity):
    """Each entry's hidden flag as the console's results give it."""
    results = organiser.get(
        f"/api/gatherings/{gathering['id']}/activities/{activity['id']}/results"
    ).get_json()
    return {e["id"]: e["hidden"] for e in results["entries"]}


def counts(frequencies):
    return {f["word"].casefold(): f["count"] for f in frequencies}


def test_hiding_a_word_hides_every_entry_of_it_and_those_sent_later(
    organiser, client, join, screen, cloud
):
    gathering, words = cloud
    projector = screen(gathering)
    received(projector, "state")
    answer = organiser.patch(words_url(gathering, words), json={"word": "juhuu", "hidden": True})
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    assert len(body["hidden_entries"]) == 2 and body["hidden_words"] == ["juhuu"]
    assert [f["word"] for f in body["frequencies"]] == ["Jippi", "God"]
    update = received(projector, "activity_update")[-1]
    assert sorted(e["id"] for e in update["entries"] if e["hidden"]) == body["hidden_entries"]
    later = submit(client, join(gathering), words, "JUHUU", "later")
    frequencies = organiser.get(url(gathering, words)).get_json()["frequencies"]
    assert "Juhuu" not in [f["word"] for f in frequencies]
    shown = organiser.patch(f"/api/entries/{later['id']}", json={"hidden": False})
    assert shown.get_json()["hidden"] is False


def test_hiding_a_word_follows_the_merges(organiser, cloud):
    gathering, words = cloud
    organiser.post(url(gathering, words), json={"word": "Juhuu", "into": "Jippi"})
    answer = organiser.patch(words_url(gathering, words), json={"word": "Jippi", "hidden": True})
    assert len(answer.get_json()["hidden_entries"]) == 3


def test_the_merges_route_lists_the_hidden_words(organiser, cloud):
    gathering, words = cloud
    organiser.patch(words_url(gathering, words), json={"word": "juhuu", "hidden": True})
    assert organiser.get(url(gathering, words)).get_json()["hidden_words"] == ["juhuu"]
    organiser.patch(words_url(gathering, words), json={"word": "juhuu", "hidden": False})
    assert organiser.get(url(gathering, words)).get_json()["hidden_words"] == []


def test_a_word_shown_again_lets_later_entries_of_it_show(organiser, client, join, cloud):
    gathering, words = cloud
    organiser.patch(words_url(gathering, words), json={"word": "God", "hidden": True})
    answer = organiser.patch(words_url(gathering, words), json={"word": "God", "hidden": False})
    assert answer.get_json()["hidden_words"] == []
    later = submit(client, join(gathering), words, "god", "again")
    frequencies = organiser.get(url(gathering, words)).get_json()["frequencies"]
    assert {"word": "God", "count": 2} in frequencies
    assert hidden_by_id(organiser, gathering, words)[later["id"]] is False


def test_showing_a_word_again_brings_back_what_it_hid_but_not_an_entry_hidden_by_hand(
    organiser, client, join, screen, cloud
):
    gathering, words = cloud
    hidden = organiser.patch(words_url(gathering, words), json={"word": "juhuu", "hidden": True})
    assert hidden.get_json()["shown_entries"] == []
    by_hand, other = hidden.get_json()["hidden_entries"]
    organiser.patch(f"/api/entries/{by_hand}", json={"hidden": True})
    later = submit(client, join(gathering), words, "JUHUU", "later")  # hidden on arrival
    projector = screen(gathering)
    received(projector, "state")
    answer = organiser.patch(words_url(gathering, words), json={"word": "juhuu", "hidden": False})
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    assert (body["shown_entries"], body["hidden_entries"]) == ([other, later["id"]], [])
    assert counts(body["frequencies"])["juhuu"] == 2
    update = received(projector, "activity_update")[-1]
    assert {e["id"]: e["hidden"] for e in update["entries"]} == {other: False, later["id"]: False}
    assert counts(update["frequencies"])["juhuu"] == 2
    assert hidden_by_id(organiser, gathering, words)[by_hand] is True


def test_an_entry_the_word_hid_and_shown_by_hand_is_not_shown_twice(organiser, cloud):
    gathering, words = cloud
    hidden = organiser.patch(words_url(gathering, words), json={"word": "juhuu", "hidden": True})
    first, second = hidden.get_json()["hidden_entries"]
    organiser.patch(f"/api/entries/{first}", json={"hidden": False})
    organiser.patch(f"/api/entries/{first}", json={"hidden": True})
    answer = organiser.patch(words_url(gathering, words), json={"word": "juhuu", "hidden": False})
    assert answer.get_json()["shown_entries"] == [second]


def test_showing_a_word_again_brings_back_the_words_merged_into_it(organiser, cloud):
    gathering, words = cloud
    organiser.post(url(gathering, words), json={"word": "Juhuu", "into": "Jippi"})
    hidden = organiser.patch(words_url(gathering, words), json={"word": "Jippi", "hidden": True})
    answer = organiser.patch(words_url(gathering, words), json={"word": "Jippi", "hidden": False})
    assert answer.get_json()["shown_entries"] == hidden.get_json()["hidden_entries"]
    assert answer.get_json()["frequencies"][0] == {"word": "Jippi", "count": 3}


@pytest.mark.parametrize(
    "body", [{}, {"word": "God"}, {"word": "God", "hidden": "ja"}, {"word": "", "hidden": True}]
)
def test_hiding_a_word_needs_a_word_and_true_or_false(organiser, cloud, body):
    gathering, words = cloud
    assert organiser.patch(words_url(gathering, words), json=body).status_code == 400


def test_only_a_cloud_has_words_to_hide(organiser, cloud):
    gathering, _ = cloud
    statements = gathering["activities"][1]
    answer = organiser.patch(words_url(gathering, statements), json={"word": "x", "hidden": True})
    assert answer.status_code == 400


def words(*texts):
    return [{"word": text, "count": len(texts) - n} for n, text in enumerate(texts)]


def test_other_forms_of_a_word_are_suggested_into_the_most_frequent_one():
    from app.merges import suggestions

    assert suggestions(words("god", "samarbeid", "gode", "godt", "samarbeidet")) == [
        {"word": "gode", "into": "god", "reason": "stem"},
        {"word": "godt", "into": "god", "reason": "stem"},
        {"word": "samarbeidet", "into": "samarbeid", "reason": "stem"},
    ]


def test_a_typo_in_a_longer_word_is_suggested_but_short_words_stay_apart():
    from app.merges import suggestions

    assert suggestions(words("kollega", "kolega", "bra", "bar", "glad", "gal")) == [
        {"word": "kolega", "into": "kollega", "reason": "spelling"}
    ]
    assert suggestions(words("spent", "trøtt", "glede")) == []
    assert suggestions(None) == []


def test_the_merges_route_suggests_and_accepting_is_an_ordinary_merge(organiser, client, join):
    gathering = organiser.create(simple_definition())
    cloud = gathering["activities"][0]
    organiser.open(gathering, cloud)
    for n, text in enumerate(["God", "god", "Gode", "godt", "Samarbeid", "samarbeidet"]):
        submit(client, join(gathering), cloud, text, f"c{n}")
    listed = organiser.get(url(gathering, cloud)).get_json()
    assert listed["suggestions"] == [
        {"word": "Gode", "into": "God", "reason": "stem"},
        {"word": "godt", "into": "God", "reason": "stem"},
        {"word": "samarbeidet", "into": "Samarbeid", "reason": "stem"},
    ]
    first = listed["suggestions"][0]
    merged = organiser.post(
        url(gathering, cloud), json={"word": first["word"], "into": first["into"]}
    )
    assert merged.status_code == 200
    after = organiser.get(url(gathering, cloud)).get_json()
    assert first not in after["suggestions"] and len(after["suggestions"]) == 2
