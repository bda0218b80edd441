"""Reads from PostgreSQL read replicas, writes (and ingest) on the primary.

Configured by ``DATABASE_REPLICA_URLS`` (comma-separated; see docs/DEPLOYMENT.md): each URL
becomes a database alias ``replica1``, ``replica2``... and this router is installed. Without
replicas no router is installed and everything uses ``default``, as before.

Replicas lag the primary by a moment. The archive tolerates that by design: pages are
public, read-only and carry validators computed from the rows they show, so a reader sent to
a replica that has not yet replayed an ingest sees the archive as it was a moment ago, whole.
What must see its own writes is the ingest, and it runs in one transaction on the primary:
while the primary's connection is inside a transaction, reads go to the primary too.

Each request reads from one replica (chosen when its first read is routed, and kept for the
thread until the request ends), so one page never mixes two replicas' moments.

Example::

    DATABASE_REPLICA_URLS=postgres://archive@replica-1:5432/archive,postgres://archive@replica-2:5432/archive
"""

from __future__ import annotations

import random
import threading

from django.core.signals import request_finished
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_PREFIX = "replica"

_pinned = threading.local()


def replica_aliases() -> list[str]:
    return [alias for alias in connections if alias.startswith(REPLICA_PREFIX)]


def _unpin(**kwargs) -> None:
    _pinned.alias = None


request_finished.connect(_unpin, dispatch_uid="archive_site.routers.unpin")


class PrimaryReplicaRouter:
    """Writes and migrations on ``default``; reads on a replica, except inside a transaction
    on the primary (the ingest reads what it has just written)."""

    def db_for_read(self, model, **hints) -> str:
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        alias = getattr(_pinned, "alias", None)
        if alias is None:
            replicas = replica_aliases()
            alias = random.choice(replicas) if replicas else DEFAULT_DB_ALIAS
            _pinned.alias = alias
        return alias

    def db_for_write(self, model, **hints) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == DEFAULT_DB_ALIAS
