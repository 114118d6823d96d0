"""Production: every secret and address comes from the environment.

Importing this module fails with a message naming the first missing variable, so a
misconfigured server never starts half-working.
"""

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASE_CACHE, cache_config, env, env_bool, env_list

REQUIRED = ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "BASE_URL"]


def required(name):
    value = env(name)
    if value is None:
        raise ImproperlyConfigured(
            f"De omgevingsvariabele {name} ontbreekt; de productie-instellingen hebben haar "
            f"nodig (zie README.md, 'Omgevingsvariabelen')."
        )
    return value


for _name in REQUIRED:
    required(_name)
if not (env("EMAIL_URL") or env("EMAIL_HOST")):
    raise ImproperlyConfigured(
        "De omgevingsvariabele EMAIL_URL (of EMAIL_HOST) ontbreekt; zonder mailserver kan "
        "niemand zijn e-mailadres bevestigen."
    )

DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
BASE_URL = required("BASE_URL").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [BASE_URL])

DATABASES = {
    "default": dj_database_url.parse(
        required("DATABASE_URL"), conn_max_age=60, conn_health_checks=True
    )
}

# Without Redis, the database cache: shared by every worker, unlike local memory.
CACHES = cache_config(DATABASE_CACHE)

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def email_config():
    """EMAIL_URL or the separate EMAIL_* variables.

    smtp://user:pass@host:587 (STARTTLS), smtp+ssl://…:465 (TLS from the start),
    smtp+insecure://host:25 (no encryption; a relay on the same machine). Characters such as
    @ # / ? in the user or password are percent-encoded (%40 %23 %2F %3F).
    """
    from urllib.parse import unquote, urlsplit

    url = env("EMAIL_URL")
    if url:
        schemes = {
            "smtp": (True, False),
            "smtp+ssl": (False, True),
            "smtp+insecure": (False, False),
        }
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as error:
            raise ImproperlyConfigured(
                f"EMAIL_URL is geen geldig adres ({error}); codeer bijzondere tekens in de "
                "gebruikersnaam of het wachtwoord als %XX."
            ) from error
        if parts.scheme not in schemes:
            raise ImproperlyConfigured(
                f"EMAIL_URL heeft een onbekend schema '{parts.scheme}'; "
                "gebruik smtp://, smtp+ssl:// of smtp+insecure://."
            )
        if not parts.hostname:
            raise ImproperlyConfigured("EMAIL_URL noemt geen mailserver (smtp://host:587).")
        use_tls, use_ssl = schemes[parts.scheme]
        return {
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": port or (465 if use_ssl else 587),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": use_tls,
            "EMAIL_USE_SSL": use_ssl,
        }
    return {
        "EMAIL_HOST": env("EMAIL_HOST"),
        "EMAIL_PORT": int(env("EMAIL_PORT", "587")),
        "EMAIL_HOST_USER": env("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": env("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS", True),
        "EMAIL_USE_SSL": env_bool("EMAIL_USE_SSL", False),
    }


# What the outbox sends with; EMAIL_BACKEND (base) queues every mail in the outbox.
OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
globals().update(email_config())

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True

# --- Cookies (trust)
# __Host-: a browser keeps such a cookie only if it came over HTTPS, for this host alone (no
# Domain) and every path, so neither a sibling subdomain nor a plain-HTTP answer can set or
# overwrite the session or the CSRF token. Lax: sent on a link from elsewhere, not on
# another site's POST. Only here: browsers refuse the prefix over plain HTTP (dev, tests).
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
SESSION_COOKIE_DOMAIN = CSRF_COOKIE_DOMAIN = None
SESSION_COOKIE_PATH = CSRF_COOKIE_PATH = "/"
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
LEERHUIS_ADMIN_MFA_EXEMPT = []

MEDIA_ROOT = env("MEDIA_ROOT", str(MEDIA_ROOT))  # noqa: F405
