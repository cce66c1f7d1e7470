"""axe-core on every page: no serious or critical violations, live regions where they matter."""

from playwright.sync_api import expect

from browser.screens import PHONE, console, phone_at, projector

KINDS = ["words", "statements", "task", "priorities", "questions"]
VIEWS = {
    "words": "words",
    "statements": "statements",
    "task": "progress",
    "priorities": "priorities",
    "questions": "questions",
}


def serious_violations(page):
    """Run axe (injected from static/vendor, never part of a page) and keep the bad ones."""
    page.add_script_tag(url="/static/vendor/axe.min.js")
    return page.evaluate("""async () => {
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): `
            + v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', '));
    }""")


def test_the_start_login_and_join_pages_pass_axe(contexts, server, gathering):
    page = contexts(**PHONE).new_page()
    for path in ["/", "/login", "/j", f"/j/{gathering.code}"]:
        page.goto(server.url + path)
        page.wait_for_load_state("networkidle")
        assert serious_violations(page) == [], path


def test_the_phone_passes_axe_with_every_kind_open(contexts, gathering):
    for kind in KINDS:
        gathering.open(kind)
    phone = phone_at(contexts, gathering, 1)
    for kind in KINDS:
        expect(phone.locator(f".task--{kind}")).to_be_visible()
    phone.locator(".prio__item").first.wait_for()
    assert serious_violations(phone) == []


def test_the_projector_passes_axe_in_each_view(contexts, gathering):
    screen = projector(contexts, gathering)
    expect(screen.locator("#view-join")).to_be_visible()
    assert serious_violations(screen) == [], "join"
    for kind in KINDS:
        gathering.open(kind)
        expect(screen.locator(f"#view-{VIEWS[kind]}")).to_be_visible()
        screen.wait_for_timeout(300)  # let the view settle (cloud layout, wall paging)
        assert serious_violations(screen) == [], kind


def test_the_console_pages_pass_axe(contexts, server, gathering):
    network = server.api("POST", "/api/networks", json={"name": "Region Hamar"}).json()
    desk = console(contexts, server, gathering)
    assert serious_violations(desk) == [], "console"
    for path in [
        f"/console/networks/{network['id']}",
        "/console",
        f"/console/{gathering.id}/editor",
        f"/console/{gathering.id}/minutes",
        f"/console/{gathering.id}/cards",
    ]:
        desk.goto(server.url + path)
        desk.wait_for_load_state("networkidle")
        assert serious_violations(desk) == [], path


def test_the_word_cloud_is_also_text_for_screen_readers(contexts, gathering):
    screen = projector(contexts, gathering)
    words = gathering.open("words")
    for table, word in [(1, "Glad"), (2, "Glad"), (3, "Trøtt")]:
        phone = phone_at(contexts, gathering, table)
        phone.locator(f"#answer-{words}").fill(word)
        phone.locator(f"#answer-{words}").press("Enter")
        expect(phone.locator(".chips .tag--ok")).to_have_count(1)
    listing = screen.locator("#cloud-text")
    expect(listing.locator("li")).to_have_text(["Glad: 2", "Trøtt: 1"])
    assert screen.locator("#cloud svg").get_attribute("aria-hidden") == "true"


def test_a_phone_announces_a_newly_opened_activity(contexts, gathering):
    phone = phone_at(contexts, gathering, 1)
    expect(phone.locator("#waiting")).to_be_visible()
    gathering.open("statements")
    announcer = phone.locator("#announce")
    assert announcer.get_attribute("aria-live") == "polite"
    expect(announcer).to_contain_text("Hva trenger nettverket?")


def test_the_console_announces_new_entries(contexts, server, gathering):
    statements = gathering.open("statements")
    desk = console(contexts, server, gathering)
    announcer = desk.locator("#announce")
    assert announcer.get_attribute("aria-live") == "polite"
    phone = phone_at(contexts, gathering, 2)
    phone.locator(f"#answer-{statements}").fill("Mer tid sammen")
    phone.get_by_role("button", name="Send").click()
    expect(announcer).to_contain_text("Mer tid sammen")
    expect(announcer).to_contain_text("Bord 2")


def test_every_control_on_the_phone_and_console_has_a_name(contexts, server, gathering):
    gathering.open("task")
    gathering.open("priorities")
    pages = [phone_at(contexts, gathering, 1), console(contexts, server, gathering)]
    for page in pages:
        unnamed = page.evaluate("""() => [...document.querySelectorAll(
                'button, input, select, textarea, a[href]')]
            .filter((el) => el.offsetParent !== null && el.type !== 'hidden')
            .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby') && !el.textContent.trim() && !el.title)
            .map((el) => el.outerHTML.slice(0, 120))""")
        assert unnamed == []


def test_the_phone_reads_in_order_title_table_question_field_send(contexts, gathering):
    gathering.open("words")
    phone = phone_at(contexts, gathering, 1)
    snapshot = phone.locator("body").aria_snapshot()
    wanted = [
        "Nettverkssamling i nettleseren",
        "Bord 1",
        "Hvordan er stemningen? Ett ord.",
        'textbox "Ditt ord"',
        'button "Send"',
    ]
    places = [snapshot.find(text) for text in wanted]
    assert -1 not in places, snapshot
    assert places == sorted(places), snapshot
