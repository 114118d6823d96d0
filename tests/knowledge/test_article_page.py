"""An article as a reader sees it: its text with the begrippen linked, who wrote it, for
which organisation, its themes and begrippen, the reading time and the schema.org data;
and a verslag on the page of its meeting."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from leerhuis.knowledge.models import ArticleKind, reading_minutes
from members.access import Visibility
from tests.events_factories import EventPageFactory
from tests.factories import OrganisationFactory, PersonFactory
from tests.glossary.linking_helpers import links
from tests.glossary_factories import begrip
from tests.knowledge.helpers import html_of
from tests.knowledge_factories import article, days_ago

pytestmark = pytest.mark.django_db

DEFINITION = "Een maatschappelijk vraagstuk dat de gemeente met anderen wil oplossen."
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def words(count):
    return " ".join(["woord"] * count)


@pytest.fixture
def opgave():
    return begrip("opgave", DEFINITION)


@pytest.fixture
def full_article(opgave):
    return article(
        title="Sturen op de opgave",
        intro="Wie is eigenaar van de opgave?",
        date=days_ago(2),
        author=PersonFactory(name="Astrid van de Klift"),
        organisation=OrganisationFactory(name="Gemeente Veenendaal"),
        theme_names=["Opgave-sturing"],
        begrippen=[opgave],
        body=[
            ("heading", {"text": "Van project naar opgave", "level": "h2"}),
            ("paragraph", RichText("<p>Een opgave vraagt om een eigenaar.</p>")),
            ("kader", {"heading": "Drie vragen", "text": RichText("<p>Wie beslist?</p>")}),
        ],
    )


def test_an_article_shows_its_text_author_organisation_and_themes(client, full_article):
    html = html_of(client, full_article.url)
    assert "<h1>Sturen op de opgave</h1>" in html
    assert "Van project naar opgave</h2>" in html
    assert "Drie vragen</h3>" in html
    assert "Astrid van de Klift" in html
    assert "Gemeente Veenendaal" in html
    assert 'href="/kennisbank/?thema=opgave-sturing">Opgave-sturing</a>' in html


def test_an_article_links_the_begrippen_in_its_text_and_lists_its_own(client, full_article):
    html = html_of(client, full_article.url)
    assert ("/begrippen/opgave/", "opgave", DEFINITION) in links(html)
    assert '<dt><a href="/begrippen/opgave/">opgave</a>' in html


def test_the_reading_time_counts_the_words_of_intro_and_body_at_200_a_minute(client):
    page = article(
        intro=words(100),
        body=[("paragraph", RichText(f"<p>{words(250)}</p>"))],
    )
    assert page.reading_time == 2
    assert "2 minuten leestijd" in html_of(client, page.url)
    assert reading_minutes("") == 1
    assert reading_minutes(words(200)) == 1
    assert reading_minutes(words(201)) == 2


def test_an_article_carries_schema_org_article_data(client, full_article, opgave):
    html = html_of(client, full_article.url)
    data = json.loads(JSON_LD.search(html)[1])
    assert data["@type"] == "Article"
    assert data["headline"] == "Sturen op de opgave"
    assert data["author"] == {"@type": "Person", "name": "Astrid van de Klift"}
    assert data["datePublished"] == days_ago(2).isoformat()
    assert data["about"][0]["@id"] == opgave.uri
    assert data["isAccessibleForFree"] is True
    assert '<meta property="og:type" content="article">' in html


def test_the_schema_org_data_cannot_close_its_script_element(client):
    page = article(title="Kop </script><script>alert(1)</script>")
    html = html_of(client, page.url)
    data = JSON_LD.search(html)[1]
    assert "</script>" not in data
    assert json.loads(data)["headline"].startswith("Kop </script>")


def test_a_report_shows_on_the_page_of_its_meeting_and_links_back(client):
    meeting = EventPageFactory(title="Studiedag opgave-sturing")
    report = article(title="Verslag van de studiedag", kind=ArticleKind.VERSLAG, meeting=meeting)
    article(title="Verslag in de maak", kind=ArticleKind.VERSLAG, meeting=meeting, live=False)
    meeting_html = html_of(client, meeting.url)
    assert f'<a href="{report.url}">Verslag van de studiedag</a>' in meeting_html
    assert "Verslag in de maak" not in meeting_html
    report_html = html_of(client, report.url)
    assert "Verslag van" in report_html
    assert f'<a href="{meeting.url}">Studiedag opgave-sturing</a>' in report_html


def test_a_members_only_report_is_marked_so_on_its_meeting(client):
    meeting = EventPageFactory()
    article(kind=ArticleKind.VERSLAG, meeting=meeting, visibility=Visibility.MEMBERS)
    assert "(alleen voor leden)" in html_of(client, meeting.url)


def test_the_meeting_page_asks_as_many_queries_with_three_reports_as_with_one(client):
    meeting = EventPageFactory()
    article(kind=ArticleKind.VERSLAG, meeting=meeting)
    html_of(client, meeting.url)
    counts = []
    for more in (0, 2):
        for _ in range(more):
            article(kind=ArticleKind.VERSLAG, meeting=meeting)
        with CaptureQueriesContext(connection) as queries:
            html_of(client, meeting.url)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_only_a_report_belongs_to_a_meeting():
    page = article(kind=ArticleKind.ARTIKEL)
    page.meeting = EventPageFactory()
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Alleen een verslag hoort bij een activiteit" in str(error.value)
