"""Test-run defaults, loaded by pytest (``-p archive_site.pytest_plugin`` in pyproject.toml)
before pytest-django reads the settings.

Tests run with the development defaults (``DJANGO_DEBUG=1``: no secret key needed, plain
static storage); Django's test runner still renders pages with ``DEBUG = False``. Anything set
in the environment wins.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
