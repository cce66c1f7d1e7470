"""Console sessions end when they should: at logout (everywhere), when
the organiser token changes, and after a working day."""

import datetime as dt
from http.cookies import SimpleCookie

from app import create_app
from conftest import ADMIN_TOKEN, log_in, post_form


def app_with(tmp_path, token):
    return create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path / "data"),
            "ADMIN_TOKEN": token,
            "ASYNC_MODE": "threading",
        }
    )


def session_cookie(response):
    cookie = SimpleCookie()
    for header in response.headers.getlist("Set-Cookie"):
        cookie.load(header)
    return cookie["samla_session"]


def test_logging_out_ends_every_console_session(app):
    laptop, tablet = app.test_client(), app.test_client()
    response = log_in(laptop)
    tablet.set_cookie("samla_session", session_cookie(response).value)
    assert tablet.get("/console").status_code == 200  # the same login, copied
    post_form(laptop, "/logout", {}, page="/console")
    assert laptop.get("/console").status_code == 302
    assert tablet.get("/console").status_code == 302
    assert tablet.get("/api/gatherings").status_code == 401
    log_in(laptop)
    assert laptop.get("/console").status_code == 200


def test_a_new_organiser_token_ends_the_sessions_of_the_old_one(tmp_path):
    first = app_with(tmp_path, "gammel-nøkkel")
    client = first.test_client()
    cookie = session_cookie(log_in(client, "gammel-nøkkel")).value
    assert client.get("/console").status_code == 200
    first.extensions["samla_store"].close()

    same = app_with(tmp_path, "gammel-nøkkel")  # a restart with the same token keeps them
    kept = same.test_client()
    kept.set_cookie("samla_session", cookie)
    assert kept.get("/console").status_code == 200
    same.extensions["samla_store"].close()

    second = app_with(tmp_path, "ny-nøkkel")
    stale = second.test_client()
    stale.set_cookie("samla_session", cookie)
    try:
        assert stale.get("/console").status_code == 302
        assert stale.get("/api/gatherings").status_code == 401
    finally:
        second.extensions["samla_store"].close()


def test_a_console_session_lasts_a_working_day(app, client):
    cookie = session_cookie(log_in(client, ADMIN_TOKEN))
    expires = dt.datetime.strptime(cookie["expires"], "%a, %d %b %Y %H:%M:%S GMT")
    left = expires.replace(tzinfo=dt.UTC) - dt.datetime.now(dt.UTC)
    assert dt.timedelta(hours=11) < left <= dt.timedelta(hours=12)
