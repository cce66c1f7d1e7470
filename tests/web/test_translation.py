"""Three languages everywhere: every text a person sees is marked, translated to nynorsk and
English, and shown in the gathering's language (phones, projector, acks, exports) or, on the
console, in the language its user picked."""

import ast
import re
from html.parser import HTMLParser

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from flask_babel.speaklater import LazyString
from jinja2 import nodes
from socketio import packet

from app.exports import labels
from app.realtime.server import socketio
from app.web import translation
from app.web.messages import COUNTED, MESSAGES, message_for
from conftest import ROOT_DIR, log_in, post_form, received, simple_definition

TEMPLATES = ROOT_DIR / "templates"
KEYWORDS = {"_": None, "gettext": None, "lazy_gettext": None, "_l": None, "ngettext": (1, 2)}
# Names, not words: the product, and the two schemes (ordninger) networks belong to.
UNTRANSLATED = {"Samla", "DEKOMP", "REKOMP"}
VISIBLE_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "label"}
# A block that fills a class attribute holds class names, not text.
CLASS_BLOCK = re.compile(r"\{% block body_class %\}.*?\{% endblock %\}")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
LETTER = re.compile(r"[^\W\d_]")


class VisibleText(HTMLParser):
    """Collects the text a browser would show, and the attributes a screen reader reads."""

    def __init__(self):
        super().__init__()
        self.found, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skipping += 1
        for name, value in attrs:
            if name in VISIBLE_ATTRIBUTES or (name == "value" and ("type", "submit") in attrs):
                self.found.append(value or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.found.append(data)


def unmarked_texts(source):
    """Literal text in a template outside {{ }} / {% %} that has a letter in it."""
    parser = VisibleText()
    source = re.sub(r"(</?h)\{\{.*?\}\}", r"\g<1>2", CLASS_BLOCK.sub("", source))  # <h{{ n }}>
    parser.feed(JINJA.sub("\x00", source))
    texts = [part.strip() for text in parser.found for part in text.split("\x00")]
    names = re.compile(r"\b(" + "|".join(UNTRANSLATED) + r")\b")
    return [t for t in texts if LETTER.search(names.sub("", t))]


def all_templates():
    return sorted(TEMPLATES.rglob("*.html"))


@pytest.mark.parametrize("path", all_templates(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_every_visible_text_in_a_template_is_marked(path):
    assert unmarked_texts(path.read_text(encoding="utf-8")) == []


def test_the_marking_check_finds_text_left_out():
    found = unmarked_texts('<p>{{ _("Lagre") }} Avbryt</p><img alt="Bilde"><b>{{ x }}: 3</b>')
    assert found == ["Avbryt", "Bilde"]


def _text_blobs(app, path):
    """The dicts passed to json_data('samla-text', ...) in a template."""
    tree = app.jinja_env.parse(path.read_text(encoding="utf-8"))
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == "json_data":
            if call.args and getattr(call.args[0], "value", None) == "samla-text":
                yield call.args[1]


def test_every_text_the_scripts_read_is_marked(app):
    checked = 0
    for path in all_templates():
        for blob in _text_blobs(app, path):
            for pair in blob.items:
                value = pair.value
                marked = isinstance(value, nodes.Call) and getattr(value.node, "name", "") in (
                    "_",
                    "ngettext",
                )
                assert marked, f"{path.name}: {pair.key.value} is not marked"
                checked += 1
    assert checked > 100


def test_no_script_carries_its_own_norwegian_text():
    pattern = re.compile(r"""(['"`])(?:(?!\1).)*[æøåÆØÅ](?:(?!\1).)*\1""")
    for path in sorted((ROOT_DIR / "static" / "js").rglob("*.js")):
        code = re.sub(r"//.*|/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        assert not pattern.findall(code), path.name


def test_error_messages_and_export_words_are_lazy_translations():
    assert all(isinstance(message, LazyString) for message in MESSAGES.values())
    assert all(isinstance(label, LazyString) for label in labels.LABELS.values())


NORWEGIAN = re.compile(
    r"[æøåÆØÅ]|\b(ikke|ikkje|noe|noko|finnes|finst|du|vi|eller|og|har|skriv|bord)\b", re.I
)
# Stored data or machine names, not text a person reads on a page.
NOT_MESSAGES = {
    ("rules.py", "Bord {n}"),  # a new table's default name, stored with the gathering
    # Each language by its own name on the picker, whatever the page speaks.
    ("translation.py", "Norsk bokmål"),
    ("translation.py", "Norsk nynorsk"),
}


def _translated_calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in KEYWORDS:
                yield from (a for a in node.args if isinstance(a, ast.Constant))


def _docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
            if node.body and isinstance(node.body[0], ast.Expr):
                yield node.body[0].value


def test_python_code_has_no_norwegian_text_outside_gettext():
    unmarked = []
    for path in sorted((ROOT_DIR / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {id(n) for n in _translated_calls(tree)} | {id(n) for n in _docstrings(tree)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            if id(node) in skip or (path.name, node.value) in NOT_MESSAGES:
                continue
            if NORWEGIAN.search(node.value):
                unmarked.append((path.name, node.value))
    assert unmarked == []


def fresh_msgids():
    """Every msgid in the code now, extracted the way `pybabel extract -F babel.cfg` does."""
    with (ROOT_DIR / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT_DIR, method_map, options_map, keywords=KEYWORDS
    ):
        found.add(message)
    return found


@pytest.fixture(scope="module")
def msgids():
    return fresh_msgids()


def read_catalogue(language):
    path = ROOT_DIR / "translations" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def test_the_template_catalogue_is_up_to_date(msgids):
    with (ROOT_DIR / "translations" / "messages.pot").open("rb") as handle:
        template = read_po(handle)
    assert {m.id for m in template if m.id} == msgids


@pytest.mark.parametrize("language", ["nn", "en"])
def test_every_message_is_translated(msgids, language):
    catalogue = read_catalogue(language)
    translated = {m.id for m in catalogue if m.id and m.string and not m.fuzzy}
    assert sorted(msgids - translated) == []
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalogue.check()]
    assert problems == []  # e.g. a %(n)s placeholder lost or misspelt


def test_nynorsk_reads_as_nynorsk():
    catalogue = read_catalogue("nn")
    strings = [m.string if isinstance(m.string, tuple) else (m.string,) for m in catalogue if m.id]
    text = " ".join(form for forms in strings for form in forms)
    for word in ("ikkje", "noko", "kva", "korleis", "eitt", "frå", "utsegner", "spørsmål"):
        assert re.search(rf"\b{word}\b", text, re.I), word
    for bokmål in ("ikke", "noe", "hvordan", "hvilket", "fra", "utsagn"):
        assert not re.search(rf"\b{bokmål}\b", text, re.I), bokmål


def test_catalogues_are_compiled_when_missing_or_older(tmp_path):
    target = translation.compile_catalogs(target=tmp_path)
    mo = tmp_path / "nn" / "LC_MESSAGES" / "messages.mo"
    assert target == tmp_path and mo.stat().st_size > 1000
    before = mo.stat().st_mtime_ns
    translation.compile_catalogs(target=tmp_path)
    assert mo.stat().st_mtime_ns == before  # up to date: left alone
    import os

    os.utime(mo, ns=(0, 0))
    translation.compile_catalogs(target=tmp_path)
    assert mo.stat().st_mtime_ns > 0


# --- A gathering's language on its phones, projector, acks and exports ----------------------

EXPECTED = {
    "nn": {
        "phone": "Kva for eit bord sit du ved?",
        "projector": "Utsegnene frå borda dukkar opp her.",
        "empty": "Skriv noko før du sender.",
        "heading": "## Bord og deltaking",
        "table": "Bord 1",
    },
    "en": {
        "phone": "Which table are you sitting at?",
        "projector": "The statements from the tables will appear here.",
        "empty": "Write something before you send.",
        "heading": "## Tables and participation",
        "table": "Table 1",
    },
}


@pytest.fixture(params=["nn", "en"])
def spoken(request, organiser):
    """A gathering in nynorsk (from the nynorsk seed template) or in English."""
    if request.param == "nn":
        gathering = organiser.create(template="vegen-mot-partnarskap")
    else:
        gathering = organiser.create(simple_definition(language="en"))
    assert gathering["language"] == request.param
    return request.param, gathering


def test_phone_and_projector_pages_speak_the_gathering_language(client, spoken):
    language, gathering = spoken
    phone_page = client.get(f"/j/{gathering['code']}").get_data(as_text=True)
    assert f'<html lang="{language}">' in phone_page
    assert EXPECTED[language]["phone"] in phone_page
    projector = client.get(gathering["screen_url"].split("samla.test")[1]).get_data(as_text=True)
    assert f'<html lang="{language}">' in projector
    assert EXPECTED[language]["projector"] in projector


def test_acks_speak_the_gathering_language(organiser, phone, spoken):
    language, gathering = spoken
    activity = next(a for a in gathering["activities"] if a["kind"] in ("words", "statements"))
    organiser.open(gathering, activity)
    sio = phone(gathering)
    assert received(sio, "state")[0]["table"]["label"] == EXPECTED[language]["table"]
    payload = {"activity_id": activity["id"], "text": "   ", "client_id": "c1"}
    ack = sio.emit("submit", payload, callback=True)
    assert ack["ok"] is False and ack["error"] == "empty_text"
    assert ack["message"] == EXPECTED[language]["empty"]


def test_http_refusals_to_a_phone_speak_the_gathering_language(client, spoken):
    language, gathering = spoken
    response = client.post("/api/join", json={"code": gathering["code"], "table": 999})
    assert response.status_code == 404
    expected = {
        "nn": "Bord 999 finst ikkje i denne samlinga.",
        "en": "Table 999 does not exist in this gathering.",
    }
    assert response.get_json()["message"] == expected[language]


REFUSAL_DETAILS = {
    "nb": (
        "Definisjonen av samlingen er ugyldig: ukjent kind «quiz»",
        "Forespørselen kunne ikke leses: send code og table",
    ),
    "nn": (
        "Definisjonen av samlinga er ugyldig: ukjend kind «quiz»",
        "Førespurnaden kunne ikkje lesast: send code og table",
    ),
    "en": (
        'The gathering’s definition is invalid: unknown kind "quiz"',
        "The request could not be read: send code and table",
    ),
}


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_a_refusal_explains_its_detail_in_the_browser_language(client, organiser, language):
    headers = {"Accept-Language": language}
    definition = simple_definition(activities=[{"kind": "quiz", "prompt": "?"}])
    invalid = client.post(
        "/api/gatherings", json=definition, headers={**organiser.headers, **headers}
    )
    assert invalid.status_code == 400 and invalid.get_json()["error"] == "invalid_definition"
    unreadable = client.post("/api/join", json=["no", "object"], headers=headers)
    assert unreadable.status_code == 400 and unreadable.get_json()["error"] == "bad_request"
    messages = (invalid.get_json()["message"], unreadable.get_json()["message"])
    assert messages == REFUSAL_DETAILS[language]


def test_exports_use_the_gathering_language_for_their_headings(organiser, spoken):
    language, gathering = spoken
    markdown = organiser.get(f"/api/gatherings/{gathering['id']}/export.md").get_data(as_text=True)
    assert EXPECTED[language]["heading"] in markdown
    assert "## Bord og deltakelse" not in markdown


def test_a_refused_connection_speaks_the_browser_language(app, client):
    sio = socketio.test_client(app, auth={"token": "nobody"}, flask_test_client=client)
    sent = []
    original = socketio.server._send_packet

    def capture(eio_sid, pkt):
        sent.append(pkt)
        return original(eio_sid, pkt)

    socketio.server._send_packet = capture
    sio.connect(auth={"token": "nobody"}, headers={"Accept-Language": "nn-NO,nn;q=0.9"})
    assert not sio.is_connected()
    refusal = next(p for p in sent if p.packet_type == packet.CONNECT_ERROR).data
    assert refusal["data"]["error"] == "unknown_participant"
    assert refusal["message"] == "Vi kjenner ikkje att telefonen din. Ver med på nytt."


# --- The console user's own language ---------------------------------------------------------


def test_the_console_follows_the_browser_until_its_user_picks(client):
    log_in(client)
    page = client.get("/console", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert "New gathering from a template" in page.get_data(as_text=True)
    assert client.get("/console").get_data(as_text=True).count("Ny samling fra mal") == 1


def test_the_console_user_picks_a_language_that_sticks(app, client, organiser):
    gathering = organiser.create(simple_definition())  # a bokmål gathering
    log_in(client)
    answer = post_form(client, "/language", {"language": "nn", "next": "/console"}, "/console")
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/console")
    page = client.get(f"/console/{gathering['id']}", headers={"Accept-Language": "en"})
    assert '<html lang="nn">' in page.get_data(as_text=True)
    assert "Opne projektorvisinga" in page.get_data(as_text=True)
    # Its socket acks follow the console user, not the gathering.
    console = socketio.test_client(
        app, auth={"gathering_id": gathering["id"]}, flask_test_client=client
    )
    ack = console.emit("submit", {}, callback=True)
    assert ack["message"] == "Vi kjenner ikkje att telefonen din. Ver med på nytt."
    console.disconnect()
    # The phones of the same gathering keep speaking bokmål.
    assert "Hvilket bord sitter du ved?" in client.get(f"/j/{gathering['code']}").get_data(
        as_text=True
    )


def test_an_unknown_language_is_refused(client):
    log_in(client)
    answer = post_form(client, "/language", {"language": "de"}, "/console")
    assert answer.status_code == 400


# Placeholders that hold a number, and the texts where that number names something rather
# than counting it (a table's number, a page, a question's place, minutes on a clock).
COUNT = re.compile(r"%\((n|count)\)s")
NOT_COUNTS = {
    "Bord %(n)s",
    "Side %(n)s av %(total)s",
    "Spørsmål %(n)s",
    "spørsmål %(n)s",
    "%(n)s.",
    "Navn på bord %(n)s",
    "Nettverk for bord %(n)s",
    "%(n)s min",
    # A label and a number after its colon: no noun agrees with the number.
    "Telefoner inne: %(n)s",
    "%(table)s: %(n)s",
    "Personer som har svart: %(n)s av %(total)s",
}
# Limits that are fixed in the code and never one (80 characters, 25 MB).
FIXED_LIMITS = {"text_too_long", "too_large"}


def test_every_count_is_rendered_with_ngettext(msgids):
    counted_without_plural = sorted(
        m for m in msgids if isinstance(m, str) and COUNT.search(m) and m not in NOT_COUNTS
    )
    assert counted_without_plural == []


def test_the_count_check_finds_a_count_rendered_with_gettext():
    assert COUNT.search("%(n)s prikker igjen") and "%(n)s prikker igjen" not in NOT_COUNTS


def test_refusals_that_name_a_limit_agree_with_it_in_number(app):
    from flask_babel import force_locale

    from app.errors import SamlaError

    limited = {code for code, text in MESSAGES.items() if "%(limit)s" in str(text)}
    assert limited <= FIXED_LIMITS
    with app.test_request_context(), force_locale("en"):
        one = message_for(SamlaError("too_many_dots", limit=1))
        many = message_for(SamlaError("too_many_dots", limit=5))
        assert (one, many) == ("You only have 1 dot to give.", "You only have 5 dots to give.")
        assert COUNTED["quota_used"](1) == "The table has used its one statement."


def test_scripts_get_a_singular_beside_every_counted_text(client, organiser):
    gathering = organiser.create(simple_definition())
    page = client.get(f"/j/{gathering['code']}").get_data(as_text=True)
    assert "dots_left_one" in page and "words_can_one" in page
