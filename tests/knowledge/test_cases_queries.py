"""Cases cost no query of their own: Mijn Leerhuis asks as often with 20 cases as with one,
the kennisbank as often with 20 cases listed as with one, and a case page as often with
500 cases stored as with 10."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leerhuis.knowledge.models import CasePage
from tests.events_factories import member, themes
from tests.knowledge.case_helpers import decide, draft_case, moderator, submitted_case
from tests.knowledge.helpers import html_of, listed
from tests.knowledge_factories import bulk_articles, kennisbank_page

pytestmark = pytest.mark.django_db


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        html = html_of(client, url)
    return len(queries), html


def some_cases(user, count, editor, offset=0):
    """Cases of `user` in every state: drafts, submitted, changes asked, published."""
    theme = themes("Wonen")[0]
    for n in range(offset, offset + count):
        kind = n % 4
        if kind == 0:
            draft_case(user, theme, title=f"Concept {n}")
            continue
        case = submitted_case(user, theme, title=f"Casus {n}")
        if kind == 2:
            decide(case, editor, "reject", comment="Graag meer over het mandaat.")
        elif kind == 3:
            decide(case, editor, "approve")


def test_mijn_leerhuis_asks_as_many_queries_with_20_cases_as_with_1(client):
    kennisbank_page()
    user, editor = member(), moderator()
    client.force_login(user)
    some_cases(user, 1, editor, offset=3)
    html_of(client, "/mijn-leerhuis/")
    one, html = queries_of(client, "/mijn-leerhuis/")
    assert html.count("Naar de gepubliceerde casus") == 1
    some_cases(user, 19, editor, offset=4)
    twenty, html = queries_of(client, "/mijn-leerhuis/")
    assert html.count("Graag meer over het mandaat.") == 5
    assert one == twenty


def test_the_kennisbank_asks_as_many_queries_with_20_cases_listed_as_with_1(client):
    page = kennisbank_page()
    page.per_page = 20
    page.save()
    editor = moderator()
    decide(submitted_case(member(), title="Casus 0"), editor, "approve")
    html_of(client, "/kennisbank/?type=praktijkcasus")
    one, html = queries_of(client, "/kennisbank/?type=praktijkcasus")
    assert listed(html) == ["Casus 0"]
    for n in range(1, 20):
        decide(submitted_case(member(), title=f"Casus {n}"), editor, "approve")
    twenty, html = queries_of(client, "/kennisbank/?type=praktijkcasus")
    assert len(listed(html)) == 20
    assert one == twenty


def test_a_case_page_asks_as_many_queries_with_500_cases_stored_as_with_10(client):
    kennisbank_page()
    editor = moderator()
    case = decide(submitted_case(member(), themes("Wonen")[0]), editor, "approve")
    for n in range(9):
        draft_case(member(), title=f"Concept {n}")
    html_of(client, case.url)
    few, _html = queries_of(client, case.url)
    bulk_articles(490, model=CasePage, vary=lambda n: {"kind": "praktijkcasus"})
    assert CasePage.objects.count() == 500
    many, _html = queries_of(client, case.url)
    assert few == many
