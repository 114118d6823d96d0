"""`make bench`: production-like settings for measuring (leerhuis/bench).

DEBUG off, the manifest static files that whitenoise serves in production (uncompressed),
the database cache (or Redis when REDIS_URL is set), the database task backend, and no rate
limit in the way of a load that comes from one address. Only here: the bench app, with the
ceiling view and the header that counts each request's queries. Everything lives in
LEERHUIS_BENCH_DIR, a temporary folder of the run (python -m leerhuis.bench makes it).
"""

import tempfile
from pathlib import Path

import dj_database_url

from .base import *  # noqa: F403
from .base import (
    DATABASE_CACHE,
    INSTALLED_APPS,
    MIDDLEWARE,
    SQLITE_OPTIONS,
    STORAGES,
    cache_config,
    env,
)

BENCH_DIR = Path(env("LEERHUIS_BENCH_DIR", str(Path(tempfile.gettempdir()) / "leerhuis-bench")))

DEBUG = False
# Sessions made by `bench_plan` are signed with this key; every process of a run shares it.
SECRET_KEY = env("SECRET_KEY", "bench-only-not-secret-8d2c4f6a1b3e5d7f9a0c2e4b6d8f0a1c")
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
BASE_URL = env("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

# PostgreSQL (a database of its own, made fresh by the runner) when DATABASE_URL is set;
# else a SQLite file in the run's folder. Connections are kept, as in production.
if env("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            env("DATABASE_URL"), conn_max_age=60, conn_health_checks=True
        )
    }
    DATABASES["default"]["NAME"] = env("BENCH_DATABASE_NAME", "leerhuis_bench")
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BENCH_DIR / "bench.sqlite3",
            "OPTIONS": dict(SQLITE_OPTIONS),
            "CONN_MAX_AGE": 60,
        }
    }

# As production: one cache for every worker. The prefix carries the run, so a shared Redis
# never serves one run's pages or sessions to the next and needs no flush.
CACHES = cache_config(DATABASE_CACHE)
CACHES["default"]["KEY_PREFIX"] = f"leerhuis-bench-{env('LEERHUIS_BENCH_RUN', '0')}"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

STATIC_ROOT = BENCH_DIR / "static"
MEDIA_ROOT = BENCH_DIR / "media"
PRIVATE_MEDIA_ROOT = BENCH_DIR / "private-media"
STORAGES = {
    **STORAGES,
    "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/documenten/"},
    },
    # Hashed names as in production; not compressed: the load never fetches a static file,
    # and gzip plus brotli of every file would only make collectstatic the slowest step.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

# The load comes from one address and a handful of accounts: allauth's limits and the
# site's own (leerhuis.core.ratelimit) would answer 429 to the benchmark, not to abuse.
ACCOUNT_RATE_LIMITS = False
LEERHUIS_RATE_LIMIT_FACTOR = 10_000

INSTALLED_APPS = [*INSTALLED_APPS, "leerhuis.bench"]
# Outermost, so the count includes what every other middleware asks of the database.
MIDDLEWARE = ["leerhuis.bench.middleware.QueryCountMiddleware", *MIDDLEWARE]
ROOT_URLCONF = "leerhuis.bench.urls"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
