"""QR codes of join addresses: as SVG for pages, as a matrix for the printed table cards and
as text for the terminal."""

import functools
import io

import qrcode
import qrcode.image.svg

# Medium error correction survives a folded or scratched card; two modules of quiet zone.
CORRECTION = qrcode.constants.ERROR_CORRECT_M
BORDER = 2


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


def matrix(url):
    """The QR code of `url` as rows of "1" (dark) and "0", quiet zone included: plain data
    the card renderer draws in the worker process."""
    code = qrcode.QRCode(error_correction=CORRECTION, border=BORDER)
    code.add_data(url)
    code.make(fit=True)
    return ["".join("1" if dark else "0" for dark in row) for row in code.get_matrix()]


def terminal(url):
    """The QR code of `url` drawn with block characters for a terminal."""
    code = qrcode.QRCode(border=1, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(url)
    buffer = io.StringIO()
    code.print_ascii(out=buffer, invert=True)
    return buffer.getvalue()
