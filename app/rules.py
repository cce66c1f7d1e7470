"""Pure rules of a gathering: definitions, submitted text, states (no SQL; refusals carry
lazy translations, which need no app until a message is shown)."""

import datetime as dt
import hashlib
import re
import secrets
import unicodedata

from flask_babel import lazy_gettext as _l

from app.errors import SamlaError
from app.kinds import get_kind

LANGUAGES = ("nb", "nn", "en")
# A table's name when the definition gives none, in the gathering's language (stored as data).
TABLE_LABELS = {"nb": "Bord {n}", "nn": "Bord {n}", "en": "Table {n}"}
STATES = ("open", "closed")
MAX_TABLES = 500
MAX_ACTIVITIES = 200
MAX_CLIENT_ID = 100
CODE_DIGITS = 6
# Keys every activity may carry; the rest are the kind's own options.
ACTIVITY_KEYS = (
    "id",
    "kind",
    "prompt",
    "title",
    "help",
    "key",
    "tables",
    "approval",
    "hide_results",
)
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,60}$")
ALLOWED_CONTROLS = {"\n", "\t", "\r"}


def _invalid(detail):
    return SamlaError("invalid_definition", detail=detail)


def _optional_text(raw, key, maximum=500):
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise _invalid(_l("%(key)s må være tekst", key=key))
    value = str(value).strip()
    if len(value) > maximum:
        raise _invalid(_l("%(key)s er lengre enn %(maximum)s tegn", key=key, maximum=maximum))
    return value or None


def _required_text(raw, key, maximum=500):
    value = _optional_text(raw, key, maximum)
    if value is None:
        raise _invalid(_l("%(key)s mangler", key=key))
    return value


def normalise_tables(raw, language="nb"):
    """A table count or a list of {number, label, network} as a list of tables."""
    default_label = TABLE_LABELS[language]
    if isinstance(raw, int) and not isinstance(raw, bool):
        if not 1 <= raw <= MAX_TABLES:
            raise _invalid(_l("tables må være fra 1 til %(limit)s", limit=MAX_TABLES))
        return [
            {"number": n, "label": default_label.format(n=n), "network": None, "municipality": None}
            for n in range(1, raw + 1)
        ]
    if not isinstance(raw, list) or not raw:
        raise _invalid(_l("tables må være et antall eller en liste som ikke er tom"))
    if len(raw) > MAX_TABLES:
        raise _invalid(_l("høyst %(limit)s bord", limit=MAX_TABLES))
    tables, seen = [], set()
    for item in raw:
        if not isinstance(item, dict):
            raise _invalid(_l("hvert bord må være et objekt med number"))
        number = item.get("number")
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise _invalid(_l("number for et bord må være et positivt heltall"))
        if number in seen:
            raise _invalid(_l("bord %(number)s står to ganger", number=number))
        seen.add(number)
        label = _optional_text(item, "label", 100) or default_label.format(n=number)
        network = _optional_text(item, "network")
        municipality = _optional_text(item, "municipality", 100)
        tables.append(
            {"number": number, "label": label, "network": network, "municipality": municipality}
        )
    return sorted(tables, key=lambda t: t["number"])


def _flag(raw, key):
    value = raw.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise _invalid(_l("%(key)s må være true eller false", key=key))
    return value


def _activity_tables(raw):
    tables = raw.get("tables")
    if tables is None:
        return None
    if not isinstance(tables, list) or not tables:
        raise _invalid(_l("tables i en aktivitet må være en liste med bordnumre som ikke er tom"))
    if any(isinstance(n, bool) or not isinstance(n, int) or n < 1 for n in tables):
        raise _invalid(_l("tables i en aktivitet må være bordnumre"))
    return sorted(set(tables))


def normalise_activity(raw):
    """One agenda item: the settings every kind has, and the kind's own options."""
    if not isinstance(raw, dict):
        raise _invalid(_l("hver aktivitet må være et objekt"))
    kind = get_kind(raw.get("kind"))
    extra = {k: v for k, v in raw.items() if k not in ACTIVITY_KEYS}
    key = raw.get("key")
    if key is not None and (not isinstance(key, str) or not KEY_PATTERN.match(key)):
        raise _invalid(_l("key i en aktivitet kan bare ha bokstaver, sifre, - og _"))
    activity_id = raw.get("id")
    if activity_id is not None:
        activity_id = check_id(activity_id, "id")
    return {
        "id": activity_id,
        "kind": kind.NAME,
        "prompt": _required_text(raw, "prompt", 2000),
        "title": _optional_text(raw, "title", 200),
        "help": _optional_text(raw, "help", 4000),
        "key": key,
        "tables": _activity_tables(raw),
        "approval": _flag(raw, "approval"),
        "hide_results": _flag(raw, "hide_results"),
        "options": kind.options(extra),
    }


def check_agenda(activities, tables):
    """Rules across activities: unique keys, known tables, sources that come earlier."""
    numbers = {t["number"] for t in tables}
    keys, ids = {}, {}
    for position, activity in enumerate(activities):
        for number in activity["tables"] or []:
            if number not in numbers:
                raise _invalid(
                    _l(
                        "aktivitet %(position)s nevner bord %(number)s, som ikke står i tables",
                        position=position + 1,
                        number=number,
                    )
                )
        source = get_kind(activity["kind"]).item_source(activity["options"])
        if source is not None:
            earlier = keys.get(source) if isinstance(source, str) else ids.get(source)
            if earlier is None:
                raise _invalid(
                    _l(
                        "aktivitet %(position)s henter punktene sine fra «%(source)s», som ikke er"
                        " en tidligere aktivitet",
                        position=position + 1,
                        source=source,
                    )
                )
            source_kind = get_kind(earlier["kind"])
            if not source_kind.FEEDS_PRIORITIES:
                raise _invalid(
                    _l(
                        "aktivitet %(position)s kan ikke hente punkter fra en %(kind)s",
                        position=position + 1,
                        kind=earlier["kind"],
                    )
                )
            question = activity["options"].get("source_question")
            if question is not None and question not in source_kind.question_ids(
                earlier["options"]
            ):
                raise _invalid(
                    _l(
                        "aktivitet %(position)s: source_question «%(question)s» finnes ikke",
                        position=position + 1,
                        question=question,
                    )
                )
        if activity["key"] is not None:
            if activity["key"] in keys:
                raise _invalid(_l("key «%(key)s» er brukt to ganger", key=activity["key"]))
            keys[activity["key"]] = activity
        if activity["id"] is not None:
            ids[activity["id"]] = activity


def normalise_definition(raw):
    """Check a gathering's definition and return it in its canonical shape."""
    if not isinstance(raw, dict):
        raise _invalid(_l("en definisjon må være et objekt"))
    language = raw.get("language") or "nb"
    if language not in LANGUAGES:
        raise _invalid(_l("language må være en av %(names)s", names=", ".join(LANGUAGES)))
    activities = raw.get("activities")
    if not isinstance(activities, list) or not activities:
        raise _invalid(_l("activities må være en liste som ikke er tom"))
    if len(activities) > MAX_ACTIVITIES:
        raise _invalid(_l("høyst %(limit)s aktiviteter", limit=MAX_ACTIVITIES))
    if "tables" not in raw:
        raise _invalid(_l("%(key)s mangler", key="tables"))
    tables = normalise_tables(raw["tables"], language)
    activities = [normalise_activity(a) for a in activities]
    check_agenda(activities, tables)
    most = raw.get("max_participants")
    if most is not None and (isinstance(most, bool) or not isinstance(most, int) or most < 1):
        raise _invalid(_l("max_participants må være et positivt heltall"))
    return {
        "title": _required_text(raw, "title", 300),
        "date": _optional_text(raw, "date", 50),
        "place": _optional_text(raw, "place", 300),
        "organiser": _optional_text(raw, "organiser", 300),
        "language": language,
        "max_participants": most,
        "tables": tables,
        "activities": activities,
    }


def flatten(definition):
    """A checked definition back in the shape people write (options beside the other keys),
    which normalise_definition accepts again; kept with the gathering for bundles."""
    activities = []
    for activity in definition["activities"]:
        item = {key: activity[key] for key in ACTIVITY_KEYS if key in activity}
        item.update(activity["options"])
        activities.append({k: v for k, v in item.items() if v is not None and v is not False})
    return {**definition, "activities": activities}


def new_code():
    """A short numeric join code (the caller checks it is not in use)."""
    return "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))


def new_token():
    return secrets.token_urlsafe(18)


def participant_id(token):
    """The opaque id the console and the minutes know a participant by: it tells one phone's
    writing apart, and cannot be turned back into the token that acts as the phone."""
    return hashlib.sha256(f"samla-participant:{token}".encode()).hexdigest()[:12]


def check_not_blocked(participant):
    if participant.get("blocked"):
        raise SamlaError("blocked")


def now():
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def later(seconds):
    """The time `seconds` from now, in the same form as now()."""
    moment = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def is_storable(char):
    """May this character be kept? Not a control (but newline, tab and return), not a lone
    surrogate, and not a Unicode noncharacter (U+FDD0–U+FDEF, U+xxFFFE, U+xxFFFF), which
    the DOCX and XLSX writers cannot put into XML."""
    if char in ALLOWED_CONTROLS:
        return True
    point = ord(char)
    if 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE:
        return False
    return unicodedata.category(char) not in ("Cc", "Cs")


# What is_storable refuses, as one character class: controls but newline, tab and return,
# surrogates, and the noncharacters (tests/test_rules.py holds it to is_storable).
UNSTORABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)


def check_characters(text):
    """Refuse text with a character that cannot be stored or exported."""
    if UNSTORABLE.search(text) is not None:
        raise SamlaError("bad_characters")


# How deep a payload may nest before it is refused (a ballot is two levels).
MAX_DEPTH = 32


def check_strings(value, depth=0):
    """Refuse a payload with a character that cannot be stored, anywhere in it (keys too)."""
    if depth > MAX_DEPTH:
        raise SamlaError("bad_request", detail=_l("innholdet er for dypt nøstet"))
    if isinstance(value, str):
        check_characters(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_strings(key, depth + 1)
            check_strings(item, depth + 1)
    elif isinstance(value, list | tuple):
        for item in value:
            check_strings(item, depth + 1)


def check_text(text, max_length):
    """Refuse text that is empty, too long, or carries control characters."""
    if not isinstance(text, str):
        raise SamlaError("bad_request", detail=_l("%(key)s må være tekst", key="text"))
    if not text.strip():
        raise SamlaError("empty_text")
    if len(text) > max_length:
        raise SamlaError("text_too_long", limit=max_length)
    check_characters(text)


def check_client_id(client_id):
    if not isinstance(client_id, str) or not 1 <= len(client_id) <= MAX_CLIENT_ID:
        raise SamlaError(
            "bad_request",
            detail=_l("client_id må være tekst med 1 til %(limit)s tegn", limit=MAX_CLIENT_ID),
        )


def check_state(state):
    if state not in STATES:
        raise SamlaError("bad_request", detail=_l("state må være open eller closed"))


# SQLite cannot store (or look up) a larger integer; beyond it no row can exist.
LARGEST_ID = 2**63 - 1


def check_id(value, name):
    """An id from a payload: a positive int (strings of ASCII digits are accepted too)."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SamlaError(
            "bad_request", detail=_l("%(name)s må være et positivt heltall", name=name)
        )
    if value > LARGEST_ID:
        raise SamlaError("bad_request", detail=_l("%(name)s er for stort", name=name))
    return value


def is_open(activity, at=None):
    """Open, and its timer (if any) has not run out."""
    if activity["state"] != "open":
        return False
    return not activity.get("closes_at") or activity["closes_at"] > (at or now())


def is_for_table(activity, table_number):
    return not activity.get("tables") or table_number in activity["tables"]


def check_participation(activity, participant):
    """May this participant take part in this activity now (any kind)?"""
    check_not_blocked(participant)
    if activity is None:
        raise SamlaError("unknown_activity")
    if activity["gathering_id"] != participant["gathering_id"]:
        raise SamlaError("wrong_gathering")
    if not is_open(activity):
        raise SamlaError("activity_closed")
    if not is_for_table(activity, participant["table_number"]):
        raise SamlaError("not_your_table")


def check_submission(activity, participant, text, own_count, table_count):
    """May this participant add this text to this activity now?"""
    check_participation(activity, participant)
    kind = get_kind(activity["kind"])
    if not kind.TAKES_ENTRIES:
        raise SamlaError(
            "bad_request", detail=_l("en %(kind)s-aktivitet tar ikke imot innspill", kind=kind.NAME)
        )
    check_text(text, kind.MAX_LENGTH)
    kind.check_quota(activity["options"], own_count, table_count)


def remaining(activity, own_count, table_count):
    """What is left of the activity's quota for this participant (None: no quota)."""
    kind = get_kind(activity["kind"])
    if not kind.TAKES_ENTRIES:
        return None
    return kind.remaining(activity["options"], own_count, table_count)
