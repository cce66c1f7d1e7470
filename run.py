"""Start Samla from the repository: `python run.py [--host H] [--port P] [--data DIR] ...`.

The same as the installed `samla` command: the code is in samla.py.
"""

import sys

from samla import main, parse_options, patch_for  # noqa: F401 (the tests use them from here)

if __name__ == "__main__":
    sys.exit(main())
