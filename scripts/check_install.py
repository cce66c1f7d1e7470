"""Check an installed Samla the way an organiser's laptop would run it.

    python scripts/check_install.py /path/to/venv/bin/samla

Starts the given `samla` command on a free loopback port with an empty data folder in a
temporary directory, then checks that /healthz answers with a version, that a gathering
can be made from a shipped template, and that the phone page and the projector load, with
every script (ES module imports followed), style sheet and font they load. Standard library
only, so it runs with any Python. Exits non-zero, saying what failed, if anything does.
"""

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

TEMPLATE = "innlandet-ledersamling-2020"
# `import x from "./a.js"` (over several lines too), `export * from "./a.js"`,
# `import "./a.js"` at the start of a statement, and `import("./a.js")` anywhere.
JS_IMPORT = re.compile(
    r"""^\s*(?:import|export)\b[^'";]*?\bfrom\s*["']([^"']+)["']"""
    r"""|^\s*import\s*["']([^"']+)["']"""
    r"""|\bimport\s*\(\s*["']([^"']+)["']\s*\)""",
    re.M,
)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']""")


class Assets(HTMLParser):
    """The scripts, style sheets and other linked files of one HTML page."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.found.append(attrs["src"])
        elif tag == "link" and attrs.get("href") and attrs.get("rel") != "canonical":
            self.found.append(attrs["href"])


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url, token=None, body=None):
    """(status, content type, bytes) of a GET, or of a POST of JSON `body`."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def wait_for(base, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"samla exited with {process.returncode} before answering")
        try:
            status, _, body = fetch(base + "/healthz")
            if status == 200:
                return json.loads(body)
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("samla did not answer /healthz in time")


def same_origin(base, url):
    return urlsplit(url).netloc == urlsplit(base).netloc


def check_page(base, url, problems):
    """Load `url` and everything it loads from Samla; return how many files were loaded."""
    status, _, body = fetch(url)
    if status != 200:
        problems.append(f"{url}: {status}")
        return 0
    parser = Assets()
    parser.feed(body.decode("utf-8"))
    queue = [urljoin(url, src) for src in parser.found]
    seen = set()
    while queue:
        asset = queue.pop()
        if asset in seen or not same_origin(base, asset):
            continue
        seen.add(asset)
        status, kind, content = fetch(asset)
        if status != 200 or not content:
            problems.append(f"{asset} (loaded by {url}): {status}, {len(content)} bytes")
            continue
        path = urlsplit(asset).path
        if path.endswith((".js", ".mjs")):
            text = content.decode("utf-8", "replace")
            for groups in JS_IMPORT.findall(text):
                target = next(g for g in groups if g)
                if target.startswith((".", "/")):
                    queue.append(urljoin(asset, target))
        elif path.endswith(".css"):
            for match in CSS_URL.findall(content.decode("utf-8", "replace")):
                target = match[0] or match[1]
                if not target.startswith("data:"):
                    queue.append(urljoin(asset, target))
        elif path.endswith(".ttf") and "font" not in kind and "octet" not in kind:
            problems.append(f"{asset}: served as {kind}")
    return len(seen)


def check(samla):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    token = secrets.token_urlsafe(12)
    with tempfile.TemporaryDirectory() as data:
        environ = {**os.environ, "SAMLA_ADMIN_TOKEN": token}
        command = [samla, "--host", "127.0.0.1", "--port", str(port), "--data", data]
        # Started from the temporary folder, so nothing of a checkout can be imported.
        process = subprocess.Popen(
            command, cwd=data, env=environ, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        try:
            health = wait_for(base, process)
            problems = []
            if health.get("status") != "ok" or not health.get("version"):
                problems.append(f"/healthz answered {health}")
            status, _, body = fetch(base + "/api/gatherings", token, {"template": TEMPLATE})
            if status != 201:
                raise SystemExit(f"no gathering from {TEMPLATE}: {status} {body[:300]!r}")
            gathering = json.loads(body)
            loaded = 0
            for page in (gathering["tables"][0]["join_url"], gathering["screen_url"]):
                loaded += check_page(
                    base, urljoin(base, urlsplit(page).path + "?" + urlsplit(page).query), problems
                )
            if not os.path.exists(os.path.join(data, "samla.db")):
                problems.append("no samla.db in the data folder given")
        finally:
            process.terminate()
            try:
                output = process.communicate(timeout=15)[0]
            except subprocess.TimeoutExpired:
                process.kill()
                output = process.communicate()[0]
    if problems:
        print(output.decode("utf-8", "replace"), file=sys.stderr)
        raise SystemExit("the installed samla is incomplete:\n  " + "\n  ".join(problems))
    print(f"installed samla {health['version']}: /healthz, 2 pages and {loaded} files loaded")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    check(sys.argv[1])
