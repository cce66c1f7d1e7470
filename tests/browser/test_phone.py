"""The phone page on a weak network: small, compressed, and awake again after sleeping."""

import pytest
from playwright.sync_api import expect

from browser.screens import PHONE, phone_at, shoot

BUDGET = 150 * 1024  # bytes on the wire for the whole participant page, compressed


def test_the_participant_page_weighs_under_150_kb_compressed(contexts, gathering):
    words = gathering.open("words")
    page = contexts(**PHONE).new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(gathering.join_url(1))
    expect(page.locator(f"#answer-{words}")).to_be_visible()
    page.wait_for_load_state("networkidle")
    transferred, scripts = 0, {}
    for request in finished:
        sizes = request.sizes()
        transferred += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if request.resource_type == "script":
            scripts[request.url] = request.response().header_value("content-encoding")
    print(f"participant page: {transferred} bytes over {len(finished)} requests")
    assert scripts and set(scripts.values()) <= {"gzip", "br", "zstd"}, scripts
    assert transferred <= BUDGET, transferred


def test_a_phone_that_slept_wakes_up_to_the_next_activity_and_can_answer(contexts, gathering):
    gathering.open("words")
    phone = phone_at(contexts, gathering, 2)
    phone.context.set_offline(True)
    phone.evaluate("""() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    gathering.set_state(gathering.activities["words"], "closed")
    statements = gathering.open("statements")
    phone.context.set_offline(False)
    phone.evaluate("""() => {
        const visible = { value: 'visible', configurable: true };
        Object.defineProperty(document, 'visibilityState', visible);
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    expect(phone.locator(f"#answer-{statements}")).to_be_visible()
    expect(phone.locator(".task--words")).to_have_count(0)
    phone.locator(f"#answer-{statements}").fill("Våken igjen")
    phone.get_by_role("button", name="Send").click()
    expect(phone.locator(".statements .is-mine")).to_contain_text("Våken igjen")


def test_touch_targets_are_big_enough_for_a_thumb(contexts, gathering):
    words = gathering.open("words")
    gathering.open("statements")
    picker = contexts(**PHONE).new_page()
    picker.goto(f"{gathering.server.url}/j/{gathering.code}")
    expect(picker.get_by_role("button", name="Bord 3")).to_be_visible()
    phone = phone_at(contexts, gathering, 1)
    expect(phone.locator(f"#answer-{words}")).to_be_visible()
    for page in (picker, phone):
        small = page.evaluate("""() => [...document.querySelectorAll('button, input, textarea')]
            .filter((el) => el.offsetParent !== null && !el.classList.contains('linkish'))
            .map((el) => [el.outerHTML.slice(0, 80), el.getBoundingClientRect().height])
            .filter(([, height]) => height < 44)""")
        assert small == []


def test_a_table_that_used_its_quota_is_told_so_on_every_phone(contexts, server):
    from browser.screens import make_gathering

    small = make_gathering(
        server,
        {
            "title": "Kvote",
            "tables": 2,
            "activities": [{"kind": "statements", "prompt": "Ett utsagn per bord", "per_table": 1}],
        },
    )
    statements = small.open("statements")
    first = phone_at(contexts, small, 1)
    second = phone_at(contexts, small, 1)
    expect(second.locator(".task__note")).to_have_text("1 av 1 utsagn igjen for bordet")
    first.locator(f"#answer-{statements}").fill("Det eneste utsagnet")
    first.get_by_role("button", name="Send").click()
    for phone in (first, second):
        expect(phone.locator(".task__done")).to_have_text("Bordet har brukt alle utsagnene sine")
        expect(phone.locator(f"#answer-{statements}")).to_be_hidden()
    shoot(second, "phone-quota-used")


@pytest.mark.parametrize(
    "language,left,used_up",
    [
        ("nn", "1 av 1 utsegner att for bordet", "Bordet har brukt alle utsegnene sine"),
        ("en", "1 of 1 statements left for the table", "The table has used all its statements"),
    ],
)
def test_the_phone_speaks_the_gatherings_language(contexts, server, language, left, used_up):
    from browser.screens import make_gathering

    gathering = make_gathering(
        server,
        {
            "title": "Språk",
            "language": language,
            "tables": 1,
            "activities": [{"kind": "statements", "prompt": "Eitt utsegn", "per_table": 1}],
        },
    )
    statements = gathering.open("statements")
    phone = phone_at(contexts, gathering, 1)
    assert phone.evaluate("document.documentElement.lang") == language
    expect(phone.locator(".task__note")).to_have_text(left)
    phone.locator(f"#answer-{statements}").fill("Samordne rekomp og dekomp")
    phone.get_by_role("button", name="Send").click()
    expect(phone.locator(".task__done")).to_have_text(used_up)
    shoot(phone, f"phone-{language}")


def test_an_agenda_edit_reaches_an_open_phone_without_a_reload(contexts, gathering):
    words = gathering.open("words")
    phone = phone_at(contexts, gathering, 1)
    expect(phone.locator(f"#answer-{words}")).to_be_visible()
    definition = gathering.server.api("GET", f"/api/gatherings/{gathering.id}/definition").json()
    for activity in definition["activities"]:
        if activity["id"] == words:
            activity["prompt"] = "Beskriv dagen med ett ord, takk."
    answer = gathering.server.api(
        "PUT", f"/api/gatherings/{gathering.id}/definition", json=definition
    )
    assert answer.status_code == 200, answer.text
    expect(phone.get_by_text("Beskriv dagen med ett ord, takk.")).to_be_visible()


def test_the_phone_takes_its_text_limits_from_the_server(contexts, gathering):
    """The server's limits (a word 80 characters, a statement 2,000) reach the inputs as sent
    in the phone's state; the page has no numbers of its own."""
    words = gathering.open("words")
    statements = gathering.open("statements")
    phone = phone_at(contexts, gathering, 1)
    word_limit = phone.locator(f"#answer-{words}").get_attribute("maxlength")
    statement_limit = phone.locator(f"#answer-{statements}").get_attribute("maxlength")
    assert (word_limit, statement_limit) == ("80", "2000")
