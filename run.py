"""Start Samla: `python run.py [--host H] [--port P] [--data DIR] [--public-url URL] ...`."""

import argparse
import logging
import os
import re
import socket
import sys

# Only the settings module: importing the app must wait until the async mode has patched.
from app import settings

# eventlet's WSGI server accepts 1,024 connections unless told otherwise; a
# national gathering has more phones than that.
MAX_CONNECTIONS = 10_000


def parse_options(argv=None, environ=None):
    """The command line over the environment over the defaults, all from app/settings.py."""
    parser = argparse.ArgumentParser(description="Samla: live gatherings on phones and projector.")
    settings.add_options(parser, environ)
    return parser.parse_args(argv)


def lan_address():
    """This machine's address on the local network, for the phones' QR codes.

    Connecting a UDP socket sends nothing; it only asks the kernel which local
    address would be used for an outside route.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        address = probe.getsockname()[0]
    except OSError:
        address = "127.0.0.1"
    finally:
        probe.close()
    return address


def patch_for(mode):
    """Green threads need the standard library patched before anything else is imported."""
    if mode == "eventlet":
        import warnings

        warnings.filterwarnings("ignore", message=r"\s*Eventlet is deprecated")
        # Its green DNS resolver costs a fifth of a second at start; the server
        # resolves no names while it serves (a hall's phones connect by address).
        os.environ.setdefault("EVENTLET_NO_GREENDNS", "yes")
        import eventlet

        eventlet.monkey_patch()
    elif mode == "gevent":
        from gevent import monkey

        monkey.patch_all()


def raise_open_files_limit(wanted=MAX_CONNECTIONS + 1_000):
    """Every phone holds a socket; lift the soft open-files limit (often 1,024) to fit them."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def public_url_for(options):
    if options.public_url:
        return options.public_url.rstrip("/")
    host = options.host
    if host in ("0.0.0.0", "::", ""):
        host = lan_address()
    return f"http://{host}:{options.port}"


def organiser_key_line(app):
    """The organiser token itself only at the first start, when it was just made; after
    that, where to find it (a terminal's scrollback and logs are read by others)."""
    if app.config.get("ADMIN_TOKEN_CREATED"):
        return f"  Arrangørnøkkel:       {app.config['ADMIN_TOKEN']} (vises bare denne gangen)\n"
    if app.config.get("ADMIN_TOKEN_FILE"):
        return f"  Arrangørnøkkel:       i {app.config['ADMIN_TOKEN_FILE']}\n"
    return "  Arrangørnøkkel:       den i SAMLA_ADMIN_TOKEN\n"


def announce(app, public_url):
    from app.web import qr

    join_url = f"{public_url}/j"
    print(
        "\nSamla kjører.\n"
        f"  Konsoll for arrangør: {public_url}/console\n"
        f"{organiser_key_line(app)}"
        f"  Bli med (telefon):    {join_url}\n"
        f"  Data:                 {os.path.abspath(app.config['DATA_DIR'])}\n",
        flush=True,
    )
    print(qr.terminal(join_url), flush=True)


# token=..., participant_token=... and the like in a logged request line.
TOKEN_IN_QUERY = re.compile(r"((?:^|[?&;\s])[\w-]*token=)[^&;\s\"]*", re.IGNORECASE)


def redact(line):
    """A request line with every token's value blanked out."""
    return TOKEN_IN_QUERY.sub(r"\1[skjult]", line)


class RedactTokens(logging.Filter):
    """Keeps tokens out of the request log: a screen's address carries its token."""

    def filter(self, record):
        record.msg = redact(str(record.getMessage()))
        record.args = ()
        return True


def request_log():
    """The logger requests are written to, with tokens blanked out."""
    log = logging.getLogger("samla.requests")
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.addFilter(RedactTokens())
        log.setLevel(logging.INFO)
        log.propagate = False
    return log


def main(argv=None):
    options = parse_options(argv)
    patch_for(options.async_mode)
    raise_open_files_limit()

    from app import create_app
    from app.exports import worker
    from app.realtime import collector
    from app.realtime.server import socketio

    public_url = public_url_for(options)
    app = create_app({**settings.from_options(options), "PUBLIC_URL": public_url})
    worker.warm_up()
    announce(app, public_url)
    collector.start(socketio)
    extra = {}
    if options.async_mode == "eventlet":
        extra["max_size"] = MAX_CONNECTIONS
        # A connection that sends nothing for this long is closed: half-sent headers are
        # not held forever. Live websockets answer the server's pings every 25 s.
        extra["socket_timeout"] = options.header_timeout
        extra["log"] = request_log()
    elif options.async_mode == "threading":
        from werkzeug.serving import WSGIRequestHandler

        class TimedRequestHandler(WSGIRequestHandler):
            timeout = options.header_timeout

        extra["allow_unsafe_werkzeug"] = True
        extra["request_handler"] = TimedRequestHandler
        logging.getLogger("werkzeug").addFilter(RedactTokens())
        if not options.log_requests:
            logging.getLogger("werkzeug").setLevel(logging.WARNING)
    socketio.run(
        app,
        host=options.host,
        port=options.port,
        log_output=options.log_requests,
        use_reloader=False,
        **extra,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
