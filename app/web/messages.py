"""Readable messages for the error codes, in the gathering's language."""

from flask_babel import gettext, lazy_gettext, ngettext

from app.errors import SamlaError

MESSAGES = {
    "bad_request": lazy_gettext("Forespørselen kunne ikke leses: %(detail)s"),
    "invalid_definition": lazy_gettext("Definisjonen av samlingen er ugyldig: %(detail)s"),
    "unauthorized": lazy_gettext("Du må logge inn som arrangør."),
    "forbidden": lazy_gettext("Du har ikke tilgang til dette."),
    "not_found": lazy_gettext("Fant ikke det du lette etter."),
    "too_large": lazy_gettext(
        "Det du sendte er for stort (%(size)s MB); største tillatte er %(limit)s MB."
    ),
    "unknown_participant": lazy_gettext("Vi kjenner ikke igjen telefonen din. Bli med på nytt."),
    "unknown_activity": lazy_gettext("Denne aktiviteten finnes ikke."),
    "unknown_entry": lazy_gettext("Dette innspillet finnes ikke."),
    "unknown_code": lazy_gettext("Ingen samling har denne koden."),
    "unknown_table": lazy_gettext("Bord %(table)s finnes ikke i denne samlingen."),
    "unknown_template": lazy_gettext("Fant ikke malen."),
    "wrong_gathering": lazy_gettext("Denne aktiviteten hører til en annen samling."),
    "activity_closed": lazy_gettext("Aktiviteten er lukket."),
    "empty_text": lazy_gettext("Skriv noe før du sender."),
    "text_too_long": lazy_gettext("Teksten er for lang (høyst %(limit)s tegn)."),
    "bad_characters": lazy_gettext("Teksten inneholder tegn som ikke kan lagres."),
    "not_your_table": lazy_gettext("Denne aktiviteten er for andre bord."),
    "conflict": lazy_gettext(
        "Noen andre har endret dette punktet. Velg hvilken tekst som skal gjelde."
    ),
    "unknown_point": lazy_gettext("Dette punktet finnes ikke."),
    "unknown_item": lazy_gettext("Et av punktene finnes ikke lenger."),
    "activity_has_entries": lazy_gettext(
        "Aktiviteten «%(prompt)s» har allerede svar og kan ikke fjernes eller bytte type."
    ),
    "table_in_use": lazy_gettext("Bord %(table)s har deltakere og kan ikke fjernes."),
    "template_exists": lazy_gettext("Det finnes allerede en mal som heter %(stem)s."),
    "held": lazy_gettext("Spørsmålet venter på godkjenning."),
    "invalid_network": lazy_gettext("Nettverket er ugyldig: %(detail)s"),
    "unknown_network": lazy_gettext("Dette nettverket finnes ikke."),
    "invalid_bundle": lazy_gettext(
        "Filen er skadet eller ikke en Samla-pakke, og ingenting ble importert: %(detail)s"
    ),
    "bundle_too_new": lazy_gettext(
        "Pakken er laget av en nyere Samla (skjemaversjon %(version)s; denne serveren kan"
        " lese %(supported)s). Ingenting ble importert."
    ),
    "rate_limited": lazy_gettext("Mange forsøk på kort tid. Vent litt, så prøver vi igjen."),
    "unknown_theme": lazy_gettext("Dette temaet finnes ikke."),
    "try_again": lazy_gettext("Serveren kan ikke lagre akkurat nå. Prøv igjen om litt."),
    "unknown_address": lazy_gettext("%(address)s er ikke en av maskinens adresser nå."),
    "address_fixed": lazy_gettext(
        "Adressen telefonene bruker er satt ved oppstart (--public-url) og kan ikke endres her."
    ),
    "joining_closed": lazy_gettext("Samlingen tar ikke imot nye deltakere nå."),
    "blocked": lazy_gettext("Ordstyreren har stengt denne telefonen ute fra samlingen."),
}


# Messages that name a number: each in its singular and plural form (ngettext), chosen by
# the number in the error's `limit`.
COUNTED = {
    "quota_used": lambda n: ngettext(
        "Bordet har brukt sitt ene utsagn.",
        "Bordet har brukt alle sine %(limit)s utsagn.",
        n,
        limit=n,
    ),
    "too_many_words": lambda n: ngettext(
        "Du har allerede sendt %(limit)s ord.", "Du har allerede sendt %(limit)s ord.", n, limit=n
    ),
    "too_many_dots": lambda n: ngettext(
        "Du har bare %(limit)s prikk å fordele.",
        "Du har bare %(limit)s prikker å fordele.",
        n,
        limit=n,
    ),
    "too_many_on_item": lambda n: ngettext(
        "Du kan sette høyst %(limit)s prikk på ett punkt.",
        "Du kan sette høyst %(limit)s prikker på ett punkt.",
        n,
        limit=n,
    ),
    "bad_ranking": lambda n: ngettext(
        "Ranger ett punkt.", "Ranger fra ett til %(limit)s ulike punkter.", n, limit=n
    ),
    "gathering_full": lambda n: ngettext(
        "Samlingen er full (høyst %(limit)s deltaker).",
        "Samlingen er full (høyst %(limit)s deltakere).",
        n,
        limit=n,
    ),
    "too_many_questions": lambda n: ngettext(
        "Du har allerede stilt %(limit)s spørsmål.",
        "Du har allerede stilt %(limit)s spørsmål.",
        n,
        limit=n,
    ),
}


def message_for(error):
    """The readable message of a SamlaError."""
    if error.code in COUNTED and isinstance(error.params.get("limit"), int):
        return COUNTED[error.code](error.params["limit"])
    template = MESSAGES.get(error.code)
    if template is None:
        return gettext("Noe gikk galt.")
    params = {"detail": "", "limit": "", "table": "", "prompt": "", "stem": ""} | error.params
    return str(template) % params


def error_answer(error):
    """The `{ok: false, error, message}` body of a refusal."""
    if not isinstance(error, SamlaError):
        error = SamlaError("bad_request", detail=str(error))
    return {"ok": False, "error": error.code, "message": message_for(error), **error.answer}
