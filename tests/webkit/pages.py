"""A WebKit window driven through WebKitWebDriver, and the waits the tests poll with.

WebKitGTK under Xvfb draws in software and is slow to start: every wait is generous, and
every wait polls the page for a condition instead of sleeping.
"""

import glob
import os
import shutil
import uuid
import warnings

# Selenium is imported where it is used, so that without it conftest.py can say why it skips.

WEBKIT_DRIVER = os.environ.get("SAMLA_WEBKIT_DRIVER", "WebKitWebDriver")
ENTER = "\ue007"  # WebDriver's code for the Enter key: the phone keyboard's send key
WAIT = 45  # seconds: the longest a WebKit page may take to follow a change
# An iPhone's screen in CSS pixels; MiniBrowser's window does not get narrower than about
# 450 pixels (its toolbar), so the phone page is tested that wide and 844 high.
PHONE = (390, 844)
PROJECTOR = (1600, 900)
# No GPU under Xvfb: draw in software.
ENVIRONMENT = {
    "LIBGL_ALWAYS_SOFTWARE": "1",
    "WEBKIT_DISABLE_DMABUF_RENDERER": "1",
    "WEBKIT_DISABLE_COMPOSITING_MODE": "1",
    "NO_AT_BRIDGE": "1",
}
# WebKitWebDriver starts WebKitGTK's MiniBrowser; arguments of our own need its path too.
BROWSER = os.environ.get("SAMLA_WEBKIT_BROWSER") or next(
    iter(sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser"))), None
)
BROWSER_ARGUMENTS = [
    "--automation",
    "--enable-smooth-scrolling=false",
]


class Screen:
    """One WebKit window: go to a page, find things in it, wait for the DOM to change."""

    def __init__(self, driver, log):
        self.driver, self.log = driver, log

    @classmethod
    def open(cls, display, width, height, log_path):
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        options = Options()
        options.binary_location = BROWSER
        for argument in BROWSER_ARGUMENTS:
            options.add_argument(argument)
        log = open(log_path, "ab")
        service = Service(
            executable_path=shutil.which(WEBKIT_DRIVER),
            log_output=log,
            env={**os.environ, **ENVIRONMENT, "DISPLAY": display},
        )
        try:
            with warnings.catch_warnings():
                # Selenium's own WebKitGTK class still passes the address the old way.
                warnings.filterwarnings("ignore", "setting remote_server_addr", DeprecationWarning)
                driver = webdriver.WebKitGTK(options=options, service=service)
        except BaseException:
            log.close()
            raise
        driver.set_page_load_timeout(WAIT)
        driver.set_script_timeout(WAIT)
        screen = cls(driver, log)
        screen.resize(width, height)
        return screen

    def resize(self, width, height):
        """Make the page's viewport (not the window around it) width × height, or as near
        as the window allows."""
        self.driver.set_window_size(width, height)
        inner = self.js("return [window.innerWidth, window.innerHeight]")
        self.driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])

    def close(self):
        try:
            self.driver.quit()
        finally:
            self.log.close()

    def go(self, url):
        self.driver.get(url)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def all(self, css):
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def wait(self, check, message, timeout=WAIT):
        """Poll `check(screen)` until it returns something true; that is the answer."""
        from selenium.common.exceptions import StaleElementReferenceException
        from selenium.webdriver.support.ui import WebDriverWait

        waiting = WebDriverWait(
            self, timeout, poll_frequency=0.1, ignored_exceptions=(StaleElementReferenceException,)
        )
        return waiting.until(check, message)

    def find(self, css, text=None, visible=True):
        """The first element matching `css` (and holding `text`), once there and shown."""

        def found(screen):
            for element in screen.all(css):
                if visible and not element.is_displayed():
                    continue
                if text is None or text in element.text:
                    return element
            return None

        shown = " shown" if visible else ""
        holding = f" holding {text!r}" if text is not None else ""
        return self.wait(found, f"no {css}{shown}{holding}")

    def text_of(self, css, expected):
        """Wait until the first `css` element's text is exactly `expected`."""

        def has(screen):
            elements = screen.all(css)
            return bool(elements) and elements[0].text.strip() == expected

        return self.wait(has, f"{css} never read {expected!r}")

    def gone(self, css):
        return self.wait(lambda screen: not screen.all(css), f"{css} stayed")

    def shot(self, path):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.driver.get_screenshot_as_png())


def phone_at(screens, gathering, table):
    """A phone that opened a table's QR address and shows the live panel."""
    phone = screens(*PHONE)
    phone.go(gathering.join_url(table))
    phone.find("#live-panel")
    # The gathering's state has arrived: an activity, or the "wait a moment" screen.
    phone.find("#activities .task, #waiting")
    return phone


def projector(screens, gathering):
    screen = screens(*PROJECTOR)
    screen.go(gathering.screen_url)
    return screen


def submit(gathering, kind, table, text):
    """Another phone's answer, over HTTP, from a participant that joins `table` for it."""
    server = gathering.server
    joined = server.api("POST", "/api/join", json={"code": gathering.code, "table": table}).json()
    answer = server.api(
        "POST",
        "/api/submissions",
        headers={"Authorization": f"Bearer {joined['participant_token']}"},
        json={
            "activity_id": gathering.activities[kind],
            "client_id": str(uuid.uuid4()),
            "text": text,
        },
    )
    assert answer.status_code == 201, answer.text
