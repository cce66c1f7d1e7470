"""How the parts of minutes and records read in every format: pure helpers, no Flask.

The renderers run in the worker process, which loads neither Flask nor the store;
their words come in as `labels` (app/exports/labels.py resolves them in the server).
"""


def ranking_lines(block, labels):
    """A ranking block as numbered lines, for formats that write paragraphs."""
    unit = labels["votes"] if block["method"] == "votes" else labels["points"]
    return [f"{row['rank']}. {row['text']} ({row['score']} {unit})" for row in block["rows"]]


def municipality_lines(m, labels):
    return [f"{row['name']}: {row['participants']}" for row in m.get("municipalities", [])]


def hidden_note(item, labels):
    """ "2 innspill skjult av ordstyrer", or None when nothing was hidden."""
    if not item["hidden_count"]:
        return None
    return labels["hidden"] % {"n": item["hidden_count"]}


def meta_rows(gathering, participants, labels):
    """(label, value) pairs of the heading facts that are known."""
    rows = [
        (labels["date"], gathering.get("date")),
        (labels["place"], gathering.get("place")),
        (labels["organiser"], gathering.get("organiser")),
        (labels["participants"], str(participants)),
    ]
    return [(label, value) for label, value in rows if value]


def note_rows(item, labels):
    """(label, text) of the referat's parts under an item that the facilitator filled in."""
    notes = item["notes"]
    follow_up = notes["follow_up"]
    if follow_up and notes["follow_up_by"]:
        follow_up = f"{follow_up} ({labels['follow_up_by']}: {notes['follow_up_by']})"
    rows = [
        (labels["discussion"], notes["notes"]),
        (labels["conclusion"], notes["decision"]),
        (labels["follow_up"], follow_up),
    ]
    return [(label, text) for label, text in rows if text]


def background(item):
    """The item's background: its prompt, and the longer help when there is one."""
    return "\n".join(text for text in (item["prompt"], item["help"]) if text)
