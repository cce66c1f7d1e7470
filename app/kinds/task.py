"""`task`: a group task; each table writes points under each of an ordered list of questions."""

import re

from flask_babel import lazy_gettext as _l

from app.errors import SamlaError

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
