"""A phone takes its own statement back: the table gets its place back on every phone, the
projector drops it, and the text waits in the phone's field to be corrected and sent again."""

from playwright.sync_api import expect

from browser.screens import make_gathering, phone_at, projector, shoot

THREE = {
    "title": "Tre utsagn",
    "tables": 2,
    "activities": [{"kind": "statements", "prompt": "Tre utsagn pr bord", "per_table": 3}],
}


def test_a_withdrawn_statement_gives_the_table_its_place_back_and_leaves_the_projector(
    contexts, server
):
    gathering = make_gathering(server, THREE)
    statements = gathering.open("statements")
    screen = projector(contexts, gathering)
    phones = [phone_at(contexts, gathering, 1) for _ in range(3)]
    texts = ["Felles mål for nettverket", "Tid til å møtes på tvers", "Skrivefeil i utsgnet"]
    for phone, text in zip(phones, texts, strict=True):
        phone.locator(f"#answer-{statements}").fill(text)
        phone.get_by_role("button", name="Send").click()
        expect(phone.locator(".statements .is-mine")).to_contain_text(text)
    for phone in phones:
        expect(phone.locator(".task__done")).to_have_text("Bordet har brukt alle utsagnene sine")
        expect(phone.locator(f"#answer-{statements}")).to_be_hidden()
    expect(screen.locator(".group__entry")).to_have_count(3)

    writer = phones[2]
    mine = writer.locator(".statements .is-mine")
    expect(mine).to_have_count(1)
    # Only one's own statement can be taken back.
    expect(writer.locator(".statements li:not(.is-mine) .withdraw")).to_have_count(0)
    mine.get_by_role("button", name="Trekk tilbake").click()

    box = writer.locator(f"#answer-{statements}")
    expect(box).to_be_visible()
    expect(box).to_have_value("Skrivefeil i utsgnet")
    expect(box).to_be_focused()
    for phone in phones:
        expect(phone.locator(".task__note")).to_have_text("1 av 3 utsagn igjen for bordet")
        expect(phone.locator(".statements")).not_to_contain_text("Skrivefeil i utsgnet")
    expect(screen.locator(".group__entry")).to_have_count(2)
    expect(screen.locator(".group__entry", has_text="Skrivefeil")).to_have_count(0)
    shoot(writer, "phone-withdrawn")

    box.fill("Skrivefeil i utsagnet, rettet")
    writer.get_by_role("button", name="Send").click()
    expect(
        screen.locator(".group__entry", has_text="Skrivefeil i utsagnet, rettet")
    ).to_be_visible()
    expect(phones[0].locator(".task__done")).to_be_visible()
    assert sorted(e["text"] for e in gathering.entries("statements") if not e["hidden"]) == sorted(
        [*texts[:2], "Skrivefeil i utsagnet, rettet"]
    )


def test_a_withdrawn_mood_word_gives_the_participant_its_word_back(contexts, gathering):
    words = gathering.open("words")
    screen = projector(contexts, gathering)
    phone = phone_at(contexts, gathering, 2)
    box = phone.locator(f"#answer-{words}")
    box.fill("Glda")
    box.press("Enter")
    expect(phone.locator(".task--words .task__note")).to_have_text("Du kan sende 2 ord til")
    expect(screen.locator("#cloud text", has_text="Glda")).to_be_visible()
    box.fill("og")
    phone.locator(".chips .chip", has_text="Glda").get_by_role(
        "button", name="Trekk tilbake"
    ).click()
    # The word goes back in front of what was being typed.
    expect(box).to_have_value("Glda og")
    expect(phone.locator(".chips .chip")).to_have_count(0)
    expect(phone.locator(".task--words .task__note")).to_have_text("Du kan sende 3 ord")
    expect(screen.locator("#cloud text", has_text="Glda")).to_have_count(0)
