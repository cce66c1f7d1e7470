"""Samla: a realtime facilitation app for live regional gatherings.

Importing the package stays cheap: the worker process (`python -m app.exports.jobs`) renders
clouds and documents without loading Flask or Socket.IO.
"""

# The one place the version is written: pyproject.toml reads it from here for the package,
# /healthz and the screens' state show it.
__version__ = "1.0.0"


def __getattr__(name):
    """`app.socketio` is the process's Socket.IO server, created on first use."""
    if name == "socketio":
        from app.realtime.server import socketio

        return socketio
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def create_app(config=None):
    """Build the Flask app; `config` overrides what the environment says."""

    from app import settings, store
    from app.realtime import broadcasts, events, server, timers
    from app.realtime.server import socketio
    from app.web import (
        api,
        auth,
        compression,
        console_api,
        minutes_api,
        pages,
        ratelimits,
        security,
        translation,
    )

    app = server.EventFlask(
        __name__,
        static_folder=str(settings.SHIPPED / "static"),
        template_folder=str(settings.SHIPPED / "templates"),
    )
    app.config.from_mapping(settings.from_environment())
    if config:
        app.config.update(config)
    settings.prepare(app)

    store.init_app(app)
    auth.init_app(app)
    translation.init_app(app)
    broadcasts.init_app(app)
    timers.init_app(app)
    security.init_app(app)
    ratelimits.init_app(app)
    compression.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(minutes_api.bp)
    app.register_blueprint(console_api.bp)

    server.init_app(app)
    socketio.init_app(
        app,
        async_mode=app.config["ASYNC_MODE"],
        cors_allowed_origins=app.config["CORS_ALLOWED_ORIGINS"],
        max_http_buffer_size=security.MAX_SOCKET_MESSAGE,
        # Several processes share their broadcasts through Redis (docs/SCALING.md).
        **server.manager_options(app.config.get("MESSAGE_QUEUE")),
    )
    events.register(socketio)
    ratelimits.trust_proxies(app)
    timers.resume(app)
    return app
