"""Quality of the theme suggestions on the hand-labelled statements.

For each method, the cosine-distance threshold (and, for "meaning", the concepts' weight)
is tuned on the "tune" half (best pairwise F1) and then reported on the "tune" half, the
"heldout" half, all 75 statements and the independent set written from other seed
gatherings: pairwise precision, recall, F1 and the adjusted Rand index.

    python bench/themes_quality.py            # table for docs/THEMES.md
    python bench/themes_quality.py --curve    # F1 on the tune half per weight and threshold
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
WEIGHTS = {"meaning": [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]}
SETS = ("tune", "heldout", None, "independent")


def load(split=None):
    """Statements of one split; None: all 75 of the first set; "independent": the second set."""
    data = json.loads(LABELLED.read_text(encoding="utf-8"))
    if split == "independent":
        return data["independent"]
    return [s for s in data["statements"] if split is None or s["split"] == split]


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


def score(statements, method, threshold, **options):
    truth = [s["theme"] for s in statements]
    predicted = themes.cluster([s["text"] for s in statements], method, threshold, **options)
    precision, recall, f1 = pairwise(truth, predicted)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "ari": adjusted_rand_score(truth, predicted),
    }


def settings(method):
    """(threshold, options) to try: every threshold, with every weight the method has."""
    weights = WEIGHTS.get(method)
    if not weights:
        return [(t, {}) for t in THRESHOLDS]
    return [(t, {"weight": w}) for w in weights for t in THRESHOLDS]


def tune(method):
    """The setting with the best F1 on the tune half; on a tie the lower threshold (fewer,
    surer groups) and then the lower weight."""
    tune_set = load("tune")
    return max(
        settings(method),
        key=lambda s: (score(tune_set, method, s[0], **s[1])["f1"], -s[0], -s[1].get("weight", 0)),
    )


def main():
    print("| method | weight | threshold | set | n | precision | recall | F1 | ARI |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for method in themes.METHODS:
        threshold, options = tune(method)
        weight = options.get("weight", "–")
        for split in SETS:
            statements = load(split)
            s = score(statements, method, threshold, **options)
            print(
                f"| {method} | {weight} | {threshold} | {split or 'all'} | {len(statements)} | "
                f"{s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['ari']:.2f} |"
            )
    if "--curve" in sys.argv:
        for method in themes.METHODS:
            for threshold, options in settings(method):
                s = score(load("tune"), method, threshold, **options)
                print(method, options, threshold, f"{s['f1']:.3f}", f"{s['ari']:.3f}")


if __name__ == "__main__":
    main()
