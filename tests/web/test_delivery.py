"""The delivery table (static/data/delivery.json): which refusals the phones retry."""

import phones
import pytest

from app.web.messages import MESSAGES

TABLE = phones.DELIVERY


def test_every_error_code_is_either_retried_or_final():
    codes = set(MESSAGES) | {"internal_error", "try_again"}
    listed = set(TABLE["retry"]) | set(TABLE["final"])
    assert codes - listed == set()
    assert set(TABLE["retry"]) & set(TABLE["final"]) == set()
    assert TABLE["default"] in ("retry", "final")


def test_server_faults_and_rate_limits_are_retried():
    assert set(TABLE["retry"]) == {"internal_error", "rate_limited", "try_again"}


@pytest.mark.parametrize(
    "code", ["activity_closed", "quota_used", "too_many_words", "text_too_long", "held"]
)
def test_refusals_the_same_text_would_get_again_are_final(code):
    assert phones.verdict({"ok": False, "error": code}) == "refused"


def test_the_python_phones_follow_the_table():
    assert phones.verdict(None) == "retry"
    assert phones.verdict({"ok": True, "id": 3}) == "accepted"
    assert phones.verdict({"ok": False, "error": "try_again"}) == "retry"
    assert phones.verdict({"ok": False, "error": "internal_error"}) == "retry"
    assert phones.verdict({"ok": False, "status": 502}) == "retry"
    assert phones.verdict({"ok": False, "error": "a_code_from_a_newer_server"}) == "refused"
    assert phones.verdict({"ok": False, "error": "x"}, {**TABLE, "default": "retry"}) == "retry"


def test_the_backoff_doubles_up_to_its_cap():
    assert phones.backoff(0, lambda: 0.5) == phones.BACKOFF_FIRST
    assert phones.backoff(2, lambda: 0.5) == 4 * phones.BACKOFF_FIRST
    assert phones.backoff(40, lambda: 0.5) == phones.BACKOFF_CAP


def test_the_app_serves_the_table_to_the_page(client):
    with client.get("/static/data/delivery.json") as answer:
        assert answer.status_code == 200
        assert answer.get_json() == TABLE


def test_the_phone_page_names_the_table(client):
    page = client.get("/j/123").get_data(as_text=True)
    assert "/static/data/delivery.json" in page


def test_what_is_retried_is_what_the_server_answers_as_passing():
    """A code answered with a 5xx (a fault, a full disk, a lock) or 429 may pass; every
    refusal about the text or the activity (4xx) is final."""
    from app.errors import HTTP_STATUS

    passing = {code for code, status in HTTP_STATUS.items() if status >= 500 or status == 429}
    assert set(TABLE["retry"]) == passing
