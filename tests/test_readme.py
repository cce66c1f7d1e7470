"""The README is a map of the code: its Layout names every module, and nothing that is gone."""

import re
from pathlib import Path

from app import settings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title):
    """The text under `## title`, up to the next heading of that level."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"the README has no '## {title}' section"
    return match.group(1)


def layout_paths():
    """The paths the Layout's tree names: two spaces of indent per level, then the names
    (several separated by ", "), then at least two spaces and what they are."""
    tree = re.search(r"```\n(.*?)```", section("Layout"), re.S).group(1)
    named, parents = set(), []
    for line in tree.splitlines():
        stripped = line.lstrip(" ")
        depth, odd = divmod(len(line) - len(stripped), 2)
        names = re.split(r"\s{2,}", stripped)[0]
        if not names or odd or depth > len(parents):
            continue  # a description carried over to the next line
        del parents[depth:]
        named.update("".join(parents) + name for name in names.split(", "))
        if names.endswith("/") and ", " not in names:
            parents.append(names)
    return named


def modules():
    """Every module under app/, a package counting as its folder."""
    found = set()
    for path in (ROOT / "app").rglob("*.py"):
        relative = path.relative_to(ROOT)
        if "__pycache__" in relative.parts:
            continue
        found.add(f"{relative.parent}/" if path.name == "__init__.py" else str(relative))
    return found


def test_the_layout_names_every_package_and_module_under_app():
    missing = sorted(modules() - layout_paths())
    assert missing == [], f"add these to the README's Layout: {missing}"


def test_the_layout_names_only_paths_that_exist():
    gone = sorted(path for path in layout_paths() if not (ROOT / path.rstrip("/")).exists())
    assert gone == [], f"the README's Layout names what does not exist: {gone}"


def test_the_layout_reads_as_a_tree():
    named = layout_paths()
    assert {"run.py", "app/", "app/kinds/words.py", "app/store/connection.py"} <= named
    assert {"static/js/", "tests/store/", "bench/", "docs/ARCHITECTURE.md"} <= named


def test_every_app_path_and_module_the_readme_mentions_exists():
    paths = set(re.findall(r"\bapp/[\w/]+\.\w+", README))
    paths |= {
        name.replace(".", "/") + ".py" for name in re.findall(r"python -m (app(?:\.\w+)+)", README)
    }
    gone = sorted(path for path in paths if not (ROOT / path).exists())
    assert gone == [], f"the README mentions what does not exist: {gone}"


def test_the_configuration_names_every_setting():
    text = section("Configuration")
    for setting in settings.SETTINGS:
        assert f"`{setting.variable}`" in text
        if setting.option:
            assert f"`{setting.option}" in text


def test_ci_runs_the_readmes_set_up_commands():
    commands = section("Install and run")
    assert "make run" in commands and "make test" in commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make lint" in ci and "make test" in ci
