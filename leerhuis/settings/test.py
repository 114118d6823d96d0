"""Settings for the test suite (pytest-django)."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, cache_config, database_config

DEBUG = False
SECRET_KEY = "test-only-not-secret-3c9b1e7f0a2d4e6c8b0a1f3e5d7c9b1a"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = BASE_URL

# Live-server (browser) tests need a file database that the server thread shares.
DATABASES = {"default": database_config(BASE_DIR / ".pytest-db.sqlite3")}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".pytest-db-{os.getpid()}.sqlite3")}

CACHES = cache_config({"BACKEND": "django.core.cache.backends.locmem.LocMemCache"})
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Delivered mails land in django.core.mail.outbox; EMAIL_BACKEND (base) is the outbox.
OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    # Documents are sent from disk (sendfile), so they need real files: one folder per run.
    "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BASE_DIR / f".pytest-documents-{os.getpid()}"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Serve static files from the apps while developing and testing; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
