"""The package: what pyproject.toml declares, and the install check's reading of pages.

Building and installing the wheel itself is .ci/run's job (scripts/check_install.py).
"""

import importlib.util
import re
import tomllib
from pathlib import Path

from app import __version__, settings

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def load_script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_package_needs_what_requirements_txt_lists():
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    required = [line for line in lines if line.strip() and not line.startswith("#")]
    assert PYPROJECT["project"]["dependencies"] == required


def test_the_version_is_written_once_and_looks_like_one():
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "app/__init__.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_wheel_carries_the_pages_files_inside_the_package_and_a_samla_command():
    wheel = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["packages"] == ["app"]
    assert wheel["force-include"] == {
        "samla.py": "samla.py",
        "static": "app/static",
        "templates": "app/templates",
        "sessions": "app/sessions",
        "translations": "app/translations",
    }
    assert PYPROJECT["project"]["scripts"] == {"samla": "samla:main"}


def test_the_install_check_follows_every_kind_of_module_import():
    check = load_script("check_install")
    source = """
import { connect } from './shared/connection.js';
import * as text from "../shared/text.js";
import './side-effect.js';
export { merge } from './store.js';
export * from "./kinds/index.js";
const later = await import('./lazy.js');
import {
  a,
  b,
} from './multi-line.js';
// "import" in a comment or string is not a module: 'import me'
"""
    found = [next(g for g in groups if g) for groups in check.JS_IMPORT.findall(source)]
    assert sorted(found) == sorted(
        [
            "./shared/connection.js",
            "../shared/text.js",
            "./side-effect.js",
            "./store.js",
            "./kinds/index.js",
            "./lazy.js",
            "./multi-line.js",
        ]
    )


def test_the_install_check_reads_scripts_styles_and_fonts_of_a_page():
    check = load_script("check_install")
    page = check.Assets()
    page.feed(
        '<link rel="stylesheet" href="/static/css/samla.css">'
        '<link rel="modulepreload" href="/static/js/shared/connection.js">'
        '<script src="/static/vendor/socket.io.min.js"></script>'
        '<script type="module" src="/static/js/phone/main.js"></script><script>inline()</script>'
    )
    assert page.found == [
        "/static/css/samla.css",
        "/static/js/shared/connection.js",
        "/static/vendor/socket.io.min.js",
        "/static/js/phone/main.js",
    ]
    css = '@font-face { src: url("../../fonts/DejaVuSans.ttf") } @import "more.css";'
    assert check.CSS_URL.findall(css) == [("../../fonts/DejaVuSans.ttf", ""), ("", "more.css")]


def test_the_server_set_up_keeps_every_setting_in_one_file_of_real_variables():
    guide = (ROOT / "docs" / "SERVER.md").read_text(encoding="utf-8")
    unit = (ROOT / "docs" / "samla@.service").read_text(encoding="utf-8")
    assert "EnvironmentFile=/etc/samla/samla.env" in unit
    assert "ExecStart=/opt/samla/bin/samla --port %i" in unit
    assert "/opt/samla/bin/pip install" in guide and "/etc/samla/samla.env" in guide
    variables = {setting.variable for setting in settings.SETTINGS}
    named = set(re.findall(r"^#?(SAMLA_\w+)=", guide, re.M))
    assert {"SAMLA_DATA", "SAMLA_ADMIN_TOKEN", "SAMLA_PUBLIC_URL"} <= named <= variables
