"""Word merges, the moderation word list and themes across tables."""

import pytest

from app import store


@pytest.fixture
def activity(db, rows):
    return rows.activities(rows.gathering())[0]


def test_merges_are_listed_oldest_first_and_merging_a_word_again_replaces_it(db, activity):
    store.words.save_merge(db, activity, "gleden", "glede", "t1")
    store.words.save_merge(db, activity, "spent", "forventning", "t2")
    store.words.save_merge(db, activity, "gleden", "glad", "t3")
    assert [(m["word"], m["into_word"]) for m in store.words.list_merges(db, activity)] == [
        ("spent", "forventning"),
        ("gleden", "glad"),
    ]


def test_undoing_a_merge_says_whether_there_was_one(db, activity):
    store.words.save_merge(db, activity, "gleden", "glede", "t")
    assert store.words.delete_merge(db, activity, "gleden") is True
    assert store.words.delete_merge(db, activity, "gleden") is False
    assert store.words.list_merges(db, activity) == []


def test_moderation_is_none_until_saved_then_replaced_with_enabled_as_a_bool(db, rows):
    gathering_id = rows.gathering()
    assert store.words.get_moderation(db, gathering_id) is None
    store.words.save_moderation(db, gathering_id, True, ["dust", "tøys"], "t1")
    store.words.save_moderation(db, gathering_id, False, ["tøys"], "t2")
    assert store.words.get_moderation(db, gathering_id) == {
        "enabled": False,
        "words": ["tøys"],
        "updated_at": "t2",
    }


def test_a_theme_reads_back_with_its_entries_as_a_list_and_accepted_as_a_bool(db, rows, activity):
    theme_id = rows.theme(activity, "Samarbeid på tvers", entries=[3, 1], accepted=True)
    theme = store.words.get_theme(db, theme_id)
    assert (theme["title"], theme["entries"], theme["accepted"]) == (
        "Samarbeid på tvers",
        [3, 1],
        True,
    )
    assert len(theme["uid"]) == 32 and theme["created_at"] == theme["updated_at"]
    assert store.words.get_theme_by_uid(db, theme["uid"])["id"] == theme_id
    assert store.words.get_theme(db, theme_id + 1) is None
    assert store.words.get_theme_by_uid(db, "nope") is None


def test_a_theme_from_a_bundle_keeps_its_uid_and_times(db, rows, activity):
    theme_id = rows.theme(activity, uid="u-theme", created_at="t0", updated_at="t1")
    theme = store.words.get_theme(db, theme_id)
    assert (theme["uid"], theme["created_at"], theme["updated_at"]) == ("u-theme", "t0", "t1")


def test_themes_are_listed_in_the_order_kept_and_updated_or_deleted_by_id(db, rows, activity):
    first = rows.theme(activity, "Én")
    second = rows.theme(activity, "To")
    store.words.update_theme(db, first, "Én, omdøpt", [7], True, "t9")
    themes = store.words.list_themes(db, activity)
    assert [(t["id"], t["title"], t["entries"], t["accepted"]) for t in themes] == [
        (first, "Én, omdøpt", [7], True),
        (second, "To", [], False),
    ]
    assert themes[0]["updated_at"] == "t9"
    store.words.delete_theme(db, first)
    assert [t["id"] for t in store.words.list_themes(db, activity)] == [second]
