"""Start Samla: `samla [--host H] [--port P] [--data DIR] [--public-url URL] [--open] ...`.

The installed package's command (`samla`, or `python -m samla`) and the repository's
`python run.py` are this module. It parses the options, patches the standard library
for the async mode, picks the join address, builds the app and serves.
"""

import argparse
import logging
import os
import re
import socket
import sys
import threading
import time
import webbrowser

# Only these two modules: importing the app must wait until the async mode has patched.
from app import __version__, settings

# eventlet's WSGI server accepts 1,024 connections unless told otherwise; a
# national gathering has more phones than that.
MAX_CONNECTIONS = 10_000
# macOS refuses a soft open-files limit above this even when the hard one is unlimited.
MACOS_OPEN_MAX = 10_240


def parse_options(argv=None, environ=None):
    """The command line over the environment over the defaults, all from app/settings.py."""
    parser = argparse.ArgumentParser(
        prog="samla", description="Samla: live gatherings on phones and projector."
    )
    parser.add_argument("--version", action="version", version=f"Samla {__version__}")
    settings.add_options(parser, environ)
    return parser.parse_args(argv)


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
    """Every phone holds a socket; lift the soft open-files limit (often 1,024, 256 on
    macOS) to fit them. Windows has no such limit and no `resource` module."""
    try:
        import resource
    except ImportError:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    for limit in (target, min(target, MACOS_OPEN_MAX)):
        if soft >= limit:
            return soft
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (limit, hard))
            return limit
        except (ValueError, OSError):
            continue
    return soft


def join_address(options):
    """The address in the QR codes: None when --public-url fixes it, the host when Samla
    listens on one address only, else the likeliest of the machine's (app/addresses.py)."""
    from app import addresses

    if options.public_url:
        return None
    if options.host not in ("0.0.0.0", "::", ""):
        return options.host
    return addresses.likeliest(addresses.machine_interfaces(), addresses.route_address())


def organiser_key_line(app):
    """The organiser token itself only at the first start, when it was just made; after
    that, where to find it (a terminal's scrollback and logs are read by others)."""
    if app.config.get("ADMIN_TOKEN_CREATED"):
        return f"  Arrangørnøkkel:       {app.config['ADMIN_TOKEN']} (vises bare denne gangen)"
    if app.config.get("ADMIN_TOKEN_FILE"):
        return f"  Arrangørnøkkel:       i {app.config['ADMIN_TOKEN_FILE']}"
    return "  Arrangørnøkkel:       den i SAMLA_ADMIN_TOKEN"


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


def announce(app, found):
    """What the organiser needs at start, in Norwegian; `found` is the machine's addresses."""
    from app import addresses
    from app.web import qr

    public_url = app.config["PUBLIC_URL"]
    join_url = f"{public_url}/j"
    lines = [
        f"\nSamla {__version__} kjører.",
        f"  Konsoll for arrangør: {public_url}/console",
        organiser_key_line(app),
        f"  Bli med (telefon):    {join_url}",
        f"  Data:                 {os.path.abspath(app.config['DATA_DIR'])}",
    ]
    if not app.config["PUBLIC_URL_FIXED"] and found:
        others = ", ".join(f"{item['address']} ({item['interface']})" for item in found)
        lines.append(f"  Maskinens adresser:   {others} (velg en annen i konsollet)")
    if addresses.is_loopback_url(public_url):
        lines.append(
            "  ADVARSEL: ingen telefon kan nå denne adressen. Koble maskinen til nettet"
            " telefonene bruker, og velg adressen i konsollet."
        )
    print("\n".join(lines) + "\n", flush=True)
    print(qr.terminal(join_url), flush=True)


def open_when_listening(url, host, port, timeout=20):
    """Open `url` in the default browser once the server accepts connections."""
    probe_host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((probe_host, port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    webbrowser.open(url)


def readable_output(stream):
    """Replace what the terminal cannot show (a Windows code page and the QR's blocks)
    instead of failing on it."""
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="replace")


def main(argv=None):
    readable_output(sys.stdout)
    options = parse_options(argv)
    patch_for(options.async_mode)
    raise_open_files_limit()

    from app import addresses, create_app
    from app.realtime import collector
    from app.realtime.server import socketio

    address = join_address(options)
    app = create_app({**settings.from_options(options), "JOIN_ADDRESS": address})
    announce(app, addresses.scan())
    collector.start(socketio)
    if options.open:
        threading.Thread(
            target=open_when_listening,
            args=(f"{app.config['PUBLIC_URL']}/console", options.host, options.port),
            daemon=True,
        ).start()
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
