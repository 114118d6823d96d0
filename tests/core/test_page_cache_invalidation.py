"""A change shows at once on a stored anonymous page (leerhuis/core/page_cache*.py): publish,
unpublish, move, delete, a meeting filling up, a snippet, the clock, writes without a
signal."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from events import services
from events.models import EventPage
from leerhuis.community.models import Soort
from leerhuis.community.services import posting
from members.models import Organisation
from tests.core.test_page_cache import is_hit, warm
from tests.events_factories import EventPageFactory, calendar_page, member, themes
from tests.factories import OrganisationFactory, PersonFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_publishing_a_new_title_shows_at_once(client):
    event = EventPageFactory(title="Oude titel")
    assert is_hit(warm(client, event.url))
    assert is_hit(warm(client, "/activiteiten/"))

    page = EventPage.objects.get(pk=event.pk)
    page.title = "Nieuwe titel"
    page.save_revision().publish()

    assert "Nieuwe titel" in html(client, event.url)
    assert "Nieuwe titel" in html(client, "/activiteiten/")


def test_a_draft_changes_nothing_that_is_shown(client):
    event = EventPageFactory(title="Gepubliceerd")
    assert is_hit(warm(client, event.url))
    page = EventPage.objects.get(pk=event.pk)
    page.title = "Concept"
    page.save_revision()
    assert "Concept" not in html(client, event.url)


def test_unpublishing_is_a_404_at_once(client):
    event = EventPageFactory()
    assert is_hit(warm(client, event.url))
    EventPage.objects.get(pk=event.pk).unpublish()
    assert client.get(event.url).status_code == 404


def test_deleting_is_a_404_at_once(client):
    event = EventPageFactory(title="Vervalt")
    assert is_hit(warm(client, event.url))
    assert is_hit(warm(client, "/activiteiten/"))
    EventPage.objects.get(pk=event.pk).delete()
    assert client.get(event.url).status_code == 404
    assert "Vervalt" not in html(client, "/activiteiten/")


def test_moving_a_page_shows_at_once(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    page = StandardPageFactory(parent=home_page, title="Toegankelijkheid", slug="toegang")
    assert is_hit(warm(client, "/toegang/"))
    page.move(section, pos="last-child")
    moved = client.get("/toegang/")  # Wagtail leaves a redirect behind
    assert moved.status_code == 301 and moved["Location"] == "/over-ons/toegang/"
    assert "Toegankelijkheid" in html(client, "/over-ons/toegang/")


def test_a_meeting_filling_up_shows_the_waiting_list_at_once(client):
    event = EventPageFactory(capacity=1, title="Kleine zaal")
    assert "Vol – meld je aan voor de wachtlijst" not in html(client, event.url)
    assert is_hit(warm(client, event.url))
    assert "Vol – wachtlijst" not in html(client, "/activiteiten/")
    assert is_hit(warm(client, "/activiteiten/"))

    services.register(event, member())

    assert "Vol – meld je aan voor de wachtlijst" in html(client, event.url)
    assert "Vol – wachtlijst" in html(client, "/activiteiten/")


def test_a_freed_place_going_to_the_first_waiting_shows_at_once(client):
    event = EventPageFactory(capacity=1)
    first, waiting = member(), member()
    registration, _ = services.register(event, first)
    services.register(event, waiting)
    assert "Vol – meld je aan voor de wachtlijst" in html(client, event.url)
    assert is_hit(warm(client, event.url))

    services.cancel(registration, first)  # the waiting one is promoted: still full
    assert "Vol – meld je aan voor de wachtlijst" in html(client, event.url)
    services.cancel(event.registrations.get(user=waiting), waiting)
    assert "Vol – meld je aan voor de wachtlijst" not in html(client, event.url)


def test_a_speakers_new_name_shows_at_once(client):
    from events.models import EventSpeaker

    event = EventPageFactory()
    person = PersonFactory(name="Anna de Vries")
    EventSpeaker.objects.create(page=event, person=person, sort_order=0)
    assert "Anna de Vries" in html(client, event.url)
    assert is_hit(warm(client, event.url))

    person.name = "Anna de Vries-Jansen"
    person.save()

    assert "Anna de Vries-Jansen" in html(client, event.url)


def test_a_renamed_theme_shows_at_once(client):
    (theme,) = themes("Wonen")
    event = EventPageFactory()
    event.themes = [theme]
    event.save_revision().publish()
    assert "Wonen" in html(client, event.url)
    assert is_hit(warm(client, event.url))

    theme.name = "Wonen en bouwen"
    theme.save()

    assert "Wonen en bouwen" in html(client, event.url)


def test_a_merged_organisation_leaves_the_member_list_at_once(client):
    amsterdam = OrganisationFactory(name="Gemeente Amsterdam")
    OrganisationFactory(name="Gemeente Weesp")
    assert "Gemeente Weesp" in html(client, "/leden/")
    assert is_hit(warm(client, "/leden/"))

    weesp = Organisation.objects.get(name="Gemeente Weesp")
    weesp.merged_into, weesp.merged_on = amsterdam, datetime.date(2022, 3, 24)
    weesp.save()

    assert "Gemeente Weesp" not in html(client, "/leden/")


def test_an_answer_marked_without_a_save_signal_shows_at_once(client):
    """mark_answer writes with queryset.update(): it says so to the page cache itself."""
    from leerhuis.community.models import Thread

    asker, helper = member(full_name="Vrager"), member(full_name="Helper")
    themes("Wonen")
    thread = posting.start_thread(
        asker, title="Hoe begin je?", text="Waar begin ik?", soort=Soort.VRAAG
    )
    reply = posting.reply(thread, helper, "Begin met de opgave.")
    url = thread.get_absolute_url()
    before = html(client, url)
    assert is_hit(warm(client, url))

    posting.mark_answer(Thread.objects.get(pk=thread.pk), asker, reply)

    assert html(client, url) != before


def test_sign_up_opening_shows_on_time_though_the_cache_would_keep_longer(client, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    now = timezone.now().replace(microsecond=0)
    event = EventPageFactory(registration_opens=now + datetime.timedelta(minutes=5))
    with time_machine.travel(now, tick=False):
        assert "Aanmelden kan vanaf" in html(client, event.url)
        assert is_hit(warm(client, event.url))
        assert is_hit(warm(client, "/activiteiten/"))
    with time_machine.travel(now + datetime.timedelta(minutes=5, seconds=1), tick=False):
        page = html(client, event.url)
        assert "Aanmelden kan vanaf" not in page
        assert ">Aanmelden</a>" in page
        assert not is_hit(client.get("/activiteiten/"))  # it listed the same meeting


def test_the_page_cache_keeps_a_page_no_longer_than_its_setting(client, settings, home_page):
    settings.PAGE_CACHE_SECONDS = 60
    calendar_page()
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        assert is_hit(warm(client, "/activiteiten/"))
    with time_machine.travel(now + datetime.timedelta(seconds=61), tick=False):
        assert not is_hit(client.get("/activiteiten/"))


def test_a_views_own_hint_shortens_a_pages_life(rf, home_page):
    from django.http import HttpResponse

    from leerhuis.core import page_cache

    now = timezone.now()
    holds_until = now + datetime.timedelta(seconds=10)

    def view(request):
        return page_cache.cache_until(HttpResponse("tot straks"), holds_until)

    middleware = page_cache.PageCacheMiddleware(view)
    with time_machine.travel(now, tick=False):
        answers = [middleware(rf.get("/hint/")) for _ in range(3)]
        assert is_hit(answers[2])
    with time_machine.travel(holds_until, tick=False):
        assert not is_hit(middleware(rf.get("/hint/")))


@pytest.mark.django_db(transaction=True)
def test_a_change_counts_once_after_the_commit_and_nothing_is_written_before(monkeypatch):
    """No cache write while the transaction holds its locks (a sign-up holds its meeting's);
    after the commit one new generation, however many rows were written."""
    from django.core.cache import cache
    from django.db import transaction

    from leerhuis.core import page_cache

    page_cache._new_generation()
    bumps = []
    real_bump = page_cache._new_generation
    monkeypatch.setattr(page_cache, "_new_generation", lambda: bumps.append(1) or real_bump())
    before = cache.get(page_cache.GENERATION_KEY)
    with transaction.atomic():
        PersonFactory(name="Een")
        PersonFactory(name="Twee")
        assert cache.get(page_cache.GENERATION_KEY) == before and not bumps
    assert len(bumps) == 1
    assert cache.get(page_cache.GENERATION_KEY) != before
