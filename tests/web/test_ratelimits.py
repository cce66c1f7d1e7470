"""A participant's actions are limited by a token bucket of their own (app/ratelimits.py)."""

from limits import parse

from app.web.ratelimits import TokenBuckets


def test_a_full_bucket_allows_the_whole_limit_at_once_and_no_more():
    buckets = TokenBuckets(parse("3/minute"))
    assert [buckets.hit("phone", now=0.0) for _ in range(4)] == [True, True, True, False]


def test_the_bucket_refills_at_the_limits_rate():
    buckets = TokenBuckets(parse("120/minute"))
    for _ in range(120):
        assert buckets.hit("phone", now=0.0)
    assert not buckets.hit("phone", now=0.4)
    assert buckets.hit("phone", now=0.5)  # two a second: one back after half a second
    assert not buckets.hit("phone", now=0.5)


def test_every_participant_has_a_bucket_of_their_own():
    buckets = TokenBuckets(parse("1/minute"))
    assert buckets.hit("one", now=0.0)
    assert not buckets.hit("one", now=1.0)
    assert buckets.hit("other", now=1.0)


def test_pruning_forgets_only_buckets_that_have_filled_up_again():
    buckets = TokenBuckets(parse("2/second"))
    buckets.PRUNE_EVERY = 3
    buckets.hit("early", now=0.0)
    buckets.hit("late", now=1.0)
    buckets.hit("late", now=1.05)  # the third hit prunes: "early" is full again since 1.0 s
    assert set(buckets.buckets) == {"late"}
    assert buckets.hit("late", now=1.06) is False
