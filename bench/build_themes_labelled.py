# ruff: noqa: E501 (the statements are data, kept one to a line)
"""Writes tests/data/themes_labelled.json: statements grouped by hand into themes.

"seed" statements are the table statements of /work/shared/seeds/002 (the Innlandet
leadership gathering, 2020), split where a table wrote several points in one; "written"
statements were written by hand in the same style (bokmål and nynorsk, typos, compounds)
so that every theme has enough members to tune on one half and check on the other.
"independent" statements (a separate list) are written from the other seed gatherings;
"blind2", the development sets "dev3a"–"dev3c" and "blind3" are further sets, each on
questions of its own (docs/THEMES.md says who wrote each and how it was used).
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


# dev3a, dev3b, dev3c: written by three other authors, each on two questions of their own
# brief, without seeing the method, the thesaurus or the other sets (docs/THEMES.md).
# dev3a: priorities for the regional competence plan, and how the network is organised.
DEV3A = [
    # Coherence and transition between kindergarten and school should be a priority
    (2, "bhg_skole_samanheng", "overgangen bhg - skole må løftes høyt i planen"),
    (5, "bhg_skole_samanheng", "Sjå barnehage og skule i samanheng, ikkje to separate løp"),
    (7, "bhg_skole_samanheng", "rød tråd fra barnehagen og inn i 1.klasse"),
    (
        9,
        "bhg_skole_samanheng",
        "felles kompetanseheving for barnehagelærere og de som jobber på småtrinnet",
    ),
    (
        3,
        "bhg_skole_samanheng",
        "at 5-åringene møter noe kjent når de begynner på skolen. førskolelærer og lærer må lære av hverandre",
    ),
    # Leadership development for principals, kindergarten heads and school owners
    (1, "leiing_alle_nivaa", "lederutvikling for rektorer og styrere"),
    (4, "leiing_alle_nivaa", "Leiarane må rustast til å drive utvikligsarbeid i eiga eining"),
    (6, "leiing_alle_nivaa", "kommunalsjef og skoleeier trenger også påfyll, ikke bare lærerne!"),
    (10, "leiing_alle_nivaa", "rektor som pedagogisk leder - ledergruppeutvikling"),
    # Staff need time set aside within working hours to take part in the network
    (1, "tid_til_deltaking", "lærerne må få tid i arbeidsplanen til nettverksarbeidet"),
    (
        3,
        "tid_til_deltaking",
        "Det hjelper ikkje med gode nettverk om ingen har høve til å gå på møta",
    ),
    (
        5,
        "tid_til_deltaking",
        "avsatt tid - det kan ikke være noe som skal komme på toppen av alt det andre lærerne holder på med, da faller folk fra etter første samling",
    ),
    (8, "tid_til_deltaking", "samlingene må legges innenfor arbeidstida, ikke ettermiddag/kveld"),
    (
        10,
        "tid_til_deltaking",
        "Må vere rom i timeplanen slik at lærarane kan møtast på tvers av skulane",
    ),
    # Fewer initiatives, kept over time, so the work does not fragment
    (2, "faerre_satsingar", "færre satsinger, men gjør dem skikkelig"),
    (
        4,
        "faerre_satsingar",
        "vi drukner i prosjeketer... velg 1-2 områder og hold på dem i flere år",
    ),
    (6, "faerre_satsingar", "unngå at det blir et lappeteppe av tiltak"),
    (9, "faerre_satsingar", "Ikkje start noko nytt før LK20 har fått sette seg"),
    # Funding must be predictable and long-term so municipalities can plan
    (7, "forutsigbar_finansiering", "pengene må komme til samme tid hvert år så vi får planlagt"),
    (
        1,
        "forutsigbar_finansiering",
        "langsiktige tildelinger i dekomp/rekomp, ikke ettårige prosjektmidler",
    ),
    (8, "forutsigbar_finansiering", "Vi må vite kor mykje vi får før vi lagar planen"),
    (
        3,
        "forutsigbar_finansiering",
        "egenandelen må være kjent tidlig, budsjettet vedtas i desember",
    ),
    # Municipalities and schools choose their own development areas from local needs
    (
        2,
        "lokalt_handlingsrom",
        "Kommunane må sjølve få velje kva dei vil jobbe med ut frå eigen tilstandsvurdering",
    ),
    (4, "lokalt_handlingsrom", "rom for lokale tilpasninger innenfor det regionale"),
    (6, "lokalt_handlingsrom", "ikke one size fits all - vi er ulike kommuner med ulike behov"),
    (9, "lokalt_handlingsrom", "lokal handlefrihet"),
    (
        10,
        "lokalt_handlingsrom",
        "skolene må eie sine egne utviklingsområder, ikke få dem tredd ned over hodet",
    ),
    # The county governor (SF) should lead and coordinate the network regionally
    (3, "statsforvaltar_koordinerer", "SF må ta ansvar for å koordinere nettverket"),
    (5, "statsforvaltar_koordinerer", "statsforvaltaren bør ha leiarrolla i nettverket"),
    (
        7,
        "statsforvaltar_koordinerer",
        "vi trenger en regional pådriver som kaller inn og holder i trådene - i dag vet ingen hvem som har ballen",
    ),
    (
        10,
        "statsforvaltar_koordinerer",
        "noen må eie nettverket på regionalt nivå, naturlig at fylkesmannen gjør det",
    ),
    # UH should be a hands-on development partner in the schools over time, not one-off lectures
    (1, "uh_tett_paa_praksis", "UH må komme ut i klasserommene, ikke bare holde foredrag"),
    (4, "uh_tett_paa_praksis", "praksisnær støtte frå høgskulen, gjerne ute hos oss"),
    (6, "uh_tett_paa_praksis", "mindre auditorium, mer veiledning i personalgruppa"),
    (
        8,
        "uh_tett_paa_praksis",
        "høgskolen bør følge prosessen over tid og ikke bare levere et kurs og dra",
    ),
    (9, "uh_tett_paa_praksis", "Ein utviklingspartnar som kjenner skulen og er med oss heile året"),
    # Competence in inclusion and special needs, early support, PPT closer to the classroom
    (2, "inkludering_spesped", "PPT ut i klasserommene for å styrke det inkluderende arbeidet"),
    (
        5,
        "inkludering_spesped",
        "Betre tilpassa opplæring, så færre elevar treng spesialundervisning",
    ),
    (7, "inkludering_spesped", "kompetanse på elever med store behov i ordinær undervisnig"),
    (3, "inkludering_spesped", "tidlig innsats for barn som strever - ppt, bhg og skole sammen"),
    (
        10,
        "inkludering_spesped",
        "mange lærere står alene med elever som trenger ekstra støtte og ppt har lang ventetid. kompetanse på dette må prioriteres høyt neste år",
    ),
    # The pupils' voice must be part of planning and evaluating the measures
    (4, "elevstemmen", "elevstemmen må med når vi planlegger"),
    (8, "elevstemmen", "spør elevene hva de trenger!!"),
    (1, "elevstemmen", "La elevane vere med og vurdere om tiltaka verkar"),
    (6, "elevstemmen", "barn og unges medvirkning i planarbeidet"),
    # Singletons: plausible answers that share no theme with other statements
    (5, "other-digital_kompetanse", "digital kompetanse og bruk av skjerm i undervisningen"),
    (2, "other-lesing_mellomtrinn", "leseopplæring på mellomtrinnet"),
    (
        8,
        "other-vgs_i_nettverket",
        "vgs må inn i nettverket, u-trinnet og videregående snakker for lite sammen",
    ),
    (
        9,
        "other-digitale_moter",
        "Bruk teams på nokre av møta så vi slepp å køyre tre timar kvar veg",
    ),
    (1, "other-sfo", "SFO blir glemt i alle planer"),
    (
        3,
        "other-matte_videreutdanning",
        "videreutdanning i matematikk, vi mangler folk med fordypning",
    ),
    (6, "other-erfaringsdeling", "del gode eksempler mellom kommunene på hver samling"),
    (
        7,
        "other-nettverksstorleik",
        "Maks 5-6 kommunar i kvart nettverk, elles blir det for stort og upersonleg",
    ),
    (10, "other-skolemiljo", "TPO og arbeid med skolemiljø / kap 9A"),
    (4, "other-maale_effekt", "Vi må kunne vise at det faktisk virker - følg med på resultatene"),
    (2, "other-private_aktorar", "private barnehager og friskoler må også få plass i nettverket"),
    (9, "other-kontaktperson", "kvar kommune bør ha ein fast kontaktperson inn mot nettverket"),
]


# dev3b: early intervention and inclusion across kindergarten, school, PPT and health.
DEV3B = [
    # PPT should work at system level out in kindergartens/classrooms, guiding staff, not only assessing individual children
    (
        2,
        "ppt_systemretta",
        "PPT må være mer ute i barnehagene og klasserommene, ikke bare sitte på kontoret og skrive sakkyndige vurderinger",
    ),
    (5, "ppt_systemretta", "systemretta arbeid fra ppt!"),
    (
        8,
        "ppt_systemretta",
        "Ønskjer at pedagogisk-psykologisk teneste kjem tidlegare inn og rettleiar heile personalet, ikkje berre testar enkeltbarn",
    ),
    (9, "ppt_systemretta", "mindre utreding og mer veiledning av lærerne i praksis"),
    # Long waiting times for PPT / BUP / specialist assessment delay help
    (3, "lang_ventetid", "alt for lang ventetid hos PPT"),
    (6, "lang_ventetid", "Barna står i kø i månadsvis før dei får hjelp frå BUP"),
    (
        10,
        "lang_ventetid",
        "det tar et halvt år fra henvisning til noe skjer - da har ungen mistet tid han aldri får igjen",
    ),
    (4, "lang_ventetid", "køane i spesialisthelsetenesta"),
    (7, "lang_ventetid", "tidlig innsats blir sen innsats når det er 8 mnd å vente på utredning!"),
    # Confidentiality and unclear rules/consent block information sharing between services
    (1, "taushetsplikt_informasjonsdeling", "taushetsplikten blir brukt som sovepute"),
    (
        4,
        "taushetsplikt_informasjonsdeling",
        "vi får ikke vite noe fra helsestasjonen pga taushetsplikt",
    ),
    (
        8,
        "taushetsplikt_informasjonsdeling",
        "uklart kva vi har lov å dele mellom tenestene, så folk vågar ikkje seie noko",
    ),
    (
        6,
        "taushetsplikt_informasjonsdeling",
        "vi må bli flinkere til å be foreldrene om samtykke tidlig, helst allerede i barnehagen, så vi faktisk kan snakke sammen om barnet uten at alt stopper opp",
    ),
    # The transition from kindergarten to school: knowledge about the child must follow it into school
    (2, "overgang_bhg_skole", "bedre overgang bhg-skole"),
    (
        7,
        "overgang_bhg_skole",
        "Det barnehagen veit om barnet forsvinn når det byrjar i første klasse",
    ),
    (5, "overgang_bhg_skole", "overføringsmøter i god tid før skolestart, gjerne med ppt tilstede"),
    (9, "overgang_bhg_skole", "lærerne på 1. trinn bør besøke barnehagen våren før"),
    (3, "overgang_bhg_skole", "rød tråd fra bhg til skole, ikke begynne på nytt med hvert barn"),
    # Fixed, systematic interdisciplinary meeting arenas/teams instead of ad hoc contact
    (
        1,
        "faste_tverrfaglige_arenaer",
        "faste tverfaglige møter hver mnd der bhg, skole, ppt og helse sitter rundt samme bord",
    ),
    (4, "faste_tverrfaglige_arenaer", "Eit felles oppvekstteam i kommunen med fast møtestruktur"),
    (
        8,
        "faste_tverrfaglige_arenaer",
        "etablere arenaer der vi møtes jevnlig - ikke bare når det brenner",
    ),
    (6, "faste_tverrfaglige_arenaer", "ressursteam på hver skole"),
    (
        10,
        "faste_tverrfaglige_arenaer",
        "samhandlingen må settes i system og ikke være avhengig av ildsjeler",
    ),
    # Lack of time and heavy workload leave no room for collaboration
    (
        3,
        "tid_og_arbeidspress",
        "Tid!! lærerne har ikke tid til å samarbeide med noen utenfor klasserommet",
    ),
    (7, "tid_og_arbeidspress", "for stor arbeidsbelastning på pedagogane"),
    (2, "tid_og_arbeidspress", "ingen tid avsatt i arbeidsplanen til tverrfaglig arbeid"),
    (
        5,
        "tid_og_arbeidspress",
        "alle løper fortere og fortere, det er ikke rom for å stoppe opp sammen",
    ),
    # No shared understanding/language of what inclusion and early intervention mean across services
    (4, "felles_forstaelse_inkludering", "vi legger ulike ting i ordet inkludering"),
    (
        10,
        "felles_forstaelse_inkludering",
        "trengs et felles språk og en felles forståelse på tvers av etatene",
    ),
    (
        1,
        "felles_forstaelse_inkludering",
        "Kva betyr eigentleg eit inkluderande fellesskap? Det må vi einast om først",
    ),
    (
        6,
        "felles_forstaelse_inkludering",
        "avklare begreper - tidlig innsats betyr noe annet for helse enn for skole",
    ),
    # Pupils are taken out of the class into separate groups/rooms/units instead of being included
    (5, "segregering_ut_av_klassen", "for mange elever tas ut av klassen i alenetimer"),
    (
        8,
        "segregering_ut_av_klassen",
        "Smågrupper og egne rom blir fort løsningen istedenfor å tilpasse i klassen",
    ),
    (3, "segregering_ut_av_klassen", "spesialundervisning på gangen er ikke inkludering"),
    (
        7,
        "segregering_ut_av_klassen",
        "egne baser og forsterka avdelingar - vi kallar det tilbod, men det er utestenging",
    ),
    # The children with the greatest needs are mostly followed by unqualified assistants rather than teachers
    (2, "ufaglaerte_assistenter", "de som trenger mest hjelp får den minst utdannede voksne"),
    (9, "ufaglaerte_assistenter", "for mye bruk av ufaglærte asisstenter"),
    (
        6,
        "ufaglaerte_assistenter",
        "Assistentar utan pedagogisk utdanning får ansvaret for dei mest sårbare elevane",
    ),
    (
        10,
        "ufaglaerte_assistenter",
        "ungene med størst behov blir sittende med en fagarbeider hele dagen, ikke med læreren",
    ),
    # The school health service / health nurse must be more present in schools and kindergartens
    (
        1,
        "helsetjeneste_til_stede",
        "helsesykepleier må være mer synlig på skolen, ikke bare en dag i uka",
    ),
    (5, "helsetjeneste_til_stede", "Skulehelsetenesta er for lite til stades"),
    (8, "helsetjeneste_til_stede", "helsestasjonen bør komme oftere inn i barnehagen"),
    (
        7,
        "helsetjeneste_til_stede",
        "helsesjukepleiar er på kontoret ein halv dag - elevane rekk ikkje å bli kjende med henne",
    ),
    (3, "helsetjeneste_til_stede", "styrke skolehelsetjenesten"),
    # Resources follow formal decisions/diagnoses rather than early needs
    (4, "ressurser_folger_vedtak", "ressursene følger vedtak, ikke behov"),
    (
        9,
        "ressurser_folger_vedtak",
        "Pengane kjem først når det ligg føre ei sakkyndig vurdering, då er det for seint",
    ),
    (2, "ressurser_folger_vedtak", "finansieringsmodellen belønner diagnoser"),
    (
        10,
        "ressurser_folger_vedtak",
        "man må nesten ha en diagnose for å få ekstra ressurser til barnet",
    ),
    # Singleton: involve parents earlier
    (6, "other-foreldre", "involvere foreldrene tidligere og tettere"),
    # Singleton: the head of education must own the inclusion work
    (
        3,
        "other-leiarforankring",
        "kommunalsjefen må eige inkluderingsarbeidet, elles skjer det ingenting",
    ),
    # Singleton: use the competence scheme for joint training of bhg, school and PPT
    (
        2,
        "other-kompetanseloftet",
        "Kompetanseløftet for spesialpedagogikk må brukes til felles kompetanseheving for bhg, skole og PPT sammen",
    ),
    # Singleton: a shared digital system for interdisciplinary cases
    (9, "other-digitalt_system", "felles digitalt system for tverrfaglige saker"),
    # Singleton: listen to the pupils themselves
    (4, "other-elevstemmen", "lytte mer til elevene selv - de vet ofte hva som hjelper"),
    # Singleton: the new curriculum allows more practical and varied teaching
    (7, "other-lk20_praktisk", "LK20 gir rom for mer praktisk og variert undervisning, bruk det"),
    # Singleton: SFO is forgotten in the collaboration
    (5, "other-sfo_glemt", "SFO blir glemt i hele samarbeidet"),
    # Singleton: lack of competence on multilingual children and interpreters
    (8, "other-flerspraklige", "vi mangler kompetanse på flerspråklige barn og bruk av tolk"),
    # Singleton: the county governor should gather municipalities for experience sharing
    (
        10,
        "other-statsforvaltaren_erfaringsdeling",
        "Statsforvaltaren bør samle kommunane i regionen til erfaringsdeling om inkludering",
    ),
    # Singleton: the lower-secondary to upper-secondary transition is just as hard
    (1, "other-overgang_vgs", "overgangen u-trinnet til vgs er vel så krevende som bhg-skole"),
]


# dev3c: what the curriculum renewal taught, and what teachers need for in-depth learning.
DEV3C = [
    # Teachers need set-aside shared time to plan and work together
    (2, "tid_til_samarbeid", "tid!! til å plannlegge sammen på tvers av fag"),
    (
        5,
        "tid_til_samarbeid",
        "Lærarane treng felles møtetid i timeplanen, ikkje berre på slutten av dagen når alle er slitne",
    ),
    (8, "tid_til_samarbeid", "avsatt tid i teamet til å lage opplegg sammen"),
    (
        1,
        "tid_til_samarbeid",
        "rom for samarbeid mellom faglærerne – det koster timer, og det må skoleeier ta inn over seg",
    ),
    (9, "tid_til_samarbeid", "fellestid som ikke spises opp av praktiske beskjeder"),
    (6, "tid_til_samarbeid", "fleire samarbeidsøkter for trinnteama i løpet av veka"),
    # Workload: too much change at once, staff are worn out
    (3, "arbeidsbelastning", "for mye på en gang, lærerne er slitne"),
    (
        7,
        "arbeidsbelastning",
        "Nye læreplaner, hjemmeskole og smittevern samtidig - kapasiteten er sprengt",
    ),
    (10, "arbeidsbelastning", "færre satsinger i gang parallelt, ro til å jobbe"),
    (
        4,
        "arbeidsbelastning",
        "mange kjenner på press og dårleg samvit over alt som ikkje blir gjort",
    ),
    (1, "arbeidsbelastning", "endringstrøtthet i personalet"),
    # School leaders must actively lead and follow up the process
    (4, "ledelse_av_prosessen", "rektor må gå foran og ikke bare delegere til plangruppa"),
    (9, "ledelse_av_prosessen", "tydelig ledelse av prosessen på hver skole"),
    (
        6,
        "ledelse_av_prosessen",
        "Skuleleiinga må vere tett på og følgje opp det som skjer i klasseromma",
    ),
    (1, "ledelse_av_prosessen", "ledere som prioriterer og tar ansvar for framdriften"),
    (8, "ledelse_av_prosessen", "der rektor satt med i lærersamtalene kom vi lengst"),
    # A shared understanding of the key concepts (deep learning, competence, the overarching part)
    (3, "felles_begrepsforstaelse", "hva ER egentelig dybdelæring? vi legger ulike ting i det"),
    (7, "felles_begrepsforstaelse", "Felles språk om begrepene i overordnet del"),
    (
        10,
        "felles_begrepsforstaelse",
        "Vi har lært at vi snakket forbi hverandre – alle hadde sin egen tolkning av LK20",
    ),
    (
        5,
        "felles_begrepsforstaelse",
        "drøfte kompetansebegrepet i heile kollegiet så vi forstår det likt",
    ),
    (6, "felles_begrepsforstaelse", "begrepsavklaring først"),
    # Concrete classroom examples and models of interdisciplinary teaching, not more theory
    (
        1,
        "konkrete_praksiseksempler",
        "konkrete eksempler på tverrfagelige opplegg som faktisk har fungert",
    ),
    (
        4,
        "konkrete_praksiseksempler",
        "Vise korleis det ser ut i eit klasserom – gode døme frå praksis",
    ),
    (8, "konkrete_praksiseksempler", "lærere vil se modellering, ikke flere foredrag om teori"),
    (
        10,
        "konkrete_praksiseksempler",
        "idébank med undervisningsopplegg om bærekraftig utvikling for 5.-7.",
    ),
    (3, "konkrete_praksiseksempler", "mer praktisk, mindre powerpoint!"),
    # Assessment practice must change to fit deep learning
    (2, "vurdering_dybdelaering", "vurderingspraksisen henger ikke med – vi tester fortsatt pugg"),
    (9, "vurdering_dybdelaering", "Korleis vurderer vi djupnelæring? treng hjelp med kjenneteikn"),
    (5, "vurdering_dybdelaering", "prøvene må endres hvis elevene skal vise forståelse"),
    (7, "vurdering_dybdelaering", "underveisvurdering som passer med fagfornyelsen"),
    # The rigid subject-by-subject timetable blocks interdisciplinary work; organise the school day flexibly
    (6, "fleksibel_timeplan", "timeplanen er laget for enkeltfag og stopper tverrfaglig arbeid"),
    (
        3,
        "fleksibel_timeplan",
        "Fleksibel organisering av skoledagen, f.eks temaperioder/ blokkdager",
    ),
    (9, "fleksibel_timeplan", "45-minuttersøktene gjør dybdelæring vanskelig"),
    (1, "fleksibel_timeplan", "vi må tørre å bryte opp fagtimane i periodar"),
    (10, "fleksibel_timeplan", "på u-trinnet låser fagfordelinga og timefordelinga oss"),
    # Learning from other schools: sharing experience across schools and municipalities in the network
    (
        4,
        "deling_mellom_skoler",
        "erfaringsdeling mellom skolene i nettverket har vært det mest nyttige",
    ),
    (8, "deling_mellom_skoler", "Lære av naboskolen – hva gjør de som har kommet lenger?"),
    (2, "deling_mellom_skoler", "hospitere hos kvarandre på tvers av kommunane"),
    (
        10,
        "deling_mellom_skoler",
        "Det vi har lært mest av er å sitte sammen med lærere fra andre skoler og høre hva de har prøvd ut, både det som gikk bra og det som ikke funket i det hele tatt",
    ),
    # UH/DEKOMP support should be practice-near, at the school, with researchers as partners
    (5, "uh_tett_pa_skolen", "UH må komme ut på skolene, ikke bare holde kurs på høgskolen"),
    (
        7,
        "uh_tett_pa_skolen",
        "dekomp-midlene bør gå til veiledning i eget kollegium med høgskolen som partner",
    ),
    (1, "uh_tett_pa_skolen", "Forskarar som er med i planlegginga og gir tilbakemelding undervegs"),
    (6, "uh_tett_pa_skolen", "praksisnær støtte fra universitetet"),
    # Less is more: dare to drop content and not cover everything
    (9, "velge_bort_innhold", "mindre er mer - vi må tørre å velge bort stoff"),
    (3, "velge_bort_innhold", "lærerne trenger aksept for å ikke gjennomgå hele læreboka"),
    (7, "velge_bort_innhold", "Ikkje alt treng dekkjast, prioriter nokre kompetansemål grundig"),
    (2, "velge_bort_innhold", 'slutte med å "komme gjennom pensum"'),
    # Singletons: plausible answers that share no theme
    (4, "other-laeremidler", "budsjett til nye lærebøker – mange bruker fortsatt LK06-bøker"),
    (6, "other-elevmedvirkning", "elevene må få være med å bestemme tema"),
    (
        8,
        "other-digitale_ferdigheter",
        "ipad til alle er ikkje nok, lærarane må kunne bruke dei i faga",
    ),
    (10, "other-foreldre", "informere foreldrene bedre om hvorfor skolen jobber annerledes nå"),
    (5, "other-overgang_bhg", "sammenheng med rammeplanen i bhg og overgangen til 1. trinn"),
    (3, "other-sfo", "SFO bør også kjenne til de tverrfaglige temaene"),
    (1, "other-ppt_tilpasset", "PPT må med når vi snakker om tilpasset opplæring i LK20"),
    (7, "other-videreutdanning", "flere må få ta videreutdanning i norsk og matte"),
    (9, "other-vikarer", "vanskelig å få vikar når lærerne skal på kurs"),
    (2, "other-elevengasjement", "elevane har vore meir engasjerte enn vi trudde"),
]


# blind3: written by a fourth author on two questions of their own choosing, committed
# before any method was run on it; measured once, when the method is final.
# Q1: "Hva skal til for at vi får tak i og klarer å beholde kvalifiserte lærere og barnehagelærere i kommunene våre?"
# Q2: "Hvordan kan vi best styrke skole- og barnehagelederes egen utvikling som ledere?"
BLIND3 = [
    # Retention: structured mentoring and follow-up of newly qualified teachers in their first years
    (
        2,
        "mentoring_new_teachers",
        "god veiledningsordnig for nyutdanna lærere - ikke bare på papiret",
    ),
    (5, "mentoring_new_teachers", "dei ferske må ikkje stå aleine i klasserommet første hausten"),
    (8, "mentoring_new_teachers", "fadder/mentor det første året i jobb"),
    (
        4,
        "mentoring_new_teachers",
        "Nyutdannede barnehagelærere trenger noen som følger dem tett de to første årene, ellers forsvinner de ut av yrket",
    ),
    (
        9,
        "mentoring_new_teachers",
        "redusert undervisningstid for nye så de faktisk rekker å bli veiledet",
    ),
    # Money: competitive salary and economic incentives to attract and keep qualified staff
    (1, "pay_and_incentives", "konkurransedyktig lønn"),
    (6, "pay_and_incentives", "vidareutdanning må synast på lønsslippen!"),
    (
        3,
        "pay_and_incentives",
        "nedskriving av studielån for de som binder seg til kommunen noen år",
    ),
    (10, "pay_and_incentives", "vi mister folk til nabokommunen som betaler bedre"),
    # Settling in: help newcomers with housing and with a job for the partner, so the whole family stays
    (7, "help_newcomers_settle", "hjelp til å skaffe bolig"),
    (2, "help_newcomers_settle", "jobb til ektefelle/samboer er ofte det som avgjør om de kommer"),
    (
        9,
        "help_newcomers_settle",
        "heile familien må trivast her, ikkje berre den som får stillinga",
    ),
    (
        5,
        "help_newcomers_settle",
        "ha en leilighet klar når nye ansatte flytter hit, og noen som viser dem rundt i bygda",
    ),
    # Grow your own: qualify the unqualified staff and local people already living/working here
    (3, "educate_own_staff", "ABLU - la assistentene ta barnehagelærerutdanning mens de jobber"),
    (6, "educate_own_staff", "rekruttere frå eiga bygd: desentralisert lærarutdanning nær heimen"),
    (1, "educate_own_staff", "kommunen bør betale studiet for ufaglærte vi allerede har ansatt"),
    (
        8,
        "educate_own_staff",
        "mange av dei ukvalifiserte er flinke folk - gi dei studiepermisjon med løn medan dei tek utdanninga, då har vi dei i mange år etterpå",
    ),
    (10, "educate_own_staff", "satse på dem som bor her fra før. de flytter ikke"),
    # Teacher workload: too much reporting/documentation and tasks outside teaching wear people out
    (4, "teacher_workload", "mindre rapportering og dokumentasjon"),
    (7, "teacher_workload", "lærerne drukner i skjema, de vil jo undervise!"),
    (2, "teacher_workload", "rydde vekk oppgåver som ikkje har med elevane å gjere"),
    (
        10,
        "teacher_workload",
        "realistisk arbeidsmengde - mange blir utbrent og går over i andre yrker",
    ),
    # Work environment: a good, supportive community of colleagues is what makes people stay
    (5, "collegial_environment", "godt arbeidsmijø"),
    (1, "collegial_environment", "folk blir der de har gode kolleger"),
    (9, "collegial_environment", "trivsel på personalrommet betyr meir enn ein trur"),
    (
        3,
        "collegial_environment",
        "et profesjonsfellesskap der du blir sett og får støtte når det stormer",
    ),
    # Reach student teachers while they study: good practice placements and student jobs lead to applicants
    (6, "reach_student_teachers", "ta godt imot praksisstudentane, dei kjem tilbake som søkjarar"),
    (4, "reach_student_teachers", "gode praksisbarnehager = rekruttering"),
    (
        8,
        "reach_student_teachers",
        "studenter som har hatt en fin praksisperiode hos oss søker seg hit etterpå",
    ),
    (
        2,
        "reach_student_teachers",
        "tilby lærarstudentar vikartimar og sommarjobb på SFO medan dei studerer",
    ),
    # Image: raise the status of the profession and stop talking the job down
    (7, "status_of_profession", "heve statusen til læreryrket"),
    (
        3,
        "status_of_profession",
        "slutt å snakke ned jobben vår i media og i lunsjen - vi er vår egen verste fiende",
    ),
    (10, "status_of_profession", "vise fram kor meiningsfullt det er å jobbe i bhg"),
    (1, "status_of_profession", "mer yrkesstolthet!!"),
    # Leaders learn from each other: peer networks of principals/kindergarten heads across units and municipalities
    (2, "leader_peer_network", "rektornettverk på tvers av kommunene"),
    (6, "leader_peer_network", "styrarar treng nokon å drøfte med som står i same jobben"),
    (9, "leader_peer_network", "erfaringsdeling mellom ledere, f.eks hospitere hos hverandre"),
    (
        4,
        "leader_peer_network",
        "leiarane må få lære av kvarandre i staden for å sitje aleine med alt",
    ),
    (
        8,
        "leader_peer_network",
        "ledergrupper fra flere skoler som møtes jevnlig og jobber med caser sammen",
    ),
    # Leaders need relief from administration so they have time to lead pedagogical development
    (1, "leader_time_for_pedagogy", "rektor må få være pedagogisk leder og ikke bare byråkrat"),
    (5, "leader_time_for_pedagogy", "for mykje drift, for lite tid til utvikling"),
    (
        7,
        "leader_time_for_pedagogy",
        "merkantil støtte så styrer kan lede i stedet for å sitte med regnskap",
    ),
    (10, "leader_time_for_pedagogy", "avlaste lederne for økonomi og HMS-rapportering"),
    # Formal leadership education (rektorutdanning, styrerutdanning, further education in leadership)
    (3, "leader_formal_education", "fleire bør få ta rektorutdaninga"),
    (8, "leader_formal_education", "styrerutdanning til alle bhg-styrere"),
    (4, "leader_formal_education", "videreutdanning i ledelse med frikjøp"),
    (
        6,
        "leader_formal_education",
        "masterløp i utdanningsleiing saman med UH, som kan takast ved sida av jobben",
    ),
    # Singletons: plausible answers to the same questions that no other table shares
    (7, "other-leader_recruitment", "få søkjarar til rektorstillingar - kven vil bli leiar i dag?"),
    (2, "other-men_in_kindergarten", "flere menn i barnehagen"),
    (5, "other-ppt_shortage", "PPT sliter med å få tak i psykologer og logopeder"),
    (
        9,
        "other-fulltime_positions",
        "flere hele stillinger i bhg og SFO, ikke bare småstillinger ingen kan leve av",
    ),
    (4, "other-senior_measures", "seniortiltak så de erfarne ikke slutter ved 62"),
    (
        6,
        "other-competence_requirements",
        "kompetansekrava for å undervise i norsk, matte og engelsk gjer det vanskeleg å fylle stillingar på dei små skulane",
    ),
    (1, "other-joint_job_ads", "felles stillingsutlysning for hele regionen"),
    (
        10,
        "other-leaders_use_data",
        "rektorer må bli flinkere til å bruke elevundersøkelsen i utviklingsarbeidet",
    ),
    (
        8,
        "other-staff_feedback_to_leaders",
        "ledere bør få ærlige tilbakemeldinger fra egne ansatte - bruk medarbeiderundersøkelsen til noe",
    ),
    (
        9,
        "other-owner_expectations",
        "kommunalsjef må være tydelig på hva som forventes av rektorene",
    ),
]


# blind4: written by a fifth author on two questions of their own choosing for a gathering of
# school owners, committed before any method was run on it; measured once, when the method is final.
# Question 1: "Hvordan kan vi ivareta elevstemmen i planlegging og evaluering av utviklingsarbeidet i skolene våre?"
# Question 2: "Hvordan kan vi som skoleeiere vite om utviklingstiltakene faktisk virker? Hva bør vi evaluere, og hvordan?"

BLIND4 = [
    # Pupil representative bodies (pupils' council, youth council) should have a real role in planning development work
    (2, "elevrad_reell_rolle", "bruke elevrådet aktivt - ikke bare til skoleball og kiosk"),
    (
        5,
        "elevrad_reell_rolle",
        "Elevrådsrepresentantar bør sitje i arbeidsgruppa når skulen lagar utviklingsplan",
    ),
    (
        8,
        "elevrad_reell_rolle",
        "gi de tillitsvalgte elevene en reell plass i skoleutviklinga, fast sak på møtene deres",
    ),
    (3, "elevrad_reell_rolle", "ungdomsrådet i kommunen bør høres før planen vedtas"),
    # Ask pupils directly: conversations, interviews, focus groups about how they experience teaching
    (1, "sporre_elevene_direkte", "fokusgrupper med 5-6 ungdommer fra hvert trinn"),
    (
        4,
        "sporre_elevene_direkte",
        "Spør elevane! korte samtalar med ei gruppe om korleis dei opplever undervisninga",
    ),
    (7, "sporre_elevene_direkte", "elevintervju som del av evalueringa"),
    (
        10,
        "sporre_elevene_direkte",
        "la elevene fortelle selv hva som hjelper dem å lære - snakk MED dem, ikke om dem",
    ),
    (
        6,
        "sporre_elevene_direkte",
        "elevsamtalen kan brukes mer systematisk til å fange opp hva de mener om timene",
    ),
    # Close the loop: pupils must see what came of their input, otherwise asking is pointless
    (
        3,
        "tilbakemelding_til_elevene",
        "elevene må få vite hva som skjedde med det de sa, ellers gidder de ikke neste gang",
    ),
    (
        9,
        "tilbakemelding_til_elevene",
        "Gje attendemelding til elevane om kva vi endra etter innspela deira",
    ),
    (6, "tilbakemelding_til_elevene", "lukke sløyfa! vise ungdommene hva forslagene førte til"),
    (1, "tilbakemelding_til_elevene", "ikke spør hvis vi ikkje har tenkt å gjøre noe med svarene"),
    # Hear all pupils, not only the articulate and resourceful ones
    (4, "alle_elevstemmer", "ikke bare de flinke og pratsomme som blir hørt"),
    (7, "alle_elevstemmer", "Dei stille elevane har òg noko å seie – korleis når vi dei?"),
    (
        10,
        "alle_elevstemmer",
        "fange opp stemmene til dem som sjelden tar ordet, f.eks med anonyme lapper",
    ),
    (2, "alle_elevstemmer", "elevrådet er ofte de ressurssterke - vi trenger bredden"),
    # The youngest pupils need age-adapted methods (drawing, pictures) to give their view
    (
        5,
        "yngste_elever_metoder",
        "småskoletrinnet trenger andre metoder enn spørreskjema - tegning, smilefjes",
    ),
    (
        9,
        "yngste_elever_metoder",
        "også 1.-klassingane kan meine noko, men vi må spørje på deira måte",
    ),
    (
        3,
        "yngste_elever_metoder",
        "la de minste vise med bilder eller gå til et hjørne i rommet i stedet for å skrive",
    ),
    (
        8,
        "yngste_elever_metoder",
        "barnestemmen i bhg og på barnetrinnet krev andre verktøy enn elevundersøkinga",
    ),
    # Use the data we already have (surveys, national tests, status reports) instead of making new surveys
    (
        1,
        "bruke_eksisterende_data",
        "bruke elevundersøkelsen og nasjonale prøver bedre før vi lager nye skjema",
    ),
    (
        6,
        "bruke_eksisterende_data",
        "Vi har masse tall allerede - ståstedsanalysen, kartlegginger. Bruk dem!",
    ),
    (10, "bruke_eksisterende_data", "ta utgangspunkt i tilstandsrapporten"),
    (
        4,
        "bruke_eksisterende_data",
        "nytt kartleggingsverktøy er ikkje løysinga, vi sit på meir enn nok data",
    ),
    (
        7,
        "bruke_eksisterende_data",
        "hente ut det vi trenger fra Skoleporten i stedet for egne undersøkelser",
    ),
    # Keep evaluation light: avoid reporting burden and bureaucracy for the schools
    (2, "mindre_rapportering", "enkel rapportering!! rektorene drukner i skjema"),
    (8, "mindre_rapportering", "ikkje meir byråkrati – evalueringa må vere lett å gjennomføre"),
    (5, "mindre_rapportering", "få spørsmål, én side - ikke en 20 siders mal fra statsforvalteren"),
    (9, "mindre_rapportering", "tidstyver: alle rapportane som ingen les"),
    # Define clear goals and success criteria before starting, so there is something to evaluate against
    (3, "tydelige_mal_forst", "bestemme på forhånd hva som skal være annerledes når vi er ferdige"),
    (7, "tydelige_mal_forst", "Klare mål frå start, elles veit vi ikkje kva vi skal måle"),
    (10, "tydelige_mal_forst", "suksesskriterier først"),
    (6, "tydelige_mal_forst", "hva er godt nok? definer det før oppstart"),
    (1, "tydelige_mal_forst", "konkrete målformuleringer i kommunens plan for dekomp"),
    # Look at whether classroom practice actually changed (observation, school walks), not satisfaction with courses
    (4, "se_endring_i_praksis", "skolevandring og observasjon"),
    (
        9,
        "se_endring_i_praksis",
        "ikkje berre spørje om kurset var bra – sjå om undervisninga faktisk har endra seg",
    ),
    (2, "se_endring_i_praksis", "kollegaobservasjon med fast fokus, før og etter"),
    (
        8,
        "se_endring_i_praksis",
        "vi spør alltid om deltakerne var fornøyde med samlinga, men det sier null om praksisen har endret seg. Må ut i klasserommene og se, helst før og etter",
    ),
    (5, "se_endring_i_praksis", "rektor må ut og se hva som faktisk skjer i timene"),
    # Set aside shared time for staff to analyse and discuss results together
    (
        6,
        "felles_tid_til_analyse",
        "sette av tid på planleggingsdagene til å se på resultatene sammen",
    ),
    (10, "felles_tid_til_analyse", "Lærarane treng tid saman til å drøfte kva tala fortel"),
    (3, "felles_tid_til_analyse", "refleksjonsmøter i kollegiet etter hver fase"),
    (
        9,
        "felles_tid_til_analyse",
        "felles analyse i profesjonsfellesskapet, ikkje berre rektor som les rapporten",
    ),
    # Singletons: points no other table made
    # The pupil survey comes too late in the year to use in planning
    (
        1,
        "other-elevundersokelse_timing",
        "elevundersøkelsen kommer for sent på året til å kunne brukes i planlegingen",
    ),
    # Parents should be asked too
    (2, "other-foreldre", "foreldrene bør også spørres, FAU inn i evalueringa"),
    # Pupil participation is already a legal requirement
    (4, "other-lovkrav", "elevmedvirkning står jo i opplæringsloven allerede"),
    # Peer review by another municipality in the network
    (
        5,
        "other-kollegavurdering_kommuner",
        "ekstern vurdering frå ein annan kommune i nettverket kan gje eit friskt blikk",
    ),
    # Pupil mentors as a trial scheme
    (6, "other-elevmentorer", "elevmentorer som prøveordning?"),
    # Effects may only show after several years; be patient
    (7, "other-langsiktig_effekt", "Effekten kjem kanskje først om fleire år – vi må tole å vente"),
    # Union representatives should take part in the evaluation
    (8, "other-tillitsvalgte", "ha med tillitsvalgte i evalueringen, ikke bare ledelsen"),
    # Different digital tool licences across municipalities hamper joint evaluation
    (
        9,
        "other-digitale_lisenser",
        "ulike lisenser på digitale verktøy mellom kommunene gjør felles evaluering vanskelig",
    ),
    # Ask former pupils now at upper secondary how lower secondary prepared them
    (
        10,
        "other-tidligere_elever",
        "spør tidlegare elevar som no går på vgs korleis u-trinnet førebudde dei",
    ),
    # Who pays for the evaluation
    (3, "other-kostnad_evaluering", "hvem betaler for evalueringen? må inn i DEKOMP-budsjettet"),
    # SFO is forgotten when talking about pupil voice
    (1, "other-sfo", "SFO blir glemt når vi snakker om elevstemmen"),
]


# blind5: written by a sixth author on two questions of their own choosing for a gathering of
# the kindergarten sector, committed before any method was run on it; measured once, when the
# method is final.
# Question 1: Hvordan kan vi få med hele personalet – også assistenter og barne- og ungdomsarbeidere – i barnehagebasert kompetanseutvikling?
# Question 2: Hvordan kan barnas medvirkning og foreldrenes stemme bli en del av utviklingsarbeidet i barnehagen?
BLIND5 = [
    # Time: set aside shared time (planning days, staff meetings) for the whole staff to learn together
    (
        2,
        "tid_til_felles_laering",
        "planleggingsdagane må brukast til fag for alle, ikkje berre praktisk info",
    ),
    (5, "tid_til_felles_laering", "sett av en fast halvtime på hvert personalmøte til refleksjon"),
    (
        7,
        "tid_til_felles_laering",
        "avdelingsmøtene går bort i beskjeder om turer og vaktlister. må prioritere det faglige der",
    ),
    (9, "tid_til_felles_laering", "TID. vi må ha rom i kalenderen til å lære sammen"),
    # Staffing: money for substitutes so staff can be released without leaving the children understaffed
    (3, "vikar_og_frikjop", "mer vikarpenger!"),
    (6, "vikar_og_frikjop", "når assistentane er på kurs er det for få vaksne att på avdelinga"),
    (
        8,
        "vikar_og_frikjop",
        "kommunen må dekke frikjøp, ellers blir det alltid pedagogene som reiser på samlinger og resten som blir igjen med ungene på avdelinga uten ekstra hjelp",
    ),
    (
        10,
        "vikar_og_frikjop",
        "bemanningsnormen gjelder jo de dagene folk er borte på samling også - trenger budsjett til innleie",
    ),
    # Pedagogical leaders need coaching/guidance skills to lead the learning of their own team
    (
        1,
        "pedleder_som_veileder",
        "ped leder må få opplæring i veildning så de kan løfte teamet sitt",
    ),
    (
        4,
        "pedleder_som_veileder",
        "pedagogiske leiarar treng verktøy for å rettleie assistentane i kvardagen",
    ),
    (
        7,
        "pedleder_som_veileder",
        "barnehagelærere er utdannet til å jobbe med barn, ikke til å coache voksne kolleger",
    ),
    (10, "pedleder_som_veileder", "PL som coach på egen avdeling"),
    # Staff with Norwegian as a second language need simpler material and language support
    (
        2,
        "flersprakelige_ansatte",
        "mange ansatte har norsk som andrespråk – fagtekstene må bli enklere",
    ),
    (
        5,
        "flersprakelige_ansatte",
        "språkopplæring for assistenter med annet morsmål, i arbeidstida",
    ),
    (
        8,
        "flersprakelige_ansatte",
        "tenk på dei som ikkje les norsk så godt - film og bilete i staden for lange rapportar",
    ),
    (
        3,
        "flersprakelige_ansatte",
        "udir-stoffet er tungt å lese for de som kom til Norge som voksne",
    ),
    (
        9,
        "flersprakelige_ansatte",
        "kollegaer fra andre land faller ut av diskusjonen når det går for fort",
    ),
    # Learning should happen in daily practice with the children (try out, film, reflect) rather than on external courses
    (4, "laering_i_hverdagen", "mindre kurs, mer læring der ungene er"),
    (6, "laering_i_hverdagen", "filme ein samlingsstund og sjå på han saman etterpå"),
    (
        9,
        "laering_i_hverdagen",
        "prøve ut noe på avdelinga i uka etter og dele erfaringr på neste møte",
    ),
    (1, "laering_i_hverdagen", "kompetanseheving må skje på gulvet - ikke på et hotell i byen!"),
    (
        10,
        "laering_i_hverdagen",
        "praksisnært!! knytte teorien til konkrete situasjoner fra påkledning, måltid, garderoben osv sånn at alle kjenner seg igjen",
    ),
    # Shifts, part-time jobs and long opening hours mean the whole staff is never present at once
    (3, "turnus_og_deltid", "åpningstid fra 06.30 til 17 gjør at vi aldri er samlet alle sammen"),
    (7, "turnus_og_deltid", "mange i deltidsstillingar får ikkje med seg det som skjer"),
    (2, "turnus_og_deltid", "tidligvakta og seinvakta treffes nesten aldri"),
    (
        8,
        "turnus_og_deltid",
        "opplegget må funke for de som jobber 40% og bare er der tre dager i uka",
    ),
    # The whole staff needs a shared professional understanding and vocabulary (play, care, quality)
    (5, "felles_faglig_forstaelse", "at alle snakker samme språk om lek og læring"),
    (
        10,
        "felles_faglig_forstaelse",
        "felles forståelse i hele personalgruppa, ikke bare blant barnehagelærerne",
    ),
    (1, "felles_faglig_forstaelse", "same grunnsyn på omsorg hjå alle vaksne på huset"),
    (
        6,
        "felles_faglig_forstaelse",
        "begrepene i rammeplanen må bli hverdagsord for alle som jobber her",
    ),
    # The youngest, non-verbal children's views must be read through observation and body language
    (4, "de_minste_uten_ord", "dei minste seier ifrå med kroppen – vi må lære oss å sjå det"),
    (7, "de_minste_uten_ord", "observasjon av leken er måten 1-2-åringene får stemme på"),
    (9, "de_minste_uten_ord", "barn uten verbalt språk skal også få medvirke"),
    (
        2,
        "de_minste_uten_ord",
        "tolke blikk, gråt og protest som innspill, ikke bare noe som skal roes ned",
    ),
    # Parents with another language need interpreters and translated information to have a say
    (6, "foreldre_med_annet_sprak", "tolk på foreldresamtalene – ikke bruk storesøsken som tolk"),
    (10, "foreldre_med_annet_sprak", "oversette info til de vanligste språkene i bhg'en"),
    (
        8,
        "foreldre_med_annet_sprak",
        "flerspråklige foreldre må få si sin mening på sitt eget morsmål",
    ),
    (
        1,
        "foreldre_med_annet_sprak",
        "bruk kulturtolkar eller ressurspersonar frå miljøet når vi snakkar med familiane",
    ),
    # Actually use the parent survey results and show the parents what was changed
    (
        5,
        "bruke_foreldreundersokelsen",
        "ta tallene fra foreldreundersøkelsen inn i utviklingsarbeidet, ikke legge dem i skuffen",
    ),
    (
        2,
        "bruke_foreldreundersokelsen",
        "gje foreldra tilbakemelding på kva vi har gjort med svara deira",
    ),
    (
        9,
        "bruke_foreldreundersokelsen",
        "gå gjennom resultatene fra Udir sin undersøkelse sammen med SU",
    ),
    (
        7,
        "bruke_foreldreundersokelsen",
        "spørreskjemaet foreldra fyller ut hvert år må faktisk brukes til noe",
    ),
    # Ask the children directly: child conversations, children's meetings, letting them show what matters
    (3, "snakke_med_barna", "barnesamtaler om hva de liker og ikke liker i barnehagen"),
    (8, "snakke_med_barna", "la ungane ta bilete av staden dei likar best og fortelje kvifor"),
    (10, "snakke_med_barna", "barnemøter på storebarnsavdelingen der de får stemme over ting"),
    (5, "snakke_med_barna", "spør femåringene hva som var kjedelig i år – de svarer ærlig!"),
    # Singleton: assistants lack work e-mail / PC access
    (
        4,
        "other-it_tilgang",
        "assistentene har ikke egen jobbmail eller tilgang på pc, så de får ikke lest noe av det som sendes ut",
    ),
    # Singleton: children's wishes for the outdoor area
    (
        2,
        "other-uteomrade",
        "ungane ønskjer seg meir skog og mindre asfalt – ta det med når uteområdet skal rustast opp",
    ),
    # Singleton: privacy rules when filming children
    (
        6,
        "other-personvern_film",
        "usikker på personvern når vi filmer barna. trenger klare retningslinjer fra eier",
    ),
    # Singleton: union reps should take part in planning
    (
        8,
        "other-tillitsvalgte",
        "tillitsvalde må vere med frå starten når vi planlegg kven som skal på kva",
    ),
    # Singleton: children help decide the menu
    (9, "other-maltid", "borna kan vere med og lage menyen ein dag i veka"),
    # Singleton: PPT should advise the whole staff, not only on single children
    (
        5,
        "other-ppt_systemretta",
        "PPT kan komme ut og gi råd til hele personalet, ikke bare om enkeltbarn",
    ),
    # Singleton: how to measure whether it gets better for the children
    (
        10,
        "other-effektmaling",
        "hvordan vet vi at det faktisk blir bedre for barna? trenger noe å måle på",
    ),
    # Singleton: the parent app is only used for practical messages
    (3, "other-foreldreapp", "foreldreappen brukes bare til beskjeder om votter og bleier"),
    # Singleton: do all staff know the children's rights convention
    (7, "other-barnekonvensjonen", "artikkel 12 i barnekonvensjonen - kjenner alle den?"),
    # Singleton: a pay supplement to motivate assistants
    (
        1,
        "other-motivasjon_lonn",
        "noe må motivere assistenetene – lite lønnstillegg etter fullført studie?",
    ),
]


# Sets after the first: (name, rows, what each statement's "source" and "split" say)
LATER_SETS = (
    ("independent", INDEPENDENT),
    ("blind2", BLIND2),
    ("dev3a", DEV3A),
    ("dev3b", DEV3B),
    ("dev3c", DEV3C),
    ("blind3", BLIND3),
    ("blind4", BLIND4),
    ("blind5", BLIND5),
)


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
    data, next_id = {"statements": statements}, len(statements) + 1
    for name, rows in LATER_SETS:
        data[name] = [
            {
                "id": next_id + n,
                "table": table,
                "theme": theme,
                "text": text,
                "source": name,
                "split": name,
            }
            for n, (table, theme, text) in enumerate(rows)
        ]
        next_id += len(rows)
    path = Path(__file__).resolve().parent.parent / "tests" / "data" / "themes_labelled.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(", ".join(f"{len(rows)} {name}" for name, rows in data.items()), "->", path)


if __name__ == "__main__":
    main()
