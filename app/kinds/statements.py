"""`statements`: each table writes statements, up to an optional quota per table."""

from app.errors import SamlaError
from app.kinds.options import positive_int

NAME = "statements"
TAKES_ENTRIES = True
MAX_LENGTH = 2000


def options(raw):
    """Validate the kind's options; `per_table` omitted or null means no quota."""
    per_table = raw.get("per_table")
    if per_table is not None:
        per_table = positive_int(per_table, "per_table")
    return {"per_table": per_table}


def remaining(options, own_count, table_count):
    if options["per_table"] is None:
        return None
    return max(options["per_table"] - table_count, 0)


def check_quota(options, own_count, table_count):
    """Refuse a statement once the table has used its quota."""
    if options["per_table"] is not None and table_count >= options["per_table"]:
        raise SamlaError("quota_used", limit=options["per_table"])
