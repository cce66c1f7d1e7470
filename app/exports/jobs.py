"""The worker process: `python -m app.exports.jobs` renders one job after another.

It imports the renderers once, then answers frames on stdin until stdin closes
(the server is gone). A request is a 4-byte big-endian length and that many bytes
of JSON, {"job": name, "payload": ...}; an answer is one status byte (DONE or
FAILED), a 4-byte length and that many bytes: what the job rendered, or its error
in UTF-8. A job that raises answers FAILED and the worker goes on.
"""

import json
import os
import struct
import sys
import traceback

REQUEST = struct.Struct(">I")
ANSWER = struct.Struct(">cI")
DONE, FAILED = b"+", b"-"


def cloud(payload):
    from app.exports.cloud import render_png

    return render_png(payload["frequencies"])


def document(payload):
    """Minutes or a record in a heavy format (DOCX, PDF, XLSX, HTML with its clouds)."""
    from app.exports.formats import render

    return render(payload["what"], payload["format"], payload["data"], payload["labels"])


JOBS = {"cloud": cloud, "document": document}


def warm():
    """Import every renderer and draw a small cloud, so the first job pays for neither."""
    from app.exports import cards, docx, html, pdf, xlsx  # noqa: F401
    from app.exports.cloud import render_png

    render_png([{"word": "samla", "count": 2}, {"word": "ordsky", "count": 1}])


def serve(jobs, requests, answers):
    """Answer each request on `requests` with a frame on `answers`, until end of file."""
    while True:
        header = requests.read(REQUEST.size)
        if len(header) < REQUEST.size:
            return
        (length,) = REQUEST.unpack(header)
        request = json.loads(requests.read(length))
        try:
            body, status = jobs[request["job"]](request["payload"]), DONE
        except Exception as error:
            traceback.print_exc()
            body, status = f"{type(error).__name__}: {error}".encode(), FAILED
        answers.write(ANSWER.pack(status, len(body)))
        answers.write(body)
        answers.flush()


def main(jobs=JOBS, warm_up=warm):
    # The frames own the real stdout; whatever a library prints goes to stderr.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    warm_up()
    serve(jobs, sys.stdin.buffer, answers)


if __name__ == "__main__":
    main()
