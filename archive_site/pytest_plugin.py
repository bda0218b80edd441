"""Test-run defaults, loaded by pytest (``-p archive_site.pytest_plugin`` in pyproject.toml)
before pytest-django reads the settings.

Tests run with the development defaults (``DJANGO_DEBUG=1``: no secret key needed, plain
static storage); Django's test runner still renders pages with ``DEBUG = False``. Anything set
in the environment wins.
"""

import os
import tempfile

os.environ.setdefault("DJANGO_DEBUG", "1")
# `manage.py ingest` rewrites the bulk download: in tests, into a folder of their own.
os.environ.setdefault("DJANGO_BULK_DIR", tempfile.mkdtemp(prefix="archive-bulk-"))
