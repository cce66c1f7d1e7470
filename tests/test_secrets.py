"""The data folder's database, WAL, backups and secrets are readable by
their owner only; the organiser token is shown at the first start only; request logs
never hold a token."""

import logging
import os
import stat

import pytest

import samla
from app import create_app
from app.store import backup

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def make_app(data, **config):
    return create_app({"DATA_DIR": str(data), "ASYNC_MODE": "threading", **config})


def test_the_data_folder_is_its_owners_only(tmp_path):
    data = tmp_path / "data"
    app = make_app(data)
    try:
        app.test_client().post(
            "/api/gatherings",
            headers={"Authorization": f"Bearer {app.config['ADMIN_TOKEN']}"},
            json={"title": "T", "tables": 1, "activities": [{"kind": "words", "prompt": "?"}]},
        )
        assert mode(data) == 0o700
        for name in ("samla.db", "samla.db-wal", "secret_key", "admin_token"):
            assert mode(data / name) == 0o600, name
        written = backup.backup(data, tmp_path)
        assert mode(written) == 0o600
    finally:
        app.extensions["samla_store"].close()


def test_an_older_world_readable_folder_is_tightened_at_start(tmp_path):
    data = tmp_path / "data"
    make_app(data).extensions["samla_store"].close()
    for path in (data, data / "samla.db", data / "secret_key"):
        os.chmod(path, 0o755 if path == data else 0o644)
    make_app(data).extensions["samla_store"].close()
    assert mode(data) == 0o700
    assert mode(data / "samla.db") == 0o600 and mode(data / "secret_key") == 0o600


def test_the_organiser_token_is_shown_at_the_first_start_only(tmp_path):
    first = make_app(tmp_path / "data")
    first.extensions["samla_store"].close()
    line = samla.organiser_key_line(first)
    assert first.config["ADMIN_TOKEN"] in line
    again = make_app(tmp_path / "data")
    again.extensions["samla_store"].close()
    line = samla.organiser_key_line(again)
    assert again.config["ADMIN_TOKEN"] not in line and "admin_token" in line
    given = make_app(tmp_path / "other", ADMIN_TOKEN="fra-miljøet")
    given.extensions["samla_store"].close()
    assert "fra-miljøet" not in samla.organiser_key_line(given)


@pytest.mark.parametrize(
    "line",
    [
        'GET /screen/123?token=hemmelig HTTP/1.1" 200',
        'GET /socket.io/?EIO=4&transport=polling&token=hemmelig&t=abc HTTP/1.1" 200',
        "GET /minutes?participant_token=hemmelig;x=1 HTTP/1.1",
        "GET /x?Token=hemmelig",
    ],
)
def test_request_logs_never_hold_a_token(line):
    assert "hemmelig" not in samla.redact(line)
    record = logging.LogRecord("werkzeug", logging.INFO, "", 0, "%s - %s", (line, "ok"), None)
    samla.RedactTokens().filter(record)
    assert "hemmelig" not in record.getMessage() and "ok" in record.getMessage()
