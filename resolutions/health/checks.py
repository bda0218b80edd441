"""System checks: a mistyped SQLite path stops ``runserver``, ``ingest`` and the rest with a
message, before any page is served from an empty archive. (``migrate`` creates the file
before its checks run: resolutions/management/commands/migrate.py.)"""

from django.core import checks

from resolutions.health.state import missing_sqlite_file


@checks.register()
def sqlite_file_exists(app_configs=None, **kwargs) -> list[checks.Error]:
    missing = missing_sqlite_file()
    return [checks.Error(missing, id="resolutions.E001")] if missing else []
