"""A gathering with awkward text for the export tests, and what its minutes must show."""

from conftest import simple_definition

STATEMENTS = {
    1: ['Samordne "rekomp" og dekomp på alle nivåer', "=SUM(A1:A2)"],
    2: ["Linje én\nLinje to: ære, øl og å"],
    3: ["Fylkesmannens rolle & <i>skolens</i> stemme"],
}
HIDDEN = "Skjult <b>innspill</b> fra bord 3"
WORDS = {1: ["Jippi"], 2: ["Kreativ", "Upåklagelig"], 3: ["Tillitsfulle?"]}
LABELS = {1: "Bord 1 – Hamar", 2: "Bord 2", 3: "Bord 3"}


def definition():
    return simple_definition(
        title='Ledersamling «Innlandet» – "Ønsket tilstand"',
        date="2020-02-03",
        place="Hamar",
        organiser="Egil Hartberg & Lars Arild Myhr",
        tables=[{"number": n, "label": label} for n, label in LABELS.items()],
    )


def submit(client, token, activity, text, client_id):
    response = client.post(
        "/api/submissions",
        json={"activity_id": activity["id"], "text": text, "client_id": client_id},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def run_gathering(organiser, client, join):
    """Create the gathering, let every table answer, hide one statement; return it."""
    gathering = organiser.create(definition())
    words, statements = gathering["activities"]
    organiser.open(gathering, words)
    organiser.open(gathering, statements)
    for table in (1, 2, 3):
        token = join(gathering, table)
        for n, word in enumerate(WORDS[table]):
            submit(client, token, words, word, f"w{table}-{n}")
        for n, text in enumerate(STATEMENTS[table]):
            submit(client, token, statements, text, f"s{table}-{n}")
        if table == 3:
            hidden = submit(client, token, statements, HIDDEN, "s3-hidden")
    response = organiser.patch(f"/api/entries/{hidden}", json={"hidden": True})
    assert response.status_code == 200
    organiser.close(gathering, statements)
    return organiser.get(f"/api/gatherings/{gathering['id']}").get_json()


def assert_statements_by_table(found):
    """`found` {table label: [texts]} holds every visible statement once, at its table."""
    assert found == {LABELS[n]: texts for n, texts in STATEMENTS.items()}


def qr_modules(picture, size):
    """A QR picture sampled at the centres of a size × size grid: rows of "1" (dark) and "0"."""
    grey = picture.convert("L")
    step = grey.width / size
    return [
        "".join(
            "1" if grey.getpixel((int((x + 0.5) * step), int((y + 0.5) * step))) < 128 else "0"
            for x in range(size)
        )
        for y in range(size)
    ]
