"""The calendar filtered on a theme shows that theme's begrippen beside its meetings."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.helpers.calendar_page import URL, html, meeting
from tests.events_factories import themes
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db


def begrip_in(theme_name, label, **fields):
    concept = begrip(label, **fields)
    concept.themes.set(themes(theme_name))
    concept.save_revision().publish()
    return concept


def test_a_theme_shows_its_published_begrippen_linked_to_their_pages(client):
    meeting("Studiedag", themes=["Procesregie"])
    regie = begrip_in("Procesregie", "procesregie", definition="Regie op een proces.")
    begrip_in("Procesregie", "procesregisseur")
    begrip_in("Opgave-sturing", "opgave")
    draft = begrip("procesontwerp", publish=False)
    draft.themes.set(themes("Procesregie"))
    draft.save()

    page = html(client.get(URL + "?thema=procesregie"))

    assert "Begrippen bij dit thema" in page
    assert f'<a href="{regie.get_absolute_url()}">procesregie</a>' in page
    assert "Regie op een proces." in page
    assert ">procesregisseur</a>" in page
    assert ">opgave</a>" not in page
    assert "procesontwerp" not in page


def test_without_a_theme_the_calendar_shows_no_begrippen(client):
    meeting("Studiedag", themes=["Procesregie"])
    begrip_in("Procesregie", "procesregie")

    page = html(client.get(URL))

    assert "Begrippen bij dit thema" not in page


def test_a_theme_without_begrippen_shows_no_begrippen_section(client):
    meeting("Studiedag", themes=["Wyberen"])

    page = html(client.get(URL + "?thema=wyberen"))

    assert "Studiedag" in page
    assert "Begrippen bij dit thema" not in page


def test_the_theme_view_asks_as_many_queries_for_one_begrip_as_for_twenty(client):
    meeting("Weinig", themes=["Samenwerking"])
    meeting("Veel", themes=["Programmamanagement"])
    begrip_in("Samenwerking", "samenwerken")
    for n in range(20):
        begrip_in("Programmamanagement", f"programma-{n}")
    client.get(URL + "?thema=samenwerking")  # warm the caches

    with CaptureQueriesContext(connection) as one:
        assert html(client.get(URL + "?thema=samenwerking")).count('<dt><a href="/begrippen/') == 1
    with CaptureQueriesContext(connection) as twenty:
        many = html(client.get(URL + "?thema=programmamanagement"))
        assert many.count('<dt><a href="/begrippen/') == 20

    assert len(one) == len(twenty)
