"""The demo's kennisbank: made once under the home page, each article once by its slug,
dated from the first load, and a verslag tied to its meeting."""

import datetime

import pytest

from leerhuis.core.models import HomePage
from leerhuis.demo.kennisbank import FALLBACK_ARTICLES, load_kennisbank
from leerhuis.knowledge.models import ArticlePage, KnowledgeIndexPage
from tests.events_factories import EventPageFactory
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

FIRST_LOAD = datetime.date(2026, 3, 2)


def test_the_demo_kennisbank_is_loaded_once():
    home = HomePage.objects.get()
    assert load_kennisbank(home, FALLBACK_ARTICLES, FIRST_LOAD) == 1 + len(FALLBACK_ARTICLES)
    assert load_kennisbank(home, FALLBACK_ARTICLES, FIRST_LOAD) == 0
    index = KnowledgeIndexPage.objects.get()
    assert index.url == "/kennisbank/"
    assert ArticlePage.objects.child_of(index).live().count() == len(FALLBACK_ARTICLES)
    assert all(page.live_revision_id for page in ArticlePage.objects.all())


def test_demo_articles_carry_their_date_begrippen_and_meeting():
    study_day = EventPageFactory(slug="studiedag-opgave-sturing")
    opgave_sturing = begrip("Opgave-sturing")
    load_kennisbank(HomePage.objects.get(), FALLBACK_ARTICLES, FIRST_LOAD)
    article = ArticlePage.objects.get(slug="wat-is-opgave-sturing")
    assert article.date == FIRST_LOAD - datetime.timedelta(days=14)
    assert [link.concept for link in article.begrippen.all()] == [opgave_sturing]
    assert [theme.name for theme in article.themes.all()] == [
        "Opdrachtgeverschap",
        "Opgave-sturing",
    ]
    assert article.reading_time >= 1
    report = ArticlePage.objects.get(slug="verslag-studiedag-opgave-sturing")
    assert report.meeting == study_day
    assert list(study_day.reports.live()) == [report]
