"""Fixtures for the WebKit tests: Debian's WebKitWebDriver under a virtual X display.

Most phones in a Norwegian hall are iPhones, and every iPhone browser is WebKit. Debian's
`webkit2gtk-driver` drives WebKitGTK's MiniBrowser, which needs an X display: the tests start
their own `Xvfb` on a free display, so `make test` needs no wrapper and runs as root in CI.
Without WebKitWebDriver or Xvfb the tests are skipped, unless CI is set: then they fail.
"""

import os
import shutil
import subprocess

import pytest
from browser.screens import make_gathering
from harness import page_server

from webkit.pages import BROWSER, WEBKIT_DRIVER, Screen

MISSING = "apt-get install webkit2gtk-driver xvfb xauth (scripts/system-packages.sh)"


def unavailable(reason):
    """Skip on a laptop without the packages; fail in CI, where they must be installed."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason}: {MISSING}")
    pytest.skip(f"{reason}: {MISSING}")


@pytest.fixture(scope="session")
def display():
    """A virtual X display of our own (Xvfb picks a free number and tells us on a pipe)."""
    try:
        import selenium  # noqa: F401 - only to know that the Python side is there
    except ImportError:
        unavailable("selenium is not installed (requirements-dev.txt)")
    if not shutil.which(WEBKIT_DRIVER):
        unavailable(f"{WEBKIT_DRIVER} is missing")
    if not BROWSER:
        unavailable("WebKitGTK's MiniBrowser is missing")
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        if os.environ.get("DISPLAY"):
            yield os.environ["DISPLAY"]
            return
        unavailable("Xvfb is missing and there is no display")
    reader, writer = os.pipe()
    process = subprocess.Popen(
        [xvfb, "-displayfd", str(writer), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(writer,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(writer)
    with os.fdopen(reader) as answer:
        number = answer.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One real server (`python run.py`) for a module; each test makes its own gathering."""
    with page_server(tmp_path_factory, "webkit") as running:
        yield running


@pytest.fixture
def gathering(server):
    return make_gathering(server)


@pytest.fixture
def screens(display, tmp_path):
    """New WebKit windows (each its own phone or projector), all closed after the test."""
    opened = []

    def new(width, height):
        screen = Screen.open(display, width, height, tmp_path / f"webkit-{len(opened)}.log")
        opened.append(screen)
        return screen

    yield new
    for screen in opened:
        screen.close()
