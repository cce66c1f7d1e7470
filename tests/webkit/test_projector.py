"""The projector page in WebKit: the live cloud and the wall, read from the DOM."""

import pytest

from webkit.pages import projector, submit

pytestmark = pytest.mark.webkit


def test_the_live_cloud_shows_a_new_word_inside_the_cloud(screens, gathering):
    screen = projector(screens, gathering)
    screen.text_of("#join-code", gathering.code)
    gathering.open("words")
    screen.find("#view-words")
    screen.text_of("#words-count", "0 svar så langt")
    submit(gathering, "words", 1, "Spent")
    submit(gathering, "words", 2, "Nysgjerrig")
    word = screen.find("#cloud text", text="Spent")
    screen.find("#cloud text", text="Nysgjerrig")
    screen.text_of("#words-count", "2 svar så langt")
    placed = screen.js(
        """const word = arguments[0].getBoundingClientRect();
        const cloud = document.getElementById('cloud').getBoundingClientRect();
        return [word.width, word.height, word.left >= cloud.left, word.right <= cloud.right,
                word.top >= cloud.top, word.bottom <= cloud.bottom];""",
        word,
    )
    assert placed[0] > 0 and placed[1] > 0 and all(placed[2:]), placed


def test_the_wall_shows_a_tables_statement_in_large_type(screens, gathering):
    screen = projector(screens, gathering)
    gathering.open("statements")
    screen.find("#view-statements")
    submit(gathering, "statements", 3, "Felles språk på tvers av kommunene")
    entry = screen.find(".group__entry", text="Felles språk på tvers av kommunene")
    size = screen.js("return getComputedStyle(arguments[0]).fontSize", entry)
    assert float(size.removesuffix("px")) >= 28
    screen.text_of("#corner-code", gathering.code)
