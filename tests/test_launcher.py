"""The `samla` command (samla.py, also behind run.py) on every platform it is meant for.

Only Linux runs here: the Windows and macOS branches are run by faking `sys.platform`
and the modules those systems lack.
"""

import importlib.util
import io
import shutil
import socket
import sqlite3
import sys
import types
from pathlib import Path

import pytest

import samla
from app import __version__, addresses, create_app, settings, store
from app.addresses import Interface
from app.store.schema import MIGRATIONS
from app.web import translation

ROOT = Path(__file__).resolve().parent.parent
V6 = ROOT / "tests" / "store" / "data" / "samla-v6.db"


@pytest.mark.parametrize(
    "platform, mode", [("linux", "eventlet"), ("win32", "threading"), ("darwin", "threading")]
)
def test_the_async_mode_defaults_to_one_that_works_on_the_platform(monkeypatch, platform, mode):
    monkeypatch.setattr(sys, "platform", platform)
    assert settings.default_async_mode() == mode


def test_a_checkout_keeps_its_data_in_the_current_folder():
    assert settings.INSTALLED is False
    assert settings.SHIPPED == ROOT
    assert settings.default_data_dir() == "data"


@pytest.mark.parametrize(
    "platform, name", [("linux", "samla"), ("win32", "Samla"), ("darwin", "Samla")]
)
def test_an_installed_samla_keeps_its_data_in_the_users_data_folder(
    monkeypatch, tmp_path, platform, name
):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # where platformdirs looks on Linux
    monkeypatch.setattr(sys, "platform", platform)
    folder = Path(settings.default_data_dir(installed=True))
    assert folder.name == name
    assert folder.parent == tmp_path  # Linux's platformdirs runs here, whatever the name


def test_a_package_with_its_files_inside_counts_as_installed(tmp_path):
    package = tmp_path / "site-packages" / "app"
    (package / "static").mkdir(parents=True)
    shutil.copy(ROOT / "app" / "settings.py", package / "settings.py")
    spec = importlib.util.spec_from_file_location("installed_settings", package / "settings.py")
    installed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(installed)
    assert installed.INSTALLED is True
    assert installed.SHIPPED == package
    assert installed.TEMPLATES_DIR == str(package / "sessions")
    assert installed.default("DATA_DIR") != "data"


def test_an_installed_samla_uses_the_catalogues_the_wheel_carries(monkeypatch, tmp_path):
    shipped = tmp_path / "translations"
    for language in ("nn", "en"):
        folder = shipped / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "messages.po").write_text("", encoding="utf-8")
        (folder / "messages.mo").write_bytes(b"compiled")
    monkeypatch.setattr(translation, "TRANSLATIONS", shipped)
    monkeypatch.setattr(settings, "INSTALLED", True)
    app = types.SimpleNamespace(config={"DATA_DIR": str(tmp_path / "data")})
    assert translation._catalog_folder(app) == shipped
    assert (shipped / "nn" / "LC_MESSAGES" / "messages.mo").read_bytes() == b"compiled"


def test_an_older_data_folder_in_the_users_data_folder_upgrades_in_place(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    data = Path(settings.default_data_dir(installed=True))
    data.mkdir(parents=True)
    shutil.copy(V6, data / store.DATABASE_FILE)
    app = create_app({"TESTING": True, "DATA_DIR": str(data), "ASYNC_MODE": "threading"})
    try:
        assert app.test_client().get("/healthz").get_json()["version"] == __version__
    finally:
        app.extensions["samla_store"].close()
    conn = sqlite3.connect(data / store.DATABASE_FILE)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    finally:
        conn.close()


def test_windows_has_no_open_files_limit_to_raise(monkeypatch):
    monkeypatch.setitem(sys.modules, "resource", None)  # `import resource` fails, as there
    assert samla.raise_open_files_limit() is None


def fake_resource(soft, hard, refuse_above=None):
    """A `resource` module whose setrlimit refuses more than macOS allows."""
    module = types.SimpleNamespace(RLIMIT_NOFILE=7, RLIM_INFINITY=-1, limits=[(soft, hard)])
    module.getrlimit = lambda which: module.limits[-1]

    def setrlimit(which, limits):
        if refuse_above is not None and limits[0] > refuse_above:
            raise ValueError("current limit exceeds maximum limit")
        module.limits.append(limits)

    module.setrlimit = setrlimit
    return module


def test_macos_gets_the_most_open_files_it_allows(monkeypatch):
    resource = fake_resource(256, -1, refuse_above=samla.MACOS_OPEN_MAX)
    monkeypatch.setitem(sys.modules, "resource", resource)
    assert samla.raise_open_files_limit() == samla.MACOS_OPEN_MAX
    assert resource.limits[-1] == (samla.MACOS_OPEN_MAX, -1)


def test_linux_lifts_the_soft_limit_up_to_the_hard_one(monkeypatch):
    resource = fake_resource(1024, 4096)
    monkeypatch.setitem(sys.modules, "resource", resource)
    assert samla.raise_open_files_limit() == 4096


def test_the_join_address_comes_from_the_option_the_host_or_the_machine(monkeypatch):
    monkeypatch.setattr(
        addresses,
        "machine_interfaces",
        lambda: [Interface("lo", True, ("127.0.0.1",)), Interface("Wi-Fi", True, ("10.0.0.7",))],
    )
    monkeypatch.setattr(addresses, "route_address", lambda: None)  # a venue without gateway
    parse = samla.parse_options
    assert samla.join_address(parse([], environ={})) == "10.0.0.7"
    assert samla.join_address(parse(["--host", "192.168.1.5"], environ={})) == "192.168.1.5"
    assert samla.join_address(parse(["--public-url", "https://s.example"], environ={})) is None


def test_run_py_and_samla_are_one_command():
    import run

    assert run.main is samla.main and run.parse_options is samla.parse_options


def test_the_command_says_its_version(capsys):
    with pytest.raises(SystemExit):
        samla.parse_options(["--version"], environ={})
    assert capsys.readouterr().out.strip() == f"Samla {__version__}"


def test_open_waits_for_the_server_then_opens_the_console(monkeypatch):
    opened = []
    monkeypatch.setattr(samla.webbrowser, "open", opened.append)
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]
        samla.open_when_listening("http://10.0.0.7:5000/console", "0.0.0.0", port, timeout=5)
    assert opened == ["http://10.0.0.7:5000/console"]


def test_a_windows_code_page_terminal_gets_the_qr_code_without_failing():
    terminal = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    samla.readable_output(terminal)
    print("Arrangørnøkkel ▀█▄", file=terminal)
    terminal.flush()
    assert terminal.buffer.getvalue() == "Arrangørnøkkel ???\n".encode("cp1252")
