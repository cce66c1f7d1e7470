"""The projector's word cloud with 1,000 distinct words: words already drawn stay in place.

Only stability is asserted here; how long an update takes is a benchmark figure
(`bench/browser_cloud.py`, docs/BENCHMARKS.md), not a timed test.
"""

import time

from browser.screens import WAIT, make_gathering, projector

WORDS = 1000
PER_PHONE = 25  # 40 phones of 25 words each, below a phone's rate limit

# Each drawn word's position (its transform) and font size.
DRAWN = """() => Object.fromEntries([...document.querySelectorAll('#cloud svg text')]
  .map((node) => [node.textContent, [node.style.transform, node.style.fontSize]]))"""


def word(number):
    letters = ""
    for _ in range(3):
        number, rest = divmod(number, 26)
        letters += chr(ord("a") + rest)
    return f"tema{letters}"


def submit(server, gathering, activity_id, texts, table=1):
    joined = server.api("POST", "/api/join", json={"code": gathering.code, "table": table}).json()
    phone = {"Authorization": f"Bearer {joined['participant_token']}"}
    for n, text in enumerate(texts):
        sent = server.api(
            "POST",
            "/api/submissions",
            headers=phone,
            json={"activity_id": activity_id, "client_id": f"c{n}", "text": text},
        )
        assert sent.status_code == 201, sent.text


def drawn_when(page, check, message):
    """Poll the cloud's words until `check` holds (the page's CSP rules out wait_for_function)."""
    deadline = time.monotonic() + WAIT / 1000
    while True:
        drawn = page.evaluate(DRAWN)
        if check(drawn):
            return drawn
        assert time.monotonic() < deadline, message
        time.sleep(0.2)


def test_a_cloud_of_a_thousand_words_keeps_its_words_in_place_as_counts_grow(contexts, server):
    gathering = make_gathering(
        server,
        {
            "title": "Stor samling",
            "tables": 4,
            "activities": [
                {"kind": "words", "prompt": "Ett ord", "words_per_participant": PER_PHONE}
            ],
        },
    )
    activity_id = gathering.open("words")
    for start in range(0, WORDS, PER_PHONE):
        submit(
            server,
            gathering,
            activity_id,
            [word(n) for n in range(start, start + PER_PHONE)],
            table=1 + start // PER_PHONE % 4,
        )
    screen = projector(contexts, gathering)
    before = drawn_when(screen, lambda d: len(d) >= 100, "the cloud never drew 100 words")
    # Give the first layout time to settle (new words fade in; nothing moves after).
    time.sleep(1.5)
    before = screen.evaluate(DRAWN)
    drawn_words = sorted(before)
    not_drawn = [w for w in (word(n) for n in range(WORDS)) if w not in before]
    assert not_drawn, "with 1,000 words the projector draws only the top ones"

    grown_so_far = set()  # a word that grew may move (alone) if it no longer fits where it is
    for update in range(3):
        # One drawn word grows to the largest count (the others shrink), and a word from
        # outside the cloud grows into it (it takes the place of one that drops out).
        grown = drawn_words[update * 7]
        entering = not_drawn[update]
        grown_so_far |= {grown, entering}
        for texts in ([grown, entering], [grown, entering], [grown]):
            submit(server, gathering, activity_id, texts, table=1 + update)
        drawn_when(
            screen,
            lambda d, e=entering: e in d,
            f"update {update}: the word {entering!r} never entered the cloud",
        )
        time.sleep(0.3)
        after = screen.evaluate(DRAWN)
        assert len(after) >= 100
        moved = [
            w
            for w in before
            if w in after and w not in grown_so_far and after[w][0] != before[w][0]
        ]
        assert moved == [], f"update {update}: words moved although only others grew: {moved}"
        before = after


# Each drawn word's ink box on the canvas (as the page measures text: bold, its own font)
# and the cloud's size, from what is on screen: the transform, the font size and the baseline.
INK = """() => {
  const svg = document.querySelector('#cloud svg');
  const [, , width, height] = svg.getAttribute('viewBox').split(' ').map(Number);
  const context = document.createElement('canvas').getContext('2d');
  const words = [...svg.querySelectorAll('text')].map((node) => {
    const [x, y] = node.style.transform.match(/-?[0-9.]+/g).map(Number);
    const size = parseFloat(node.style.fontSize);
    context.font = `bold ${size}px ${getComputedStyle(node).fontFamily}`;
    const m = context.measureText(node.textContent);
    const baseline = y + parseFloat(node.getAttribute('y'));
    return { text: node.textContent, size, x0: x - m.width / 2, x1: x + m.width / 2,
      y0: baseline - m.actualBoundingBoxAscent, y1: baseline + m.actualBoundingBoxDescent };
  });
  return { width, height, words };
}"""
LISTED = """() => [...document.querySelectorAll('#cloud-text li')]
  .map((li) => li.textContent.split(':')[0])"""


def assert_a_full_cloud(screen, listed, heaviest, where):
    """The top words are drawn (all but 3 %), the heaviest largest, none overlapping, all inside."""
    cloud = screen.evaluate(INK)
    words = cloud["words"]
    drawn = {w["text"] for w in words}
    assert drawn <= set(listed), f"{where}: drew words outside the top"
    assert len(drawn) >= len(listed) * 0.97, f"{where}: only {len(drawn)} of {len(listed)} drawn"
    sizes = {w["text"]: w["size"] for w in words}
    assert sizes[heaviest] == max(sizes.values()), f"{where}: the most said word is not the largest"
    # Text measured at another size may differ by a pixel; the layout keeps words 6 px apart.
    slack = 1
    for w in words:
        assert w["x0"] >= -slack and w["y0"] >= -slack, f"{where}: {w['text']} sticks out"
        assert w["x1"] <= cloud["width"] + slack and w["y1"] <= cloud["height"] + slack, (
            f"{where}: {w['text']} sticks out"
        )
    overlapping = [
        (a["text"], b["text"])
        for i, a in enumerate(words)
        for b in words[i + 1 :]
        if a["x0"] + slack < b["x1"]
        and b["x0"] + slack < a["x1"]
        and a["y0"] + slack < b["y1"]
        and b["y0"] + slack < a["y1"]
    ]
    assert overlapping == [], f"{where}: words drawn over each other: {overlapping[:5]}"


def test_a_full_layout_of_a_thousand_words_draws_the_top_words_apart_and_again_after_a_resize(
    contexts, server
):
    gathering = make_gathering(
        server,
        {
            "title": "Stor samling",
            "tables": 4,
            "activities": [
                {"kind": "words", "prompt": "Ett ord", "words_per_participant": PER_PHONE}
            ],
        },
    )
    activity_id = gathering.open("words")
    for start in range(0, WORDS, PER_PHONE):
        submit(
            server,
            gathering,
            activity_id,
            [word(n) for n in range(start, start + PER_PHONE)],
            table=1 + start // PER_PHONE % 4,
        )
    # Counts from 1 to 6, so that sizes differ: word(0) is said six times.
    for extra in range(5):
        submit(server, gathering, activity_id, [word(n) for n in range(5 - extra)])
    screen = projector(contexts, gathering)
    drawn_when(screen, lambda d: len(d) >= 100, "the cloud never drew 100 words")
    time.sleep(1.5)
    listed = screen.evaluate(LISTED)
    assert len(listed) == 120 and listed[0] == word(0)
    assert_a_full_cloud(screen, listed, word(0), "first layout")

    first = screen.evaluate(DRAWN)
    screen.set_viewport_size({"width": 1280, "height": 720})
    drawn_when(
        screen,
        lambda d: d.get(word(0)) != first[word(0)],
        "the cloud was not laid out anew after the resize",
    )
    time.sleep(1.5)
    assert_a_full_cloud(screen, listed, word(0), "after a resize")
