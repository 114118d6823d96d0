"""/mijn-leerhuis/ontwikkeling/: a person's year of learning, and the section on Mijn Leerhuis."""

import datetime
from decimal import Decimal

import pytest

from events.models import EventStatus, ProgrammeSlot
from tests.development_factories import ExternalLearningFactory, accredit, attended, pmi
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    attend,
    in_days,
    themes,
)
from tests.factories import UserFactory

# Mid-year, so "30 days ago" and "in 10 days" stay in the same year whenever the suite runs.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mid_year")]

URL = "/mijn-leerhuis/ontwikkeling/"


def page_of(client, user, url=URL):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def past_meeting(days=30, **fields):
    return EventPageFactory(start=in_days(-days, 10), end=in_days(-days, 13), **fields)


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}"


def test_the_page_is_for_its_owner_only_and_never_cached(client):
    response = client.force_login(UserFactory()) or client.get(URL)
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_an_attended_meeting_shows_with_its_hours_points_link_and_code(client):
    person = UserFactory()
    event = past_meeting(title="Opgave-sturing in de praktijk")
    accredit(event, points="3")
    registration = attended(person, event)
    html = page_of(client, person)
    assert f'<a href="{event.url}">Opgave-sturing in de praktijk</a>' in html
    assert "3 uur" in html
    assert "3 PE-punten (IPMA)" in html
    from events.development.codes import code_for

    assert code_for(registration) in html
    assert "Overzicht 2026 downloaden" in html
    assert 'href="/mijn-leerhuis/ontwikkeling/2026/overzicht.pdf"' in html
    assert 'href="/mijn-leerhuis/ontwikkeling/2026/overzicht.csv"' in html


def test_only_attended_meetings_that_went_ahead_and_were_held_show(client):
    person = UserFactory()
    attended(person, past_meeting(title="Wel geweest"))
    RegistrationFactory(user=person, event=past_meeting(title="Aangemeld, niet gekomen"))
    cancelled = attended(person, past_meeting(title="Ging niet door")).event
    cancelled.status = EventStatus.GEANNULEERD
    cancelled.save()
    # Checked in ahead of the day (an organiser trying the scanner): not held yet, so not
    # counted.
    RegistrationFactory(
        user=person,
        event=EventPageFactory(title="Nog te komen", start=in_days(10)),
        checked_in_at=in_days(0),
    )
    html = page_of(client, person)
    assert "Wel geweest" in html
    for title in ["Aangemeld, niet gekomen", "Ging niet door", "Nog te komen"]:
        assert title not in html


def test_a_leergang_session_names_its_leergang(client):
    person = UserFactory()
    track = LearningTrackPageFactory(title="Leergang opgavegericht werken")
    session = past_meeting(learning_track=track, title="Sessie 1: de opgave")
    attend(RegistrationFactory(event=session, user=person, learning_track=track))
    html = page_of(client, person)
    assert "Sessie 1: de opgave" in html
    assert "deel van Leergang opgavegericht werken" in html


def test_totals_add_up_hours_and_points_per_scheme_in_dutch_numbers(client):
    person = UserFactory()
    event = past_meeting()
    accredit(event, points="3")
    accredit(event, pmi("Leadership"), points="2.5")
    attended(person, event)
    ExternalLearningFactory(
        user=person, hours=Decimal("5.5"), scheme=pmi("Leadership"), points=Decimal("4")
    )
    html = page_of(client, person)
    assert "8,5 uur" in html
    assert "3 PE-punten (IPMA)" in html
    assert "6,5 PDU (PMI – Leadership)" in html


def test_hours_per_theme_count_a_meeting_under_each_of_its_themes(client):
    person = UserFactory()
    wonen, zorg = themes("Wonen", "Zorg")
    event = past_meeting()
    event.themes.set([wonen, zorg])
    event.save()  # a page's themes are stored with the page
    attended(person, event)
    ExternalLearningFactory(user=person, hours=Decimal("2"))
    html = page_of(client, person)
    section = html.split('id="themas"')[1]
    assert "<td>Wonen</td><td>3 uur</td>" in section
    assert "<td>Zorg</td><td>3 uur</td>" in section
    assert "<td>Zonder thema</td><td>2 uur</td>" in section


def test_hours_follow_the_programme_without_the_lunch(client):
    person = UserFactory()
    event = EventPageFactory(start=in_days(-3, 9), end=in_days(-3, 16))
    for start, end, pause in [((9, 0), (12, 0), False), ((12, 0), (13, 0), True)]:
        ProgrammeSlot.objects.create(
            page=event,
            starts_at=datetime.time(*start),
            ends_at=datetime.time(*end),
            title="Lunch" if pause else "Ochtend",
            is_break=pause,
        )
    ProgrammeSlot.objects.create(page=event, starts_at=datetime.time(13), title="Middag")
    attended(person, event)
    assert "6 uur" in page_of(client, person)


def test_learning_elsewhere_shows_with_its_edit_and_delete_links(client):
    person = UserFactory()
    item = ExternalLearningFactory(user=person, title="Cursus PRINCE2", organiser="Axelos")
    html = page_of(client, person)
    assert "Cursus PRINCE2" in html
    assert "Axelos" in html
    assert f'href="/mijn-leerhuis/ontwikkeling/elders/{item.pk}/"' in html
    assert f'href="/mijn-leerhuis/ontwikkeling/elders/{item.pk}/verwijderen/"' in html
    assert "bewijsstuk/" not in html  # no proof, no link to one


def test_an_empty_year_says_what_will_appear_and_how(client):
    html = page_of(client, UserFactory())
    assert "In 2026 staat er nog niets in je overzicht." in html
    assert "ingecheckt" in html
    assert 'href="/mijn-leerhuis/ontwikkeling/elders/nieuw/"' in html
    assert "overzicht.pdf" not in html


# --- the years ---------------------------------------------------------------------------


def test_the_current_year_shows_by_default_and_earlier_years_are_offered(client):
    person = UserFactory()
    ExternalLearningFactory(user=person, title="Dit jaar", date=datetime.date(2026, 3, 1))
    ExternalLearningFactory(user=person, title="Vorig jaar", date=datetime.date(2025, 3, 1))
    html = page_of(client, person)
    assert "Mijn ontwikkeling in 2026" in html
    assert "Dit jaar" in html and "Vorig jaar" not in html
    assert 'href="?jaar=2025"' in html
    assert '<a href="?jaar=2026" aria-current="page">2026</a>' in html
    earlier = page_of(client, person, f"{URL}?jaar=2025")
    assert "Mijn ontwikkeling in 2025" in earlier
    assert "Vorig jaar" in earlier and "Dit jaar" not in earlier


@pytest.mark.parametrize("year", ["2019", "abc", "", "99999999999999999999", "2026.0"])
def test_a_year_not_on_offer_or_junk_is_not_found(client, year):
    client.force_login(UserFactory())
    assert client.get(f"{URL}?jaar={year}").status_code == 404


def test_someone_elses_record_never_shows(client):
    me, colleague = UserFactory(), UserFactory()
    attended(colleague, past_meeting(title="Bijeenkomst van een collega"))
    ExternalLearningFactory(user=colleague, title="Cursus van een collega")
    html = page_of(client, me)
    assert "van een collega" not in html


# --- Mijn Leerhuis -----------------------------------------------------------------------


def test_mijn_leerhuis_shows_this_years_hours_and_the_way_to_the_record(client):
    person = UserFactory()
    attended(person, past_meeting())
    ExternalLearningFactory(user=person, hours=Decimal("1.5"))
    html = page_of(client, person, "/mijn-leerhuis/")
    assert "Mijn ontwikkeling</h2>" in html
    assert "4,5 uur" in html
    assert f'href="{URL}"' in html


def test_mijn_leerhuis_shows_the_goals_progress(client):
    from events.models import DevelopmentGoal

    person = UserFactory()
    ExternalLearningFactory(user=person, hours=Decimal("12"))
    DevelopmentGoal.objects.create(user=person, year=2026, hours=Decimal("40"))
    html = page_of(client, person, "/mijn-leerhuis/")
    assert "12 uur van je doel van 40 uur: 30%" in html
    assert '<progress class="goal-progress" max="100" value="30"' in html
