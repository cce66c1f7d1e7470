"""Rate limits: per participant token for phones, per address only for guessing.

A hall of phones shares one venue NAT address, so nothing a participant does
in the ordinary way is limited per IP address. Only failures are counted per
address: a join code that does not exist (nobody in the hall scanning a real
QR code meets that) and a wrong organiser key. Flask-Limiter does not see
Socket.IO events, so the `limits` package is used directly for the failures.

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

from app.errors import SamlaError
from app.web.messages import error_answer

# 6-digit codes: at 30 misses a minute, trying every code takes an address 23 days.
JOIN_GUESSES = parse("30/minute")
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


class Limits:
    def __init__(self, participant):
        self._failures = None
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


def _limits():
    return current_app.extensions["samla_limits"]


def check_participant(token):
    """Count one action of this participant; a rate_limited error when over the limit."""
    if not _limits().participant_may_act(token):
        raise SamlaError("rate_limited")


def _address():
    return request.remote_addr or "unknown"


def _too_many():
    response = make_response(jsonify(error_answer(SamlaError("rate_limited"))), 429)
    response.headers["Retry-After"] = "60"
    return response


def refuse_when_over():
    limits = _limits()
    if request.endpoint in CODE_ENDPOINTS:
        if not limits.limiter.test(JOIN_GUESSES, "join", _address()):
            return _too_many()
    elif request.endpoint == "pages.login" and request.method == "POST":
        if not limits.limiter.test(LOGIN_FAILURES, "login", _address()):
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
    elif request.endpoint == "pages.login" and response.status_code == 401:
        limits.limiter.hit(LOGIN_FAILURES, "login", _address())
    return response
