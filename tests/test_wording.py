"""Merging mood words: case, surrounding punctuation and spacing, never accents."""

from app.wording import display_form, frequencies, merge_key


def test_case_and_surrounding_punctuation_merge():
    assert merge_key("God!") == merge_key("god") == merge_key("  GOD ")


def test_accents_are_never_stripped():
    assert merge_key("får") != merge_key("far")
    assert display_form("Upåklagelig") == "Upåklagelig"


def test_a_phrase_stays_one_entry_with_inner_spacing_collapsed():
    assert display_form("Stor  grad av\ttrivsel") == "Stor grad av trivsel"


def test_inner_punctuation_is_kept():
    assert display_form("re-komp og de-komp!") == "re-komp og de-komp"


def test_a_composed_and_a_decomposed_a_ring_are_one_letter():
    assert merge_key("la\u030art") == merge_key("lårt")


def test_text_of_only_punctuation_is_shown_as_it_is():
    assert display_form("?!") == "?!"


def test_frequencies_show_the_most_common_form_most_frequent_first():
    result = frequencies(["God!", "god", "God", "Magisk", "Jippi", "Jippi!"])
    assert result == [
        {"word": "God", "count": 3},
        {"word": "Jippi", "count": 2},
        {"word": "Magisk", "count": 1},
    ]


def test_ties_between_forms_go_to_the_first_seen():
    assert frequencies(["Kreativ", "kreativ"]) == [{"word": "Kreativ", "count": 2}]


def test_emoji_stay_words_of_their_own():
    assert frequencies(["👍", "👍", "God 👍"]) == [
        {"word": "👍", "count": 2},
        {"word": "God 👍", "count": 1},
    ]


def test_blank_texts_are_not_counted():
    assert frequencies(["", "   "]) == []
