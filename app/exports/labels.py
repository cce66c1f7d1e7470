"""The words around participants' text in minutes, records and table cards, translated like
the UI."""

from flask_babel import force_locale, ngettext
from flask_babel import lazy_gettext as _l

LABELS = {
    "minutes": _l("Referat"),
    "record": _l("Nettverksrapport"),
    "date": _l("Dato"),
    "place": _l("Sted"),
    "organiser": _l("Arrangør"),
    "participants": _l("Deltakere"),
    "tables": _l("Bord og deltakelse"),
    "table": _l("Bord"),
    "table_number": _l("Bord nr."),
    "network": _l("Nettverk"),
    "agenda": _l("Saksliste"),
    "summary": _l("Sammendrag"),
    "item": _l("Sak"),
    "background": _l("Bakgrunn"),
    "discussion": _l("Drøfting"),
    "conclusion": _l("Konklusjon"),
    "follow_up": _l("Oppfølging"),
    "follow_up_points": _l("Oppfølgingspunkter"),
    "follow_up_by": _l("Ansvarlig"),
    "results": _l("Innspill"),
    "cloud": _l("Ordsky"),
    "word": _l("Ord"),
    "count": _l("Antall"),
    "text": _l("Tekst"),
    "rank": _l("Plass"),
    "points": _l("poeng"),
    "votes": _l("stemmer"),
    "no_entries": _l("Ingen innspill."),
    "county": _l("Fylke"),
    "ordning": _l("Ordning"),
    "municipalities": _l("Kommuner"),
    "per_municipality": _l("Deltakelse per kommune"),
    "contact": _l("Kontakt"),
    "annual_wheel": _l("Årshjul"),
    "gatherings": _l("Samlinger"),
    "time": _l("Tid"),
    "referent": _l("Referent"),
    "case_number": _l("Saksnummer"),
    "measure": _l("Tiltak"),
    "due": _l("Frist"),
    "question": _l("Spørsmål"),
    "points_column": _l("Poeng"),
    "votes_column": _l("Stemmer"),
    "rank_column": _l("Rang"),
    "mark_highlighted": _l("fremhevet"),
    "mark_answered": _l("besvart"),
    "mark_pinned": _l("festet"),
    "page_of": _l("Side %(page)s av %(pages)s"),
    "previous_follow_up": _l("Oppfølging fra forrige samling"),
    "summary_file": _l("Sammendrag og notater"),
    "no_gatherings": _l("Ingen samlinger er arkivert ennå."),
    "table_cards": _l("Bordkort"),
    "scan_or_go": _l("Skann QR-koden, eller gå til"),
    "code": _l("Kode"),
}


def resolved(language="nb", csv_separator=";"):
    """Every label as plain text in `language`, ready to send to the worker process."""
    with force_locale(language):
        texts = {key: str(value) for key, value in LABELS.items()}
        # The worker has no catalogue: counted labels go as their singular and plural form.
        for count, key in ((1, "hidden_one"), (2, "hidden")):
            texts[key] = ngettext(
                "%(n)s innspill skjult av ordstyrer",
                "%(n)s innspill skjult av ordstyrer",
                count,
                n="%(n)s",
            )
    return texts | {"language": language, "csv_separator": csv_separator}
