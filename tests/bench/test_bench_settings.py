"""`make bench` (issue 21): the benchmark's settings, and the ceiling that exists only there."""

import importlib

import pytest
from django.conf import settings
from django.test import override_settings

from leerhuis.bench.middleware import HEADER, QueryCountMiddleware
from leerhuis.bench.urls import CEILING_PATH
from leerhuis.settings import base


def test_bench_settings_are_production_like_and_alone_in_installing_the_bench_app():
    bench = importlib.import_module("leerhuis.settings.bench")
    assert bench.DEBUG is False
    assert bench.ROOT_URLCONF == "leerhuis.bench.urls"
    assert "leerhuis.bench" in bench.INSTALLED_APPS
    assert bench.MIDDLEWARE[0] == "leerhuis.bench.middleware.QueryCountMiddleware"
    assert bench.STORAGES["staticfiles"]["BACKEND"].endswith("ManifestStaticFilesStorage")
    # One cache for both workers, as in production: never each worker's own memory.
    assert "locmem" not in bench.CACHES["default"]["BACKEND"]
    assert bench.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "127.0.0.1" in bench.ALLOWED_HOSTS
    assert bench.ACCOUNT_RATE_LIMITS is False
    assert bench.LEERHUIS_RATE_LIMIT_FACTOR >= 1000
    assert "leerhuis.bench" not in base.INSTALLED_APPS
    assert "leerhuis.bench" not in settings.INSTALLED_APPS


@pytest.mark.django_db
def test_the_site_has_no_ceiling_view(client):
    assert client.get(CEILING_PATH).status_code == 404


@pytest.mark.django_db
def test_the_bench_urls_serve_the_ceiling_uncached_with_the_query_count(client):
    middleware = ["leerhuis.bench.middleware.QueryCountMiddleware", *settings.MIDDLEWARE]
    with override_settings(ROOT_URLCONF="leerhuis.bench.urls", MIDDLEWARE=middleware):
        response = client.get(CEILING_PATH)
        home = client.get("/")
    assert response.status_code == 200
    assert response.content == b"plafond\n"
    assert "no-cache" in response["Cache-Control"]
    assert response[HEADER] == "0"
    # The site's own pages are still there, and say what they cost.
    assert home.status_code == 200
    assert int(home[HEADER]) > 0


@pytest.mark.django_db
def test_the_query_count_counts_each_request_alone(rf):
    from django.contrib.auth import get_user_model

    def two_queries(request):
        from django.http import HttpResponse

        get_user_model().objects.count()
        get_user_model().objects.exists()
        return HttpResponse("")

    middleware = QueryCountMiddleware(two_queries)
    assert middleware(rf.get("/"))[HEADER] == "2"
    assert middleware(rf.get("/"))[HEADER] == "2"
