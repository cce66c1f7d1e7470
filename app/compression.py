"""Compressed text responses: the phone page must load fast over a weak venue network.

Flask-Compress gzips pages, scripts, styles, JSON and SVG when the browser asks for it
(every browser does); PNG clouds and fonts are left alone. Socket.IO's own transport
has its own framing and is not touched.
"""

from flask_compress import Compress

MIMETYPES = [
    "text/html", "text/css", "text/javascript", "application/javascript",
    "application/json", "image/svg+xml", "text/plain", "text/markdown",
]


def init_app(app):
    app.config.setdefault("COMPRESS_MIMETYPES", MIMETYPES)
    # gzip everywhere: a weak phone decodes it fastest, and every browser offers it.
    app.config.setdefault("COMPRESS_ALGORITHM", ["gzip"])
    app.config.setdefault("COMPRESS_LEVEL", 6)
    app.config.setdefault("COMPRESS_MIN_SIZE", 500)
    Compress(app)
