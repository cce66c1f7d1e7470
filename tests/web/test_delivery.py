"""One table says which refusals a phone sends again and which are final; the server serves
it, every error code is in it once, and the Python phones follow it."""

import json
from pathlib import Path

from app.errors import HTTP_STATUS
from tests import phones

TABLE = Path(__file__).resolve().parent.parent.parent / "static" / "data" / "delivery.json"


def table():
    return json.loads(TABLE.read_text(encoding="utf-8"))


def test_the_server_serves_the_table_the_phones_read(client):
    with client.get("/static/data/delivery.json") as response:
        assert response.status_code == 200
        assert response.get_json() == table()


def test_every_error_code_is_either_retried_or_final():
    delivery = table()
    retry, final = set(delivery["retry"]), set(delivery["final"])
    assert not retry & final
    assert retry | final == set(HTTP_STATUS)


def test_what_may_pass_is_retried_and_what_is_retried_may_pass():
    """A server fault, a full disk or a lock (5xx) and a rate limit (429) pass; refusals
    about the text or the activity (4xx) do not."""
    delivery = table()
    passing = {code for code, status in HTTP_STATUS.items() if status >= 500 or status == 429}
    assert set(delivery["retry"]) == passing
    assert {"try_again", "internal_error", "rate_limited"} <= passing
    assert {"activity_closed", "quota_used", "conflict"} <= set(delivery["final"])
    assert set(delivery["transport"]["http_status_retry"]) >= {429, 500, 503}


def test_the_python_phones_follow_the_table():
    delivery = table()
    assert phones.ACK_TIMEOUT * 1000 == delivery["ack_timeout_ms"]
    assert phones.RESEND_EVERY * 1000 == delivery["resend_every_ms"]
    for code in delivery["retry"]:
        assert not phones.is_final({"ok": False, "error": code})
    for code in delivery["final"]:
        assert phones.is_final({"ok": False, "error": code})
    assert phones.is_final({"ok": False, "error": "a_code_from_a_newer_server"})
