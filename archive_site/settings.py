"""Settings for the archive, driven entirely by environment variables.

Production differs from development only by the environment (see .env.example):
``DATABASE_URL``, ``DJANGO_SECRET_KEY``, ``DJANGO_DEBUG``, ``DJANGO_ALLOWED_HOSTS``.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

from archive_site.database import is_read_only, sqlite_options, sqlite_path

BASE_DIR = Path(__file__).resolve().parent.parent

# A `.env` file in the project (see .env.example; `make run` writes one from it when there is
# none) fills in what the environment does not set: the environment always wins.
load_dotenv(os.environ.get("DJANGO_ENV_FILE", BASE_DIR / ".env"), override=False)


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (see .env.example)."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "resolutions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.common.CommonMiddleware",
    "resolutions.exports.middleware.open_data_cors",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Permissions-Policy, Cache-Control, odd methods, over-long query strings.
    "archive_site.security.SecurityHeadersMiddleware",
    # Last, so it is the first to see a view's exception: database away -> 503 page.
    "resolutions.health.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "archive_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "resolutions.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "archive_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and sqlite_path(
    DATABASES["default"]["NAME"]
):
    # Opened as a URI that never creates the file; read-only when it cannot be written.
    # See archive_site/database.py.
    _sqlite_file = DATABASES["default"]["NAME"]
    DATABASES["default"].update(
        sqlite_options(
            _sqlite_file,
            read_only=is_read_only(Path(_sqlite_file)),
            busy_timeout=float(os.environ.get("DJANGO_DB_BUSY_TIMEOUT", "20")),
        )
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# PostgreSQL read replicas (production at scale, docs/DEPLOYMENT.md): reads go to a replica,
# writes and the ingest to the primary (archive_site/routers.py). Tests mirror them on default.
for _index, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    _replica = dj_database_url.parse(_url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"])
    if _replica["ENGINE"] != DATABASES["default"]["ENGINE"]:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS must name replicas of DATABASE_URL's PostgreSQL database."
        )
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{_index}"] = _replica
DATABASE_ROUTERS = ["archive_site.routers.PrimaryReplicaRouter"] if len(DATABASES) > 1 else []

# A statement (PostgreSQL) or a request's statements (SQLite) past this are stopped, and the
# person gets a clear page (resolutions/health/limits.py); ingest and migrate lift it.
STATEMENT_TIMEOUT_MS = int(os.environ.get("DJANGO_STATEMENT_TIMEOUT_MS", "5000"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
# The interface's words in French and Spanish (locale/, compiled .mo files committed); the pages
# in other languages activate their language (resolutions.views.languages), no middleware:
# English pages stay English whatever the browser asks for, and keep their addresses.
USE_I18N = True
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
# In development, serve straight from static/ with no collectstatic step.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Security settings that `manage.py check --deploy` asks for; HTTPS ones follow DJANGO_SECURE.
SECURE = env_flag("DJANGO_SECURE", default=False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
# Django trusts no X-Forwarded-Proto header: gunicorn sets the request's scheme from it only
# for the proxies in DJANGO_TRUSTED_PROXIES (gunicorn.conf.py).
SECURE_PROXY_SSL_HEADER = None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline script or style anywhere (static/js, static/css); the favicon is a data: URL.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# The public name and canonical origin of the site, used in citations and link previews.
SITE_NAME = "Security Council Trafficking in Persons Archive"
SITE_ORIGIN = os.environ.get("DJANGO_SITE_ORIGIN", "").rstrip("/")

# The bulk download (resolutions.jsonl, manifest.json, SHA256SUMS), rewritten by every ingest.
BULK_EXPORT_DIR = BASE_DIR / os.environ.get("DJANGO_BULK_DIR", "bulk")  # relative: to the project

# Agreed language (resolutions/lineage/): computed by each ingest for what it changed when on
# (the whole corpus adds about 15 s of CPU to `make corpus`); otherwise by `manage.py lineage`.
LINEAGE_AT_INGEST = env_flag("DJANGO_LINEAGE_AT_INGEST", default=True)

# Rendered pages kept per worker, keyed on their validators (resolutions/views/page_cache.py).
PAGE_CACHE = env_flag("DJANGO_PAGE_CACHE", default=not DEBUG)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": None,  # a page stands as long as its validator does
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DJANGO_PAGE_CACHE_ENTRIES", "500"))},
    },
}

# dumpdata/loaddata (the backup) keep timestamps to the microsecond (archive_site/serialization.py).
SERIALIZATION_MODULES = {"json": "archive_site.serialization"}
