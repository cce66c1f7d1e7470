"""Small validators shared by the kinds' option parsers."""

from ..errors import SamlaError


def positive_int(value, name, maximum=1000):
    """`value` as an int between 1 and `maximum`, or an invalid_definition error."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
        raise SamlaError(
            "invalid_definition", detail=f"{name} must be a whole number from 1 to {maximum}"
        )
    return value
