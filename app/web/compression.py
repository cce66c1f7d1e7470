"""Compressed text responses: the phone page must load fast over a weak venue network.

Flask-Compress compresses pages, scripts, styles, JSON and SVG with the best encoding the
browser offers (zstd, brotli or gzip; every browser offers one); PNG clouds and fonts are
left alone. Socket.IO's own transport
has its own framing and is not touched.
"""

from flask_compress import Compress

MIMETYPES = [
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "text/plain",
    "text/markdown",
]


def init_app(app):
    app.config.setdefault("COMPRESS_MIMETYPES", MIMETYPES)
    app.config.setdefault("COMPRESS_LEVEL", 6)
    app.config.setdefault("COMPRESS_MIN_SIZE", 500)
    Compress(app)
