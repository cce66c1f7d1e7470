"""Where the DejaVu Sans font is (it covers æøå); found without importing matplotlib."""

import importlib.util
from pathlib import Path


def _dejavu_sans():
    spec = importlib.util.find_spec("matplotlib")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"


# matplotlib, a dependency of wordcloud, ships the font.
DEJAVU_SANS = _dejavu_sans()
