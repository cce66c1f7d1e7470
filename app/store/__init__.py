"""The only SQL in Samla: the connection, the schema and one module per aggregate.

Callers take a connection from `get_store()` (`.write()` for a transaction, `.read()`
for reads) and pass it to the aggregate's functions: `store.entries.get_entry(db, id)`.
"""

from app.store import (  # noqa: F401
    activities,
    bundles,
    deletion,
    entries,
    gatherings,
    networks,
    notes,
    points,
    schema,
    server_state,
    votes,
    words,
)
from app.store.connection import DATABASE_FILE, Store, get_store, init_app  # noqa: F401
