"""Rate limits: per participant token for phones, per address only for guessing.

A hall of phones shares one venue NAT address, so nothing a participant does
in the ordinary way is limited per IP address. Only failures are counted per
address: a join code that does not exist (nobody in the hall scanning a real
QR code meets that) and a wrong organiser key. Flask-Limiter does not see
Socket.IO events, so the `limits` package is used directly for the failures.

Misses never lock a hall out. A right organiser key is always let in. A join code is
always answered to an address that has been answered it before, or whose projector or
console watches that gathering (the hall's own screens share its address), so a
prankster in the hall who uses up the misses only slows his own guessing: beyond the
misses allowed, an address may look up one unknown code every two seconds.

A participant's actions are counted in a token bucket of their own instead: one
`limits` hit in its in-memory storage starts a timer that, 10 ms later, walks the
windows of every key. With a thousand phones submitting, those walks were a tenth
of the server's CPU (docs/BENCHMARKS.md); a bucket costs one dictionary update.
"""

import threading
import time

from flask import current_app, jsonify, make_response, request
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from werkzeug.middleware.proxy_fix import ProxyFix

from app.errors import SamlaError
from app.web.messages import error_answer

# 6-digit codes: at 30 misses a minute, trying every code takes an address 23 days.
JOIN_GUESSES = parse("30/minute")
# Beyond those, one more look-up of an unknown code every two seconds.
SLOW_GUESSES = parse("1/2second")
LOGIN_FAILURES = parse("10/minute")
# Routes that say whether a join code exists.
CODE_ENDPOINTS = {"api.describe_join", "api.join", "api.qr_svg"}


class TokenBuckets:
    """At most `limit.amount` actions at once per key, refilled at the limit's rate.

    "120/minute" lets a phone send 120 at once (an outbox flushed after a dead
    spot) and then two a second.
    """

    # Buckets that have filled up again are forgotten now and then.
    PRUNE_EVERY = 10_000

    def __init__(self, limit):
        self.capacity = limit.amount
        self.per_second = limit.amount / limit.get_expiry()
        self.buckets = {}
        self.hits = 0
        self.guard = threading.Lock()

    def hit(self, key, now=None):
        """Take one action from `key`'s bucket; False if it is empty."""
        now = time.monotonic() if now is None else now
        with self.guard:
            self.hits += 1
            if self.hits % self.PRUNE_EVERY == 0:
                self._prune(now)
            tokens, then = self.buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - then) * self.per_second)
            allowed = tokens >= 1
            self.buckets[key] = (tokens - 1 if allowed else tokens, now)
            return allowed

    def _prune(self, now):
        full_after = self.capacity / self.per_second
        self.buckets = {
            key: (tokens, then)
            for key, (tokens, then) in self.buckets.items()
            if now - then < full_after
        }


class KnownCodes:
    """The join codes each address has been answered, newest kept; bounded in memory."""

    PER_ADDRESS = 50
    ADDRESSES = 20_000

    def __init__(self):
        self.codes = {}
        self.guard = threading.Lock()

    def remember(self, address, code):
        with self.guard:
            known = self.codes.pop(address, {})
            known.pop(code, None)
            known[code] = True
            while len(known) > self.PER_ADDRESS:
                del known[next(iter(known))]
            self.codes[address] = known  # re-inserted: the oldest addresses are dropped first
            while len(self.codes) > self.ADDRESSES:
                del self.codes[next(iter(self.codes))]

    def knows(self, address, code):
        with self.guard:
            return code in self.codes.get(address, {})


class Limits:
    def __init__(self, participant):
        self._failures = None
        self.known_codes = KnownCodes()
        off = participant.strip().lower() == "off"
        self.participant = None if off else TokenBuckets(parse(participant))

    @property
    def limiter(self):
        """Failures per address; made on first use, since its storage starts a thread."""
        if self._failures is None:
            self._failures = MovingWindowRateLimiter(MemoryStorage())
        return self._failures

    def participant_may_act(self, token):
        return self.participant is None or self.participant.hit(token)


def init_app(app):
    app.extensions["samla_limits"] = Limits(app.config["RATE_LIMIT"])
    app.before_request(refuse_when_over)
    app.after_request(count_failures)


def trust_proxies(app):
    """Read the client's address from the trusted proxies' X-Forwarded-For: for the logs
    and the guess counts only, never as anyone's identity. Called last in create_app, so
    that Socket.IO's requests pass through it too."""
    proxies = app.config.get("TRUSTED_PROXIES") or 0
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=0, x_host=0, x_port=0)


def _limits():
    return current_app.extensions["samla_limits"]


def check_participant(token):
    """Count one action of this participant; a rate_limited error when over the limit."""
    if not _limits().participant_may_act(token):
        raise SamlaError("rate_limited")


def _address():
    return request.remote_addr or "unknown"


def _code_asked():
    """The join code a code route names, as text; None if it names none."""
    if request.endpoint == "api.join":
        body = request.get_json(silent=True)
        code = body.get("code") if isinstance(body, dict) else None
    else:
        code = (request.view_args or {}).get("code")
    if isinstance(code, bool) or not isinstance(code, str | int):
        return None
    return str(code).strip()


def remember_code(code):
    """This request's address may always look up this code from now on: its screens
    watch the gathering, or it was answered the code before."""
    if code:
        _limits().known_codes.remember(_address(), code)


def _too_many():
    response = make_response(jsonify(error_answer(SamlaError("rate_limited"))), 429)
    response.headers["Retry-After"] = "60"
    return response


def refuse_when_over():
    limits = _limits()
    address = _address()
    if request.endpoint in CODE_ENDPOINTS:
        if limits.known_codes.knows(address, _code_asked()):
            return None
        if not limits.limiter.test(JOIN_GUESSES, "join", address):
            if not limits.limiter.hit(SLOW_GUESSES, "slow-join", address):
                return _too_many()
    elif request.endpoint == "pages.login" and request.method == "POST":
        from app.web.auth import is_organiser_token

        right = is_organiser_token(request.form.get("token", "").strip())
        if not right and not limits.limiter.test(LOGIN_FAILURES, "login", address):
            return _too_many()
    elif request.endpoint == "api.submit":
        from app.web.auth import bearer_token

        token = bearer_token()
        if token is not None and not limits.participant_may_act(token):
            return _too_many()
    return None


def count_failures(response):
    limits = _limits()
    if request.endpoint in CODE_ENDPOINTS and response.status_code == 404:
        limits.limiter.hit(JOIN_GUESSES, "join", _address())
    elif request.endpoint in CODE_ENDPOINTS and response.status_code < 400:
        remember_code(_code_asked())
    elif request.endpoint == "pages.login" and response.status_code == 401:
        limits.limiter.hit(LOGIN_FAILURES, "login", _address())
    return response
