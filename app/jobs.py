"""Entry point of the worker process: `python -m app.jobs <name>` reads JSON on stdin."""

import json
import sys


def cloud(payload):
    from .cloud import render_png

    return render_png(payload["frequencies"])


def document(payload):
    """Minutes or a record in a heavy format (DOCX, PDF, XLSX, HTML with its clouds)."""
    from .exports.formats import render

    return render(payload["what"], payload["format"], payload["data"], payload["labels"])


JOBS = {"cloud": cloud, "document": document}


def main(argv):
    job = JOBS[argv[1]]
    payload = json.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(job(payload))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main(sys.argv)
