"""manage.py migrate -- Django's own, and the one command that creates a SQLite database file.

The settings open SQLite with ``mode=rw`` so that a mistyped DATABASE_URL path never creates
an empty archive (archive_site/database.py); a fresh checkout's ``make run`` begins with
``migrate``, which creates the file here, then migrates as usual.
"""

from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import connections

from archive_site.database import sqlite_path


class Command(DjangoMigrate):
    def execute(self, *args, **options):
        # Before Django's checks, which connect to the database.
        settings_dict = connections[options.get("database") or "default"].settings_dict
        if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
            path = sqlite_path(settings_dict["NAME"])
            if path is not None and not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.touch()
                self.stdout.write(f"Created the SQLite database file {path}")
        connection = connections[options.get("database") or "default"]
        if connection.vendor == "postgresql":  # migrations may run long: no statement timeout
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")
        return super().execute(*args, **options)
