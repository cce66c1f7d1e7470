"""A vote's items on the phone: a refusal is said at once, a lost network is tried a few
times and then offered again; the spinner never stays for good."""

import re

from playwright.sync_api import expect

from browser.screens import WAIT, make_gathering, phone_at

ITEMS = re.compile(r".*/api/activities/\d+/items$")


def test_a_refused_items_request_shows_the_servers_reason_and_is_not_asked_again(
    contexts, gathering
):
    other = make_gathering(gathering.server)
    phone = phone_at(contexts, gathering, 1)
    asked = []

    def elsewhere(route):
        # The real server answers for a vote of another gathering: 409 wrong_gathering.
        asked.append(route.request.url)
        foreign = f"{gathering.server.url}/api/activities/{other.activities['priorities']}/items"
        route.continue_(url=foreign)

    phone.route(ITEMS, elsewhere)
    gathering.open("priorities")
    vote = phone.locator(".task--priorities")
    expect(vote.get_by_role("alert")).to_contain_text(
        "Denne aktiviteten hører til en annen samling."
    )
    expect(vote.locator(".spinner")).to_have_count(0)
    # A later state redraws the vote; the refusal is not asked again in a loop.
    words = gathering.open("words")
    expect(phone.locator(f"#answer-{words}")).to_be_visible()
    expect(vote.get_by_role("alert")).to_be_visible()
    assert len(asked) == 1, asked


def test_a_vote_whose_items_cannot_be_reached_says_so_and_offers_to_try_again(contexts, gathering):
    phone = phone_at(contexts, gathering, 1)
    asked = []

    def unreachable(route):
        asked.append(route.request.url)
        route.abort("internetdisconnected")

    phone.route(ITEMS, unreachable)
    gathering.open("priorities")
    vote = phone.locator(".task--priorities")
    # After the tries and their waits (1 + 2 + 4 s).
    expect(vote.get_by_role("alert")).to_contain_text(
        "Fikk ikke kontakt med serveren. Prøv igjen om litt.", timeout=WAIT
    )
    expect(vote.locator(".spinner")).to_have_count(0)
    assert len(asked) == 4, asked  # the first try and three more, then it gives up

    phone.unroute(ITEMS)
    vote.get_by_role("button", name="Prøv igjen").click()
    expect(vote.locator(".prio__item")).to_have_count(3)
    expect(vote.get_by_role("alert")).to_have_count(0)


def test_a_vote_whose_items_could_not_be_reached_fetches_them_again_on_reconnect(
    contexts, gathering
):
    phone = phone_at(contexts, gathering, 1)
    phone.route(ITEMS, lambda route: route.abort("internetdisconnected"))
    gathering.open("priorities")
    vote = phone.locator(".task--priorities")
    expect(vote.get_by_role("button", name="Prøv igjen")).to_be_visible(timeout=WAIT)

    phone.unroute(ITEMS)
    phone.context.set_offline(True)
    expect(phone.locator("body.is-offline")).to_be_attached(timeout=WAIT)
    phone.context.set_offline(False)
    expect(vote.locator(".prio__item")).to_have_count(3, timeout=WAIT)
    expect(vote.get_by_role("alert")).to_have_count(0)


VOTE_OVER_STATEMENTS = {
    "title": "Prioritering i salen",
    "tables": 2,
    "activities": [
        {"kind": "statements", "key": "utsagn", "title": "Utsagn", "prompt": "Utsagn"},
        {"kind": "priorities", "title": "Prikker", "prompt": "Prioriter", "source": "utsagn"},
    ],
}


def test_a_statement_hidden_while_the_vote_runs_leaves_the_phones_list(contexts, server):
    gathering = make_gathering(server, VOTE_OVER_STATEMENTS)
    statements = gathering.open("statements")
    for table, text in ((1, "Felles møteplass"), (2, "Et stygt utsagn")):
        answer = server.api(
            "POST", "/api/join", json={"code": gathering.code, "table": table}
        ).json()
        sent = server.api(
            "POST",
            "/api/submissions",
            json={"activity_id": statements, "text": text, "client_id": f"c{table}"},
            headers={"Authorization": f"Bearer {answer['participant_token']}"},
        )
        assert sent.status_code == 201, sent.text
    gathering.open("priorities")
    phone = phone_at(contexts, gathering, 1)
    items = phone.locator(".prio__item")
    expect(items).to_have_count(2)
    rude = [e for e in gathering.entries("statements") if e["text"] == "Et stygt utsagn"][0]
    assert server.api("PATCH", f"/api/entries/{rude['id']}", json={"hidden": True}).ok
    expect(items).to_have_count(1)
    expect(phone.locator(".task--priorities")).not_to_contain_text("Et stygt utsagn")
