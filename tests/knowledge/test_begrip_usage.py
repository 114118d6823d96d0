"""A begrip's page lists the articles that name it ("waar gebruikt"), as far as the visitor
may read them: the glossary finds them in Wagtail's reference index, without knowing the
kennisbank."""

import pytest

from leerhuis.knowledge.models import ArticleBegrip
from members.access import Visibility
from tests.events_factories import member
from tests.glossary_factories import begrip
from tests.knowledge.helpers import html_of
from tests.knowledge_factories import article

pytestmark = pytest.mark.django_db


def article_about(concept, title, **fields):
    page = article(title=title, **fields)
    page.begrippen = [ArticleBegrip(concept=concept)]
    page.save_revision().publish()
    return page


def test_a_begrip_page_lists_the_articles_that_name_it(client):
    opgave = begrip("opgave")
    article_about(opgave, "Sturen op de opgave")
    article_about(begrip("mandaat"), "Over iets anders")
    html = html_of(client, "/begrippen/opgave/")
    assert "Sturen op de opgave" in html
    assert "Over iets anders" not in html


def test_a_members_only_article_is_listed_on_a_begrip_for_members_only(client):
    opgave = begrip("opgave")
    article_about(opgave, "Praktijk van leden", visibility=Visibility.MEMBERS)
    assert "Praktijk van leden" not in html_of(client, "/begrippen/opgave/")
    client.force_login(member())
    assert "Praktijk van leden" in html_of(client, "/begrippen/opgave/")
