"""The organiser's pages after the day: minutes metadata and follow-up deadlines typed in the
console come out in the minutes; a network's record downloads in every format."""

from pathlib import Path

from playwright.sync_api import expect

from browser.screens import LAPTOP, log_in


def download(page, name):
    with page.expect_download() as info:
        page.get_by_role("link", name=name).click()
    return Path(info.value.path())


def test_metadata_typed_on_the_minutes_page_is_kept_and_comes_out_in_the_minutes(
    contexts, server, gathering
):
    page = contexts(**LAPTOP, accept_downloads=True).new_page()
    log_in(page, server, f"/console/{gathering.id}/minutes")
    summary = page.locator("form.notes-form").first
    summary.get_by_label("Referent").fill("Kari Nordmann")
    summary.get_by_label("Saksnummer").fill("2026/1234")
    summary.get_by_label("Starttid").fill("09:30")
    summary.get_by_label("Sluttid").fill("15:00")
    summary.get_by_label("Sted").fill("Scandic Hamar")
    summary.get_by_role("button", name="Lagre").click()
    expect(page.locator("#saved")).to_have_text("Lagret.")
    task = page.locator("form.notes-form").nth(3)
    task.get_by_label("Oppfølging").fill("Lage en felles plan")
    task.get_by_label("Hvem følger opp").fill("Nettverkskoordinator")
    task.get_by_label("Frist").fill("2026-03-15")
    task.get_by_role("button", name="Lagre").click()
    expect(page.locator("#saved")).to_have_text("Lagret.")

    page.reload()
    summary = page.locator("form.notes-form").first
    expect(summary.get_by_label("Referent")).to_have_value("Kari Nordmann")
    expect(summary.get_by_label("Starttid")).to_have_value("09:30")
    expect(page.locator("form.notes-form").nth(3).get_by_label("Frist")).to_have_value("2026-03-15")

    for name in ("Last ned Markdown", "Last ned HTML"):
        text = download(page, name).read_text(encoding="utf-8")
        for expected in ("Kari Nordmann", "2026/1234", "09:30", "15:00", "Scandic Hamar"):
            assert expected in text, (name, expected)
        assert "Lage en felles plan" in text and "15. mars 2026" in text, name


def test_the_record_page_offers_xlsx_and_csv_and_they_download(contexts, server, gathering):
    network = server.api("POST", "/api/networks", json={"name": "Region Hamar"}).json()
    answer = server.api(
        "POST",
        f"/api/gatherings/{gathering.id}/tables/1/network",
        json={"network": network["id"]},
    )
    assert answer.status_code == 200, answer.text
    answer = server.api("POST", f"/api/gatherings/{gathering.id}/file-records", json={})
    assert answer.status_code == 200, answer.text

    page = contexts(**LAPTOP, accept_downloads=True).new_page()
    log_in(page, server, f"/console/networks/{network['id']}")
    expect(page.locator("section.gathering h2")).to_contain_text("3. februar 2026")
    xlsx = download(page, "Last ned Excel")
    assert xlsx.read_bytes()[:2] == b"PK"
    csv = download(page, "Last ned CSV (zip)")
    assert csv.read_bytes()[:2] == b"PK"
