"""Fixtures for the browser tests: Debian's Chromium, the real server, a fresh gathering.

Chromium is never downloaded: `.ci/run` installs Debian's package and the tests point
Playwright at it. Without it every test here fails (nothing is skipped).
"""

import os
import subprocess
from pathlib import Path

import pytest
from harness import page_server
from playwright.sync_api import sync_playwright

from browser.screens import CHROMIUM, CHROMIUM_ARGS, WAIT, make_gathering


# Package scope: Playwright's sync API keeps an asyncio loop running in this thread while it
# lives, and later tests (asyncio.run in the phone harness) need it gone.
@pytest.fixture(scope="package")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One real server (`python run.py`) for a module; each test makes its own gathering."""
    with page_server(tmp_path_factory, "browser") as running:
        yield running


@pytest.fixture
def gathering(server):
    return make_gathering(server)


@pytest.fixture
def contexts(browser):
    """New browser contexts (each its own phone or laptop), all closed after the test."""
    made = []

    def new(**options):
        context = browser.new_context(locale="nb-NO", **options)
        context.set_default_timeout(WAIT)
        made.append(context)
        return context

    yield new
    for context in made:
        context.close()


@pytest.fixture
def small_disk(tmp_path):
    """A real 16 MB tmpfs for the server's data folder (root only: mount)."""
    if os.geteuid() != 0:
        if os.environ.get("CI"):
            pytest.fail("CI runs the browser tests as root, to mount a small tmpfs")
        pytest.skip("mounting a tmpfs needs root")
    folder = tmp_path / "disk"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16M", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
