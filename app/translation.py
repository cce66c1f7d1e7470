"""Flask-Babel: bokmål is the source language; a page speaks its gathering's language."""

from flask import g, request
from flask_babel import Babel, get_locale

from .gatherings import LANGUAGES


def select_locale():
    """The language of the gathering being served, else the browser's choice, else bokmål."""
    language = getattr(g, "language", None)
    if language in LANGUAGES:
        return language
    if request:
        return request.accept_languages.best_match(LANGUAGES, default="nb")
    return "nb"


def init_app(app):
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "nb")
    Babel(app, locale_selector=select_locale)

    @app.context_processor
    def page_language():
        return {"lang": str(get_locale() or "nb")}
