"""The phone page on a weak network: small, compressed, and awake again after sleeping."""

from playwright.sync_api import expect
from screens import PHONE, phone_at

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
        Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    expect(phone.locator(f"#answer-{statements}")).to_be_visible()
    expect(phone.locator(".task--words")).to_have_count(0)
    phone.locator(f"#answer-{statements}").fill("Våken igjen")
    phone.get_by_role("button", name="Send").click()
    expect(phone.locator(".statements .is-mine")).to_contain_text("Våken igjen")
