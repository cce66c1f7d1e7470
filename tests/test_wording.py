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


# Stemming, stop words and the facilitator's merges

from app.wording import content_words, merged_frequencies, stemmed_key  # noqa: E402


def test_stemming_merges_inflected_forms_in_their_most_common_form():
    texts = ["Tillitsfulle?", "Tillitsfull", "Tillitsfull!", "Kreativ"]
    assert merged_frequencies(texts, stemming=True) == [
        {"word": "Tillitsfull", "count": 3},
        {"word": "Kreativ", "count": 1},
    ]


def test_without_stemming_inflected_forms_stay_apart():
    assert len(merged_frequencies(["Tillitsfulle", "tillitsfull"])) == 2


def test_stemming_leaves_emoji_and_symbols_whole():
    assert stemmed_key("God 👍") == f"{stemmed_key('god')} 👍"
    assert merged_frequencies(["👍", "👍!", "🙂"], stemming=True) == [
        {"word": "👍", "count": 2},
        {"word": "🙂", "count": 1},
    ]


def test_a_decomposed_a_ring_stems_like_a_composed_one():
    assert stemmed_key("la\u030arende") == stemmed_key("lærende".replace("æ", "å"))


def test_a_merge_counts_one_word_as_another_under_the_target_word():
    texts = ["Jippi", "Juhuu", "juhuu!", "God"]
    assert merged_frequencies(texts, merges=[("Juhuu", "Jippi")]) == [
        {"word": "Jippi", "count": 3},
        {"word": "God", "count": 1},
    ]


def test_merges_follow_chains_and_ignore_circles():
    texts = ["a", "b", "c"]
    assert merged_frequencies(texts, merges=[("c", "b"), ("b", "a")]) == [{"word": "a", "count": 3}]
    assert merged_frequencies(texts, merges=[("a", "b"), ("b", "a")]) == [
        {"word": "b", "count": 2},
        {"word": "c", "count": 1},
    ]


def test_a_group_whose_target_is_gone_shows_a_merged_form():
    assert merged_frequencies(["Juhuu"], merges=[("Juhuu", "Jippi")]) == [
        {"word": "Juhuu", "count": 1}
    ]


def test_stop_words_leave_multi_word_analysis_but_not_the_mood_words():
    assert content_words("Samordne rekomp og dekomp på alle nivåer", stemming=False) == [
        "samordne",
        "rekomp",
        "dekomp",
        "nivåer",
    ]
    assert merged_frequencies(["og", "Og"]) == [{"word": "og", "count": 2}]


def test_hyphenated_words_stay_one_word():
    assert content_words("re-komp og de-komp", stemming=False) == ["re-komp", "de-komp"]
