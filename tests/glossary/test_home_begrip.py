"""Begrip van de week on the home page: one vastgesteld begrip, the same all week for
everyone, another the next week, and in turn every begrip."""

import datetime
import re
from html import unescape

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary.home import begrip_of_the_week
from glossary.models import ConceptStatus
from tests.glossary_factories import begrip

pytestmark = pytest.mark.django_db

# 10:00 in Amsterdam; six and a half days on (Sunday 22:00 there) is the same week.
MONDAY = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
TERM = re.compile(r'class="begrip-van-de-week__term"><dfn><a href="([^"]*)">([^<]*)</a>')


def shown_on(client, moment):
    """The begrip the home page shows at `moment` (None: no section), with its link."""
    with time_machine.travel(moment, tick=False):
        response = client.get("/")
    assert response.status_code == 200
    found = TERM.search(response.content.decode())
    return unescape(found[2]) if found else None


@pytest.fixture
def begrippen():
    return [begrip(label) for label in ("opgave", "mandaat", "kanteling", "programma")]


def test_the_home_page_shows_the_begrip_with_its_definition_and_links(client, begrippen):
    with time_machine.travel(MONDAY, tick=False):
        page = unescape(client.get("/").content.decode())
    term = shown_on(client, MONDAY)
    concept = next(c for c in begrippen if c.pref_label == term)

    assert "Begrip van de week" in page
    assert concept.definition in page
    assert f'href="{concept.get_absolute_url()}"' in page
    assert 'href="/begrippen/"' in page


def test_the_same_begrip_all_week_and_another_the_next(client, begrippen):
    monday = shown_on(client, MONDAY)
    week = [shown_on(client, MONDAY + datetime.timedelta(days=d, hours=h)) for d, h in
            [(0, 0), (2, 5), (4, 10), (6, 12)]]  # fmt: skip
    next_week = shown_on(client, MONDAY + datetime.timedelta(days=7))

    assert monday is not None
    assert week == [monday] * 4
    assert next_week not in (None, monday)


def test_every_begrip_gets_its_week_in_turn(begrippen):
    weeks = [
        begrip_of_the_week(MONDAY.date() + datetime.timedelta(weeks=n)).pref_label
        for n in range(len(begrippen))
    ]

    assert sorted(weeks) == sorted(c.pref_label for c in begrippen)


def test_the_week_runs_on_across_new_year(begrippen):
    last_week = begrip_of_the_week(datetime.date(2026, 12, 28))
    first_week = begrip_of_the_week(datetime.date(2027, 1, 4))

    assert last_week != first_week


def test_only_published_vastgestelde_begrippen_take_part(client):
    begrip("voorstel", status=ConceptStatus.VOORGESTELD)
    begrip("concept", publish=False)
    begrip("opgave")

    shown = {shown_on(client, MONDAY + datetime.timedelta(weeks=n)) for n in range(4)}

    assert shown == {"opgave"}


def test_without_begrippen_there_is_no_section(client):
    begrip("voorstel", status=ConceptStatus.VOORGESTELD)

    with time_machine.travel(MONDAY, tick=False):
        page = client.get("/").content.decode()

    assert "Begrip van de week" not in page


def test_picking_the_begrip_takes_two_queries_however_many_there_are():
    for n in range(12):
        begrip(f"term-{n}")

    with CaptureQueriesContext(connection) as queries:
        assert begrip_of_the_week(MONDAY.date()) is not None

    assert len(queries) <= 2


def test_a_begrip_withdrawn_between_counting_and_picking_gives_no_error(monkeypatch):
    from glossary import home

    begrip("Opgave")
    begrip("Mandaat")
    real_count = home.Concept.objects.live().filter(status="vastgesteld").count

    class Counted(type(home.Concept.objects.none())):
        def count(self):
            return real_count() + 10**6  # as if many more were there a moment ago

    monkeypatch.setattr(
        home.Concept.objects, "live", lambda: Counted(model=home.Concept).filter(live=True)
    )

    assert home.begrip_of_the_week() is not None
