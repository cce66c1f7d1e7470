"""The phone page in WebKit, the engine of every iPhone browser, against the real server."""

import pytest
from browser.screens import SHOTS, eventually, make_gathering
from harness import Server

from webkit.pages import ENTER, PHONE, WAIT, phone_at, projector, submit

pytestmark = pytest.mark.webkit


def send_button(phone, kind):
    return phone.find(f".task--{kind} form button[type=submit]")


def test_a_phone_joins_by_a_tables_qr_address_and_sends_a_mood_word(screens, gathering):
    words = gathering.open("words")
    phone = phone_at(screens, gathering, 2)
    phone.text_of("#head-table", "Bord 2")
    assert phone.driver.current_url.endswith(f"/j/{gathering.code}/2")
    box = phone.find(f"#answer-{words}")
    box.send_keys("Spent")
    box.send_keys(ENTER)  # the keyboard's send key
    phone.text_of(".task__status", "Sendt ✓")
    phone.find(".chips .chip", text="Spent")
    assert [e["text"] for e in gathering.entries("words")] == ["Spent"]
    phone.shot(SHOTS / "webkit-phone.png")


def test_a_statement_with_norwegian_letters_reaches_the_tables_list(screens, gathering):
    statements = gathering.open("statements")
    phone = phone_at(screens, gathering, 1)
    phone.text_of(".task__note", "5 av 5 utsagn igjen for bordet")
    phone.find(f"#answer-{statements}").send_keys("Vi trenger tid til å møtes på tvers")
    send_button(phone, "statements").click()
    phone.find(".statements .is-mine", text="Vi trenger tid til å møtes på tvers")
    phone.text_of(".task__note", "4 av 5 utsagn igjen for bordet")
    texts = lambda: [e["text"] for e in gathering.entries("statements")]  # noqa: E731
    eventually(lambda: texts() == ["Vi trenger tid til å møtes på tvers"], timeout=WAIT)


def test_a_group_task_point_is_added_to_the_tables_list(screens, gathering):
    gathering.open("task")
    phone = phone_at(screens, gathering, 3)
    block = phone.find(".qblock")
    block.find_element("css selector", "textarea").send_keys("Kartlegge behov")
    block.find_element("css selector", "form button[type=submit]").click()
    phone.find(".qblock .point", text="Kartlegge behov")
    phone.text_of(".qblock .qblock__head .qblock__count", "1 punkt")


def test_a_dots_ballot_is_cast_and_counted(screens, gathering):
    priorities = gathering.open("priorities")
    phone = phone_at(screens, gathering, 1)
    phone.text_of(".task--priorities .task__note", "3 prikker igjen")
    for item in ("Tid til samarbeid", "Tid til samarbeid", "Felles mål"):
        phone.find(f'button[aria-label="Én prikk til på «{item}»"]').click()
    phone.text_of(".task--priorities .task__note", "0 prikker igjen")
    phone.wait(lambda screen: len(screen.all(".prio .is-chosen")) == 2, "two items chosen")
    phone.find(".task--priorities > .task__body > .btn--primary").click()
    phone.find(".prio__saved", text="Stemmen din er lagret")
    path = f"/api/gatherings/{gathering.id}/activities/{priorities}/results"
    results = gathering.server.api("GET", path).json()["results"]
    assert results["ballots"] == 1
    scores = {row["text"]: row["score"] for row in results["overall"]}
    assert (scores["Tid til samarbeid"], scores["Felles mål"]) == (2, 1)


def test_a_question_is_asked_and_listed(screens, gathering):
    questions = gathering.open("questions")
    phone = phone_at(screens, gathering, 2)
    phone.find(f"#answer-{questions}").send_keys("Hvordan når vi de minste kommunene?")
    send_button(phone, "questions").click()
    phone.find(".qa .qa__item", text="Hvordan når vi de minste kommunene?")
    texts = lambda: [e["text"] for e in gathering.entries("questions")]  # noqa: E731
    eventually(lambda: texts() == ["Hvordan når vi de minste kommunene?"], timeout=WAIT)


def test_a_phone_without_a_table_picks_one_from_the_big_buttons(screens, gathering):
    gathering.open("words")
    phone = screens(*PHONE)
    phone.go(f"{gathering.server.url}/j/{gathering.code}")
    phone.find("#table-buttons button", text="Bord 3").click()
    phone.text_of("#head-table", "Bord 3")
    phone.wait(
        lambda screen: screen.driver.current_url.endswith(f"/j/{gathering.code}/3"),
        "the address did not name table 3",
    )


def test_a_reloaded_phone_is_the_same_participant_with_its_word(screens, gathering):
    """The participant is kept in WebKit's localStorage: a reload joins no one new."""
    words = gathering.open("words")
    phone = phone_at(screens, gathering, 1)
    box = phone.find(f"#answer-{words}")
    box.send_keys("Rolig")
    box.send_keys(ENTER)
    phone.find(".chips .chip", text="Rolig")
    phone.driver.refresh()
    phone.find(".chips .chip .tag--ok")
    phone.find(".chips .chip", text="Rolig")
    phone.text_of(".task--words .task__note", "Du kan sende 2 ord til")


def test_a_word_sent_while_the_server_is_down_arrives_after_the_restart(screens, tmp_path):
    """The outbox in WebKit: kept while the server is gone, sent once when it is back."""
    own = Server(tmp_path / "data", mode="eventlet")
    own.start()
    try:
        gathering = make_gathering(own)
        words = gathering.open("words")
        phone = phone_at(screens, gathering, 3)
        box = phone.find(f"#answer-{words}")
        own.kill()
        phone.find("#connection")
        box.send_keys("Strømbrudd")
        box.send_keys(ENTER)
        phone.find(".chips .is-pending", text="Venter på nett")
        own.start()
        phone.find(".chips .tag--ok")
        phone.gone(".chips .is-pending")
        eventually(lambda: len(gathering.entries("words")) == 1, timeout=WAIT)
        assert [e["text"] for e in gathering.entries("words")] == ["Strømbrudd"]
    finally:
        own.stop()


def test_a_withdrawn_statement_returns_to_the_field_and_leaves_the_wall(screens, server):
    """Two tablemates (over HTTP) and this phone use the table's three statements; this phone
    takes its own back: the table has a place again and the projector drops it."""
    gathering = make_gathering(
        server,
        {
            "title": "Tre utsagn",
            "tables": 2,
            "activities": [{"kind": "statements", "prompt": "Tre utsagn pr bord", "per_table": 3}],
        },
    )
    statements = gathering.open("statements")
    screen = projector(screens, gathering)
    phone = phone_at(screens, gathering, 1)
    submit(gathering, "statements", 1, "Felles mål for nettverket")
    submit(gathering, "statements", 1, "Tid til å møtes på tvers")
    phone.find(f"#answer-{statements}").send_keys("Skrivefeil i utsgnet")
    send_button(phone, "statements").click()
    phone.text_of(".task__done", "Bordet har brukt alle utsagnene sine")
    screen.wait(lambda s: len(s.all(".group__entry")) == 3, "three statements on the wall")

    phone.find(".statements .is-mine .withdraw").click()
    box = phone.find(f"#answer-{statements}")
    phone.wait(lambda _: box.get_attribute("value") == "Skrivefeil i utsgnet", "text back in field")
    phone.text_of(".task__note", "1 av 3 utsagn igjen for bordet")
    phone.gone(".statements .is-mine")
    screen.wait(lambda s: len(s.all(".group__entry")) == 2, "the wall drops the statement")
    assert all("Skrivefeil" not in entry.text for entry in screen.all(".group__entry"))
