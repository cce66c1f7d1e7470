"""The organiser's minutes page and a network's record page."""

from exports_helpers import LABELS, STATEMENTS
from exports_helpers import run_gathering as run


def test_the_minutes_page_shows_notes_networks_and_downloads(organiser, client, join):
    gathering = run(organiser, client, join)
    network = organiser.post("/api/networks", json={"name": "Region <Hamar>"}).get_json()
    organiser.post(f"/api/gatherings/{gathering['id']}/notes", json={"summary": "<b>ok</b>"})
    organiser.post(
        f"/api/gatherings/{gathering['id']}/tables/1/network", json={"network": network["id"]}
    )
    page = organiser.get(f"/console/{gathering['id']}/minutes").get_data(as_text=True)
    assert "&lt;b&gt;ok&lt;/b&gt;" in page and "<b>ok</b>" not in page
    assert f'<option value="{network["id"]}" selected>Region &lt;Hamar&gt;</option>' in page
    assert f"/api/gatherings/{gathering['id']}/export.docx" in page
    assert "js/console/minutes.js" in page
    console = organiser.get(f"/console/{gathering['id']}").get_data(as_text=True)
    assert f"/console/{gathering['id']}/minutes" in console


def test_the_record_page_lists_what_the_network_filed(organiser, client, join):
    gathering = run(organiser, client, join)
    network = organiser.post("/api/networks", json={"name": "Region Hamar"}).get_json()
    organiser.post(
        f"/api/gatherings/{gathering['id']}/tables/2/network", json={"network": network["id"]}
    )
    organiser.post(f"/api/gatherings/{gathering['id']}/file-records", json={})
    page = organiser.get(f"/console/networks/{network['id']}").get_data(as_text=True)
    assert "Nettverksrapport: Region Hamar" in page
    assert LABELS[2] in page and "Linje to: ære, øl og å" in page
    assert STATEMENTS[1][0].replace('"', "&#34;") not in page and LABELS[1] not in page


def test_pages_need_the_organiser(client):
    assert client.get("/console/1/minutes").status_code == 302
    assert client.get("/console/networks/1").status_code == 302
