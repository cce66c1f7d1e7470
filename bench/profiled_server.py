"""A server script under cProfile, counting CPU time (not wall time, which a busy machine skews).

    python bench/profiled_server.py OUT.prof run.py --port 5000 ...

Nothing is recorded until the process receives SIGUSR1; SIGUSR2 stops recording and
writes the profile to OUT.prof (bench/load.py --profile sends them around the phones'
actions, so that the connects and the day's start stay out of it).
"""

import cProfile
import os
import runpy
import signal
import sys
import time


def main():
    out, script = sys.argv[1], sys.argv[2]
    sys.argv = sys.argv[2:]
    # As `python SCRIPT` would: its own folder first on the path.
    sys.path[0] = os.path.dirname(os.path.abspath(script))
    profiler = cProfile.Profile(time.process_time)

    def start(*_):
        profiler.enable()

    def stop(*_):
        profiler.disable()
        profiler.dump_stats(out)

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
