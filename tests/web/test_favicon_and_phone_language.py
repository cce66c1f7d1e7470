"""The app's icon, and the phone page in the language a participant picks."""


def test_the_favicon_is_served_by_the_app(client):
    with client.get("/favicon.ico") as response:
        assert response.status_code == 200
        assert response.mimetype == "image/svg+xml"
        assert b"<svg" in response.data
    assert '<link rel="icon"' in client.get("/").get_data(as_text=True)


def test_the_phone_page_speaks_the_gathering_language_unless_the_phone_picks_another(
    client, gathering
):
    page = client.get(f"/j/{gathering['code']}").get_data(as_text=True)
    assert '<html lang="nb"' in page and "Bli med" in page
    english = client.get(f"/j/{gathering['code']}?lang=en").get_data(as_text=True)
    assert '<html lang="en"' in english and "Join" in english
    nynorsk = client.get("/j?lang=nn").get_data(as_text=True)
    assert '<html lang="nn"' in nynorsk


def test_an_unknown_language_leaves_the_gathering_language(client, gathering):
    page = client.get(f"/j/{gathering['code']}?lang=xx").get_data(as_text=True)
    assert '<html lang="nb"' in page


def test_the_phone_page_offers_each_language_by_its_own_name(client):
    page = client.get("/j").get_data(as_text=True)
    for code, name in [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("en", "English")]:
        assert f'data-lang="{code}"' in page and name in page
