"""A template file that cannot be read is listed as broken, and the
console and the other templates still work."""

import shutil

import pytest

from conftest import ROOT_DIR, log_in


@pytest.fixture
def sessions(app, tmp_path):
    folder = tmp_path / "sessions"
    shutil.copytree(ROOT_DIR / "sessions", folder)
    app.config["SESSIONS_DIR"] = str(folder)
    (folder / "a-ugyldig-yaml.yaml").write_text("title: [uten slutt\n", encoding="utf-8")
    (folder / "b-ikke-utf8.yaml").write_bytes(b"title: \xff\xfe\n")
    (folder / "c-feil-definisjon.yaml").write_text("title: Mangler alt\n", encoding="utf-8")
    (folder / "d-vertikal-tab.yaml").write_text(
        'title: "Tittel\\vmed tab"\ntables: 1\nactivities: [{kind: words, prompt: "?"}]\n',
        encoding="utf-8",
    )
    return folder


def test_broken_templates_are_listed_as_broken_and_the_rest_work(organiser, client, sessions):
    listed = organiser.get("/api/templates")
    assert listed.status_code == 200
    by_stem = {t["stem"]: t for t in listed.get_json()}
    for stem in ("a-ugyldig-yaml", "b-ikke-utf8", "c-feil-definisjon", "d-vertikal-tab"):
        assert by_stem[stem]["broken"] is True and by_stem[stem]["error"], stem
    good = [t for t in by_stem.values() if not t.get("broken")]
    assert good and all(t["title"] for t in good)
    created = organiser.post("/api/gatherings", json={"template": good[0]["stem"]})
    assert created.status_code == 201
    refused = organiser.post("/api/gatherings", json={"template": "a-ugyldig-yaml"})
    assert refused.status_code == 400 and refused.get_json()["error"] == "invalid_definition"
    log_in(client)
    page = client.get("/console")
    assert page.status_code == 200
    assert "a-ugyldig-yaml.yaml" in page.get_data(as_text=True)
