"""The anonymous full-page cache (leerhuis/core/page_cache.py): what it serves and what it
never does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_smoke(client, home_page):
    first = client.get("/")
    assert first.status_code == 200
    second = client.get("/")
    third = client.get("/")
    with CaptureQueriesContext(connection) as queries:
        fourth = client.get("/")
    print(first.headers, second.headers.get("X-Cache"), third.headers.get("X-Cache"))
    assert fourth.headers.get("X-Cache") == "hit", [q["sql"] for q in queries]
    assert len(queries) == 0
    assert fourth.content == first.content
