"""Configuration: read once from the environment, with defaults that run on a laptop."""

import os
import secrets
from pathlib import Path

DEFAULT_DATA_DIR = "data"


def from_environment():
    """The settings that the environment may set; run.py's options override them."""
    return {
        "DATA_DIR": os.environ.get("SAMLA_DATA", DEFAULT_DATA_DIR),
        "ADMIN_TOKEN": os.environ.get("SAMLA_ADMIN_TOKEN") or None,
        "PUBLIC_URL": os.environ.get("SAMLA_PUBLIC_URL") or None,
        "ASYNC_MODE": os.environ.get("SAMLA_ASYNC_MODE", "threading"),
        "SESSIONS_DIR": os.environ.get(
            "SAMLA_SESSIONS", str(Path(__file__).resolve().parent.parent / "sessions")
        ),
        # Screens get at most one update per activity in this many seconds;
        # 0 sends each change at once (tests use that).
        "COALESCE_SECONDS": float(os.environ.get("SAMLA_COALESCE_SECONDS", "0.1")),
        # Phones and screens are served by this app itself, so the Socket.IO
        # same-origin check is right; None means "same origin only".
        "CORS_ALLOWED_ORIGINS": None,
        # Actions per participant token (a `limits` string such as 30/minute, or off).
        "RATE_LIMIT": os.environ.get("SAMLA_RATE_LIMIT", "120/minute"),
        # redis://... when several processes serve one gathering (docs/SCALING.md).
        "MESSAGE_QUEUE": os.environ.get("SAMLA_MESSAGE_QUEUE") or None,
    }


def prepare(app):
    """Create the data folder and fill in the secrets kept in it."""
    data_dir = Path(app.config["DATA_DIR"])
    data_dir.mkdir(parents=True, exist_ok=True)
    app.config["DATA_DIR"] = str(data_dir)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = read_or_create_secret(data_dir / "secret_key")
    if not app.config.get("ADMIN_TOKEN"):
        app.config["ADMIN_TOKEN"] = read_or_create_secret(data_dir / "admin_token", 18)
    public_url = (app.config.get("PUBLIC_URL") or "http://127.0.0.1:5000").rstrip("/")
    app.config["PUBLIC_URL"] = public_url
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=public_url.startswith("https://"),
        SESSION_COOKIE_NAME="samla_session",
        JSON_SORT_KEYS=False,
    )


def read_or_create_secret(path, nbytes=32):
    """Return the secret stored at `path`, creating it (readable by the owner only) if missing."""
    if path.exists():
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    value = secrets.token_urlsafe(nbytes)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    return value
