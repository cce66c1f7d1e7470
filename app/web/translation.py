"""Flask-Babel: bokmål is the source language; a page speaks its gathering's language,
the console its user's own choice.

The catalogues (translations/<language>/LC_MESSAGES/messages.po) are compiled to .mo
at install and again at start whenever a .po is newer, so no binary is committed.
"""

import os
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import g, has_request_context, request, session
from flask_babel import Babel, get_locale

from app import settings
from app.rules import LANGUAGES

TRANSLATIONS = settings.SHIPPED / "translations"
# Each language by its own name, so a reader finds theirs whatever the page speaks.
LANGUAGE_NAMES = {"nb": "Norsk bokmål", "nn": "Norsk nynorsk", "en": "English"}
SESSION_KEY = "language"


def console_language():
    """The console user's choice (session cookie), else the browser's, else bokmål."""
    if not has_request_context():
        return "nb"
    chosen = session.get(SESSION_KEY)
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES, default="nb")


def select_locale():
    """The language of the gathering being served, else the console user's."""
    language = getattr(g, "language", None)
    if language in LANGUAGES:
        return language
    return console_language()


def choose(language):
    """Remember the console user's language in their session; False if unknown."""
    if language not in LANGUAGES:
        return False
    session[SESSION_KEY] = language
    return True


def speak_for_gathering(gathering_id=None, code=None):
    """Answer the rest of this request in a gathering's language (when it exists)."""
    from app import store

    with store.get_store().read() as db:
        if code is not None:
            gathering = (
                store.gatherings.get_gathering_by_code(db, code) if isinstance(code, str) else None
            )
        else:
            gathering = store.gatherings.get_gathering(db, gathering_id)
    if gathering is not None:
        g.language = gathering["language"]


def compile_catalogs(source=TRANSLATIONS, target=None):
    """Compile every messages.po below `source` whose .mo (below `target`) is missing or
    older; return the folder holding the .mo files. Fuzzy translations are left out."""
    target = Path(target or source)
    for po in sorted(source.glob("*/LC_MESSAGES/messages.po")):
        mo = target / po.relative_to(source).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parts[-3])
        mo.parent.mkdir(parents=True, exist_ok=True)
        # Written beside and renamed, so a second process starting at once never reads half.
        partial = mo.with_name(f"messages.{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            write_mo(handle, catalog)
        os.replace(partial, mo)
    return target


def _catalog_folder(app):
    """The source tree when it is writable (as after `make install`), else the data folder.
    Installed, the wheel's compiled catalogues are used as they came."""
    shipped = list(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
    if settings.INSTALLED and all(po.with_suffix(".mo").exists() for po in shipped):
        return TRANSLATIONS
    if os.access(TRANSLATIONS, os.W_OK):
        return compile_catalogs()
    return compile_catalogs(target=Path(app.config["DATA_DIR"]) / "translations")


def init_app(app):
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "nb")
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(_catalog_folder(app))
    Babel(app, locale_selector=select_locale)

    @app.context_processor
    def page_language():
        return {"lang": str(get_locale() or "nb"), "languages": LANGUAGE_NAMES}


if __name__ == "__main__":  # `python -m app.translation`: the install step
    print(f"catalogues compiled in {compile_catalogs()}", file=sys.stderr)
