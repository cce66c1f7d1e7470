"""Before the wheel is built: compile the translations to .mo, and refuse to build without
the vendored scripts, so no wheel ever lacks what the pages load (hatchling runs this)."""

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# The Socket.IO client, which every page loads; scripts/check_install.py checks the rest.
VENDORED = ("socket.io.min.js",)


def compile_catalogues(root):
    """Every translations/*/LC_MESSAGES/messages.po compiled beside itself (fuzzy left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted((root / "translations").glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parts[-3])
        with po.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version, build_data):
        root = Path(self.root)
        missing = [name for name in VENDORED if not (root / "static" / "vendor" / name).is_file()]
        if missing:
            raise RuntimeError(
                f"static/vendor lacks {', '.join(missing)}: run `npm ci` before building"
            )
        compile_catalogues(root)
