# ruff: noqa: E501 (the statements are data, kept one to a line)
"""Writes tests/data/themes_labelled.json: statements grouped by hand into themes.

"seed" statements are the table statements of /work/shared/seeds/002 (the Innlandet
leadership gathering, 2020), split where a table wrote several points in one; "written"
statements were written by hand in the same style (bokmål and nynorsk, typos, compounds)
so that every theme has enough members to tune on one half and check on the other.
Statements in a theme of their own are labelled "other-…". Every second statement of a
theme (in this order) is held out: thresholds are tuned on "tune" and reported on both.
"""

import json
from pathlib import Path

SEED = [
    (12, "bhg_skole", "klar sammenheng mellom barnehage og skole og kompetanseheving"),
    (12, "other-etterutdanning", "Mer etterutdanning"),
    (7, "other-rod-trad", "rød tråd"),
    (8, "other-kultur", "Bruke en arbeidsform som bygger en felles kultur for læring."),
    (8, "lokal", "Lokal handlefrihet i forhold til bruk av midler"),
    (
        1,
        "other-retning",
        'viktig å bruke tid for å finne formasjonen for å kunne "fly i samme retning".',
    ),
    (
        2,
        "uh",
        "avhengig av ha en veldig tett og god dialog på ulike nivå med høgskolen for å utvikle"
        " den kompetansen som skoleeiere og barnehageeiere ønsker",
    ),
    (2, "regional", "regionsamarbeidet - gode etablerte rutiner som bør videreføres"),
    (3, "other-ppt", "ppt er en selvsagt aktør i kompetansehevingsstrategier."),
    (
        10,
        "samordning",
        "samordning av re-komp og de-komp, fra fylkesmannen mot høgskolen/ uh - sektoren",
    ),
    (10, "fylkesmannen", "fylkesmannen må definere sin rolle som utviklingsaktør - tydeligere"),
    (
        1,
        "bhg_skole",
        'at ikke barnehagene blir litt "borte" - utfordring at det blir for lang avstand'
        " mellom fora/regionen og ut i den enkelte enhet. Må tenke på helheten.",
    ),
    (12, "other-ledelse", "fokus på ledelse på alle nivå"),
    (12, "regional", "tett regionalt samarbeid med rom for lokale tilpasninger"),
    (11, "okonomi", "forutsigbar økonomi"),
    (4, "samordning", "samordne rekomp og dekom"),
    (6, "fylkesmannen", "sikre eierforhold på alle nivå og fylkesmannen må ta en aktiv rolle"),
    (
        1,
        "fylkesmannen",
        "fylkesmannen har en viktig rolle for å finne gode strukturer og system for"
        " å ivareta alle i sektoren",
    ),
    (8, "samordning", "Samordne rekomp og dekom på alle nivåer"),
    (
        7,
        "forskning",
        "kvalitetssikre at forskningsbasert kunnskap legges til grunn i alt utviklingsarbeid",
    ),
    (
        8,
        "forskning",
        "Videreføre bistand inn i lærende prosesser med oppdatert kunnskap og forskning",
    ),
    (
        5,
        "lokal",
        "det gir kommunene mulighet til å samordne felles kompetanseutvikling, samtidig som"
        " det gir rom for lokal tilpasning",
    ),
    (
        5,
        "tverrfaglig",
        "anledning til tverrfaglig samarbeid - kompetanseordningene kan stimulere til dette.",
    ),
    (
        5,
        "other-legitimitet",
        "kompetanseordningen må gi legitimitet på alle nivå, fra den enkelte barnehage"
        " og skole til et oppvekstforum/koordineringsgruppe. Slik kan vi sikre at"
        " pengene/kompetansen kommer helt ut til læreren i barnehage/skole",
    ),
    (11, "okonomi", "det må være midler til lokalt arbeid i tillegg til regionale midler."),
    (6, "samordning", "sammenstille rekom og dekom slik at det vinn vinn"),
    (
        3,
        "tverrfaglig",
        "å få hjelp til å finne en strategi for implementering av ny kunnskap og verktøy"
        " for praksisendring. hvordan få tverrfaglig samarbeid til å fungere i praksis?",
    ),
    (
        3,
        "uh",
        "et viktig område å få hjelp til samkjørt og systematisk kompetanseheving fra høgskolen."
        " høgskolen må holde tråden og drive kompetansehevingen, og må bidra med nyere"
        " praksisnær forskning, også hentet fra andre arenaer enn høgskolen innlandet.",
    ),
    (
        4,
        "lokal",
        "beholde lokal handlefrihet: valg av satsingsområder, omfanget i det regionale"
        " nettverket, beholde fleksibilitet - samtidig sikre et forpliktende regionalt samarbeid.",
    ),
    (
        4,
        "regional",
        "Oppvekstforum i hedmark og samarbeidsforum i oppland - best praksis i innlandet.",
    ),
    (
        4,
        "okonomi",
        "ressurser til å kunne utføre kompetansearbeidet i praksis (kommunene nå selv dekke"
        " vikar og reiseutgifter). Lite vikarmuligheter.",
    ),
    (4, "other-kvalitet", "Arbeidet skal ikke gå utover kvaliteten for barnet/eleven."),
    (4, "uh", 'fungerer godt tilknyttingen/høgskolekontakter og "bestillingen" til høgskolen.'),
    (
        9,
        "tverrfaglig",
        "Samarbeid på tvers skole/bhg og ppt tverrfaglig samarbeid til beste for barnet",
    ),
    (
        9,
        "other-organisering",
        "system for å ivareta dem i berøring, både barnehager og skoler."
        " Tilpasse organisasjonsformene.",
    ),
    (
        6,
        "regional",
        "regionalt samarbeid kan være en god pådriver for å skape et godt kompetansemiljø"
        " sammen med uh.",
    ),
    (11, "fylkesmannen", "fylkesmannens rolle må avklares"),
    (
        2,
        "fylkesmannen",
        "fylkesmannen må ta sitt ansvar i forhold til å drifte samarbeidet og gi retning"
        " for videre utvikling",
    ),
    (
        7,
        "bhg_skole",
        "gjennom felles satsinger som bidrar til å forsterke sammenhengen barnehage - skole",
    ),
]

WRITTEN = [
    (3, "samordning", "Rekomp og dekomp må samordnes bedre"),
    (9, "samordning", "samordning av kompetanseordningene REKOMP og DEKOMP"),
    (5, "samordning", "Betre samordning mellom rekomp og dekomp"),
    (2, "samordning", "se re-komp og de-komp i sammenheng"),
    (7, "fylkesmannen", "Fylkesmannen må tydeliggjøre rollen sin"),
    (12, "fylkesmannen", "Kva rolle skal fylkesmannen ha? Det må avklarast"),
    (9, "fylkesmannen", "tydeligere rolle for fylkesmann i kompetanseordningene"),
    (3, "bhg_skole", "bedre sammenheng mellom barnehage og skole"),
    (5, "bhg_skole", "overgangen barnehage-skole må styrkes"),
    (10, "bhg_skole", "Samanheng mellom barnehage og skule"),
    (11, "bhg_skole", "barnehagene må ikke bli glemt når skolene får kompetanseheving"),
    (2, "lokal", "lokal handlefrihet i valg av tema"),
    (6, "lokal", "rom for lokale tilpasninger i hver kommune"),
    (10, "lokal", "Kommunane må få bestemme sjølv kva dei vil satse på lokalt"),
    (12, "lokal", "behold lokal fleksibilitet og handlingsrom"),
    (1, "okonomi", "forutsigbare midler over flere år"),
    (3, "okonomi", "økonomi til vikarer så lærerne kan delta"),
    (6, "okonomi", "Midlane må kome ut til kommunane"),
    (8, "okonomi", "mer penger til lokalt utviklingsarbeid"),
    (1, "uh", "Tett samarbeid med høgskolen om innholdet"),
    (5, "uh", "høgskolen må kjenne praksisfeltet"),
    (8, "uh", "god dialog med UH-sektoren"),
    (11, "uh", "Samarbeidet med høgskulen må bli tettare"),
    (1, "regional", "Regionalt samarbeid mellom kommunene fungerer godt"),
    (3, "regional", "styrke regionnettverkene"),
    (9, "regional", "Vidareføre det regionale samarbeidet"),
    (11, "regional", "regionene må samarbeide mer på tvers av kommunegrensene"),
    (1, "forskning", "forskningsbasert kompetanseutvikling"),
    (10, "forskning", "bruke oppdatert forskning i utviklingsarbeidet"),
    (12, "forskning", "Kunnskap fra forskning må ut i praksis"),
    (2, "tverrfaglig", "tverrfaglig samarbeid med PPT og helsestasjon"),
    (7, "tverrfaglig", "Tverrfagleg samarbeid rundt barna"),
    (10, "tverrfaglig", "samarbeid på tvers av fagområder og tjenester"),
    (6, "other-digital", "Digitale verktøy i undervisningen"),
    (9, "other-tid", "Lærerne trenger tid til å dele erfaringer"),
    (2, "other-evaluering", "Vi må evaluere tiltakene underveis"),
]


def main():
    statements, position = [], {}
    for source, rows in (("seed", SEED), ("written", WRITTEN)):
        for table, theme, text in rows:
            group = "other" if theme.startswith("other") else theme
            n = position.get(group, 0)
            position[group] = n + 1
            statements.append(
                {
                    "id": len(statements) + 1,
                    "table": table,
                    "theme": theme,
                    "text": text,
                    "source": source,
                    "split": "tune" if n % 2 == 0 else "heldout",
                }
            )
    path = Path(__file__).resolve().parent.parent / "tests" / "data" / "themes_labelled.json"
    path.write_text(
        json.dumps({"statements": statements}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"{len(statements)} statements -> {path}")


if __name__ == "__main__":
    main()
