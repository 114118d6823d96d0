"""Production settings: refuse to start half-configured, and pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "leerhuis.settings.production",
    "SECRET_KEY": "prod-test-" + "k3y" * 20,
    "ALLOWED_HOSTS": "leerhuis.example",
    "BASE_URL": "https://leerhuis.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "EMAIL_URL": "smtp://user:geheim@mail.leerhuis.example:587",
}


def run_django(code, env):
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **env}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "BASE_URL"])
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_django("", env)
    assert result.returncode != 0
    assert f"De omgevingsvariabele {missing} ontbreekt" in result.stderr


def test_production_refuses_to_start_without_a_mail_server():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "EMAIL_URL"}
    result = run_django("", env)
    assert result.returncode != 0
    assert "EMAIL_URL" in result.stderr


def test_production_reads_everything_from_the_environment():
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.EMAIL_HOST, "
        "s.EMAIL_PORT, s.EMAIL_HOST_PASSWORD, s.CACHES['default']['BACKEND'], "
        "s.WAGTAILADMIN_BASE_URL, s.TASKS['default']['BACKEND'], s.LEERHUIS_ADMIN_MFA_EXEMPT)"
    )
    result = run_django(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "['leerhuis.example']",
        "django.db.backends.postgresql",
        "mail.leerhuis.example",
        "587",
        "geheim",
        "django.core.cache.backends.db.DatabaseCache",  # shared by every worker, unlike locmem
        "https://leerhuis.example",
        "django_tasks_db.DatabaseBackend",
        "[]",  # nobody skips MFA for the admin in production
    ]


def test_the_database_cache_keeps_more_than_an_hour_of_pages_and_sessions():
    """Django culls its database cache at 300 entries by default: a third of the stored
    pages and sessions would go each time a busy site passed that."""
    code = "from django.conf import settings as s; print(s.CACHES['default']['OPTIONS'])"
    result = run_django(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "'MAX_ENTRIES': 20000" in result.stdout


def test_production_uses_redis_when_given():
    code = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])"
    result = run_django(code, {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/3"})
    assert result.stdout.strip() == "leerhuis.core.cache_backends.ResilientRedisCache"


def test_check_deploy_is_clean_on_production_settings():
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **PRODUCTION_ENV}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_dev_settings_need_no_environment():
    result = run_django(
        "from django.conf import settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])",
        {"DJANGO_SETTINGS_MODULE": "leerhuis.settings.dev"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "django.db.backends.sqlite3"]


EMAIL_CODE = (
    "from django.conf import settings as s; "
    "print(s.EMAIL_HOST, s.EMAIL_PORT, repr(s.EMAIL_HOST_PASSWORD), "
    "s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)"
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://u:pa%23ss%2F1@mail.example:2525", "mail.example 2525 'pa#ss/1' True False"),
        ("smtp+ssl://u:x@mail.example", "mail.example 465 'x' False True"),
        ("smtp+insecure://localhost:25", "localhost 25 '' False False"),
    ],
)
def test_email_url_forms(url, expected):
    result = run_django(EMAIL_CODE, {**PRODUCTION_ENV, "EMAIL_URL": url})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("smtp://u:pa#ss@mail.example:587", "EMAIL_URL is geen geldig adres"),
        ("smtp://", "EMAIL_URL noemt geen mailserver"),
        ("imap://mail.example", "onbekend schema 'imap'"),
    ],
)
def test_a_broken_email_url_is_named_at_start(url, message):
    result = run_django("", {**PRODUCTION_ENV, "EMAIL_URL": url})
    assert result.returncode != 0
    assert message in result.stderr
