"""The facilitator in the room: a console with few clicks at 1440×900, a projector readable
from the back of a hall, table cards that print, a phone in the participant's language and a
bundle imported on an empty server."""

import io
import json

from playwright.sync_api import expect
from pypdf import PdfReader

from browser.screens import PROJECTOR, log_in, make_gathering, phone_at, projector, shoot

DESK = {"viewport": {"width": 1440, "height": 900}}
SMALL_PROJECTOR = {"viewport": {"width": 1280, "height": 800}}
MM = 96 / 25.4  # CSS px per millimetre


def desk_at(contexts, server, gathering):
    page = contexts(**DESK).new_page()
    log_in(page, server, f"/console/{gathering.id}")
    page.locator("#agenda li").first.wait_for()
    return page


def agenda_item(desk, title):
    return desk.locator("#agenda li").filter(has_text=title)


def send(phone, activity_id, text):
    """Type and send, as a participant does (a statement's field takes several lines)."""
    field = phone.locator(f"#answer-{activity_id}")
    field.fill(text)
    field.locator("xpath=ancestor::form").get_by_role("button", name="Send").click()


def test_the_answers_start_above_the_fold_at_1440x900(contexts, server, gathering):
    statements = gathering.open("statements")
    phone = phone_at(contexts, gathering, 1)
    send(phone, statements, "Mer tid til samarbeid")
    desk = desk_at(contexts, server, gathering)
    agenda_item(desk, "Utsagn").click()
    first = desk.locator("#entries .entry").first
    expect(first).to_contain_text("Mer tid til samarbeid")
    assert first.bounding_box()["y"] + 40 < 900
    assert desk.locator(".console-head").bounding_box()["height"] < 240
    shoot(desk, "console-1440x900")


def test_opening_an_activity_selects_it_and_closes_the_one_before(contexts, server, gathering):
    desk = desk_at(contexts, server, gathering)
    words = agenda_item(desk, "Stemning")
    statements = agenda_item(desk, "Utsagn")
    words.get_by_role("button", name="Åpne").click()
    expect(words).to_have_class("agenda__item is-open is-selected")
    statements.get_by_role("button", name="Åpne").click()
    expect(statements).to_have_class("agenda__item is-open is-selected")
    expect(words).not_to_have_class("agenda__item is-open")
    expect(desk.locator("#detail-prompt")).to_have_text("Hva trenger nettverket?")


def test_a_setting_keeps_several_activities_open(contexts, server, gathering):
    desk = desk_at(contexts, server, gathering)
    desk.get_by_label("La flere aktiviteter være åpne samtidig").check()
    words = agenda_item(desk, "Stemning")
    statements = agenda_item(desk, "Utsagn")
    words.get_by_role("button", name="Åpne").click()
    expect(words.get_by_role("button", name="Lukk")).to_be_visible()
    statements.get_by_role("button", name="Åpne").click()
    expect(statements.get_by_role("button", name="Lukk")).to_be_visible()
    expect(words.get_by_role("button", name="Lukk")).to_be_visible()
    # The choice is kept for this gathering in this browser.
    desk.reload()
    expect(desk.get_by_label("La flere aktiviteter være åpne samtidig")).to_be_checked()


def test_phones_joined_and_people_who_answered_stay_live(contexts, server, gathering):
    words = gathering.open("words")
    desk = desk_at(contexts, server, gathering)
    expect(desk.locator("#joined")).to_contain_text("Telefoner inne: 0")
    first = phone_at(contexts, gathering, 1)
    phone_at(contexts, gathering, 2)
    expect(desk.locator("#joined")).to_contain_text("Telefoner inne: 2")
    expect(desk.locator("#joined")).to_contain_text("Bord 1: 1")
    expect(desk.locator("#joined")).to_contain_text("Bord 2: 1")
    send(first, words, "Glad")
    send(first, words, "Spent")
    expect(desk.locator("#answered")).to_have_text("Personer som har svart: 1 av 2")


def test_search_narrows_the_words_and_entries(contexts, server, gathering):
    words = gathering.open("words")
    phone = phone_at(contexts, gathering, 1)
    for word in ["Glad", "Sliten", "Glede"]:
        send(phone, words, word)
    desk = desk_at(contexts, server, gathering)
    expect(desk.locator("#entries .entry")).to_have_count(3)
    desk.get_by_label("Søk i svarene").fill("gl")
    expect(desk.locator("#entries .entry")).to_have_count(2)
    expect(desk.locator("#freq li")).to_have_count(2)
    desk.get_by_label("Søk i svarene").fill("")
    expect(desk.locator("#entries .entry")).to_have_count(3)


def test_any_timer_length_and_one_more_minute(contexts, server, gathering):
    gathering.open("words")
    desk = desk_at(contexts, server, gathering)
    agenda_item(desk, "Stemning").click()
    desk.get_by_label("Minutter på tidtakeren").fill("3")
    desk.get_by_role("button", name="Start").click()
    clock = desk.locator(".control__clock")
    expect(clock).to_contain_text("2:5")
    desk.get_by_role("button", name="+1 min").click()
    expect(clock).to_contain_text("3:5")


def test_the_projector_reads_from_the_back_of_a_hall(contexts, server):
    gathering = make_gathering(server)
    screen = projector(contexts, gathering)
    expect(screen.locator("#view-join")).to_be_visible()
    big = screen.locator("#join-qr").bounding_box()
    assert big["height"] >= 1080 / 5
    address = screen.locator("#join-line strong")
    assert float(address.evaluate("(n) => getComputedStyle(n).fontSize")[:-2]) >= 48
    words = gathering.open("words")
    corner = screen.locator("#corner-qr")
    expect(corner).to_be_visible()
    assert corner.bounding_box()["width"] >= 160 - 16  # the QR inside its white quiet zone
    assert screen.locator("#corner .qrbox").bounding_box()["width"] >= 160
    counts = {"Samarbeid": 8, "Tid": 3, "Glede": 1}
    phones = [phone_at(contexts, gathering, 1 + i % 3) for i in range(8)]
    for word, n in counts.items():
        for phone in phones[:n]:
            send(phone, words, word)
    expect(screen.locator("#cloud-text li")).to_have_count(3)
    expect(screen.locator("#cloud-text li").first).to_have_text("Samarbeid: 8")
    screen.wait_for_timeout(1200)  # the words grow into their sizes
    sizes = screen.locator(".cloud__word").evaluate_all(
        "(nodes) => nodes.map((n) => parseFloat(getComputedStyle(n).fontSize))"
    )
    assert max(sizes) >= 4 * min(sizes), sizes
    shoot(screen, "projector-1920x1080-cloud")


def test_the_projector_announces_new_entries_politely(contexts, gathering):
    screen = projector(contexts, gathering)
    statements = gathering.open("statements")
    expect(screen.locator("#view-statements")).to_be_visible()
    announcer = screen.locator("#announce")
    assert announcer.get_attribute("aria-live") == "polite"
    phone = phone_at(contexts, gathering, 2)
    send(phone, statements, "Felles møteplasser")
    expect(announcer).to_contain_text("Felles møteplasser")


def test_a_1280x800_wall_shows_three_tables_a_page(contexts, server):
    gathering = make_gathering(
        server,
        {
            "title": "Seks bord",
            "tables": 6,
            "activities": [
                {"kind": "statements", "prompt": "Hva trenger nettverket?", "per_table": 5}
            ],
        },
    )
    statements = gathering.activities["statements"]
    gathering.set_state(statements, "open")
    gathering.show(statements)
    screen = contexts(**SMALL_PROJECTOR).new_page()
    screen.goto(gathering.screen_url)
    for table in range(1, 7):
        phone = phone_at(contexts, gathering, table)
        send(phone, statements, f"Et utsagn fra bord {table} om tid og samarbeid")
        send(phone, statements, "Mer tid til å møtes på tvers av kommunene")
    expect(screen.locator("#wall .group")).not_to_have_count(0)
    screen.wait_for_timeout(800)
    assert screen.locator("#wall .group").count() >= 3
    shoot(screen, "projector-1280x800-wall")


def test_vote_results_per_network_wrap_instead_of_cutting(contexts, server, gathering):
    screen = projector(contexts, gathering)
    gathering.open("priorities")
    expect(screen.locator("#view-priorities")).to_be_visible()
    styles = screen.evaluate("""() => {
        const probe = document.createElement('span');
        probe.className = 'small__text';
        document.body.append(probe);
        const style = getComputedStyle(probe);
        return [style.whiteSpace, style.textOverflow];
    }""")
    assert styles == ["normal", "clip"]


def test_the_table_cards_print_to_a4_with_every_qr_inside_the_margins(contexts, server):
    gathering = make_gathering(
        server,
        {
            "title": "Kort",
            "tables": [
                {"number": 1, "label": "Bord 1"},
                {"number": 2, "label": "Kompetansenettverket for Nord-Østerdal og Fjellregionen"},
                {"number": 3, "label": "Bord 3"},
            ],
            "activities": [{"kind": "words", "prompt": "Ett ord"}],
        },
    )
    desk = contexts(viewport={"width": 1000, "height": 800}).new_page()
    log_in(desk, server, f"/console/{gathering.id}/cards")
    desk.locator(".tcard__qr").first.wait_for()
    expect(desk.get_by_role("button", name="Skriv ut")).to_be_visible()
    pdf = PdfReader(io.BytesIO(desk.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == 2  # two cards a page
    for page in pdf.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points
    # In print, the page's content box starts 12 mm in; every QR lies inside its card.
    desk.emulate_media(media="print")
    desk.set_viewport_size({"width": round(186 * MM), "height": 800})
    boxes = desk.locator(".tcard").evaluate_all("""(cards) => cards.map((card) => {
        const c = card.getBoundingClientRect();
        const q = card.querySelector('.tcard__qr').getBoundingClientRect();
        return [q.left - c.left, q.top - c.top, c.right - q.right, c.bottom - q.bottom, q.width];
    })""")
    for left, top, right, bottom, width in boxes:
        assert min(left, top, right, bottom) >= 0, boxes
        assert width >= 50 * MM, boxes


def test_the_phone_switches_language_at_once(contexts, gathering):
    statements = gathering.open("statements")
    phone = phone_at(contexts, gathering, 1)
    expect(phone.get_by_role("button", name="Send")).to_be_visible()
    phone.locator(f"#answer-{statements}").fill("Halvskrevet")
    phone.get_by_role("button", name="English").click()
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("button", name="Change table")).to_be_visible()
    expect(phone.locator(f"#answer-{statements}")).to_have_value("Halvskrevet")
    phone.get_by_role("button", name="Norsk nynorsk").click()
    expect(phone.locator("html")).to_have_attribute("lang", "nn")
    expect(phone.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "false")
    # The choice is kept on this phone.
    phone.reload()
    expect(phone.locator("html")).to_have_attribute("lang", "nn")


def test_a_bundle_imports_on_an_empty_list_and_links_to_the_gathering(
    contexts, server, gathering, tmp_path
):
    bundle = server.api("GET", f"/api/gatherings/{gathering.id}/bundle").json()
    server.api("DELETE", f"/api/gatherings/{gathering.id}")
    path = tmp_path / "pakke.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    desk = contexts(**DESK).new_page()
    log_in(desk, server, "/console")
    desk.get_by_label("Pakke fra en annen Samla (JSON)").set_input_files(str(path))
    desk.get_by_role("button", name="Importer").click()
    link = desk.get_by_role("link", name="Åpne den importerte samlingen")
    expect(link).to_be_visible()
    link.click()
    expect(desk.locator("h1")).to_have_text("Nettverkssamling i nettleseren")


def test_the_favicon_is_there(contexts, server):
    page = contexts(**PROJECTOR).new_page()
    answer = page.goto(server.url + "/favicon.ico")
    assert answer.status == 200


def test_a_refused_approval_switch_goes_back_to_what_the_server_holds(contexts, server, gathering):
    gathering.open("statements")
    desk = desk_at(contexts, server, gathering)
    agenda_item(desk, "Utsagn").first.click()
    box = desk.get_by_label("Godkjenn før visning")
    expect(box).not_to_be_checked()
    # Logged out in another tab of the same browser: the console's next call is refused.
    other = desk.context.new_page()
    other.goto(f"{server.url}/console/{gathering.id}")
    other.get_by_role("button", name="Logg ut").click()
    box.click()
    expect(desk.locator("#message")).to_be_visible()
    expect(box).not_to_be_checked()
