"""Joining as a hall does it: a phone keeps its identity, the organiser closes the door and
shuts out a prankster from the console."""

import json
import re

from playwright.sync_api import expect

from browser.screens import PHONE, console, phone_at, projector


def answer_box(page, activity_id):
    return page.locator(f"#answer-{activity_id}")


def test_a_phone_that_reloads_or_scans_another_card_keeps_its_identity(contexts, server, gathering):
    desk = console(contexts, server, gathering)
    joined = desk.locator("#joined")
    # The phones joined are shown once, in the answer pane beside the answer count.
    expect(desk.locator("#detail #joined")).to_be_visible()
    expect(desk.get_by_text(re.compile(r"Telefoner (inne|med)"))).to_have_count(1)
    expect(desk.locator("#participants")).not_to_contain_text("Bord 1")
    expect(joined.locator("strong")).to_have_text("Telefoner inne: 0")
    phone = phone_at(contexts, gathering, 1)
    expect(joined.locator("strong")).to_have_text("Telefoner inne: 1")
    expect(joined.locator("[data-table='1']")).to_have_text("Bord 1: 1")
    token = phone.evaluate(
        f"() => JSON.parse(localStorage['samla:participant:{gathering.code}']).token"
    )

    phone.reload()
    phone.locator("#live-panel").wait_for(state="visible")
    phone.goto(gathering.join_url(2))  # the phone scans table 2's card
    expect(phone.locator("#head-table")).to_have_text("Bord 2")
    again = phone.evaluate(f"() => JSON.parse(localStorage['samla:participant:{gathering.code}'])")
    assert again["token"] == token and again["table"] == 2

    # The same phone, moved: it counts at its new table only.
    expect(joined.locator("[data-table='2']")).to_have_text("Bord 2: 1")
    expect(joined.locator("[data-table='1']")).to_have_text("Bord 1: 0")
    expect(joined.locator("strong")).to_have_text("Telefoner inne: 1")


def test_closing_joining_refuses_a_new_phone_while_a_joined_one_keeps_working(
    contexts, server, gathering
):
    statements = gathering.open("statements")
    inside = phone_at(contexts, gathering, 1)
    desk = console(contexts, server, gathering)
    switch = desk.get_by_label("Nye telefoner kan bli med")
    expect(switch).to_be_checked()
    switch.uncheck()
    expect(desk.locator("#joining-state")).to_contain_text("Stengt for nye deltakere")
    other = console(contexts, server, gathering)
    expect(other.get_by_label("Nye telefoner kan bli med")).not_to_be_checked()

    newcomer = contexts(**PHONE).new_page()
    newcomer.goto(gathering.join_url(2))
    expect(newcomer.locator("#table-error")).to_have_text(
        "Samlingen tar ikke imot nye deltakere nå."
    )
    expect(newcomer.locator("#live-panel")).to_be_hidden()

    answer_box(inside, statements).fill("Vi er fortsatt med")
    inside.get_by_role("button", name="Send").click()
    expect(inside.locator(".statements .is-mine")).to_contain_text("Vi er fortsatt med")

    switch.check()
    newcomer.get_by_role("button", name="Bord 2").click()
    newcomer.locator("#live-panel").wait_for(state="visible")


def test_blocking_from_the_console_hides_the_phones_entry_and_refuses_its_next(
    contexts, server, gathering
):
    statements = gathering.open("statements")
    screen = projector(contexts, gathering)
    prankster = phone_at(contexts, gathering, 3)
    answer_box(prankster, statements).fill("SKANDALE")
    prankster.get_by_role("button", name="Send").click()
    expect(screen.locator("#view-statements")).to_contain_text("SKANDALE")

    desk = console(contexts, server, gathering)
    desk.on("dialog", lambda dialog: dialog.accept())
    entry = desk.locator("#entries li", has_text="SKANDALE")
    entry.get_by_role("button", name="Steng ute").click()
    expect(entry).to_contain_text("skjult")
    expect(screen.locator("#view-statements")).not_to_contain_text("SKANDALE")

    answer_box(prankster, statements).fill("SKANDALE igjen")
    prankster.get_by_role("button", name="Send").click()
    expect(prankster.locator(".refused__reason").first).to_contain_text(
        "Ordstyreren har stengt denne telefonen ute fra samlingen."
    )
    expect(screen.locator("#view-statements")).not_to_contain_text("igjen")


def test_a_phone_shows_more_questions_on_request_when_its_state_holds_only_some(
    contexts, server, gathering
):
    from harness import Listener

    questions = gathering.open("questions")
    # A phone already in the hall: once it has heard the last question, every push about
    # them has gone out, and the page below starts from its state alone.
    joined = server.api("POST", "/api/join", json={"code": gathering.code, "table": 3})
    hall = Listener(server.url, {"token": joined.json()["participant_token"]})
    for n in range(8):
        joined = server.api("POST", "/api/join", json={"code": gathering.code, "table": 1})
        asker = Listener(server.url, {"token": joined.json()["participant_token"]})
        try:
            for i in range(9):
                text = f"Spørsmål {n * 9 + i + 1:02d}"
                payload = {"activity_id": questions, "text": text, "client_id": f"q-{n}-{i}"}
                assert asker.call_when_connected("submit", payload)["ok"]
        finally:
            asker.sio.disconnect()

    try:
        hall.wait_for(
            lambda: (
                "Spørsmål 72" in json.dumps(hall.payloads("questions_update"), ensure_ascii=False)
            )
        )
    finally:
        hall.sio.disconnect()
    phone = phone_at(contexts, gathering, 2)
    items = phone.locator(".qa .qa__item")
    expect(items).to_have_count(60)
    more = phone.get_by_role("button", name="Vis flere spørsmål")
    more.click()
    expect(items).to_have_count(72)
    expect(phone.locator(".qa")).to_contain_text("Spørsmål 01")
    expect(more).to_be_hidden()
