"""``/healthz``: the database's state for load balancers and operators.

200 ``{"status": "ok", "database": "ok"}`` when the database is reachable and migrated;
503 with ``Retry-After`` and ``"database": "unavailable"`` or ``"not migrated"`` otherwise.
The detail (which names files and hosts) goes to the operator's log, never to the public.
"""

import logging

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from resolutions.health.middleware import RETRY_AFTER_SECONDS
from resolutions.health.state import database_state

logger = logging.getLogger("resolutions.health")


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    state = database_state()
    response = JsonResponse(
        {"status": "ok" if state.ok else "unavailable", "database": state.status},
        status=200 if state.ok else 503,
    )
    if not state.ok:
        logger.error("healthz: %s", state.detail)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
