"""The server's full garbage collections wait for quiet moments (app/collector.py)."""

import gc

import pytest

from app.realtime import collector


@pytest.fixture
def collections_left_to_us():
    """CPython's own full collections held off, as in the server; restored afterwards."""
    threshold = gc.get_threshold()
    gc.set_threshold(threshold[0], threshold[1], collector.SELF_STARTED_THRESHOLD)
    yield
    gc.set_threshold(*threshold)


def make_full_collection_due():
    """Enough middle collections, and the oldest generation grown by more than a quarter:
    the new objects, promoted there by the middle collections, are returned to be held."""
    kept = [[n] for n in range(collector.long_lived() // 2 + 1000)]
    for _ in range(collector.DUE_AFTER):
        gc.collect(1)
    assert collector.full_collections_due() >= collector.DUE_AFTER
    return kept


def full_collections():
    return gc.get_stats()[2]["collections"]


def test_tune_freezes_start_up_and_keeps_young_collections():
    threshold = gc.get_threshold()
    try:
        collector.tune()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (threshold[0], threshold[1], collector.SELF_STARTED_THRESHOLD)
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def test_a_due_collection_waits_while_the_process_is_busy(collections_left_to_us):
    quiet = collector.QuietCollector(now=0.0, cpu=0.0)
    _held = make_full_collection_due()
    before = full_collections()
    # Half a CPU second in one second: a hall submitting.
    assert quiet.check(now=1.0, cpu=0.5) is False
    assert full_collections() == before
    assert collector.full_collections_due() >= collector.DUE_AFTER


def test_a_due_collection_runs_once_the_process_is_quiet(collections_left_to_us):
    quiet = collector.QuietCollector(now=0.0, cpu=0.0)
    quiet.check(now=1.0, cpu=0.5)
    _held = make_full_collection_due()
    before = full_collections()
    assert quiet.check(now=2.0, cpu=0.51) is True
    assert full_collections() == before + 1
    assert collector.full_collections_due() == 0


def test_a_quiet_process_whose_heap_hardly_grew_is_not_walked(collections_left_to_us):
    quiet = collector.QuietCollector(now=0.0, cpu=0.0)
    for _ in range(collector.DUE_AFTER):
        gc.collect(1)
    before = full_collections()
    # Middle collections enough, but nothing much promoted: a burst's leftovers.
    assert quiet.check(now=1.0, cpu=0.0) is False
    assert full_collections() == before
    _held = make_full_collection_due()
    assert quiet.check(now=2.0, cpu=0.0) is True
    assert full_collections() == before + 1


def test_nothing_is_collected_before_it_is_due(collections_left_to_us):
    gc.collect()
    quiet = collector.QuietCollector(now=0.0, cpu=0.0)
    before = full_collections()
    assert quiet.check(now=1.0, cpu=0.0) is False
    assert full_collections() == before


def test_a_process_that_never_rests_still_collects_every_few_minutes(collections_left_to_us):
    quiet = collector.QuietCollector(now=0.0, cpu=0.0)
    _held = make_full_collection_due()
    busy_until = collector.LATEST_SECONDS - 1
    assert quiet.check(now=busy_until, cpu=busy_until * 0.9) is False
    assert quiet.check(now=collector.LATEST_SECONDS, cpu=collector.LATEST_SECONDS * 0.9)
    assert collector.full_collections_due() == 0
