"""Settings: defaults that run on a laptop, the environment over them, options over both."""

import re
from pathlib import Path

import pytest

import run
from app import create_app, settings

ROOT = Path(__file__).resolve().parent.parent


def test_the_defaults_run_on_a_laptop():
    values = settings.from_environment({})
    assert values["HOST"] == "0.0.0.0"
    assert values["PORT"] == 5000
    assert values["DATA_DIR"] == "data"
    assert values["ASYNC_MODE"] == "eventlet"
    assert values["LOG_REQUESTS"] is False
    assert values["COALESCE_SECONDS"] == 0.1
    assert values["RATE_LIMIT"] == "120/minute"
    assert (Path(values["SESSIONS_DIR"]) / "innlandet-ledersamling-2020.yaml").exists()
    assert values["PUBLIC_URL"] is None
    assert values["MESSAGE_QUEUE"] is None
    assert values["ADMIN_TOKEN"] is None
    assert values["TRUSTED_PROXIES"] == 0
    assert values["SESSION_HOURS"] == 12 and values["HEADER_TIMEOUT"] == 60


def test_the_environment_overrides_every_default():
    environ = {
        "SAMLA_HOST": "127.0.0.1",
        "SAMLA_PORT": "8000",
        "SAMLA_DATA": "/srv/samla",
        "SAMLA_PUBLIC_URL": "https://samla.example",
        "SAMLA_ASYNC_MODE": "gevent",
        "SAMLA_LOG_REQUESTS": "yes",
        "SAMLA_OPEN": "yes",
        "SAMLA_MESSAGE_QUEUE": "redis://localhost:6379/0",
        "SAMLA_COALESCE_SECONDS": "0.25",
        "SAMLA_RATE_LIMIT": "off",
        "SAMLA_SESSIONS": "/srv/templates",
        "SAMLA_ADMIN_TOKEN": "organiser",
        "SAMLA_TRUSTED_PROXIES": "1",
        "SAMLA_SESSION_HOURS": "8",
        "SAMLA_HEADER_TIMEOUT": "20",
    }
    assert set(environ) == {setting.variable for setting in settings.SETTINGS}
    values = settings.from_environment(environ)
    assert values["HOST"] == "127.0.0.1"
    assert values["PORT"] == 8000
    assert values["DATA_DIR"] == "/srv/samla"
    assert values["PUBLIC_URL"] == "https://samla.example"
    assert values["ASYNC_MODE"] == "gevent"
    assert values["LOG_REQUESTS"] is True
    assert values["OPEN"] is True
    assert values["MESSAGE_QUEUE"] == "redis://localhost:6379/0"
    assert values["COALESCE_SECONDS"] == 0.25
    assert values["RATE_LIMIT"] == "off"
    assert values["SESSIONS_DIR"] == "/srv/templates"
    assert values["ADMIN_TOKEN"] == "organiser"
    assert values["TRUSTED_PROXIES"] == 1
    assert values["SESSION_HOURS"] == 8.0
    assert values["HEADER_TIMEOUT"] == 20.0


def test_an_empty_variable_counts_as_unset():
    values = settings.from_environment({"SAMLA_DATA": "", "SAMLA_ADMIN_TOKEN": ""})
    assert values["DATA_DIR"] == "data"
    assert values["ADMIN_TOKEN"] is None


def test_run_py_takes_its_defaults_from_the_settings():
    options = run.parse_options([], environ={})
    assert settings.from_options(options, environ={}) == settings.from_environment({})


def test_an_option_overrides_the_environment():
    environ = {"SAMLA_PORT": "8000", "SAMLA_ASYNC_MODE": "gevent", "SAMLA_RATE_LIMIT": "5/minute"}
    options = run.parse_options(
        ["--port", "9000", "--async-mode", "threading", "--log-requests", "--data", "/tmp/x"],
        environ=environ,
    )
    values = settings.from_options(options, environ=environ)
    assert values["PORT"] == 9000
    assert values["ASYNC_MODE"] == "threading"
    assert values["LOG_REQUESTS"] is True
    assert values["DATA_DIR"] == "/tmp/x"
    assert values["RATE_LIMIT"] == "5/minute"


def test_the_admin_token_is_never_a_command_line_option():
    options = run.parse_options([], environ={"SAMLA_ADMIN_TOKEN": "organiser"})
    assert not hasattr(options, "admin_token")
    assert settings.from_options(options, {"SAMLA_ADMIN_TOKEN": "organiser"})["ADMIN_TOKEN"] == (
        "organiser"
    )
    with pytest.raises(SystemExit):
        run.parse_options(["--admin-token", "x"], environ={})


def test_the_async_mode_has_one_default_on_both_paths(monkeypatch):
    monkeypatch.delenv("SAMLA_ASYNC_MODE", raising=False)
    from_run = run.parse_options([]).async_mode
    assert from_run == settings.from_environment()["ASYNC_MODE"] == settings.default("ASYNC_MODE")


def test_an_app_is_configured_from_the_environment_and_its_config_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("SAMLA_RATE_LIMIT", "7/second")
    monkeypatch.setenv("SAMLA_COALESCE_SECONDS", "0.5")
    app = create_app({"DATA_DIR": str(tmp_path), "ASYNC_MODE": "threading", "RATE_LIMIT": "off"})
    try:
        assert app.config["COALESCE_SECONDS"] == 0.5
        assert app.config["RATE_LIMIT"] == "off"
        assert app.config["PUBLIC_URL"] == "http://127.0.0.1:5000"
    finally:
        app.extensions["samla_store"].close()


def test_only_the_settings_module_reads_the_environment():
    readers = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "app").rglob("*.py"))
        if path != ROOT / "app" / "settings.py"
        and re.search(r"os\.environ|os\.getenv|getenv\(", path.read_text(encoding="utf-8"))
    ]
    assert readers == []
