"""`task`: a group task; each table writes points under each of an ordered list of questions."""

import re

from ..errors import SamlaError

NAME = "task"
TAKES_ENTRIES = False
MAX_LENGTH = 2000
MAX_QUESTIONS = 60
QUESTION_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def _invalid(detail):
    return SamlaError("invalid_definition", detail=detail)


def _text(raw, key, maximum, required=False):
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _invalid(f"each question needs a {key}")
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise _invalid(f"a question's {key} must be text")
    value = str(value).strip()
    if len(value) > maximum:
        raise _invalid(f"a question's {key} is longer than {maximum} characters")
    return value


def options(raw):
    """Questions in order, each with a stable id (kept through edits so points stay attached)."""
    questions = raw.get("questions")
    if not isinstance(questions, list) or not questions:
        raise _invalid("a task needs a non-empty list of questions")
    if len(questions) > MAX_QUESTIONS:
        raise _invalid(f"a task has at most {MAX_QUESTIONS} questions")
    result, used = [], set()
    for item in questions:
        if isinstance(item, str):
            item = {"title": item}
        if not isinstance(item, dict):
            raise _invalid("each question must be an object with a title")
        question_id = item.get("id")
        if question_id is not None:
            question_id = str(question_id)
            if not QUESTION_ID.match(question_id):
                raise _invalid("a question id is letters, digits, - and _")
            if question_id in used:
                raise _invalid(f"question id {question_id} is used twice")
            used.add(question_id)
        result.append({"id": question_id, "title": _text(item, "title", 500, required=True),
                       "help": _text(item, "help", 4000)})
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
        raise _invalid(f"a task does not know {', '.join(sorted(unknown))}")
    return {"questions": result}


def question_ids(options):
    return [q["id"] for q in options["questions"]]
