# ruff: noqa: E501 (the statements are data, kept one to a line)
"""Writes tests/data/themes_labelled.json: statements grouped by hand into themes.

"seed" statements are the table statements of /work/shared/seeds/002 (the Innlandet
leadership gathering, 2020), split where a table wrote several points in one; "written"
statements were written by hand in the same style (bokmål and nynorsk, typos, compounds)
so that every theme has enough members to tune on one half and check on the other.
"independent" statements (a separate list) are written from the other seed gatherings.
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


# A second, independent set: written fresh from the other seed gatherings' questions
# (/work/shared/seeds/000, 001, 003, 004: partnership with UH, the county governor's role,
# resource persons, sharing experience, reporting, the pupils' voice, anchoring, money, the
# curriculum renewal, kindergartens, time), labelled before any method was run on it and
# never used to tune anything: it is reported as its own column.
INDEPENDENT = [
    # Partnership with the universities and university colleges as equal partners
    (1, "partnerskap", "Likeverdig partnerskap med universitetet, ikke bare bestilling av kurs"),
    (4, "partnerskap", "UH må komme ut i barnehagene og skolene og bli kjent med hverdagen vår"),
    (7, "partnerskap", "Høgskulen og kommunane må planleggje tiltaka saman"),
    (9, "partnerskap", "partnarskap med lærarutdanninga der begge partar lærer"),
    (11, "partnerskap", "USN som utviklingspartner over tid, ikke enkeltforelesninger"),
    # The county governor leading and coordinating
    (2, "fm_koordinering", "FM bør lede samarbeidsforumet og holde i trådene"),
    (5, "fm_koordinering", "Statsforvaltaren må koordinere arbeidet mellom kommunane"),
    (8, "fm_koordinering", "fylkesmannen skal være koordinator, ikke detaljstyre"),
    (12, "fm_koordinering", "Hva er egentlig oppgaven til fylkesmannen i dette?"),
    # Resource persons / resource groups in each municipality
    (1, "ressursperson", "ressurspersoner i hver kommune som kan drive arbeidet lokalt"),
    (3, "ressursperson", "Rekruttere gode ressurspersonar frå eigne skular"),
    (6, "ressursperson", "hver kommune bør ha en ressursgruppe med folk fra skolene"),
    (10, "ressursperson", "ressurspers. trenger opplæring før de skal veilede andre"),
    # Sharing experience between schools and municipalities
    (2, "erfaringsdeling", "Dele erfaringer på tvers av kommunene"),
    (4, "erfaringsdeling", "lære av hverandre - besøke andre skoler"),
    (8, "erfaringsdeling", "Erfaringsdeling mellom barnehagane i nettverket"),
    (11, "erfaringsdeling", "Møteplasser der lærere kan vise fram og dele det de gjør"),
    # Less bureaucracy in applications and reporting
    (3, "byrakrati", "Mindre byråkrati rundt søknader og rapportering"),
    (5, "byrakrati", "enklere søknadsprosess, vi bruker for mye tid på skjema"),
    (9, "byrakrati", "Rapporteringa må ikkje bli eit eige prosjekt"),
    (12, "byrakrati", "minst mulig papirarbeid for skoleeier"),
    # The pupils' voice
    (1, "elevstemmen", "Elevstemmen må høres når tiltakene planlegges"),
    (6, "elevstemmen", "involvere elevane i evalueringa"),
    (10, "elevstemmen", "Hvordan tar vi med elevenes stemme?"),
    # Anchoring with politicians and school owners
    (2, "forankring", "forankring hos politikerne i kommunestyret"),
    (7, "forankring", "Skoleeier må eie satsingen, ikke bare rektorene"),
    (9, "forankring", "politisk forankring slik at det ikkje stoppar ved neste budsjett"),
    (12, "forankring", "Forankre planen i kommunens ledelse fra starten"),
    # Money and how it is shared out
    (3, "midler", "Rettferdig fordeling av midlene mellom små og store kommuner"),
    (4, "midler", "tilskotet må kome tidleg på året så vi kan planleggje"),
    (7, "midler", "Hvem får pengene - kommunen eller UH?"),
    (10, "midler", "kommunane kan ikkje ta heile eigendelen sjølv"),
    (11, "midler", "Økonomi til frikjøp av lærere"),
    # The curriculum renewal
    (1, "fagfornyelsen", "Bruke ordningen til å jobbe med fagfornyelsen"),
    (5, "fagfornyelsen", "implementering av nye læreplaner LK20"),
    (8, "fagfornyelsen", "Fagfornyinga må vere det vi samlar oss om"),
    (12, "fagfornyelsen", "Dybdelæring og nye læreplanen i alle fag"),
    # Kindergartens included
    (2, "barnehagene", "Barnehagene må være med fra starten, ikke som et tillegg"),
    (6, "barnehagene", "REKOMP må få like mye plass som DEKOMP"),
    (9, "barnehagene", "bhg-sektoren blir ofte gløymd"),
    (11, "barnehagene", "Styrerne må inviteres inn i nettverkene"),
    # Time for teachers to take part
    (3, "tid", "Lærerne må få tid til å delta"),
    (7, "tid", "Tid er den største utfordringa i kvardagen"),
    (10, "tid", "avsatt tid i arbeidsplanen til utviklingsarbeid"),
    (12, "tid", "lærarar har ikkje tid til meir i tillegg"),
    # Statements that share no theme
    (1, "other-lesing", "Leseopplæring på småtrinnet"),
    (2, "other-vgs", "Ta med de videregående skolene"),
    (4, "other-kvalitetsvurdering", "Bruke resultater fra elevundersøkelsen"),
    (5, "other-digital", "Digital kompetanse hos lærerne"),
    (6, "other-foreldre", "Foreldre som ressurs"),
    (8, "other-mobbing", "Nulltoleranse for mobbing"),
    (9, "other-inkludering", "inkluderande fellesskap for alle barn"),
    (11, "other-spraak", "Samisk språk og kultur"),
    (12, "other-ledere", "Rektorer trenger egne samlinger"),
]


# A third set, blind2: written fresh on questions none of the other sets asked ("What
# stops the competence work from lasting in everyday practice, and what would help?" and
# "How do we follow the work up between the gatherings?", after the support-system and
# fragmentation questions of /work/shared/seeds/000 and 004), in the register of real
# tables, labelled by hand and committed before any method was run on it. It is measured
# once, when the method is final, and reported as the blind figure.
BLIND2 = [
    # Too many initiatives at once: choose fewer and keep them together
    (1, "fragmentering", "For mange satsinger på en gang - vi må velge!"),
    (
        3,
        "fragmentering",
        "Alt kjem samstundes: fagfornying, inkludering, digitalisering. Vel eitt område og gå i djupna",
    ),
    (6, "fragmentering", "fragmentering. tiltaka heng ikkje saman med kvarandre"),
    (8, "fragmentering", "Slutte med noe før vi begynner på noe nytt"),
    (10, "fragmentering", "prosjekt på prosjekt og ingen ser helheten"),
    # Workload: teachers and leaders have no room left
    (2, "arbeidsmengde", "Lærerne er slitne, det er lite overskudd igjen etter en vanlig uke"),
    (4, "arbeidsmengde", "Kapasiteten er sprengt hos oss"),
    (5, "arbeidsmengde", "kvardagen er full frå før, når skal dei rekke dette i tillegg?"),
    (9, "arbeidsmengde", "Arbeidsbelastningen på lærere og ledere må tas på alvor"),
    (7, "arbeidsmengde", "Vi løper fort nok som det er.."),
    # Following the work up between the gatherings
    (1, "oppfolging", "Det skjer lite mellom samlingene. Hvem følger opp?"),
    (4, "oppfolging", "oppfylging på kvar skule når kursdagen er over"),
    (7, "oppfolging", "Ikke la det dø ut etter samlinga - trenger plan for videre arbeid"),
    (10, "oppfolging", "Noen må etterspørre hva som faktisk blir gjort i etterkant"),
    (3, "oppfolging", "Sørge for kontinuitet fra gang til gang, ikke bare enkeltdager"),
    # School-based: the whole staff learning at their own workplace
    (2, "skolebasert", "Utviklingsarbeidet må skje i eget personale, ikke på kurs på hotell"),
    (3, "skolebasert", "skulebasert! heile kollegiet lærer saman på eigen arbeidsplass"),
    (6, "skolebasert", "Jobbe med egen praksis i teamene på skolen"),
    (9, "skolebasert", "mindre enkeltkurs for noen få, mer læring sammen der vi jobber til daglig"),
    # The cost of substitutes and travel
    (1, "kostnader", "Vikarutgiftene sprenger budsjettet vårt"),
    (5, "kostnader", "Kven betalar reisa for dei som bur lengst unna?"),
    (8, "kostnader", "det koster skjorta å sende folk på samling"),
    (
        10,
        "kostnader",
        "utgifter til vikar og reise bør dekkes av ordningen, ikke av skolens budsjett",
    ),
    # Digital meetings and tools between the gatherings
    (3, "digitalt", "Bruke Teams til nettverksmøter mellom samlingane"),
    (5, "digitalt", "Digitale møter sparer mye reisetid"),
    (7, "digitalt", "nettbaserte moduler som folk kan ta når det passer"),
    (9, "digitalt", "Ei felles digital plattform der vi legg ut opplegg og videoar"),
    # School leaders must lead the work
    (2, "ledelse", "Rektorene må gå foran og vise at dette er viktig"),
    (4, "ledelse", "Skuleleiarane må vere pådrivarar"),
    (8, "ledelse", "ledelsen på skolen trenger kompetanse i å lede utviklingsarbeid"),
    (6, "ledelse", "Rektor må være tydelig på hva vi skal bruke fellestida til"),
    # The staff owning the work and having a say in it
    (1, "eierskap", "Lærerne må få være med å bestemme hva vi skal jobbe med"),
    (6, "eierskap", "TV må involveres tidlig"),
    (7, "eierskap", "Det må kome nedanfrå, ikkje vere noko leiinga pressar ned over oss"),
    (10, "eierskap", "Medbestemmelse gir motivasjon hos de ansatte"),
    # Knowing whether it works
    (3, "effekt", "Hvordan vet vi at det faktisk virker i klasserommet?"),
    (5, "effekt", "Evaluere effekten av tiltaka, ikkje berre telje kor mange kurs"),
    (8, "effekt", "Måle endring i praksis, ikke bare om folk var fornøyde med dagen"),
    (9, "effekt", "Vi treng betre kunnskap om kva som har fungert og kva som ikkje har det"),
    # Small municipalities and long distances
    (4, "distrikt", "Små kommuner har få folk å spille på"),
    (6, "distrikt", "Lange avstandar gjer det vanskeleg å møtast ofte"),
    (9, "distrikt", "Distriktskommunane må ikkje bli hengande etter dei store"),
    (10, "distrikt", "vi er 3 lærere på hele u-trinnet, hvem skal vi samarbeide med?"),
    # Statements that share no theme
    (1, "other-lesing", "Mer fokus på lesing i alle fag"),
    (2, "other-ppt", "PPT må komme inn tidligere, før det blir vedtak"),
    (3, "other-kaffe", "Godt med tid til å prate med andre i pausene"),
    (4, "other-matte", "Regning på mellomtrinnet er svakt hos oss"),
    (5, "other-studentar", "Studentar i praksis kan vere ein del av dette"),
    (6, "other-sfo", "Hva med SFO?"),
    (7, "other-helse", "Psykisk helse hos elevane er ei stor uro"),
    (8, "other-engelsk", "mangler kvalifiserte lærere i engelsk"),
    (9, "other-skyss", "Skyssordningen styrer skoledagen mer enn pedagogikken"),
    (10, "other-overgang", "Overgangen fra ungdomsskole til vgs"),
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
    independent = [
        {
            "id": len(statements) + n,
            "table": table,
            "theme": theme,
            "text": text,
            "source": "independent",
            "split": "independent",
        }
        for n, (table, theme, text) in enumerate(INDEPENDENT, start=1)
    ]
    blind2 = [
        {
            "id": len(statements) + len(independent) + n,
            "table": table,
            "theme": theme,
            "text": text,
            "source": "blind2",
            "split": "blind2",
        }
        for n, (table, theme, text) in enumerate(BLIND2, start=1)
    ]
    path = Path(__file__).resolve().parent.parent / "tests" / "data" / "themes_labelled.json"
    path.write_text(
        json.dumps(
            {"statements": statements, "independent": independent, "blind2": blind2},
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(
        f"{len(statements)} + {len(independent)} independent + {len(blind2)} blind2"
        f" statements -> {path}"
    )


if __name__ == "__main__":
    main()
