"""The facilitator moderates from the console with one click: a word hidden from the cloud
(and from every phone that sends it later), a suggested merge accepted, a task point the word
list held approved, a point hidden; the projector follows each, and the console stays
usable by keyboard and clean for axe."""

import pytest
from harness import Listener
from playwright.sync_api import expect

from browser.screens import make_gathering, projector, shoot
from browser.test_accessibility import serious_violations
from browser.test_facilitator import desk_at

DEFINITION = {
    "title": "Moderering",
    "tables": 4,
    "activities": [
        {
            "kind": "words",
            "title": "Stemning",
            "prompt": "Ett ord om dagen",
            "words_per_participant": 1,
        },
        {
            "kind": "task",
            "title": "Gruppeoppgave",
            "prompt": "Planen videre",
            "questions": [{"id": "q1", "title": "Hva gjør vi først?"}],
        },
    ],
}


@pytest.fixture
def phones(server):
    """Phones as Socket.IO clients: `phones(gathering, table)` joins one; all leave after."""
    made = []

    def join(gathering, table=1):
        joined = server.api("POST", "/api/join", json={"code": gathering.code, "table": table})
        assert joined.status_code == 200, joined.text
        phone = Listener(server.url, {"token": joined.json()["participant_token"]})
        made.append(phone)
        return phone

    yield join
    for phone in made:
        phone.sio.disconnect()


def send_word(phone, activity_id, text, client_id="ord"):
    ack = phone.call_when_connected(
        "submit", {"activity_id": activity_id, "client_id": client_id, "text": text}
    )
    assert ack["ok"], ack
    return ack


def cloud_words(screen):
    return screen.locator("#cloud-text li")


def test_one_click_hides_a_word_twenty_phones_sent_and_the_next_phone_s_too(
    contexts, server, phones
):
    gathering = make_gathering(server, DEFINITION)
    words = gathering.open("words")
    screen = projector(contexts, gathering)
    sent = [
        send_word(phones(gathering, 1 + n % 4), words, "Kjedelig" if n % 5 else "Spent")
        for n in range(20)
    ]
    expect(cloud_words(screen)).to_have_text(["Kjedelig: 16", "Spent: 4"])
    desk = desk_at(contexts, server, gathering)
    word = desk.locator("#freq").get_by_role("button", name="Kjedelig 16")
    word.click()
    expect(word).to_have_attribute("aria-expanded", "true")
    desk.get_by_role("button", name="Skjul ordet").click()
    expect(desk.get_by_role("button", name="Vis igjen: Kjedelig")).to_be_focused()
    expect(cloud_words(screen)).to_have_text(["Spent: 4"])
    expect(desk.locator("#freq li")).to_have_count(1)
    expect(desk.locator("#hidden-words")).to_contain_text("Kjedelig")
    # A phone that sends the word after the click is hidden as well.
    send_word(phones(gathering, 2), words, "kjedelig")
    send_word(phones(gathering, 3), words, "Spent")
    expect(cloud_words(screen)).to_have_text(["Spent: 5"])
    expect(desk.locator("#freq li")).to_have_count(1)
    # One of the word's entries is hidden on its own as well.
    by_hand = server.api("PATCH", f"/api/entries/{sent[1]['id']}", json={"hidden": True})
    assert by_hand.status_code == 200, by_hand.text
    # Shown again from another laptop's console: every entry the word hid comes back, the
    # late one too, and the one hidden on its own stays hidden.
    other = desk_at(contexts, server, gathering)
    other.get_by_role("button", name="Vis igjen: Kjedelig").click()
    expect(cloud_words(screen)).to_have_text(["Kjedelig: 16", "Spent: 5"])
    expect(other.locator("#hidden-words")).to_have_count(0)
    expect(other.locator("#freq").get_by_role("button", name="Kjedelig 16")).to_be_visible()
    # The first console follows: the word is back in its list and no longer among the hidden.
    expect(desk.locator("#freq").get_by_role("button", name="Kjedelig 16")).to_be_visible()
    expect(desk.locator("#hidden-words")).to_have_count(0)


def test_the_word_menu_works_from_the_keyboard_and_merges_into_a_chosen_word(
    contexts, server, phones
):
    gathering = make_gathering(server, DEFINITION)
    words = gathering.open("words")
    screen = projector(contexts, gathering)
    for n, text in enumerate(["Spent", "Spent", "Nysgjerrig", "Glad"]):
        send_word(phones(gathering, 1 + n % 4), words, text)
    desk = desk_at(contexts, server, gathering)
    word = desk.locator("#freq").get_by_role("button", name="Glad 1")
    word.focus()
    desk.keyboard.press("Enter")
    expect(desk.get_by_role("button", name="Skjul ordet")).to_be_focused()
    # A word arriving while the menu is open adds a choice and leaves the focus where it was.
    send_word(phones(gathering, 1), words, "Trøtt")
    expect(desk.get_by_label("Slå sammen med").locator("option")).to_have_count(3)
    expect(desk.get_by_role("button", name="Skjul ordet")).to_be_focused()
    desk.keyboard.press("Escape")
    expect(desk.locator("#word-menu")).to_be_hidden()
    expect(word).to_be_focused()
    desk.keyboard.press("Enter")
    desk.get_by_label("Slå sammen med").select_option("Nysgjerrig")
    desk.locator("#word-menu").get_by_role("button", name="Slå sammen").click()
    expect(desk.locator("#freq").get_by_role("button", name="Nysgjerrig 2")).to_be_focused()
    expect(cloud_words(screen)).to_have_text(["Spent: 2", "Nysgjerrig: 2", "Trøtt: 1"])
    expect(desk.locator("#merged-words")).to_contain_text("Glad → Nysgjerrig")
    desk.get_by_role("button", name="Angre: Glad → Nysgjerrig").click()
    expect(cloud_words(screen)).to_have_text(["Spent: 2", "Nysgjerrig: 1", "Glad: 1", "Trøtt: 1"])


def test_an_accepted_suggestion_merges_god_gode_godt_into_one_word_on_the_projector(
    contexts, server, phones
):
    gathering = make_gathering(server, DEFINITION)
    words = gathering.open("words")
    screen = projector(contexts, gathering)
    sent = ["god", "god", "god", "gode", "godt", "samarbeid", "samarbeid", "samarbeidet"]
    for n, text in enumerate(sent):
        send_word(phones(gathering, 1 + n % 4), words, text)
    expect(cloud_words(screen)).to_have_count(5)
    desk = desk_at(contexts, server, gathering)
    suggestions = desk.locator("#suggestions li")
    expect(suggestions).to_have_count(3)
    expect(suggestions.first.get_by_role("button").first).to_have_text("gode → god")
    expect(desk.locator("#suggestions")).to_contain_text("Samme ord i en annen form:")
    shoot(desk, "konsoll-ordforslag-1440x900")
    desk.get_by_role("button", name="Slå sammen: gode → god").click()
    desk.get_by_role("button", name="Slå sammen: godt → god").click()
    expect(cloud_words(screen)).to_have_text(["god: 5", "samarbeid: 2", "samarbeidet: 1"])
    # The list follows the merges; a dismissed suggestion stays away after a reload.
    expect(suggestions).to_have_count(1)
    desk.get_by_role("button", name="Avvis forslaget: samarbeidet → samarbeid").click()
    expect(suggestions).to_have_count(0)
    desk.reload()
    expect(desk.locator("#merged-words li")).to_have_count(2)
    expect(suggestions).to_have_count(0)
    desk.locator("#freq").get_by_role("button", name="god 5").click()
    expect(desk.locator("#word-menu")).to_be_visible()
    shoot(desk, "konsoll-ordmeny-1440x900")
    screen.wait_for_timeout(1200)  # the words grow into their sizes
    shoot(screen, "projektor-sammenslatt-1920x1080")


def test_many_suggestions_show_a_few_at_a_time(contexts, server, phones):
    gathering = make_gathering(server, DEFINITION)
    words = gathering.open("words")
    pairs = [("god", "gode"), ("glad", "glade"), ("trygg", "trygge"), ("varm", "varme")]
    pairs += [("rolig", "rolige"), ("sliten", "slitne")]
    sent = [word for base, other in pairs for word in (base, base, other)]
    for n, text in enumerate(sent):
        send_word(phones(gathering, 1 + n % 4), words, text)
    desk = desk_at(contexts, server, gathering)
    suggestions = desk.locator("#suggestions li")
    expect(suggestions).to_have_count(5)
    first = desk.locator("#entries .entry").first
    assert first.bounding_box()["y"] + 40 < 900  # the answers still start above the fold
    desk.get_by_role("button", name="1 forslag til").click()
    expect(suggestions).to_have_count(6)


def test_a_held_point_approved_reaches_the_projector_and_a_hidden_one_leaves_it(
    contexts, server, phones
):
    gathering = make_gathering(server, DEFINITION)
    task = gathering.open("task")
    gathering.show(task, view="question", question_id="q1")
    screen = projector(contexts, gathering)
    desk = desk_at(contexts, server, gathering)
    desk.locator("#agenda li").filter(has_text="Gruppeoppgave").click()
    # The held point goes first: once the next one is on the wall, the held one had its turn.
    writer = phones(gathering, 2)
    add = {"activity_id": task, "question_id": "q1"}
    held = writer.call_when_connected(
        "add_point", {**add, "text": "Møtene er et helvete uten agenda", "client_id": "b"}
    )
    first = writer.call_when_connected(
        "add_point", {**add, "text": "Felles plan", "client_id": "a"}
    )
    assert first["ok"] and held["ok"] and held["held"] is True, held
    wall = screen.locator("#task-wall")
    expect(wall).to_contain_text("Felles plan")
    expect(wall).not_to_contain_text("uten agenda")
    waiting = desk.locator(".held-points")
    expect(waiting).to_contain_text("1 punkt venter på godkjenning")
    expect(desk.locator("#moderation-held")).to_have_text("1 venter totalt")
    # The question's count says what the projector shows: the held point is not in it.
    meta = desk.locator(".qlist__meta").first
    expect(meta).to_contain_text("1 punkt fra 1 av")
    shoot(desk, "konsoll-punkter-1440x900")
    waiting.get_by_role("button", name="Godkjenn").click()
    expect(wall).to_contain_text("uten agenda")
    expect(meta).to_contain_text("2 punkter fra 1 av")
    expect(waiting).to_have_count(0)
    point = desk.locator(".matrix .point").filter(has_text="Felles plan")
    point.get_by_role("button", name="Skjul").click()
    expect(point.get_by_role("button", name="Vis")).to_be_focused()
    expect(wall).not_to_contain_text("Felles plan")
    # Another table's point redraws the table of answers; the focus stays on the button.
    other = phones(gathering, 3)
    other.call_when_connected("add_point", {**add, "text": "Ny møteplan", "client_id": "c"})
    expect(desk.locator(".matrix")).to_contain_text("Ny møteplan")
    expect(point.get_by_role("button", name="Vis")).to_be_focused()
    expect(wall).to_contain_text("uten agenda")
    point.get_by_role("button", name="Vis").click()
    expect(wall).to_contain_text("Felles plan")


def test_the_words_view_with_its_menu_and_suggestions_passes_axe(contexts, server, phones):
    gathering = make_gathering(server, DEFINITION)
    words = gathering.open("words")
    for n, text in enumerate(["god", "god", "gode", "Spent"]):
        send_word(phones(gathering, 1 + n % 4), words, text)
    desk = desk_at(contexts, server, gathering)
    expect(desk.locator("#suggestions li")).to_have_count(1)
    desk.locator("#freq").get_by_role("button", name="Spent 1").click()
    desk.get_by_role("button", name="Skjul ordet").click()
    expect(desk.locator("#hidden-words li")).to_have_count(1)
    expect(desk.locator("#entries .entry.is-hidden")).to_have_count(1)  # struck out, yet readable
    # "Approve before showing" sits among the activity's controls and keeps its state.
    desk.get_by_label("Godkjenn før visning").check()
    send_word(phones(gathering, 1), words, "Trøtt")
    expect(desk.locator("#controls .badge--held")).to_have_text("1 venter på godkjenning")
    expect(desk.get_by_label("Godkjenn før visning")).to_be_checked()
    desk.locator("#freq").get_by_role("button", name="god 2").click()
    expect(desk.locator("#word-menu")).to_be_visible()
    assert serious_violations(desk) == []
    # The answers start above the fold at 1440×900 with all of it open.
    first = desk.locator("#entries .entry").first
    assert first.bounding_box()["y"] + 40 < 900
