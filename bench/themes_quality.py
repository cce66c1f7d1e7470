"""Quality of the theme suggestions on the hand-labelled statements.

"meaning", the method the console uses, cuts where the statements' own spread of
similarities says (app/themes.py, SPREAD): its concepts' weight and spread are tuned on
every set but the held-out half and the blind ones together (best mean pairwise F1). For
comparison, "meaning" with a fixed cut, "chars" and "words" have their cosine-distance
threshold (and weight) tuned on the "tune" half alone. Each is reported on every set but
the blind ones: pairwise precision, recall, F1 and the adjusted Rand index. The blind sets
(blind4, blind5) are reported only with --blind: they are measured once, when the method is
final (docs/THEMES.md).

    python bench/themes_quality.py            # table for docs/THEMES.md
    python bench/themes_quality.py --curve    # F1 per setting on the sets it is tuned on
    python bench/themes_quality.py --blind    # the table with the blind sets as well
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
WEIGHTS = {
    "meaning": [0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    "meaning-fixed": [0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
}
SPREADS = [round(2.5 + 0.5 * n, 2) for n in range(5)]
SETS = ("tune", "heldout", None, "independent", "blind2", "dev3a", "dev3b", "dev3c", "blind3")
ADAPTIVE_TUNED_ON = ("tune", "independent", "blind2", "dev3a", "dev3b", "dev3c", "blind3")
BLIND_SETS = ("blind4", "blind5")
# Report name -> (method in app.themes, whether its cut adapts)
METHODS = {"meaning": ("meaning", True), "meaning-fixed": ("meaning", False)}
METHODS.update({m: (m, False) for m in themes.METHODS if m != "meaning"})


def load(split=None):
    """Statements of one split; None: all 75 of the first set; the name of a later set: that set."""
    data = json.loads(LABELLED.read_text(encoding="utf-8"))
    if split in data and split != "statements":
        return data[split]
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


def score(statements, method, threshold=None, **options):
    """Pairwise precision, recall, F1 and ARI of `method` (a name of METHODS) on statements;
    options: the concepts' weight, and for an adaptive cut its spread instead of a threshold."""
    truth = [s["theme"] for s in statements]
    name, _ = METHODS[method]
    predicted = themes.cluster([s["text"] for s in statements], name, threshold, **options)
    precision, recall, f1 = pairwise(truth, predicted)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "ari": adjusted_rand_score(truth, predicted),
    }


def settings(method):
    """(threshold, options) to try: every threshold (for an adaptive cut: every spread, the
    threshold None), with every weight the method has."""
    weights = WEIGHTS.get(method) or [None]
    if METHODS[method][1]:
        cuts = [(None, {"spread": k}) for k in SPREADS]
    else:
        cuts = [(t, {}) for t in THRESHOLDS]
    return [
        (t, {**cut, **({} if w is None else {"weight": w})}) for w in weights for t, cut in cuts
    ]


def tuned_on(method):
    return ADAPTIVE_TUNED_ON if METHODS[method][1] else ("tune",)


def tune(method):
    """The setting with the best mean F1 on the sets the method is tuned on; on a tie the
    lower cut (fewer, surer groups) and then the lower weight."""
    sets = [load(split) for split in tuned_on(method)]

    def key(setting):
        threshold, options = setting
        f1 = sum(score(s, method, threshold, **options)["f1"] for s in sets) / len(sets)
        cut = threshold if threshold is not None else -options["spread"]
        return round(f1, 6), -cut, -options.get("weight", 0)

    return max(settings(method), key=key)


def main():
    sets = (*SETS, *BLIND_SETS) if "--blind" in sys.argv else SETS
    print("| method | weight | cut | set | n | precision | recall | F1 | ARI |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for method in METHODS:
        threshold, options = tune(method)
        weight = options.get("weight", "–")
        cut = threshold if threshold is not None else f"spread {options['spread']}"
        for split in sets:
            statements = load(split)
            s = score(statements, method, threshold, **options)
            print(
                f"| {method} | {weight} | {cut} | {split or 'all'} | {len(statements)} | "
                f"{s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['ari']:.2f} |"
            )
    if "--curve" in sys.argv:
        for method in METHODS:
            for threshold, options in settings(method):
                f1 = [
                    score(load(split), method, threshold, **options)["f1"]
                    for split in tuned_on(method)
                ]
                print(method, options, threshold, " ".join(f"{f:.3f}" for f in f1))


if __name__ == "__main__":
    main()
