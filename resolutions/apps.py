from django.apps import AppConfig
from django.db.backends.signals import connection_created


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = "Security Council resolutions"

    def ready(self) -> None:
        from resolutions.search.postgres import plan_for_memory

        connection_created.connect(plan_for_memory, dispatch_uid="resolutions.plan_for_memory")
        from resolutions.health import checks  # noqa: F401 - registers the system checks
        from resolutions.health.limits import set_limits

        connection_created.connect(set_limits, dispatch_uid="resolutions.health.set_limits")
