"""The one error type that the domain raises and both front doors turn into answers."""

HTTP_STATUS = {
    "bad_request": 400,
    "invalid_definition": 400,
    "empty_text": 400,
    "text_too_long": 400,
    "bad_characters": 400,
    "unauthorized": 401,
    "forbidden": 403,
    "unknown_participant": 401,
    "not_found": 404,
    "too_large": 413,
    "unknown_activity": 404,
    "unknown_code": 404,
    "unknown_table": 404,
    "unknown_template": 404,
    "unknown_entry": 404,
    "wrong_gathering": 409,
    "activity_closed": 409,
    "quota_used": 409,
    "too_many_words": 409,
    "not_your_table": 403,
    "conflict": 409,
    "unknown_point": 404,
    "unknown_item": 400,
    "too_many_dots": 400,
    "too_many_on_item": 400,
    "bad_ranking": 400,
    "activity_has_entries": 409,
    "table_in_use": 409,
    "template_exists": 409,
    "held": 409,
    "invalid_network": 400,
    "unknown_network": 404,
    "invalid_bundle": 400,
    "bundle_too_new": 422,
    "rate_limited": 429,
    "unknown_theme": 404,
    # A fault that passes (a full disk, a locked database): send the same again later.
    "try_again": 503,
    "internal_error": 500,
    "unknown_address": 400,
    "address_fixed": 409,
    "gathering_full": 409,
    "joining_closed": 403,
    "blocked": 403,
    "too_many_questions": 409,
}


class SamlaError(Exception):
    """A refusal with a stable code; `params` fill in the readable message."""

    def __init__(self, code, answer=None, **params):
        super().__init__(code)
        self.code = code
        self.params = params
        # Extra keys for the refusal's answer, e.g. both texts of an edit conflict.
        self.answer = answer or {}

    @property
    def http_status(self):
        return HTTP_STATUS.get(self.code, 400)
