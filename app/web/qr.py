"""QR codes of join addresses, as SVG for pages and as text for the terminal (the table
cards' PDF draws its own in the worker, with the same settings)."""

import functools
import io

import qrcode
import qrcode.image.svg

from app.exports.qrcodes import BORDER, CORRECTION


@functools.lru_cache(maxsize=512)
def svg(url):
    """An SVG QR code of `url` that scales to any size."""
    image = qrcode.make(
        url,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=CORRECTION,
        border=BORDER,
    )
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()


def terminal(url):
    """The QR code of `url` drawn with block characters for a terminal."""
    code = qrcode.QRCode(border=1, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(url)
    buffer = io.StringIO()
    code.print_ascii(out=buffer, invert=True)
    return buffer.getvalue()
