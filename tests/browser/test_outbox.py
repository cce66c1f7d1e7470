"""Nothing a person typed is lost: the real phone page through refusals and server faults.

Each test types on the phone page itself (static/js/phone/, static/js/shared/outbox.js)
and checks the server's export: every text is stored exactly once, or, when the server
refuses it for good, it stays on the phone with the reason until it is sent again.
"""

import sqlite3
import time

import pytest
from harness import Server
from playwright.sync_api import expect

from browser.screens import eventually, fill, make_gathering, phone_at

SLOW = 60  # seconds: a fault, its backoff and a reconnect, on a busy machine


def stored(gathering, text):
    """How many times the server stored this statement (the export's entries)."""
    return sum(entry["text"] == text for entry in gathering.entries("statements"))


def stored_in(db, text):
    """The statement's rows, read straight from samla.db (also while it is locked)."""
    return db.execute("SELECT count(*) FROM entries WHERE text = ?", (text,)).fetchone()[0]


def write(phone, activity_id, text):
    phone.locator(f"#answer-{activity_id}").fill(text)
    phone.locator(".task--statements").get_by_role("button", name="Send").click()


def wait_offline(phone):
    phone.locator("body.is-offline").wait_for()


def mine(phone, text):
    return phone.locator(".statements .is-mine", has_text=text)


@pytest.fixture
def own_server(tmp_path):
    """A server of this test's own, to be killed, locked or starved of disk."""
    made = []

    def start(data=None):
        server = Server(data or tmp_path / "data", env={"SAMLA_COALESCE_SECONDS": "0.05"})
        server.start()
        made.append(server)
        return server

    yield start
    for server in made:
        server.stop()


def test_a_refusal_after_reconnecting_keeps_the_text_until_it_is_sent_again(contexts, gathering):
    statements = gathering.open("statements")
    phone = phone_at(contexts, gathering, 1)
    phone.context.set_offline(True)
    wait_offline(phone)
    write(phone, statements, "Skrevet uten nett")
    expect(phone.locator(".statements .is-pending")).to_contain_text("Skrevet uten nett")

    gathering.set_state(statements, "closed")
    phone.context.set_offline(False)
    refused = phone.locator("#refused .refused", has_text="Skrevet uten nett")
    expect(refused).to_contain_text("Ikke sendt: Aktiviteten er lukket.")
    expect(refused.get_by_role("button", name="Send igjen")).to_be_disabled()
    expect(refused.get_by_role("button", name="Kopier teksten")).to_be_visible()

    phone.reload()
    expect(refused).to_contain_text("Ikke sendt: Aktiviteten er lukket.")
    assert stored(gathering, "Skrevet uten nett") == 0

    gathering.set_state(statements, "open")
    again = phone.locator(".task--statements .refused", has_text="Skrevet uten nett")
    again.get_by_role("button", name="Send igjen").click()
    expect(mine(phone, "Skrevet uten nett")).to_be_visible()
    expect(phone.locator(".refused")).to_have_count(0)
    eventually(lambda: stored(gathering, "Skrevet uten nett") == 1)
    phone.reload()
    expect(mine(phone, "Skrevet uten nett")).to_be_visible()
    expect(phone.locator(".refused")).to_have_count(0)
    assert stored(gathering, "Skrevet uten nett") == 1


def test_a_refused_text_can_be_copied_and_once_dismissed_is_gone_also_after_a_reload(
    contexts, gathering
):
    words = gathering.open("words")
    phone = phone_at(contexts, gathering, 2)
    phone.context.set_offline(True)
    wait_offline(phone)
    phone.locator(f"#answer-{words}").fill("glad")
    phone.locator(".task--words").get_by_role("button", name="Send").click()
    gathering.set_state(words, "closed")
    phone.context.set_offline(False)
    refused = phone.locator("#refused .refused", has_text="glad")
    expect(refused).to_contain_text("Ikke sendt")
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    refused.get_by_role("button", name="Kopier teksten").click()
    expect(refused).to_contain_text("Kopiert ✓")
    assert phone.evaluate("() => navigator.clipboard.readText()") == "glad"
    refused.get_by_role("button", name="Fjern").click()
    expect(phone.locator(".refused")).to_have_count(0)
    phone.reload()
    phone.locator("#waiting:not([hidden]), #activities .task").first.wait_for()
    expect(phone.locator(".refused")).to_have_count(0)


def test_a_database_locked_longer_than_the_busy_timeout_stores_the_text_once(contexts, own_server):
    server = own_server()
    gathering = make_gathering(server)
    statements = gathering.open("statements")
    phone = phone_at(contexts, gathering, 1)

    lock = sqlite3.connect(server.data / "samla.db", isolation_level=None, timeout=30)
    lock.execute("BEGIN IMMEDIATE")
    locked_at = time.monotonic()
    try:
        write(phone, statements, "Mens basen var låst")
        expect(phone.locator(".statements .is-pending")).to_contain_text("Mens basen var låst")
        # Longer than the server's busy timeout of 10 s: its write gives up at least once.
        time.sleep(max(0, 13 - (time.monotonic() - locked_at)))
        assert stored_in(lock, "Mens basen var låst") == 0
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    expect(mine(phone, "Mens basen var låst")).to_be_visible(timeout=SLOW * 1000)
    expect(phone.locator(".refused")).to_have_count(0)
    eventually(lambda: stored(gathering, "Mens basen var låst") == 1, timeout=SLOW)
    time.sleep(2)  # a late resend would show up here
    assert stored(gathering, "Mens basen var låst") == 1


def test_a_server_killed_mid_send_and_restarted_stores_the_text_once(contexts, own_server):
    server = own_server()
    gathering = make_gathering(server)
    statements = gathering.open("statements")
    phone = phone_at(contexts, gathering, 3)

    server.process.send_signal(19)  # SIGSTOP: the submission leaves the phone, no answer comes
    write(phone, statements, "Sendt mens serveren døde")
    expect(phone.locator(".statements .is-pending")).to_contain_text("Sendt mens serveren døde")
    time.sleep(0.5)
    server.kill()
    server.start()

    expect(mine(phone, "Sendt mens serveren døde")).to_be_visible(timeout=SLOW * 1000)
    eventually(lambda: stored(gathering, "Sendt mens serveren døde") == 1, timeout=SLOW)
    time.sleep(2)
    assert stored(gathering, "Sendt mens serveren døde") == 1
    expect(phone.locator(".refused")).to_have_count(0)


def test_a_full_disk_keeps_the_texts_queued_and_stores_each_once_when_space_returns(
    contexts, own_server, small_disk
):
    server = own_server(small_disk)
    gathering = make_gathering(server)
    statements = gathering.open("statements")
    phone = phone_at(contexts, gathering, 2)

    filler = fill(small_disk)
    texts = ["Første uten plass", "Andre uten plass", "Tredje uten plass"]
    for text in texts:
        write(phone, statements, text)
    time.sleep(3)
    pending = phone.locator(".statements .is-pending")
    assert pending.count() >= 1, "the disk was not full: the server stored everything"
    expect(phone.locator(".refused")).to_have_count(0)

    filler.unlink()
    for text in texts:
        expect(mine(phone, text)).to_be_visible(timeout=SLOW * 1000)
    for text in texts:
        eventually(lambda text=text: stored(gathering, text) == 1, timeout=SLOW)
    expect(phone.locator(".refused")).to_have_count(0)
    expect(phone.locator(f"#answer-{statements}")).to_have_value("")


def test_refused_points_edits_and_ballots_are_kept_and_sent_again(contexts, gathering):
    task = gathering.open("task")
    prio = gathering.open("priorities")
    phone = phone_at(contexts, gathering, 1)
    first = phone.locator(".qblock", has_text="Hva gjør vi først?")
    first.locator(f"#point-{task}-q1").fill("Et punkt på nett")
    first.get_by_role("button", name="Legg til").click()
    point = first.locator(".point", has_text="Et punkt på nett")
    expect(point.get_by_role("button", name="Endre")).to_be_visible()

    phone.context.set_offline(True)
    wait_offline(phone)
    first.locator(f"#point-{task}-q1").fill("Et nytt punkt uten nett")
    first.get_by_role("button", name="Legg til").click()
    point.get_by_role("button", name="Endre").click()
    first.get_by_label("Endre punktet").fill("Et endret punkt uten nett")
    first.get_by_role("button", name="Lagre").click()
    phone.get_by_role("button", name="Én prikk til på «Samordning»").click()
    phone.locator(".task--priorities").get_by_role("button", name="Send").click()
    gathering.set_state(task, "closed")
    gathering.set_state(prio, "closed")
    phone.context.set_offline(False)

    shelf = phone.locator("#refused .refused")
    expect(shelf).to_have_count(3)
    for text in ["Et nytt punkt uten nett", "Et endret punkt uten nett", "Samordning"]:
        expect(shelf.filter(has_text=text)).to_contain_text("Ikke sendt: Aktiviteten er lukket.")
    phone.reload()
    expect(shelf).to_have_count(3)

    gathering.set_state(prio, "open")
    ballot = phone.locator(".task--priorities .refused")
    ballot.get_by_role("button", name="Send igjen").click()
    expect(phone.locator(".prio__saved.is-saved")).to_be_visible()

    gathering.set_state(task, "open")
    for text in ["Et nytt punkt uten nett", "Et endret punkt uten nett"]:
        phone.locator(".task--task .refused", has_text=text).get_by_role(
            "button", name="Send igjen"
        ).click()
    expect(phone.locator(".refused")).to_have_count(0)
    expect(
        first.locator(".point:not(.is-pending)", has_text="Et nytt punkt uten nett")
    ).to_be_visible()
    expect(
        first.locator(".point:not(.is-pending)", has_text="Et endret punkt uten nett")
    ).to_be_visible()
    expect(first.locator(".point", has_text="Et punkt på nett")).to_have_count(0)
