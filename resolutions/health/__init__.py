"""The archive's own account of its database: is it there, reachable and migrated?

What comes in: the request, and the database connection. What goes out: the state of the
database (:func:`database_state`), for ``/healthz`` (load balancers, operators) and for the
"temporarily unavailable" page that replaces Django's bare 500 when the database is away
(:class:`~resolutions.health.middleware.DatabaseUnavailableMiddleware`): 503 with
``Retry-After``, JSON for JSON clients, and a log line naming what is wrong. Connections that
failed are closed, so the archive recovers by itself when the database returns.
"""

from resolutions.health.state import DatabaseState, database_state

__all__ = ["DatabaseState", "database_state"]
