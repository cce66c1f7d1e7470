"""Which formats minutes, records and table cards come in, and which of them run in the
worker process."""

import importlib
import json

# format: (module in app.exports, mimetype, file extension, heavy: rendered in the worker)
MINUTES = {
    "json": (None, "application/json", "json", False),
    "md": ("markdown", "text/markdown", "md", False),
    "csv": ("csvfiles", "application/zip", "zip", False),
    "html": ("html", "text/html", "html", True),
    "docx": (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
        True,
    ),
    "pdf": ("pdf", "application/pdf", "pdf", True),
    "xlsx": (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        True,
    ),
}
RECORD = {key: MINUTES[key] for key in ("json", "md", "html", "docx", "pdf", "xlsx", "csv")}
CARDS = {"pdf": ("cards", "application/pdf", "pdf", True)}
KINDS = {"minutes": MINUTES, "record": RECORD, "cards": CARDS}


def render(what, fmt, data, labels):
    """Bytes of `data` (minutes, a record or table cards) in `fmt`, rendered in this process."""
    module_name = KINDS[what][fmt][0]
    if module_name is None:
        return json.dumps(data, ensure_ascii=False, indent=2).encode()
    module = importlib.import_module(f".{module_name}", __package__)
    rendered = getattr(module, f"render_{what}")(data, labels)
    return rendered.encode() if isinstance(rendered, str) else rendered
