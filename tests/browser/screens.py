"""What the browser tests share: Debian's Chromium, screen sizes, a gathering and its screens.

Chromium is never downloaded: `.ci/run` installs Debian's package and the tests point
Playwright at it. Without it every test here fails (nothing is skipped).
"""

import os
import time
from pathlib import Path

from harness import ROOT, TOKEN

CHROMIUM = os.environ.get("SAMLA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-extensions",
]
# Screenshots are CI artefacts; `make screenshots` points this at docs/screenshots.
SHOTS = Path(os.environ.get("SAMLA_SCREENSHOTS", ROOT / "artifacts" / "screenshots"))
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 1,
}
PROJECTOR = {"viewport": {"width": 1920, "height": 1080}}
LAPTOP = {"viewport": {"width": 1366, "height": 900}}
WAIT = 15_000  # ms: the longest a screen may take to follow a change

DEFINITION = {
    "title": "Nettverkssamling i nettleseren",
    "date": "2026-02-03",
    "place": "Hamar",
    "tables": 3,
    "activities": [
        {
            "kind": "words",
            "title": "Stemning",
            "prompt": "Hvordan er stemningen? Ett ord.",
            "words_per_participant": 3,
        },
        {
            "kind": "statements",
            "title": "Utsagn",
            "prompt": "Hva trenger nettverket?",
            "per_table": 5,
        },
        {
            "kind": "task",
            "key": "plan",
            "title": "Gruppeoppgave",
            "prompt": "Planen videre",
            "questions": [
                {"id": "q1", "title": "Hva gjør vi først?"},
                {"id": "q2", "title": "Hvem har ansvaret?"},
            ],
        },
        {
            "kind": "priorities",
            "title": "Prioritering",
            "prompt": "Hva er viktigst?",
            "mode": "dots",
            "dots": 3,
            "max_per_item": 2,
            "items": ["Samordning", "Tid til samarbeid", "Felles mål"],
        },
        {"kind": "questions", "title": "Spørsmål", "prompt": "Spørsmål til panelet"},
    ],
}


class Gathering:
    """A gathering on the server and the organiser's moves on it (over the HTTP API)."""

    def __init__(self, server, data):
        self.server, self.data = server, data
        self.id, self.code = data["id"], data["code"]
        self.activities = {a["kind"]: a["id"] for a in data["activities"]}

    @property
    def screen_url(self):
        return self.data["screen_url"]

    def join_url(self, table):
        return f"{self.server.url}/j/{self.code}/{table}"

    def open(self, kind):
        """Open an activity and show it on the projector, as the console's Open button does."""
        activity_id = self.activities[kind]
        self.set_state(activity_id, "open")
        self.show(activity_id)
        return activity_id

    def set_state(self, activity_id, state):
        answer = self.server.api(
            "POST",
            f"/api/gatherings/{self.id}/activities/{activity_id}/state",
            json={"state": state},
        )
        assert answer.status_code == 200, answer.text

    def show(self, activity_id, **extra):
        answer = self.server.api(
            "POST", f"/api/gatherings/{self.id}/screen", json={"activity_id": activity_id, **extra}
        )
        assert answer.status_code == 200, answer.text

    def export(self):
        answer = self.server.api("GET", f"/api/gatherings/{self.id}/export.json")
        assert answer.status_code == 200, answer.text
        return answer.json()

    def entries(self, kind):
        """The entries of an activity as the export has them."""
        activity_id = self.activities[kind]
        for activity in self.export()["activities"]:
            if activity["id"] == activity_id:
                return activity["entries"]
        raise AssertionError(f"no {kind} activity in the export")


def make_gathering(server, definition=None):
    answer = server.api("POST", "/api/gatherings", json=definition or DEFINITION)
    assert answer.status_code == 201, answer.text
    return Gathering(server, answer.json())


def phone_at(contexts, gathering, table, **options):
    """A phone that scanned a table's QR code and shows the live panel."""
    page = contexts(**{**PHONE, **options}).new_page()
    page.goto(gathering.join_url(table))
    page.locator("#live-panel").wait_for(state="visible")
    # The gathering's state has arrived: an activity, or the "wait a moment" screen.
    page.locator("#activities .task, #waiting:not([hidden])").first.wait_for()
    return page


def projector(contexts, gathering):
    page = contexts(**PROJECTOR).new_page()
    page.goto(gathering.screen_url)
    return page


def console(contexts, server, gathering):
    """The facilitator's console, logged in through the login form."""
    page = contexts(**LAPTOP).new_page()
    log_in(page, server, f"/console/{gathering.id}")
    page.locator("#agenda li").first.wait_for()
    return page


def log_in(page, server, target):
    page.goto(f"{server.url}/login?next={target}")
    page.get_by_label("Arrangørnøkkel").fill(TOKEN)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(f"**{target}*")


def shoot(page, name, **options):
    """Save a screenshot of what a screen shows now (a CI artefact)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), **options)


def eventually(check, timeout=WAIT / 1000, message="the expected state did not come"):
    """Poll a plain (non-browser) condition, e.g. the export, until it holds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(message)
        time.sleep(0.1)


def fill(folder):
    """Write a file until the disk is full, to the last small block; return it."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as out:
        for block in (65536, 512):
            try:
                while True:
                    out.write(b"\0" * block)
            except OSError:
                pass
    return filler
