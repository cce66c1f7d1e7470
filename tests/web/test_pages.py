"""HTML pages: who may open them, what they carry, and that text never turns into markup."""

import re
from pathlib import Path

from conftest import PUBLIC_URL, log_in, simple_definition

ROOT = Path(__file__).resolve().parents[2]


def test_the_start_page_leads_to_the_console_and_the_phone_page(client):
    page = client.get("/").get_data(as_text=True)
    assert 'href="/console"' in page and 'href="/j"' in page
    assert '<html lang="nb"' in page


def test_the_console_asks_for_a_login(client):
    response = client.get("/console")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_wrong_token_does_not_log_in(client):
    response = log_in(client, "guess")
    assert response.status_code == 401
    assert client.get("/console").status_code == 302


def test_logging_in_opens_the_console_and_never_redirects_off_site(client):
    assert log_in(client).headers["Location"] == "/console"
    assert client.get("/console").status_code == 200
    evil = log_in(client, next="//evil.example/")
    assert evil.headers["Location"] == "/console"


def test_the_session_cookie_is_http_only(client):
    cookie = log_in(client).headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_organisers_text_is_escaped_on_every_page(client, organiser):
    gathering = organiser.create(
        simple_definition(
            title="<script>alert('x')</script>", tables=[{"number": 1, "label": "<b>Bord</b>"}]
        )
    )
    log_in(client)
    token = gathering["screen_url"].split("token=")[1]
    for url in (
        "/console",
        f"/console/{gathering['id']}",
        f"/console/{gathering['id']}/cards",
        f"/screen/{gathering['id']}?token={token}",
        f"/j/{gathering['code']}",
    ):
        page = client.get(url).get_data(as_text=True)
        assert "<script>alert('x')" not in page, url
        assert "<b>Bord</b>" not in page, url


def test_the_projector_needs_its_screen_token(client, gathering):
    assert client.get(f"/screen/{gathering['id']}?token=wrong").status_code == 403
    token = gathering["screen_url"].split("token=")[1]
    assert client.get(f"/screen/{gathering['id']}?token={token}").status_code == 200


def test_the_phone_page_carries_the_code_and_table(client, gathering):
    page = client.get(f"/j/{gathering['code']}/2").get_data(as_text=True)
    assert gathering["code"] in page
    assert "phone/main.js" in page


def test_table_cards_show_each_tables_own_qr_code(client, gathering):
    log_in(client)
    page = client.get(f"/console/{gathering['id']}/cards").get_data(as_text=True)
    for number in (1, 2, 3):
        assert f"/qr/{gathering['code']}/{number}.svg" in page


def test_every_script_style_and_font_is_served_by_the_app(client, gathering):
    log_in(client)
    token = gathering["screen_url"].split("token=")[1]
    # Links to the app's own public address (the projector link) are not outside.
    own = re.escape(PUBLIC_URL)
    outside = re.compile(r"""(src|href)\s*=\s*["'](?!""" + own + r""")(https?:)?//""", re.I)
    for url in (
        "/",
        "/j",
        f"/screen/{gathering['id']}?token={token}",
        f"/console/{gathering['id']}",
    ):
        page = client.get(url).get_data(as_text=True)
        assert not outside.search(page), url
        for asset in re.findall(r"""(?:src|href)="(/static/[^"?]+)""", page):
            with client.get(asset) as response:
                assert response.status_code == 200, asset
    for path in list((ROOT / "static").rglob("*.css")) + list((ROOT / "static/js").rglob("*.js")):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", path.read_text()), path
    with client.get("/fonts/DejaVuSans.ttf") as font:
        assert font.status_code == 200 and font.mimetype == "font/ttf"


def test_phone_scripts_never_put_text_into_inner_html():
    for path in (ROOT / "static/js").rglob("*.js"):
        source = path.read_text()
        assert ".innerHTML" not in source and "insertAdjacentHTML" not in source, path.name
