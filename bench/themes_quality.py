"""Quality of the theme suggestions on the hand-labelled statements.

For each method, the cosine-distance threshold is tuned on the "tune" half (best
pairwise F1) and then reported on the "tune" half, the "heldout" half and all
statements: pairwise precision, recall, F1 and the adjusted Rand index.

    python bench/themes_quality.py            # table for docs/THEMES.md
"""

import json
import sys
from itertools import combinations
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import themes

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "data" / "themes_labelled.json"
THRESHOLDS = [round(0.5 + 0.025 * n, 3) for n in range(19)]


def load(split=None):
    statements = json.loads(LABELLED.read_text(encoding="utf-8"))["statements"]
    return [s for s in statements if split is None or s["split"] == split]


def pairwise(truth, predicted):
    """Precision, recall and F1 over the pairs of statements put together."""
    same_truth = same_pred = both = 0
    for a, b in combinations(range(len(truth)), 2):
        t, p = truth[a] == truth[b], predicted[a] == predicted[b]
        same_truth += t
        same_pred += p
        both += t and p
    precision = both / same_pred if same_pred else 1.0
    recall = both / same_truth if same_truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(statements, method, threshold):
    truth = [s["theme"] for s in statements]
    predicted = themes.cluster([s["text"] for s in statements], method, threshold)
    precision, recall, f1 = pairwise(truth, predicted)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "ari": adjusted_rand_score(truth, predicted),
    }


def tune(method):
    tune_set = load("tune")
    return max(THRESHOLDS, key=lambda t: (score(tune_set, method, t)["f1"], -t))


def main():
    print("| method | threshold | set | n | precision | recall | F1 | ARI |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for method in themes.METHODS:
        best = tune(method)
        for split in ("tune", "heldout", None):
            statements = load(split)
            s = score(statements, method, best)
            print(
                f"| {method} | {best} | {split or 'all'} | {len(statements)} | "
                f"{s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['ari']:.2f} |"
            )
    if "--curve" in sys.argv:
        for method in themes.METHODS:
            for t in THRESHOLDS:
                s = score(load("tune"), method, t)
                print(method, t, f"{s['f1']:.3f}", f"{s['ari']:.3f}")


if __name__ == "__main__":
    main()
