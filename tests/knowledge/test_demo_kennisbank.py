"""The demo's kennisbank: made once under the home page, each article once by its slug,
dated from the first load, and a verslag tied to its meeting."""

import datetime

import pytest

from leerhuis.core.models import HomePage
from leerhuis.demo.kennisbank import load_kennisbank
from leerhuis.knowledge.models import ArticlePage, KnowledgeIndexPage
from tests.events_factories import EventPageFactory
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

FIRST_LOAD = datetime.date(2026, 3, 2)

# Two short articles in the loader's schema (the demo's own texts are leerhuis.demo.artikelen).
SAMPLE_ARTICLES = [
    {
        "slug": "wat-is-opgave-sturing",
        "title": "Wat is opgave-sturing?",
        "intro": "Opgave-sturing vraagt om een sterk opdrachtgevend niveau dat stuurt op de "
        "samenhang tussen projecten, processen en programma's.",
        "kind": "artikel",
        "themes": ["Opgave-sturing", "Opdrachtgeverschap"],
        "begrippen": ["opgave-sturing"],
        "meeting": None,
        "author": "Astrid van de Klift",
        "organisation": "Gemeente Veenendaal",
        "days_ago": 14,
        "body": [
            ("heading", "Van project naar opgave"),
            (
                "paragraph",
                "<p>Een maatschappelijke opgave houdt zich niet aan de grenzen van een "
                "afdeling. Wie stuurt op de opgave, kiest per vraag een passende aanpak: "
                "soms een project, soms procesregie, soms een programma.</p>",
            ),
            (
                "kader",
                {
                    "heading": "Drie vragen voor de opdrachtgever",
                    "text": "<ol><li>Welke opgave dient dit?</li><li>Wie beslist mee?</li>"
                    "<li>Wanneer zijn we klaar?</li></ol>",
                },
            ),
        ],
    },
    {
        "slug": "verslag-studiedag-opgave-sturing",
        "title": "Verslag: studiedag opgave-sturing",
        "intro": "Wat de studiedag over het opdrachtgevende niveau opleverde, in vijf lessen.",
        "kind": "verslag",
        "themes": ["Opgave-sturing"],
        "begrippen": [],
        "meeting": "studiedag-opgave-sturing",
        "author": None,
        "organisation": None,
        "days_ago": 3,
        "body": [
            (
                "paragraph",
                "<p>Ruim honderd project-, proces- en programmamanagers spraken over de "
                "vraag hoe het opdrachtgevende niveau sterker wordt.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Sturen op de opgave begint bij de vraag wie eigenaar is.",
                    "attribution": "Een deelnemer",
                },
            ),
        ],
    },
]


def test_the_demo_kennisbank_is_loaded_once():
    home = HomePage.objects.get()
    assert load_kennisbank(home, SAMPLE_ARTICLES, FIRST_LOAD) == 1 + len(SAMPLE_ARTICLES)
    assert load_kennisbank(home, SAMPLE_ARTICLES, FIRST_LOAD) == 0
    index = KnowledgeIndexPage.objects.get()
    assert index.url == "/kennisbank/"
    assert ArticlePage.objects.child_of(index).live().count() == len(SAMPLE_ARTICLES)
    assert all(page.live_revision_id for page in ArticlePage.objects.all())


def test_demo_articles_carry_their_date_begrippen_and_meeting():
    held = datetime.datetime(2026, 2, 12, 10, tzinfo=datetime.UTC)  # before the verslag's day
    study_day = EventPageFactory(
        slug="studiedag-opgave-sturing", start=held, end=held + datetime.timedelta(hours=5)
    )
    opgave_sturing = begrip("Opgave-sturing")
    load_kennisbank(HomePage.objects.get(), SAMPLE_ARTICLES, FIRST_LOAD)
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


def test_a_verslag_of_a_meeting_still_ahead_waits_as_a_draft():
    EventPageFactory(slug="studiedag-opgave-sturing")  # three weeks from now
    load_kennisbank(HomePage.objects.get(), SAMPLE_ARTICLES, FIRST_LOAD)

    report = ArticlePage.objects.get(slug="verslag-studiedag-opgave-sturing")

    assert not report.live
    assert report.latest_revision is not None
    assert ArticlePage.objects.get(slug="wat-is-opgave-sturing").live
