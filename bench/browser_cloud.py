"""The projector's word cloud in Chromium: redraw time per update and how still words stay.

    python bench/browser_cloud.py [--words 1000] [--updates 8] [--resizes 1280x720,1600x900]

Starts Samla with a words activity of `--words` distinct words on the projector,
opens the projector page in Debian's Chromium (/usr/bin/chromium, driven by
Playwright; no browser is downloaded), then adds a word every 1.2 s through the
HTTP fallback, and at the end resizes the viewport to each of `--resizes` in turn.
Two Performance API figures each time: the projector's own `performance.measure`
entries (`samla-cloud-layout`, `samla-cloud-draw`: the cloud's work) and a
PerformanceObserver for long tasks (>= 50 ms: anything it costs the page, parsing and
style included). The first draw and each resize are full layouts (every word placed
anew); the updates are incremental, and the words' positions before and after each one
show whether old words stayed put.
Prints the figures as JSON.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import actions, create_app, store  # noqa: E402
from bench.load import ORGANISER_TOKEN, start_samla  # noqa: E402
from bench.snapshots import build  # noqa: E402

WATCH_TASKS = """
window.__tasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__tasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });
window.__cloud = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.name.startsWith('samla-cloud-')) window.__cloud.push([entry.name, entry.duration]);
  }
}).observe({ type: 'measure', buffered: true });
"""
POSITIONS = """() => Object.fromEntries([...document.querySelectorAll('#cloud svg text')]
  .map((node) => [node.textContent, node.style.transform]))"""


def prepare(workdir, words):
    app = create_app(
        {
            "DATA_DIR": str(workdir / "data"),
            "ASYNC_MODE": "threading",
            "ADMIN_TOKEN": ORGANISER_TOKEN,
        }
    )
    with app.app_context():
        gathering_id, activity, _ = build(app, words, 0)
        db_store = store.get_store()
        actions.set_activity_state(db_store, gathering_id, activity["id"], "open")
        actions.set_screen(db_store, gathering_id, activity["id"])
        with db_store.read() as db:
            gathering = store.gatherings.get_gathering(db, gathering_id)
    app.extensions["samla_store"].close()
    return gathering, activity


def work_since_last(page):
    """The cloud's layout and drawing time (ms) since the last call, and the long tasks."""
    measures = page.evaluate("window.__cloud.splice(0)")
    return {
        "layout_ms": round(sum(d for name, d in measures if name == "samla-cloud-layout"), 1),
        "draw_ms": round(sum(d for name, d in measures if name == "samla-cloud-draw"), 1),
        "long_tasks_ms": [round(t, 1) for t in page.evaluate("window.__tasks.splice(0)")],
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--updates", type=int, default=8)
    parser.add_argument(
        "--resizes",
        default="1280x720,1600x900",
        help="viewport sizes to resize to after the updates (full layouts)",
    )
    options = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        gathering, activity = prepare(workdir, options.words)
        server = start_samla(workdir, "eventlet")[0]
        try:
            screen_url = f"{server.url}/screen/{gathering['id']}?token={gathering['screen_token']}"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", args=["--no-sandbox"]
                )
                page = browser.new_page(viewport={"width": 1600, "height": 900})
                page.add_init_script(WATCH_TASKS)
                page.goto(screen_url)
                deadline = time.monotonic() + 60
                # Polled from here: the page's CSP forbids the eval that wait_for_function needs.
                while page.evaluate("document.querySelectorAll('#cloud svg text').length") <= 100:
                    if time.monotonic() > deadline:
                        raise SystemExit("the projector drew no cloud of more than 100 words")
                    time.sleep(0.2)
                time.sleep(1.5)
                first = work_since_last(page)
                before = page.evaluate(POSITIONS)
                moved, kept, per_update, cloud_work = [], [], [], []
                for number in range(options.updates):
                    joined = requests.post(
                        server.url + "/api/join",
                        timeout=10,
                        json={"code": gathering["code"], "table": 1},
                    ).json()["participant_token"]
                    requests.post(
                        server.url + "/api/submissions",
                        timeout=10,
                        headers={"Authorization": f"Bearer {joined}"},
                        json={
                            "activity_id": activity["id"],
                            "text": f"nytt{number}",
                            "client_id": f"b{number}",
                        },
                    ).raise_for_status()
                    time.sleep(1.2)
                    per_update += page.evaluate("window.__tasks.splice(0)")
                    cloud_work.append(sum(d for _, d in page.evaluate("window.__cloud.splice(0)")))
                    after = page.evaluate(POSITIONS)
                    common = [w for w in before if w in after]
                    moved.append(sum(before[w] != after[w] for w in common))
                    kept.append(len(common))
                    before = after
                drawn = page.evaluate("document.querySelectorAll('#cloud svg text').length")
                resized = []
                for size in filter(None, options.resizes.split(",")):
                    width, height = (int(n) for n in size.split("x"))
                    page.set_viewport_size({"width": width, "height": height})
                    time.sleep(2.5)  # the cloud redraws at most once a second
                    resized.append(
                        {
                            "viewport": size,
                            **work_since_last(page),
                            "words_drawn": page.evaluate(
                                "document.querySelectorAll('#cloud svg text').length"
                            ),
                        }
                    )
                browser.close()
        finally:
            server.stop()
    print(
        json.dumps(
            {
                "words": options.words,
                "words_drawn": drawn,
                "first_full_layout": first,
                "full_layouts_after_resize": resized,
                "update_cloud_ms": [round(t, 1) for t in cloud_work],
                "update_cloud_max_ms": round(max(cloud_work), 1) if cloud_work else None,
                "longest_update_task_ms": round(max(per_update), 1) if per_update else "< 50",
                "update_long_tasks_ms": [round(t, 1) for t in per_update],
                "update_median_ms": round(statistics.median(per_update), 1) if per_update else None,
                "updates_without_long_task": options.updates - len(per_update),
                "words_kept_per_update": kept,
                "words_moved_per_update": moved,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
