"""QR codes of join addresses as a matrix of modules, which the table cards draw in the
worker; and the settings every QR code of Samla's pages shares (app/web/qr.py)."""

import qrcode

# Medium error correction survives a folded or scratched card; two modules of quiet zone.
CORRECTION = qrcode.constants.ERROR_CORRECT_M
BORDER = 2


def matrix(url):
    """The QR code of `url` as rows of "1" (dark) and "0", quiet zone included."""
    code = qrcode.QRCode(error_correction=CORRECTION, border=BORDER)
    code.add_data(url)
    code.make(fit=True)
    return ["".join("1" if dark else "0" for dark in row) for row in code.get_matrix()]
