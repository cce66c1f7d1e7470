"""The layers only import downwards.

- The domain (modules at the root of app/, and app/kinds/) knows neither HTTP nor
  Socket.IO. app/__init__.py is the factory that wires every layer, so it is left out.
- The store (app/store/) is the only SQL and builds on nothing else of Samla but its
  errors.
- What the worker process loads (every module of app/exports/ except the minutes
  builder and its blocks, the server's side of the worker pool and the label translations) needs
  neither Flask nor any part of Samla outside those renderers.

Imports are read from the source with `ast`, at module level and inside functions.
"""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"

# app/exports modules that run in the server, not in the worker.
SERVER_SIDE_EXPORTS = {
    "minutes",  # builds the minutes from the store
    "blocks",  # what the kinds build the minutes' sections from, with translated headings
    "worker",  # the pool of workers, in the server
    "labels",  # translates the labels with Flask-Babel before they go to the worker
}


def module_name(path):
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path):
    """(line, imported name) for every import in the file; `from a import b` gives `a.b`."""
    return imports_in(path.read_text(encoding="utf-8"), module_name(path), path.name)


def imports_in(source, module, filename):
    tree = ast.parse(source, filename=filename)
    package = module.split(".")
    if filename != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = ".".join(package[: len(package) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def within(name, package):
    return name == package or name.startswith(package + ".")


def modules(folder, recursive=False):
    pattern = "**/*.py" if recursive else "*.py"
    return sorted((APP / folder).glob(pattern))


def offences(paths, forbidden):
    """'module (line n) imports name' for each import that `forbidden(name)` refuses."""
    return [
        f"{module_name(path)} (line {line}) imports {name}"
        for path in paths
        for line, name in imports(path)
        if forbidden(name)
    ]


def test_the_domain_knows_neither_http_nor_socketio():
    domain = [p for p in modules(".") if p.name != "__init__.py"] + modules("kinds")
    assert len(domain) > 10
    found = offences(domain, lambda n: within(n, "app.web") or within(n, "app.realtime"))
    assert found == [], "the domain imports the web or realtime layer:\n" + "\n".join(found)


def test_the_store_builds_on_nothing_of_samla_but_its_errors():
    store = modules("store", recursive=True)
    assert len(store) > 5

    def forbidden(name):
        return within(name, "app") and not (within(name, "app.store") or within(name, "app.errors"))

    found = offences(store, forbidden)
    assert found == [], "the store imports another part of app:\n" + "\n".join(found)


def worker_side(path):
    return path.stem not in SERVER_SIDE_EXPORTS


def test_what_the_worker_loads_needs_neither_flask_nor_the_server():
    renderers = [p for p in modules("exports") if worker_side(p)]
    assert {p.stem for p in renderers} >= {"docx", "pdf", "xlsx", "html", "layout", "jobs"}
    allowed = {module_name(p) for p in renderers}

    def forbidden(name):
        top = name.split(".")[0]
        if top == "flask" or top.startswith("flask_"):
            return True
        return within(name, "app") and not any(
            within(name, module) for module in allowed if module != "app.exports"
        )

    found = offences(renderers, forbidden)
    assert found == [], (
        "a module the worker loads imports Flask or the server's side of app:\n" + "\n".join(found)
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import flask", ["flask"]),
        ("from app import store, views", ["app.store", "app.views"]),
        (
            "def f():\n    from app.realtime.server import socketio",
            ["app.realtime.server.socketio"],
        ),
        ("from .minutes import background", ["app.exports.minutes.background"]),
        ("from . import docx", ["app.exports.docx"]),
    ],
)
def test_imports_are_found_at_module_level_and_inside_functions(source, expected):
    found = imports_in(source, "app.exports.example", "example.py")
    assert [name for _, name in found] == expected
