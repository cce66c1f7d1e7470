"""Rate limits: per participant token for phones, per address only for guessing.

A hall of phones shares one venue NAT address, so nothing a participant does
in the ordinary way is limited per IP address. Only failures are counted per
address: a join code that does not exist (nobody in the hall scanning a real
QR code meets that) and a wrong organiser key. Flask-Limiter does not see
Socket.IO events, so the `limits` package is used directly for both doors.
"""

from flask import current_app, jsonify, make_response, request
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from .errors import SamlaError
from .messages import error_answer

DEFAULT_PARTICIPANT_LIMIT = "120/minute"
# 6-digit codes: at 30 misses a minute, trying every code takes an address 23 days.
JOIN_GUESSES = parse("30/minute")
LOGIN_FAILURES = parse("10/minute")
# Routes that say whether a join code exists.
CODE_ENDPOINTS = {"api.describe_join", "api.join", "api.qr_svg"}


class Limits:
    def __init__(self, participant):
        self.limiter = MovingWindowRateLimiter(MemoryStorage())
        self.participant = None if participant.strip().lower() == "off" else parse(participant)

    def participant_may_act(self, token):
        return self.participant is None or self.limiter.hit(self.participant, "participant", token)


def init_app(app):
    app.config.setdefault("RATE_LIMIT", DEFAULT_PARTICIPANT_LIMIT)
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
        from .auth import bearer_token

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
