"""A gathering from template to minutes, photographed for the README and docs/veileder.md.

`make screenshots` runs this module with SAMLA_SCREENSHOTS=docs/screenshots, so the
pictures in the documentation are always of the screens as they are.
"""

from playwright.sync_api import expect

from browser.screens import LAPTOP, PHONE, PROJECTOR, log_in, shoot

WORDS = [
    "Spent",
    "Nysgjerrig",
    "Spent",
    "Optimistisk",
    "Trøtt",
    "Spent",
    "Nysgjerrig",
    "Engasjert",
    "Glad",
    "Forventningsfull",
    "Engasjert",
    "Spent",
]


def test_from_template_to_minutes(contexts, server):
    desk = contexts(**LAPTOP).new_page()
    log_in(desk, server, "/console")
    desk.get_by_label("Mal").select_option("innlandet-ledersamling-2020")
    shoot(desk, "1-maler")
    desk.get_by_role("button", name="Opprett samling").click()  # one click: a running gathering
    desk.wait_for_url("**/console/*")
    expect(desk.locator(".agenda__item.is-selected")).to_contain_text("Stemningen ved bordet")
    code = desk.locator(".joinbox__code").inner_text()
    screen_url = desk.get_by_role("link", name="Åpne projektorvisning").get_attribute("href")

    screen = contexts(**PROJECTOR).new_page()
    screen.goto(screen_url)
    expect(screen.locator("#join-code")).to_have_text(code)
    shoot(screen, "2-projektor-kode")

    desk.locator("body").press("o")  # open the mood words: phones and projector follow
    expect(screen.locator("#view-words")).to_be_visible()
    phone = None
    for n, word in enumerate(WORDS):
        phone = contexts(**PHONE).new_page()
        phone.goto(f"{server.url}/j/{code}/{n % 12 + 1}")
        box = phone.get_by_label("Ditt ord")
        box.fill(word)
        box.press("Enter")
        expect(phone.locator(".chips .tag--ok")).to_have_count(1)
        if n < len(WORDS) - 1:
            phone.context.close()
    shoot(phone, "3-telefon")
    expect(screen.locator("#words-count")).to_have_text(f"{len(WORDS)} svar så langt")
    screen.wait_for_timeout(1500)  # the cloud settles (it lays out at most once a second)
    shoot(screen, "4-projektor-ordsky")
    expect(desk.locator("#freq li").first).to_contain_text("Spent")
    shoot(desk, "5-konsoll")

    desk.get_by_role("link", name="Referat og nettverk").click()
    expect(desk.get_by_role("heading", name="Sammendrag av samlingen")).to_be_visible()
    shoot(desk, "6-referat")
