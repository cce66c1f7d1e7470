"""Phone, projector and console together in Chromium, against the real server."""

import re

from playwright.sync_api import expect

from browser.screens import (
    PHONE,
    console,
    eventually,
    make_gathering,
    phone_at,
    projector,
    shoot,
)


def answer_box(page, activity_id):
    return page.locator(f"#answer-{activity_id}")


def test_a_word_from_a_phone_reaches_the_cloud_and_the_console_can_hide_it(
    contexts, server, gathering
):
    screen = projector(contexts, gathering)
    words = gathering.open("words")
    expect(screen.locator("#view-words")).to_be_visible()
    expect(screen.locator("#words-count")).to_have_text("0 svar så langt")

    phone = phone_at(contexts, gathering, 2)
    expect(phone.locator("#head-table")).to_have_text("Bord 2")
    expect(phone).to_have_url(re.compile(rf"/j/{gathering.code}/2$"))
    answer_box(phone, words).fill("Spent")
    answer_box(phone, words).press("Enter")  # the keyboard's send key
    expect(phone.locator(".task__status")).to_have_text("Sendt ✓")
    expect(phone.locator(".chips")).to_contain_text("Spent")
    shoot(phone, "phone-words")

    expect(screen.locator("#cloud text", has_text="Spent")).to_be_visible()
    expect(screen.locator("#words-count")).to_have_text("1 svar så langt")
    shoot(screen, "projector-words")

    desk = console(contexts, server, gathering)
    entry = desk.locator("#entries li", has_text="Spent")
    shoot(desk, "console-words")
    entry.get_by_role("button", name="Skjul").click()
    expect(entry).to_contain_text("skjult")
    expect(screen.locator("#cloud text", has_text="Spent")).to_have_count(0)
    expect(screen.locator("#words-count")).to_have_text("0 svar så langt")


def test_a_word_sent_offline_arrives_once_when_the_network_returns(contexts, gathering):
    words = gathering.open("words")
    phone = phone_at(contexts, gathering, 1)
    phone.context.set_offline(True)
    answer_box(phone, words).fill("Frakoblet")
    answer_box(phone, words).press("Enter")
    expect(phone.locator(".chips .is-pending")).to_contain_text("Venter på nett")
    phone.context.set_offline(False)
    expect(phone.locator(".chips .tag--ok")).to_have_count(1)
    expect(phone.locator(".chips .is-pending")).to_have_count(0)
    eventually(lambda: len(gathering.entries("words")) == 1)
    phone.wait_for_timeout(3500)  # one resend period: nothing is sent twice
    assert [e["text"] for e in gathering.entries("words")] == ["Frakoblet"]


def test_a_word_sent_offline_then_reloaded_at_once_arrives_once(contexts, gathering):
    words = gathering.open("words")
    phone = phone_at(contexts, gathering, 1)
    phone.context.set_offline(True)
    answer_box(phone, words).fill("Straks")
    answer_box(phone, words).press("Enter")
    expect(phone.locator(".chips .is-pending")).to_have_count(1)
    phone.context.set_offline(False)
    phone.reload()
    expect(phone.locator(".chips .tag--ok")).to_have_count(1)
    eventually(lambda: len(gathering.entries("words")) == 1)
    phone.wait_for_timeout(3500)
    assert [e["text"] for e in gathering.entries("words")] == ["Straks"]


def test_a_word_sent_while_the_server_is_down_arrives_once_after_the_restart(contexts, tmp_path):
    """Chromium's offline mode keeps an open WebSocket; only a real outage proves the outbox."""
    from harness import Server

    own = Server(tmp_path / "data", mode="eventlet")
    own.start()
    try:
        gathering = make_gathering(own)
        words = gathering.open("words")
        phone = phone_at(contexts, gathering, 3)
        expect(answer_box(phone, words)).to_be_visible()
        own.kill()
        expect(phone.locator("#connection")).to_be_visible()
        answer_box(phone, words).fill("Strømbrudd")
        answer_box(phone, words).press("Enter")
        expect(phone.locator(".chips .is-pending")).to_contain_text("Venter på nett")
        shoot(phone, "phone-waiting-for-network")
        try:
            phone.reload()  # the phone sees Chromium's error page: the server is gone
        except Exception:  # noqa: BLE001 - net::ERR_CONNECTION_REFUSED is the point here
            pass
        own.start()
        phone.goto(gathering.join_url(3))  # the participant opens the link again
        expect(phone.locator(".chips .tag--ok")).to_have_count(1)
        eventually(lambda: len(gathering.entries("words")) == 1)
        phone.wait_for_timeout(3500)
        assert [e["text"] for e in gathering.entries("words")] == ["Strømbrudd"]
    finally:
        own.stop()


def test_a_tables_second_phone_sees_the_first_phones_statement(contexts, gathering):
    statements = gathering.open("statements")
    first = phone_at(contexts, gathering, 2)
    second = phone_at(contexts, gathering, 2)
    other_table = phone_at(contexts, gathering, 3)
    answer_box(first, statements).fill("Vi trenger tid til å møtes")
    first.get_by_role("button", name="Send").click()
    expect(second.locator(".statements")).to_contain_text("Vi trenger tid til å møtes")
    expect(second.locator(".task__note")).to_have_text("4 av 5 utsagn igjen for bordet")
    expect(other_table.locator(".statements")).not_to_contain_text("Vi trenger tid")
    shoot(second, "phone-statements")


def test_a_group_task_point_reaches_the_table_and_an_edit_conflict_shows_both_texts(
    contexts, gathering
):
    gathering.open("task")
    first = phone_at(contexts, gathering, 1)
    second = phone_at(contexts, gathering, 1)
    block = first.locator(".qblock").first
    block.get_by_label("Nytt punkt").fill("Kartlegge behov")
    block.get_by_role("button", name="Legg til").click()
    theirs = second.locator(".qblock").first.locator(".point", has_text="Kartlegge behov")
    expect(theirs).to_be_visible()
    shoot(second, "phone-task")

    mine = first.locator(".qblock").first.locator(".point", has_text="Kartlegge behov")
    mine.get_by_role("button", name="Endre").click()
    theirs.get_by_role("button", name="Endre").click()
    editing = first.locator(".point--edit")
    editing.get_by_label("Endre punktet").fill("Kartlegge behov i alle kommuner")
    editing.get_by_role("button", name="Lagre").click()
    expect(first.locator(".point", has_text="Kartlegge behov i alle kommuner")).to_be_visible()
    second.locator(".qblock").first.get_by_label("Endre punktet").fill("Kartlegge behov først")
    second.locator(".qblock").first.get_by_role("button", name="Lagre").click()
    conflict = second.locator(".point--conflict")
    expect(conflict).to_contain_text("Noen andre har endret dette punktet")
    expect(conflict.locator(".conflict__side").first).to_contain_text(
        "Kartlegge behov i alle kommuner"
    )
    expect(conflict.locator(".conflict__side--mine")).to_contain_text("Kartlegge behov først")
    shoot(second, "phone-task-conflict")


def test_a_ballot_from_a_phone_shows_in_the_projectors_results(contexts, gathering):
    screen = projector(contexts, gathering)
    gathering.open("priorities")
    expect(screen.locator("#view-priorities")).to_be_visible()
    phone = phone_at(contexts, gathering, 1)
    phone.get_by_role("button", name="Én prikk til på «Tid til samarbeid»").click()
    phone.get_by_role("button", name="Én prikk til på «Tid til samarbeid»").click()
    # Counts agree with their number: one dot is "prikk", not "prikker".
    expect(phone.locator(".task--priorities")).to_contain_text("1 prikk igjen")
    phone.get_by_role("button", name="Én prikk til på «Felles mål»").click()
    expect(phone.locator(".prio .is-chosen")).to_have_count(2)
    phone.locator(".task--priorities").get_by_role("button", name="Send").click()
    expect(phone.locator(".prio__saved")).to_contain_text("Stemmen din er lagret")
    shoot(phone, "phone-priorities")
    expect(screen.locator("#prio-count")).to_have_text("1 har stemt")
    first = screen.locator("#prio-overall li").first
    expect(first).to_contain_text("Tid til samarbeid")
    expect(first.locator(".prio-row__score")).to_have_text("2")
    shoot(screen, "projector-priorities")


def test_the_phone_fits_a_narrow_screen_and_shows_when_an_activity_closes(contexts, gathering):
    words = gathering.open("words")
    narrow = contexts(**{**PHONE, "viewport": {"width": 320, "height": 640}}).new_page()
    narrow.goto(gathering.join_url(1))
    expect(answer_box(narrow, words)).to_be_visible()
    assert narrow.evaluate("document.scrollingElement.scrollWidth") <= 320
    gathering.server.api(
        "POST", f"/api/gatherings/{gathering.id}/activities/{words}/state", json={"state": "closed"}
    )
    expect(narrow.locator("#waiting")).to_be_visible()
    expect(narrow.locator("#waiting")).to_contain_text("ordstyreren åpner neste aktivitet")
    assert narrow.evaluate("document.scrollingElement.scrollWidth") <= 320


def test_a_vote_that_opens_while_the_phone_waits_arrives_with_its_items(contexts, gathering):
    phone = phone_at(contexts, gathering, 1)
    expect(phone.locator("#waiting")).to_be_visible()
    # The waiting phone's state named the vote without its items: they come when it opens.
    gathering.open("priorities")
    phone.get_by_role("button", name="Én prikk til på «Felles mål»").click()
    expect(phone.locator(".prio .is-chosen")).to_have_count(1)
    expect(phone.locator(".prio__item")).to_have_count(3)


def test_an_upvote_reaches_the_other_phones_as_the_questions_new_count(contexts, gathering):
    gathering.open("questions")
    asker, voter = phone_at(contexts, gathering, 1), phone_at(contexts, gathering, 2)
    asker.get_by_label("Ditt spørsmål").fill("Hvem betaler for kurset?")
    asker.get_by_role("button", name="Send spørsmålet").click()
    question = voter.locator(".qa__item", has_text="Hvem betaler for kurset?")
    question.get_by_role("button", name="Stem på spørsmålet (0 stemmer)").click()
    # The asker's phone hears {id, votes}: the same question, now with one vote.
    asked = asker.locator(".qa__item", has_text="Hvem betaler for kurset?")
    expect(asked.locator(".vote__n")).to_have_text("1")
