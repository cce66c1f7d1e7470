"""What the console and the projector say about the server itself: the join address phones
use (a warning while it is loopback; the organiser chooses another and every screen
follows), the package's version, and a banner while the server cannot write."""

from urllib.parse import quote

import pytest
import requests
from harness import Server
from playwright.sync_api import expect

from browser.screens import LAPTOP, console, fill, log_in, make_gathering, projector
from browser.test_accessibility import serious_violations

DISK_FULL = "Disken er full – svar venter på telefonene."


@pytest.fixture
def own_server(tmp_path):
    """A server of this test's own (its address chosen by the organiser, or its disk small)."""
    made = []

    def start(data=None, **options):
        server = Server(
            data or tmp_path / "data", env={"SAMLA_COALESCE_SECONDS": "0.05"}, **options
        )
        server.start()
        made.append(server)
        return server

    yield start
    for server in made:
        server.stop()


def test_the_console_and_projector_warn_while_a_fixed_join_address_is_loopback(
    contexts, server, gathering
):
    desk = console(contexts, server, gathering)
    warning = desk.locator("#loopback")
    expect(warning).to_contain_text("Ingen telefon kan nå adressen i QR-kodene.")
    # Set by --public-url: it cannot be changed in the console, and the warning says so.
    expect(warning).to_contain_text("Adressen er satt ved oppstart")
    expect(desk.get_by_role("link", name="Velg adresse")).to_be_hidden()
    address = desk.locator("#address")
    expect(address).to_contain_text("kan ikke endres her")
    expect(address).to_contain_text(server.url)
    expect(address.get_by_role("radio")).to_have_count(0)
    expect(address.get_by_role("button")).to_have_count(0)

    screen = projector(contexts, gathering)
    expect(screen.locator("#view-join")).to_be_visible()
    expect(screen.locator("#loopback")).to_have_text(
        "Telefonene kan ikke nå denne adressen. Velg maskinens adresse i konsollen."
    )


def test_the_console_footer_names_the_version(contexts, server, gathering):
    version = requests.get(server.url + "/healthz", timeout=5).json()["version"]
    desk = console(contexts, server, gathering)
    expect(desk.locator(".console-foot")).to_have_text(f"Samla · versjon {version}")
    desk.goto(server.url + "/console")
    expect(desk.locator(".console-foot")).to_have_text(f"Samla · versjon {version}")


def test_choosing_another_address_moves_the_qr_codes_links_cards_and_projector(
    contexts, own_server
):
    server = own_server(fixed_url=False)
    gathering = make_gathering(server)
    listed = server.api("GET", "/api/address").json()
    assert listed["address"] == "127.0.0.1" and not listed["fixed"] and listed["loopback"]
    if not listed["addresses"]:
        pytest.skip("this machine has no network address to choose")
    other = listed["addresses"][0]
    assert other["likeliest"]
    desk = console(contexts, server, gathering)
    screen = projector(contexts, gathering)
    expect(desk.locator("#loopback")).to_contain_text("velg adressen i listen")
    expect(screen.locator("#loopback")).to_be_visible()
    expect(screen.locator("#join-line")).to_contain_text(f"127.0.0.1:{server.port}/j")

    choice = desk.locator(".address__choice", has_text=other["address"])
    expect(choice).to_contain_text("mest sannsynlig")
    assert serious_violations(desk) == []
    choice.get_by_role("radio").check()
    desk.get_by_role("button", name="Bruk denne adressen").click()

    new_url = f"http://{other['address']}:{server.port}"
    qr = f"/qr/{gathering.code}.svg?for={quote(f'{new_url}/j/{gathering.code}', safe='')}"
    expect(desk.locator("#address-status")).to_contain_text(other["address"])
    expect(desk.locator("#loopback")).to_be_hidden()
    expect(desk.locator("#join-url")).to_have_text(f"{new_url}/j/{gathering.code}")
    expect(desk.locator("#join-qr")).to_have_attribute("src", qr)
    expect(desk.get_by_role("link", name="Åpne projektorvisning")).to_have_attribute(
        "href", gathering.screen_url.replace(server.url, new_url)
    )
    expect(choice).to_contain_text("i bruk")
    # The projector follows at once, QR code included (its image names the address).
    expect(screen.locator("#loopback")).to_be_hidden()
    expect(screen.locator("#join-line")).to_contain_text(f"{other['address']}:{server.port}/j")
    expect(screen.locator("#join-qr")).to_have_attribute("src", qr)
    assert screen.locator("#join-qr").evaluate("img => img.complete && img.naturalWidth > 0")
    assert server.api("GET", f"/api/gatherings/{gathering.id}").json()["join_url"] == (
        f"{new_url}/j/{gathering.code}"
    )

    cards = desk.context.new_page()
    cards.goto(f"{server.url}/console/{gathering.id}/cards")
    expect(cards.locator(".tcard__url").first).to_have_text(f"{new_url}/j/{gathering.code}/1")

    # Back to this machine alone: the warning comes back on both screens.
    desk.locator(".address__choice", has_text="bare denne maskinen").get_by_role("radio").check()
    desk.get_by_role("button", name="Bruk denne adressen").click()
    expect(desk.locator("#loopback")).to_be_visible()
    expect(screen.locator("#loopback")).to_be_visible()
    expect(screen.locator("#join-line")).to_contain_text(f"127.0.0.1:{server.port}/j")


class Phone:
    """A participant posting statements over HTTP (as a phone without a websocket does)."""

    def __init__(self, server, gathering):
        self.server, self.activity = server, gathering.open("statements")
        joined = requests.post(
            server.url + "/api/join", json={"code": gathering.code, "table": 1}, timeout=10
        )
        self.token = joined.json()["participant_token"]

    def send(self, client_id):
        return requests.post(
            self.server.url + "/api/submissions",
            json={"activity_id": self.activity, "client_id": client_id, "text": "ord " * 300},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=30,
        )


def test_the_console_shows_a_banner_while_the_disk_is_full_and_drops_it_when_writes_work(
    contexts, own_server, small_disk
):
    server = own_server(small_disk)
    gathering = make_gathering(server)
    phone = Phone(server, gathering)
    desk = console(contexts, server, gathering)
    banner = desk.locator("#health")
    expect(banner).to_be_hidden()

    filler = fill(small_disk)
    for n in range(200):  # pages the WAL already holds take a few more; then the disk says no
        if phone.send(f"full-{n}").status_code == 503:
            break
    else:
        pytest.fail("the disk never filled")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text(DISK_FULL)
    expect(banner).to_contain_text("(siden ")
    assert serious_violations(desk) == []
    # A console that connects while writes fail hears it too.
    late = console(contexts, server, gathering)
    expect(late.locator("#health")).to_contain_text(DISK_FULL)
    expect(late.locator("#agenda li").first).to_be_visible()  # reads still work
    # The gatherings list reads the same banner texts from /healthz.
    listing = contexts(**LAPTOP).new_page()
    log_in(listing, server, "/console")
    expect(listing.locator("#health")).to_contain_text(DISK_FULL)

    filler.unlink()
    assert phone.send("after").status_code == 201
    expect(banner).to_be_hidden()
    expect(late.locator("#health")).to_be_hidden()
    listing.reload()
    expect(listing.locator("#health")).to_be_hidden()
