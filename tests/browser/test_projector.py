"""The projector from the back of the hall: big type, the way in always shown, paging by hand."""

import re

from playwright.sync_api import expect

from browser.screens import console, make_gathering, phone_at, projector, shoot


def test_statements_are_large_and_the_join_code_and_qr_stay_on_screen(contexts, gathering):
    screen = projector(contexts, gathering)
    expect(screen.locator("#join-code")).to_have_text(gathering.code)
    expect(screen.locator("#join-qr")).to_be_visible()
    shoot(screen, "projector-join")
    statements = gathering.open("statements")
    phone = phone_at(contexts, gathering, 1)
    phone.locator(f"#answer-{statements}").fill("Felles språk på tvers av kommunene")
    phone.get_by_role("button", name="Send").click()
    entry = screen.locator(".group__entry", has_text="Felles språk")
    expect(entry).to_be_visible()
    assert float(entry.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px")) >= 28
    expect(screen.locator("#corner-code")).to_have_text(gathering.code)
    expect(screen.locator("#corner-qr")).to_be_visible()
    expect(screen.get_by_role("button", name="Fullskjerm (F)")).to_be_attached()
    shoot(screen, "projector-statements")


def test_hundreds_of_statements_page_and_the_facilitator_turns_the_pages(contexts, server):
    crowded = make_gathering(
        server,
        {
            "title": "Stor samling",
            "tables": 6,
            "activities": [{"kind": "statements", "prompt": "Hva tar dere med hjem?"}],
        },
    )
    statements = crowded.open("statements")
    for table in range(1, 7):
        joined = server.api("POST", "/api/join", json={"code": crowded.code, "table": table}).json()
        phone = {"Authorization": f"Bearer {joined['participant_token']}"}
        for n in range(50):  # 300 in all, below each phone's rate limit
            sent = server.api(
                "POST",
                "/api/submissions",
                headers=phone,
                json={
                    "activity_id": statements,
                    "client_id": f"{table}-{n}",
                    "text": f"Utsagn {n + 1} fra bord {table}: mer tid til samarbeid i nettverket",
                },
            )
            assert sent.status_code == 201, sent.text
    screen = projector(contexts, crowded)
    pager = screen.locator("#wall-page")
    expect(pager).to_have_text(re.compile(r"^Side 1 av \d+$"))
    pages = int(pager.inner_text().rsplit(" ", 1)[1])
    assert pages > 1
    screen.keyboard.press("ArrowRight")  # a presentation clicker's "next"
    expect(pager).to_have_text(f"Side 2 av {pages}")
    shoot(screen, "projector-wall-page-2")
    screen.keyboard.press("PageUp")
    expect(pager).to_have_text(f"Side 1 av {pages}")
    screen.keyboard.press("ArrowLeft")
    expect(pager).to_have_text(f"Side {pages} av {pages}")


def test_console_shortcuts_open_the_next_activity_and_show_it(contexts, server, gathering):
    screen = projector(contexts, gathering)
    desk = console(contexts, server, gathering)
    expect(desk.locator("#shortcuts")).to_contain_text("N")
    desk.locator("body").press("n")  # from the first activity to the second (statements)
    expect(desk.locator(".agenda__item.is-selected .agenda__prompt")).to_have_text("Utsagn")
    desk.locator("body").press("o")
    expect(desk.locator(".agenda__item.is-selected .badge--open")).to_be_visible()
    expect(screen.locator("#view-statements")).to_be_visible()  # opening shows it too
    desk.locator("body").press("Shift+N")
    expect(desk.locator(".agenda__item.is-selected .agenda__prompt")).to_have_text("Stemning")
    desk.locator("body").press("s")
    expect(screen.locator("#view-words")).to_be_visible()
    expect(desk.locator(".agenda__item.is-selected .badge--screen")).to_have_text("På skjermen")
    expect(desk.locator("#screen-status")).to_have_text("Skjermen viser: Ordsky")
    desk.locator("body").press("o")
    expect(desk.locator(".agenda__item.is-selected .badge--open")).to_be_visible()
    shoot(desk, "console")


def test_words_keep_their_place_in_the_cloud_when_new_words_arrive(contexts, gathering):
    screen = projector(contexts, gathering)
    words = gathering.open("words")
    phone = phone_at(contexts, gathering, 1)
    box = phone.locator(f"#answer-{words}")
    box.fill("Rolig")
    box.press("Enter")
    rolig = screen.locator("#cloud text", has_text="Rolig")
    expect(rolig).to_be_visible()
    screen.wait_for_timeout(1500)
    before = rolig.bounding_box()
    for word in ("Ivrig", "Nysgjerrig"):
        expect(box).to_be_visible()
        box.fill(word)
        box.press("Enter")
    expect(screen.locator("#cloud text")).to_have_count(3)
    screen.wait_for_timeout(1500)
    after = rolig.bounding_box()
    centre = lambda b: (b["x"] + b["width"] / 2, b["y"] + b["height"] / 2)  # noqa: E731
    moved = [abs(a - b) for a, b in zip(centre(before), centre(after), strict=True)]
    assert max(moved) < 200, (before, after)
