"""``/healthz``: the database's state for load balancers and operators.

200 ``{"status": "ok", "database": "ok", ...}`` when the database is reachable and migrated;
503 with ``Retry-After`` otherwise, the detail naming what is wrong.
"""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from resolutions.health.middleware import RETRY_AFTER_SECONDS
from resolutions.health.state import database_state


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    state = database_state()
    response = JsonResponse(
        {
            "status": "ok" if state.ok else "unavailable",
            "database": state.status,
            "detail": state.detail,
        },
        status=200 if state.ok else 503,
    )
    if not state.ok:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
