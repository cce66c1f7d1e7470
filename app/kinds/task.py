"""`task`: a group task; each table writes points under each of an ordered list of questions."""

import re

from flask_babel import lazy_gettext as _l

from app import store, themes, views
from app.errors import SamlaError
from app.exports import blocks as block
from app.kinds.base import *  # noqa: F403

NAME = "task"
TAKES_POINTS = True
MAX_LENGTH = 2000
THEMES = True
FEEDS_PRIORITIES = True
MAX_QUESTIONS = 60
QUESTION_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def _invalid(detail):
    return SamlaError("invalid_definition", detail=detail)


def _text(raw, key, maximum, required=False):
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _invalid(_l("hvert spørsmål trenger %(key)s", key=key))
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise _invalid(_l("%(key)s i et spørsmål må være tekst", key=key))
    value = str(value).strip()
    if len(value) > maximum:
        raise _invalid(
            _l("%(key)s i et spørsmål er lengre enn %(maximum)s tegn", key=key, maximum=maximum)
        )
    return value


def options(raw):
    """Questions in order, each with a stable id (kept through edits so points stay attached)."""
    questions = raw.get("questions")
    if not isinstance(questions, list) or not questions:
        raise _invalid(_l("questions i en task må være en liste som ikke er tom"))
    if len(questions) > MAX_QUESTIONS:
        raise _invalid(_l("en task har høyst %(limit)s spørsmål", limit=MAX_QUESTIONS))
    result, used = [], set()
    for item in questions:
        if isinstance(item, str):
            item = {"title": item}
        if not isinstance(item, dict):
            raise _invalid(_l("hvert spørsmål må være et objekt med title"))
        question_id = item.get("id")
        if question_id is not None:
            question_id = str(question_id)
            if not QUESTION_ID.match(question_id):
                raise _invalid(_l("id for et spørsmål kan bare ha bokstaver, sifre, - og _"))
            if question_id in used:
                raise _invalid(_l("id «%(id)s» er brukt på to spørsmål", id=question_id))
            used.add(question_id)
        result.append(
            {
                "id": question_id,
                "title": _text(item, "title", 500, required=True),
                "help": _text(item, "help", 4000),
            }
        )
    number = 0
    for question in result:
        if question["id"] is None:
            number += 1
            while f"q{number}" in used:
                number += 1
            question["id"] = f"q{number}"
            used.add(question["id"])
    unknown = set(raw) - {"questions"}
    if unknown:
        raise _invalid(
            _l("%(kind)s kjenner ikke til %(names)s", kind=NAME, names=", ".join(sorted(unknown)))
        )
    return {"questions": result}


def question_ids(options):
    return [q["id"] for q in options["questions"]]


def check_edit(db, before, options):
    """A question that has points cannot be removed."""
    kept = set(question_ids(options))
    used = {p["question_id"] for p in store.points.list_points(db, before["id"])}
    if used - kept:
        raise SamlaError("activity_has_entries", prompt=before["prompt"])


def priority_items(db, source, options):
    """The task's points (under `source_question` only, if the vote names one)."""
    question = options.get("source_question")
    return [
        {"id": f"p{p['id']}", "text": p["text"], "table": p["table"]}
        for p in store.points.list_points(db, source["id"], visible_only=True)
        if question is None or p["question_id"] == question
    ]


def work_count(db, activity):
    return store.points.count_points(db, activity["id"])


def screen_results(db, activity, point_ids=None):
    points = (
        store.points.list_points(db, activity["id"], include_deleted=False)
        if point_ids is None
        else store.points.get_points(db, point_ids)
    )
    return {
        "points": [views.public_point(p) for p in points],
        "themes": themes.accepted_themes(db, activity),
    }


def participant_view(db, activity, participant, table_entries):
    """The points of the participant's table, which its phones write together."""
    points = store.points.list_points(db, activity["id"], table_number=participant["table_number"])
    return {"table_points": [views.public_point(p) for p in points]}


def summaries(shown):
    """{table: {question id: [texts]}}: the answers by table."""
    answers = {}
    for point in shown["points"]:
        if point.get("held") or point.get("hidden"):
            continue
        by_question = answers.setdefault(str(point["table"]), {})
        by_question.setdefault(point["question_id"], []).append(point["text"])
    return {"answers": answers}


def minutes_blocks(db, activity, entries, tables):
    """Each question of the task, with every table's points under it and the themes the
    facilitator accepted across the tables' answers."""
    numbers = {table["number"] for table in tables}
    points = [
        p
        for p in store.points.list_points(db, activity["id"], visible_only=True)
        if p["table"] in numbers
    ]
    accepted = activity.get("themes") or []
    blocks = []
    for question in activity["options"]["questions"]:
        answers = [p for p in points if p["question_id"] == question["id"]]
        # A question these tables left unanswered (e.g. one for the county's tables) is left out.
        if not answers:
            continue
        blocks.append(block.by_table(answers, tables, heading=question["title"]))
        mine = [t for t in accepted if t["question_id"] == question["id"]]
        if mine:
            blocks.append(block.themes_block(mine, answers, tables))
    return blocks


def theme_items(db, activity):
    """The points under each question."""
    grouped = {q["id"]: [] for q in activity["options"].get("questions", [])}
    for point in store.points.list_points(db, activity["id"], visible_only=True):
        grouped.setdefault(point["question_id"], []).append(
            {"id": point["id"], "table": point["table"], "text": point["text"]}
        )
    return grouped


def theme_member(db, item_id):
    return store.points.get_point(db, item_id)


def theme_member_by_uid(db, uid):
    return store.bundles.get_point_by_uid(db, uid)


def bundle_members(content):
    return {point["uid"]: point for point in content.get("points", [])}
