"""Every setting Samla reads, in one place: its default, environment variable and option.

Defaults run on a laptop. The environment overrides a default, and run.py's options
(built from SETTINGS) override the environment. Nothing else in the app reads
os.environ for configuration.
"""

import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path

ASYNC_MODES = ("eventlet", "gevent", "threading")
PACKAGE = Path(__file__).resolve().parent
# The wheel ships static/, templates/, sessions/ and translations/ inside the package
# (pyproject.toml); a source checkout has them beside it. That is how Samla knows it runs
# installed: then its data belongs in the user's data folder, not in the current one.
INSTALLED = (PACKAGE / "static").is_dir()
SHIPPED = PACKAGE if INSTALLED else PACKAGE.parent
TEMPLATES_DIR = str(SHIPPED / "sessions")


def default_data_dir(installed=INSTALLED, platform=None):
    """`data` in a checkout; installed, the user's data folder: %LOCALAPPDATA%\\Samla,
    ~/Library/Application Support/Samla, ~/.local/share/samla."""
    if not installed:
        return "data"
    from platformdirs import user_data_dir

    platform = platform or sys.platform
    return user_data_dir("samla" if platform.startswith("linux") else "Samla", appauthor=False)


def default_async_mode(platform=None):
    """eventlet on Linux, where it is measured (docs/BENCHMARKS.md); threading elsewhere:
    eventlet does not support Windows and patches nothing there reliably, and a laptop's
    few hundred phones fit in threads. README.md, "Async mode", says more."""
    platform = platform or sys.platform
    return "eventlet" if platform.startswith("linux") else "threading"


def _switch(text):
    return text.strip().lower() in ("1", "yes", "true", "on")


@dataclass(frozen=True)
class Setting:
    """One setting: its app.config key, environment variable and run.py option."""

    key: str
    variable: str
    option: str | None
    default: object
    help: str
    parse: object = str
    choices: tuple | None = None
    metavar: str | None = None


SETTINGS = (
    Setting("HOST", "SAMLA_HOST", "--host", "0.0.0.0", "address to listen on"),
    Setting("PORT", "SAMLA_PORT", "--port", 5000, "port to listen on", int),
    Setting(
        "DATA_DIR",
        "SAMLA_DATA",
        "--data",
        default_data_dir(),
        "folder for samla.db, the generated secrets and the organiser's own templates",
        metavar="DIR",
    ),
    Setting(
        "PUBLIC_URL",
        "SAMLA_PUBLIC_URL",
        "--public-url",
        None,
        "the address phones use, in QR codes and links, fixed (default: the likeliest of this"
        " machine's addresses, which the console can change)",
        metavar="URL",
    ),
    # run.py patches the standard library for green threads before anything else is
    # imported; an app built without run.py (tests, scripts) must pass "threading".
    Setting(
        "ASYNC_MODE",
        "SAMLA_ASYNC_MODE",
        "--async-mode",
        default_async_mode(),
        "the async server; all three pass the same tests",
        choices=ASYNC_MODES,
    ),
    Setting(
        "LOG_REQUESTS",
        "SAMLA_LOG_REQUESTS",
        "--log-requests",
        False,
        "log every HTTP request",
        _switch,
    ),
    Setting(
        "OPEN",
        "SAMLA_OPEN",
        "--open",
        False,
        "open the organiser's console in the default browser once Samla listens",
        _switch,
    ),
    Setting(
        "MESSAGE_QUEUE",
        "SAMLA_MESSAGE_QUEUE",
        "--message-queue",
        None,
        "redis://host:port/db shared by several Samla processes (docs/SCALING.md)",
        metavar="URL",
    ),
    # 0 sends each change at once (tests use that).
    Setting(
        "COALESCE_SECONDS",
        "SAMLA_COALESCE_SECONDS",
        "--coalesce-seconds",
        0.1,
        "screens get at most one update per activity in this many seconds",
        float,
        metavar="SECONDS",
    ),
    Setting(
        "RATE_LIMIT",
        "SAMLA_RATE_LIMIT",
        "--rate-limit",
        "120/minute",
        "actions per participant token, a `limits` string such as 30/minute, or off",
        metavar="LIMIT",
    ),
    Setting(
        "TRUSTED_PROXIES",
        "SAMLA_TRUSTED_PROXIES",
        "--trusted-proxies",
        0,
        "how many proxies in front of Samla set X-Forwarded-For (nginx: 1); the client's"
        " address is read from it, for the logs and for slowing guesses only",
        int,
        metavar="N",
    ),
    Setting(
        "SESSION_HOURS",
        "SAMLA_SESSION_HOURS",
        "--session-hours",
        12,
        "a console login lasts this many hours",
        float,
        metavar="HOURS",
    ),
    Setting(
        "HEADER_TIMEOUT",
        "SAMLA_HEADER_TIMEOUT",
        "--header-timeout",
        60,
        "close a connection whose request is not complete in this many seconds"
        " (live websockets are kept by their pings)",
        float,
        metavar="SECONDS",
    ),
    Setting(
        "SESSIONS_DIR",
        "SAMLA_SESSIONS",
        "--sessions",
        TEMPLATES_DIR,
        "folder of the shipped gathering templates, YAML files (read only)",
        metavar="DIR",
    ),
    # No option: a command line is visible to every user of the machine.
    Setting(
        "ADMIN_TOKEN",
        "SAMLA_ADMIN_TOKEN",
        None,
        None,
        "the organiser token (default: generated into DATA/admin_token)",
    ),
)
BY_KEY = {setting.key: setting for setting in SETTINGS}

FIXED = {
    # Phones and screens are served by this app itself, so the Socket.IO same-origin
    # check is right; None means "same origin only".
    "CORS_ALLOWED_ORIGINS": None,
}


def default(key):
    """The value `key` has when neither the environment nor an option sets it."""
    return BY_KEY[key].default


def from_environment(environ=None):
    """Every setting, from the environment or its default (an empty variable is unset)."""
    environ = os.environ if environ is None else environ
    values = dict(FIXED)
    for setting in SETTINGS:
        text = environ.get(setting.variable, "")
        values[setting.key] = setting.parse(text) if text else setting.default
    return values


def add_options(parser, environ=None):
    """Give an argparse parser one option per setting, defaulting to the environment."""
    values = from_environment(environ)
    for setting in SETTINGS:
        if setting.option is None:
            continue
        shown = setting.help
        if setting.default not in (None, False):
            shown += " (default: %(default)s)"
        if setting.parse is _switch:
            extra = {"action": "store_true"}
        else:
            extra = {"type": setting.parse, "choices": setting.choices, "metavar": setting.metavar}
        parser.add_argument(
            setting.option,
            dest=setting.key.lower(),
            default=values[setting.key],
            help=f"{shown}; environment: {setting.variable}",
            **extra,
        )


def from_options(options, environ=None):
    """Every setting, with the options run.py was given winning over the environment."""
    values = from_environment(environ)
    for setting in SETTINGS:
        if setting.option is not None:
            values[setting.key] = getattr(options, setting.key.lower())
    return values


def prepare(app):
    """Create the data folder and fill in the secrets kept in it."""
    data_dir = Path(app.config["DATA_DIR"])
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":  # the folder of the database and the secrets: its owner's only
        os.chmod(data_dir, 0o700)
    app.config["DATA_DIR"] = str(data_dir)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = read_or_create_secret(data_dir / "secret_key")
    if not app.config.get("ADMIN_TOKEN"):
        token_file = data_dir / "admin_token"
        app.config["ADMIN_TOKEN_CREATED"] = not token_file.exists()
        app.config["ADMIN_TOKEN"] = read_or_create_secret(token_file, 18)
        app.config["ADMIN_TOKEN_FILE"] = str(token_file.resolve())
    # The organiser's own templates live with the data, beside the shipped ones.
    own_templates = data_dir / "templates"
    own_templates.mkdir(exist_ok=True)
    app.config["OWN_TEMPLATES_DIR"] = str(own_templates)
    # A public URL given by option or environment is fixed; else the address the launcher
    # picked (JOIN_ADDRESS), which the organiser may change in the console.
    given = app.config.get("PUBLIC_URL")
    app.config["PUBLIC_URL_FIXED"] = bool(given)
    if given:
        public_url = given.rstrip("/")
    else:
        address = app.config.get("JOIN_ADDRESS") or "127.0.0.1"
        public_url = f"http://{address}:{app.config['PORT']}"
    app.config["PUBLIC_URL"] = public_url
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=public_url.startswith("https://"),
        SESSION_COOKIE_NAME="samla_session",
        JSON_SORT_KEYS=False,
    )


def template_folders(config):
    """Where templates are found: the organiser's own first, then the shipped ones."""
    return [config["OWN_TEMPLATES_DIR"], config["SESSIONS_DIR"]]


def read_or_create_secret(path, nbytes=32):
    """Return the secret stored at `path`, creating it (readable by the owner only) if missing."""
    if path.exists():
        if os.name == "posix":
            os.chmod(path, 0o600)
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    value = secrets.token_urlsafe(nbytes)
    # The mode keeps other users out on POSIX; Windows ignores it (the user's own
    # %LOCALAPPDATA% is private already).
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    return value
