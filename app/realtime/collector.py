"""When the server collects its cyclic garbage: at quiet moments, not in a burst.

CPython's full collection walks every object the process holds. With a thousand
phones connected one walk took 150–300 ms on a 2-core machine, and since the
collector starts it when enough objects have been allocated, it tended to start
just as a whole hall submitted at once, holding up every acknowledgement for
that long (docs/BENCHMARKS.md). The server process therefore:

- freezes what start-up allocated (modules, the app: never garbage, so never
  worth walking again),
- keeps the young generations' short and frequent collections as they are,
- raises the threshold of the full collection so that it hardly ever starts
  itself, and
- starts it itself once a second when the process has been nearly idle, or at the
  latest every few minutes, so memory held by cycles stays bounded; and, as CPython
  does itself, only once the oldest generation has grown by a quarter since the last
  one. Without that rule every burst was followed by a walk of every phone's objects
  at the next quiet second, whether or not the burst had left much to collect.
"""

import gc
import time

CHECK_SECONDS = 1.0
# A full collection is due once this many middle-generation collections have
# happened since the last one (CPython's own default third threshold).
DUE_AFTER = 10
# "Quiet": the process used at most this share of one CPU over the last check.
QUIET_CPU_SHARE = 0.05
LATEST_SECONDS = 300.0
# A full collection is worth its walk once the oldest generation has grown by this share
# since the last one (CPython's own rule for the collections it starts).
GROWTH_DUE = 0.25
# High enough that CPython never starts a full collection in a gathering's hours.
SELF_STARTED_THRESHOLD = 1_000_000


def tune():
    """Freeze start-up's objects and leave full collections to `QuietCollector`."""
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, SELF_STARTED_THRESHOLD)


def full_collections_due():
    """Middle-generation collections since the last full one."""
    return gc.get_count()[2]


def long_lived():
    """How many objects the oldest generation holds: what a full collection walks."""
    return len(gc.get_objects(generation=2))


class QuietCollector:
    """Decides, once a check, whether now is the moment for a full collection."""

    def __init__(self, now=None, cpu=None):
        now = time.monotonic() if now is None else now
        self.last_check = now
        self.last_cpu = time.process_time() if cpu is None else cpu
        self.last_full = now
        self.long_lived_after_full = long_lived()

    def check(self, now=None, cpu=None):
        """Collect if a collection is due and the process is quiet (or it is long overdue).

        Due: enough middle-generation collections, and the oldest generation grown by
        GROWTH_DUE since the last full collection. Returns whether it collected.
        """
        now = time.monotonic() if now is None else now
        cpu = time.process_time() if cpu is None else cpu
        elapsed = max(now - self.last_check, 1e-6)
        quiet = (cpu - self.last_cpu) / elapsed <= QUIET_CPU_SHARE
        self.last_check, self.last_cpu = now, cpu
        overdue = now - self.last_full >= LATEST_SECONDS
        if full_collections_due() < DUE_AFTER or not (quiet or overdue):
            return False
        if long_lived() < self.long_lived_after_full * (1 + GROWTH_DUE):
            return False
        gc.collect()
        self.last_full = now
        self.long_lived_after_full = long_lived()
        return True


def start(socketio):
    """Tune the collector and check once a second in a background task of `socketio`."""
    tune()
    collector = QuietCollector()

    def run():
        while True:
            socketio.sleep(CHECK_SECONDS)
            collector.check()

    socketio.start_background_task(run)
    return collector
