"""What every response promises the browser: a strict CSP, CSRF tokens on forms, safe cookies.

Participants' text reaches pages only as text (autoescaped templates, JSON data
blocks, `textContent` in the scripts); the Content-Security-Policy is the second
wall: no inline or foreign script runs even if something slipped through.
"""

import hmac
import secrets

from flask import abort, current_app, request, session

from app import bundles
from app.errors import SamlaError

# Socket.IO messages larger than this are refused by the server before parsing.
# The longest text any kind accepts is 2,000 characters; written by a client that
# escapes every non-ASCII character as a six-character \u escape (python-socketio
# does), 2,000 emoji take 24 KB. Browsers send raw UTF-8 (8 KB at most).
MAX_SOCKET_MESSAGE = 32 * 1024
# HTTP bodies: a definition with the largest agenda fits many times over.
MAX_CONTENT_LENGTH = 1024 * 1024
# Endpoints that take more: a bundle carries a whole gathering.
BODY_LIMITS = {"minutes_api.import_bundle": bundles.MAX_BYTES}

CSRF_FIELD = "csrf_token"

# Inline styles stay allowed: templates and scripts set positions and sizes with
# them, and CSS cannot run code in today's browsers. Scripts never run inline.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
    " img-src 'self' data:; font-src 'self'; connect-src 'self' {sockets};"
    " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def init_app(app):
    """Headers on every response, CSRF checks on form posts, the cookie's name and flags."""
    if not app.config.get("MAX_CONTENT_LENGTH"):  # Flask's default is None: no limit
        app.config["MAX_CONTENT_LENGTH"] = MAX_CONTENT_LENGTH
    if app.config.get("SESSION_COOKIE_SECURE"):
        # Browsers only accept a __Host- cookie that is Secure, for path / and no domain,
        # so no other site on the same domain can plant or overwrite it.
        name = app.config["SESSION_COOKIE_NAME"]
        if not name.startswith("__Host-"):
            app.config["SESSION_COOKIE_NAME"] = "__Host-" + name
        app.config["SESSION_COOKIE_PATH"] = "/"
        app.config["SESSION_COOKIE_DOMAIN"] = None
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.before_request(refuse_large_bodies)
    app.before_request(check_csrf)
    app.after_request(add_headers)


def csrf_token():
    """The session's CSRF token for a form's hidden field, made on first use."""
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return session[CSRF_FIELD]


def refuse_large_bodies():
    """Refuse a body above the limit by its declared length, before anything reads it."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if request.endpoint in BODY_LIMITS:
        limit = max(limit or 0, BODY_LIMITS[request.endpoint])
        request.max_content_length = limit
    if limit and (request.content_length or 0) > limit:
        if request.path.startswith("/api/"):
            raise SamlaError(
                "too_large", size=_megabytes(request.content_length), limit=_megabytes(limit)
            )
        abort(413)


def _megabytes(size):
    return f"{size / 1024 / 1024:.1f}".replace(".0", "")


def check_csrf():
    """Every form post to a page carries the token of the session that showed the form.

    JSON routes need no token: cookie-authenticated writes there must be JSON,
    which no foreign page can send without CORS, and the rest use bearer tokens.
    """
    if request.method != "POST" or request.blueprint != "pages":
        return
    expected = session.get(CSRF_FIELD)
    sent = request.form.get(CSRF_FIELD, "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        abort(400, description="CSRF token missing or wrong; reload the page and try again.")


def add_headers(response):
    host = request.host
    sockets = f"ws://{host} wss://{host}"
    response.headers.setdefault(
        "Content-Security-Policy", CONTENT_SECURITY_POLICY.format(sockets=sockets)
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    # Screen addresses carry their token; never send it to another site.
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response
