"""Readable messages for the error codes, in the gathering's language."""

from flask_babel import gettext, lazy_gettext

from .errors import SamlaError

MESSAGES = {
    "bad_request": lazy_gettext("Forespørselen kunne ikke leses: %(detail)s"),
    "invalid_definition": lazy_gettext("Definisjonen av samlingen er ugyldig: %(detail)s"),
    "unauthorized": lazy_gettext("Du må logge inn som arrangør."),
    "forbidden": lazy_gettext("Du har ikke tilgang til dette."),
    "not_found": lazy_gettext("Fant ikke det du lette etter."),
    "unknown_participant": lazy_gettext("Vi kjenner ikke igjen telefonen din. Bli med på nytt."),
    "unknown_activity": lazy_gettext("Denne oppgaven finnes ikke."),
    "unknown_entry": lazy_gettext("Dette innspillet finnes ikke."),
    "unknown_code": lazy_gettext("Ingen samling har denne koden."),
    "unknown_table": lazy_gettext("Bord %(table)s finnes ikke i denne samlingen."),
    "unknown_template": lazy_gettext("Fant ikke malen."),
    "wrong_gathering": lazy_gettext("Denne oppgaven hører til en annen samling."),
    "activity_closed": lazy_gettext("Oppgaven er stengt."),
    "quota_used": lazy_gettext("Bordet har brukt alle sine %(limit)s utsagn."),
    "too_many_words": lazy_gettext("Du har allerede sendt %(limit)s ord."),
    "empty_text": lazy_gettext("Skriv noe før du sender."),
    "text_too_long": lazy_gettext("Teksten er for lang (høyst %(limit)s tegn)."),
    "bad_characters": lazy_gettext("Teksten inneholder tegn som ikke kan lagres."),
    "rate_limited": lazy_gettext("Mange forsøk på kort tid. Vent litt, så prøver vi igjen."),
}


def message_for(error):
    """The readable message of a SamlaError."""
    template = MESSAGES.get(error.code)
    if template is None:
        return gettext("Noe gikk galt.")
    params = {"detail": "", "limit": "", "table": ""} | error.params
    return str(template) % params


def error_answer(error):
    """The `{ok: false, error, message}` body of a refusal."""
    if not isinstance(error, SamlaError):
        error = SamlaError("bad_request", detail=str(error))
    return {"ok": False, "error": error.code, "message": message_for(error)}
