"""Who may do what: the organiser token, per-gathering screen tokens, participant tokens."""

import datetime as dt
import functools
import hashlib
import hmac

from flask import current_app, g, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l

from app import lookups, store
from app.errors import SamlaError


def init_app(app):
    app.extensions["samla_auth"] = True
    app.permanent_session_lifetime = dt.timedelta(hours=app.config["SESSION_HOURS"])
    # A changed organiser token ends every console session started with the old one.
    digest = hashlib.sha256(app.config["ADMIN_TOKEN"].encode()).hexdigest()
    with app.app_context(), store.get_store().write() as db:
        if store.server_state.get_value(db, "organiser_token_digest") != digest:
            if store.server_state.get_value(db, "organiser_token_digest") is not None:
                store.server_state.end_console_sessions(db)
            store.server_state.set_value(db, "organiser_token_digest", digest)


def is_organiser_token(token):
    expected = current_app.config["ADMIN_TOKEN"]
    return isinstance(token, str) and hmac.compare_digest(token.encode(), expected.encode())


def bearer_token():
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def is_organiser():
    """A request from the organiser: their bearer token or the console's login cookie."""
    token = bearer_token()
    if token is not None:
        return is_organiser_token(token)
    if session.get("organiser") is not True:
        return False
    with store.get_store().read() as db:
        return session.get("generation") == store.server_state.console_generation(db)


def log_in(token):
    """Start an organiser session if the token is right; True when it is."""
    if not is_organiser_token(token):
        return False
    session.clear()
    session["organiser"] = True
    with store.get_store().read() as db:
        session["generation"] = store.server_state.console_generation(db)
    session.permanent = True
    return True


def log_out():
    """Log out, which ends every console session (on every device), not only this one."""
    if is_organiser():
        with store.get_store().write() as db:
            store.server_state.end_console_sessions(db)
    session.clear()


def organiser_api(view):
    """A JSON route for the organiser; cookie-authenticated writes must be JSON (no form CSRF)."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if not is_organiser():
            raise SamlaError("unauthorized")
        uses_cookie = bearer_token() is None
        if uses_cookie and request.method in ("POST", "PATCH", "PUT", "DELETE"):
            if not request.is_json:
                raise SamlaError("bad_request", detail=_l("send JSON"))
        return view(*args, **kwargs)

    return wrapped


def organiser_page(view):
    """An HTML page for the organiser; others are sent to the login form."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if not is_organiser():
            return redirect(url_for("pages.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapped


def participant_from_request():
    """The participant behind a bearer token, or an unknown_participant error."""
    token = bearer_token()
    if token is None:
        raise SamlaError("unknown_participant")
    with store.get_store().read() as db:
        participant = lookups.participant(db, token)
    g.participant = participant
    return participant


def screen_may_watch(db, token, gathering_id, logged_in):
    """May a screen with this token (or the organiser's cookie) watch this gathering?"""
    gathering = store.gatherings.get_gathering(db, gathering_id)
    if gathering is None:
        return None
    if logged_in or is_organiser_token(token):
        return gathering
    if isinstance(token, str) and hmac.compare_digest(
        token.encode(), gathering["screen_token"].encode()
    ):
        return gathering
    return None
