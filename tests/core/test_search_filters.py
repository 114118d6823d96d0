"""Search on a listing narrowed by the access policy works for every page type and every
kind of visitor, and finds exactly what that visitor may read."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Page

from events.models import EventPage, LearningTrackPage
from leerhuis.core.models import HomePage, StandardPage
from members.access import Visibility, visible_to
from tests.events_factories import EventPageFactory, LearningTrackPageFactory, guest, member
from tests.factories import StaffFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

LEVELS = [Visibility.PUBLIC, Visibility.LOGGED_IN, Visibility.MEMBERS]
WORD = "Wyberen"


@pytest.fixture
def pages(home_page):
    """One page of each type at each visibility level, all with the word in the title."""
    made = {}
    for level in LEVELS:
        made[(EventPage, level)] = EventPageFactory(
            title=f"{WORD} bijeenkomst {level}", visibility=level
        )
        made[(LearningTrackPage, level)] = LearningTrackPageFactory(
            title=f"{WORD} leergang {level}", visibility=level
        )
        made[(StandardPage, level)] = StandardPageFactory(
            parent=home_page, title=f"{WORD} pagina {level}", visibility=level
        )
    return made


VISITORS = {
    "anonymous": (lambda: AnonymousUser(), {Visibility.PUBLIC}),
    "guest": (guest, {Visibility.PUBLIC, Visibility.LOGGED_IN}),
    "member": (member, set(LEVELS)),
    "staff": (StaffFactory, set(LEVELS)),
}


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("model", [EventPage, LearningTrackPage, StandardPage])
def test_a_search_per_page_type_finds_what_the_visitor_may_read(pages, visitor, model):
    make, allowed = VISITORS[visitor]
    found = visible_to(make(), model.objects.live()).search(WORD)
    expected = {pages[(model, level)].pk for level in allowed}
    assert {page.pk for page in found} == expected


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_search_over_all_pages_finds_what_the_visitor_may_read(pages, visitor):
    make, allowed = VISITORS[visitor]
    found = visible_to(make(), Page.objects.live()).search(WORD)
    expected = {page.pk for (model, level), page in pages.items() if level in allowed}
    assert {page.pk for page in found} == expected


def test_the_home_page_type_is_searchable_for_anonymous_visitors(home_page):
    home_page.save()  # the migration made it without indexing it
    found = visible_to(AnonymousUser(), HomePage.objects.live()).search(home_page.title)
    assert [page.pk for page in found] == [home_page.pk]
