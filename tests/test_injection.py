"""Promise 4: over 100 XSS and injection payloads through every entry path, inert in every output.

Text is checked once, at the door: control characters other than newline, tab and
carriage return, lone surrogates and Unicode noncharacters are refused with
`bad_characters`, in participants' text and in definitions alike. Participants' text
is stored exactly as sent; texts in a definition are stored trimmed. Pages keep the same
tag structure whatever the text, so nothing sent ever became markup; the JSON export gives
it back exactly.
"""

import json
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import simple_definition

PAYLOADS = json.loads((Path(__file__).parent / "data" / "xss_payloads.json").read_text("utf-8"))
LONGEST = "<script>alert(1)</script>😀" * 76  # 1,976 characters: fits a statement
HUGE = "<svg onload=alert(1)>" * 5000  # 105 KB: refused as too long, never stored


def refusable(text):
    return any(
        c not in "\n\t\r" and (unicodedata.category(c) in ("Cc", "Cs") or ord(c) & 0xFFFE == 0xFFFE)
        for c in text
    )


class Structure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag,))


def structure(html):
    parser = Structure()
    parser.feed(html)
    return parser.tags


def test_the_corpus_is_big_and_varied():
    assert len(PAYLOADS) >= 100 and len(set(PAYLOADS)) == len(PAYLOADS)
    assert any("onerror" in p for p in PAYLOADS) and any("{{7*7}}" == p for p in PAYLOADS)
    assert any(refusable(p) for p in PAYLOADS) and any("\u202e" in p for p in PAYLOADS)


@pytest.fixture
def open_statements(organiser):
    gathering = organiser.create(
        simple_definition(activities=[{"kind": "statements", "prompt": "Fritt"}])
    )
    organiser.open(gathering, gathering["activities"][0])
    return gathering


def test_participants_text_is_stored_exactly_through_both_doors(
    organiser, open_statements, phone, client
):
    activity = open_statements["activities"][0]
    sent = []
    for n, text in enumerate(PAYLOADS + [LONGEST, HUGE]):
        if n % 40 == 0:  # a fresh phone now and then, to stay below the participant limit
            sio = phone(open_statements)
        ack = sio.emit(
            "submit",
            {"activity_id": activity["id"], "text": text, "client_id": f"s{n}"},
            callback=True,
        )
        http = client.post(
            "/api/submissions",
            headers={"Authorization": f"Bearer {sio.token}"},
            json={"activity_id": activity["id"], "text": text, "client_id": f"h{n}"},
        )
        if refusable(text) or text is HUGE:
            expected = "bad_characters" if refusable(text) else "text_too_long"
            assert ack["ok"] is False and ack["error"] == expected
            assert http.status_code == 400 and http.get_json()["error"] == expected
        else:
            assert ack["ok"] is True, (text, ack)
            assert http.status_code == 201, (text, http.get_json())
            sent += [text, text]
    exported = organiser.get(f"/api/gatherings/{open_statements['id']}/export.json")
    assert exported.mimetype == "application/json"
    assert exported.headers["X-Content-Type-Options"] == "nosniff"
    texts = [e["text"] for e in exported.get_json()["activities"][0]["entries"]]
    assert texts == sent
    assert len(sent) >= 2 * 100


def test_definition_texts_never_become_markup_on_any_page(organiser, client):
    def pages(gathering):
        screen = gathering["screen_url"].split("/screen/")[1]
        return {
            name: organiser.get(url).get_data(as_text=True)
            for name, url in enumerate(
                (
                    f"/console/{gathering['id']}",
                    f"/console/{gathering['id']}/cards",
                    "/console",
                    f"/screen/{screen}",
                    f"/j/{gathering['code']}",
                )
            )
        }

    def definition(text):
        return {
            "title": text,
            "place": text,
            "organiser": text,
            "tables": [{"number": 1, "label": text[:100], "network": text}],
            "activities": [
                {"kind": "statements", "prompt": text, "title": text[:200], "help": text}
            ],
        }

    baseline = organiser.create(definition("Vanlig tekst"))
    expected = {url: structure(html) for url, html in pages(baseline).items()}
    organiser.client.delete(f"/api/gatherings/{baseline['id']}", headers=organiser.headers)
    for text in PAYLOADS:
        if not text.strip():
            continue
        if refusable(text):
            refused = organiser.post("/api/gatherings", json=definition(text))
            assert refused.status_code == 400, text
            assert refused.get_json()["error"] == "bad_characters"
            continue
        gathering = organiser.create(definition(text))
        assert gathering["title"] == text.strip()
        activity = gathering["activities"][0]
        assert activity["prompt"] == text.strip() and activity["help"] == text.strip()
        for url, html in pages(gathering).items():
            assert structure(html) == expected[url], (url, text)
        exported = organiser.get(f"/api/gatherings/{gathering['id']}/export.json").get_json()
        assert exported["title"] == text.strip()
        organiser.client.delete(f"/api/gatherings/{gathering['id']}", headers=organiser.headers)
