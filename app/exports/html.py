"""Printable HTML minutes and records, with the word clouds embedded (runs in the worker)."""

import base64
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from app.exports.images import cloud_png
from app.exports.layout import TEMPLATE_HELPERS

# Installed, the templates ship inside the package (pyproject.toml); in a checkout they
# sit beside it. The worker runs this without app.settings, so it looks for itself.
_PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATES = next(
    folder for folder in (_PACKAGE / "templates", _PACKAGE.parent / "templates") if folder.is_dir()
)


def _environment():
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        TEMPLATE_HELPERS,
        cloud_data_uri=lambda block: (
            "data:image/png;base64," + base64.b64encode(cloud_png(block)).decode()
        ),
    )
    return env


def render_minutes(minutes, labels):
    return _environment().get_template("exports/minutes.html").render(m=minutes, labels=labels)


def render_record(record, labels):
    return _environment().get_template("exports/record.html").render(r=record, labels=labels)
