"""How long grouping 500 statements takes (the promise: at most 2 seconds).

The statements are the labelled ones, varied (words dropped, shuffled tables) up to 500.

    python bench/themes_speed.py [count]
"""

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import themes

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "data" / "themes_labelled.json"


def statements(count, seed=8):
    rng = random.Random(seed)
    base = json.loads(LABELLED.read_text(encoding="utf-8"))["statements"]
    items = []
    while len(items) < count:
        source = rng.choice(base)
        words = source["text"].split()
        kept = [w for w in words if rng.random() > 0.2] or words
        items.append({"id": len(items) + 1, "table": rng.randint(1, 40), "text": " ".join(kept)})
    return items


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    items = statements(count)
    themes.suggest(items[:20])  # warm up imports and caches
    for method in themes.METHODS:
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            found = themes.suggest(items, method)
            runs.append(time.perf_counter() - start)
        print(
            f"{method}: {count} statements -> {len(found)} themes, "
            f"best {min(runs):.2f} s, worst {max(runs):.2f} s"
        )


if __name__ == "__main__":
    main()
