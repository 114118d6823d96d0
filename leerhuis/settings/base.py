"""Settings shared by every environment.

Everything that differs between machines comes from the environment; see the table in
README.md. `dev` runs without any variable set, `production` refuses to start without the
required ones.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "leerhuis"


def env(name, default=None):
    value = os.environ.get(name, "")
    return value if value != "" else default


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name, default=()):
    value = env(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
BASE_URL = env("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    "members",
    "leerhuis.core",
    "glossary",
    "events",
    "leerhuis.knowledge",
    "leerhuis.community",
    "leerhuis.staff",
    "leerhuis.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "members.users_app.LeerhuisUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # allauth.usersessions shows "3 minuten geleden"
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache and WhiteNoise: every response, stored or static, gets them.
    "leerhuis.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, auth and CSRF: a stored anonymous page returns without them, with the
    # headers the middleware below gave it (leerhuis/core/page_cache.py).
    "leerhuis.core.page_cache.PageCacheMiddleware",
    "leerhuis.core.middleware.SiteCSPMiddleware",
    # Inside the headers and the CSP, so its 400 and 405 pages carry them too.
    "leerhuis.core.bad_input.BadInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Logs every 403 and 429 (members/security_log.py), whichever view or middleware answered.
    "members.security_log.SecurityLogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Ends a login after its idle or absolute limit (leerhuis/settings/security.py);
    # first, so an ended session's device row is not brought up to date only to go.
    "members.session_expiry.SessionExpiryMiddleware",
    # Keeps allauth's row per session (deleting an account or "log out elsewhere" ends them)
    # up to date with when and where it was last seen, at most every few minutes.
    "members.sessions.SessionActivityMiddleware",
    "members.middleware.StaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "leerhuis.urls"
WSGI_APPLICATION = "leerhuis.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
# SQLite by default; DATABASE_URL (postgres://…) switches to PostgreSQL.
SQLITE_OPTIONS = {
    # Concurrent writers queue instead of failing with "database is locked".
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def database_config(default_sqlite_path):
    url = env("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": default_sqlite_path,
        "OPTIONS": dict(SQLITE_OPTIONS),
    }


DATABASES = {"default": database_config(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ----------------------------------------------------------------
# Rate limits and cache invalidation need one cache for every worker: Redis when
# REDIS_URL is set; the settings modules choose the fallback.
REDIS_URL = env("REDIS_URL")


def cache_config(fallback):
    if REDIS_URL:
        return {
            "default": {
                # Django's Redis backend, with an outage a miss instead of a 500.
                "BACKEND": "leerhuis.core.cache_backends.ResilientRedisCache",
                "LOCATION": REDIS_URL,
                "KEY_PREFIX": env("CACHE_KEY_PREFIX", "leerhuis"),
                # A Redis that hangs costs a request a second, not a worker.
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            }
        }
    return {"default": fallback}


CACHES = cache_config({"BACKEND": "django.core.cache.backends.locmem.LocMemCache"})
# Without Redis, production-like settings share the database cache. Django culls it at 300
# entries unless told otherwise: far fewer than the stored pages, sessions and counters of
# one busy hour, so pages and sessions would be thrown out as fast as they are stored.
DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "leerhuis_cache",
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Anonymous pages are stored whole for at most this long (0 switches the page cache off);
# any content change makes them count no more at once (leerhuis/core/page_cache.py).
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
# Never stored: the admin, accounts, personal pages, documents (their own access check).
PAGE_CACHE_EXCLUDE = ["/admin/", "/accounts/", "/mijn-leerhuis/", "/documenten/"]
# What a page may answer besides HTML, chosen by the Accept header (a begrip: Turtle or
# JSON-LD); the page cache keeps one entry per type, whatever else a client's header says.
PAGE_CACHE_NEGOTIATED_TYPES = ["text/html", "text/turtle", "application/ld+json"]

# --- Accounts ---------------------------------------------------------------------------
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_MAX_EMAIL_ADDRESSES = 2
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupForm"
ACCOUNT_FORMS = {
    "signup": "members.signup.WorkAddressSignupForm",
    "add_email": "members.signup.WorkAddressChangeForm",
}
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Digitale Leerhuis] "
# Mail the owner when a password, email address or authenticator changes: whoever knows a
# staff password could otherwise enrol their own authenticator unnoticed.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# allauth's own defaults, written out so the policy is visible in one place.
ACCOUNT_RATE_LIMITS = {
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    "signup": "20/m/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Digitale Leerhuis"

# --- abuse limits (trust)
# Behind a reverse proxy every request comes from the proxy; rate limits must key on the
# visitor it reports (members/client_ip.py). Either the number of proxies of our own that
# append to X-Forwarded-For (nginx with `proxy_add_x_forwarded_for`: 1), or the header one
# proxy sets itself (`X-Real-IP`). Neither by default: a header nobody controls would let
# anyone choose their own bucket. README.md, "Naar productie".
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("TRUSTED_CLIENT_IP_HEADER")

# Staff reach /admin/ only after an MFA step in this session (members.middleware).
# The exemption list is honoured only while DEBUG is on (dev's demo editor).
LEERHUIS_ADMIN_MFA_EXEMPT = []

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Digitale Leerhuis"
WAGTAIL_I18N_ENABLED = False
WAGTAIL_FINISH_WORKFLOW_ACTION = "leerhuis.core.approval.publish_approved"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
# Passwords and email addresses change through allauth only (verification, affiliation).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
# No third-party requests, also not from the admin: no Gravatar, no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# PostgreSQL stems Dutch ("vergaderingen" finds "vergadering"); SQLite's FTS has no stemmer
# and ignores the setting. A changed config needs `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
}
WAGTAILDOCS_DOCUMENT_MODEL = "core.LeerhuisDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "leerhuis.core.forms.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Background tasks -------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Events -----------------------------------------------------------------------------
# Dietary and accessibility answers are deleted this many days after a meeting ends
# (manage.py apply_retention, daily from cron).
EVENTS_ANSWERS_RETENTION_DAYS = int(env("EVENTS_ANSWERS_RETENTION_DAYS", "30"))

# --- Retention (trust)
# Days each kind of data stays: /privacy/ shows them (leerhuis/core/privacy_register.py),
# `manage.py apply_retention` applies them; the README says what each one covers.
OUTBOX_RETENTION_DAYS = int(env("OUTBOX_RETENTION_DAYS", "90"))
AUDIT_LOG_RETENTION_DAYS = int(env("AUDIT_LOG_RETENTION_DAYS", "730"))
INVITATION_RETENTION_DAYS = int(env("INVITATION_RETENTION_DAYS", "90"))
# Applied outside the app: the host's log rotation, and the backup routine.
SECURITY_LOG_RETENTION_DAYS = int(env("SECURITY_LOG_RETENTION_DAYS", "90"))
BACKUP_RETENTION_DAYS = int(env("BACKUP_RETENTION_DAYS", "35"))
# A public page on reporting vulnerabilities: the Policy of /.well-known/security.txt.
SECURITY_POLICY_URL = env("SECURITY_POLICY_URL")

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# The admin speaks Dutch unless a staff member picks English under "Account" (Wagtail's
# own screens and our labels, locale/en); the public site is Dutch only.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

# --- Static and media -------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
# Documents live outside MEDIA_ROOT: no web server or proxy serves them directly, only
# /documenten/…, which applies the access policy. On S3 this is a private bucket.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/documenten/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Uploads (trust)
# Documents editors may upload, each checked by its content; leerhuis/core/uploads.py says
# why these types (no HTML, SVG, scripts or archives) and fixes the Content-Type of each.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"]
WAGTAILDOCS_EXTENSIONS += ["mp4", "webm", "vtt"]  # a video block's file and its captions
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every document downloads; <video> still plays it
# Only a video may be this large (the proxy's body limit must allow it).
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
LEERHUIS_DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Willow must open an image as its extension's format; no SVG (may carry script), no HEIC.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # all frames together: no decompression bombs
# One access policy, the visibility field: no password shared by mail for pages or documents.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

# --- Email ------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Digitale Leerhuis <noreply@leerhuis.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# --- Mail through the outbox (trust)
# Every mail, allauth's and Wagtail's too, is written to the outbox and sent by a task, so
# a mail server that is down fails no request (leerhuis.core.mail_backend); only the
# outbox's delivery uses the real transport: the one named just above.
OUTBOX_EMAIL_BACKEND = EMAIL_BACKEND
EMAIL_BACKEND = "leerhuis.core.mail_backend.OutboxEmailBackend"

# --- Security headers ------------------------------------------------------------------
# CSP, Permissions-Policy and the other browser-facing headers, and how long a login lasts.
from .security import *  # noqa: E402, F403

# The contact for /.well-known/security.txt (RFC 9116).
SECURITY_CONTACT = env("SECURITY_CONTACT", "mailto:security@leerhuis.example")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per task run and per page save is noise, not news.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
