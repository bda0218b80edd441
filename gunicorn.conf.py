"""gunicorn's settings for the archive, read from the working directory by
``gunicorn archive_site.wsgi`` (production differs only by environment variables).

* Request lines up to gunicorn's largest limit (8190 bytes, default 4094), so a long search
  reaches the archive, which answers it with its own page and message; only a line longer
  than that still gets gunicorn's bare 414.
* ``X-Forwarded-Proto`` is believed only from the proxies listed in ``DJANGO_TRUSTED_PROXIES``
  (default: this machine), and sets the request's scheme; Django itself trusts no header.
* No ``Server: gunicorn`` header: it tells an attacker what to try, and a reader nothing.
* Workers and their timeout: ``WEB_CONCURRENCY`` (default 2 per core + 1), 30 s, so a worker
  stuck on a request is replaced; statements themselves are bounded sooner (settings).
"""

import multiprocessing
import os

from gunicorn.http import wsgi

wsgi_app = "archive_site.wsgi"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
timeout = 30
graceful_timeout = 20
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
forwarded_allow_ips = os.environ.get("DJANGO_TRUSTED_PROXIES", "127.0.0.1,::1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"

_default_headers = wsgi.Response.default_headers


def _without_server(self):
    return [line for line in _default_headers(self) if not line.lower().startswith("server:")]


wsgi.Response.default_headers = _without_server
