"""Small validators shared by the kinds' option parsers."""

from flask_babel import lazy_gettext as _l

from app.errors import SamlaError


def positive_int(value, name, maximum=1000):
    """`value` as an int between 1 and `maximum`, or an invalid_definition error."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
        raise SamlaError(
            "invalid_definition",
            detail=_l(
                "%(name)s må være et heltall fra 1 til %(maximum)s", name=name, maximum=maximum
            ),
        )
    return value
