"""Next year's edition of a meeting, made from this year's: the programme, speakers,
workshops and begrippen come along and every date moves by the same step; registrations,
accreditations, materials and a cancellation stay behind; the copy is a draft. Only who
may add meetings to the calendar can make one (others are sent back to the dashboard, as
the admin answers every refusal), and a taken address or an earlier date is
asked again in Dutch."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from events.models import EventPage, EventSpeaker, EventStatus, ProgrammeSlot, Workshop
from tests.development_factories import accredit
from tests.events_factories import EventPageFactory, RegistrationFactory, in_days
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(page):
    return f"/admin/activiteiten/{page.pk}/volgende-editie/"


def local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def studiedag():
    start = in_days(30, 9, 30)
    page = EventPageFactory(
        title=f"Studiedag opgave-sturing {timezone.localtime(start).year}",
        slug="studiedag-opgave-sturing",
        start=start,
        end=start + datetime.timedelta(hours=7),
        registration_closes=start - datetime.timedelta(days=2),
        cancellation_deadline=start - datetime.timedelta(days=7),
        status=EventStatus.VERPLAATST,
        status_note="Eerst in het stadhuis.",
    )
    ProgrammeSlot.objects.create(page=page, starts_at=datetime.time(9, 30), title="Opening")
    ProgrammeSlot.objects.create(
        page=page, starts_at=datetime.time(12, 30), title="Lunch", is_break=True
    )
    EventSpeaker.objects.create(page=page, person=PersonFactory(), role="dagvoorzitter")
    Workshop.objects.create(page=page, title="Wyberen in de praktijk")
    accredit(page, points="6").__class__.objects.filter(page=page).update(reference="IPMA 2026-1")
    RegistrationFactory(event=page)
    return EventPage.objects.get(pk=page.pk)


def test_the_form_proposes_next_years_title_address_and_the_same_weekday(
    admin_client_with_mfa, studiedag
):
    response = admin_client_with_mfa.get(url(studiedag))
    html = response.content.decode()
    assert response.status_code == 200
    year = timezone.localtime(studiedag.start).year
    assert f'value="Studiedag opgave-sturing {year + 1}"' in html
    assert f'value="studiedag-opgave-sturing-{year + 1}"' in html
    a_year_on = studiedag.start + datetime.timedelta(weeks=52)
    assert f'value="{local(a_year_on)}"' in html
    assert timezone.localtime(a_year_on).weekday() == timezone.localtime(studiedag.start).weekday()


def test_the_copy_takes_the_programme_and_moves_every_date_but_not_this_years_places(
    admin_client_with_mfa, studiedag
):
    new_start = studiedag.start + datetime.timedelta(days=365)
    response = admin_client_with_mfa.post(
        url(studiedag),
        {"title": "Studiedag opgave-sturing", "slug": "studiedag-2", "start": local(new_start)},
    )

    copy = EventPage.objects.get(slug="studiedag-2")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{copy.pk}/edit/"
    step = datetime.timedelta(days=365)
    assert copy.start == studiedag.start + step
    assert copy.end == studiedag.end + step
    assert copy.registration_closes == studiedag.registration_closes + step
    assert copy.cancellation_deadline == studiedag.cancellation_deadline + step
    assert copy.registration_opens is None
    assert [s.title for s in copy.programme.order_by("starts_at")] == ["Opening", "Lunch"]
    assert copy.programme.get(title="Lunch").is_break
    assert [s.role for s in copy.speakers.all()] == ["dagvoorzitter"]
    assert [w.title for w in copy.workshops.all()] == ["Wyberen in de praktijk"]
    assert not copy.registrations.exists()
    assert not copy.accreditations.exists()
    assert (copy.status, copy.status_note) == (EventStatus.GEPLAND, "")
    assert not copy.live
    assert copy.sequence == 0
    # This year's edition is untouched.
    assert studiedag.registrations.count() == 1 and studiedag.accreditations.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"slug": "studiedag-opgave-sturing"},
            "Er staat al een activiteit op dit adres; kies een andere korte naam.",
        ),
        ({"start": "morgen"}, "Voer een geldige datum/tijd in."),
        ({"start": "earlier"}, "De volgende editie begint na deze"),
    ],
)
def test_a_taken_address_or_a_bad_date_is_asked_again_and_nothing_is_made(
    admin_client_with_mfa, studiedag, changes, message
):
    data = {"title": "Studiedag 2027", "slug": "studiedag-2027", "start": "2099-01-01T10:00"}
    if changes.get("start") == "earlier":
        changes = {"start": local(studiedag.start - datetime.timedelta(days=1))}
    response = admin_client_with_mfa.post(url(studiedag), {**data, **changes})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'value="Studiedag 2027"' in response.content.decode()
    assert EventPage.objects.count() == 1


def test_staff_who_may_not_add_meetings_cannot_make_one(client, login_with_mfa, studiedag):
    reader = UserFactory(email="lezer@leerhuis.example", is_staff=True)
    group = Group.objects.create(name="Alleen beheer openen")
    group.permissions.add(
        *Group.objects.get(name="Redactie").permissions.filter(codename="access_admin")
    )
    reader.groups.add(group)
    login_with_mfa(client, reader)
    # The admin's own answer to a refusal: back to the dashboard, with its message.
    for response in (
        client.get(url(studiedag)),
        client.post(url(studiedag), {"title": "X", "slug": "x", "start": "2099-01-01T10:00"}),
    ):
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert EventPage.objects.count() == 1


def test_the_button_is_beside_the_meeting_for_who_may_use_it(admin_client_with_mfa, studiedag):
    html = admin_client_with_mfa.get(f"/admin/pages/{studiedag.pk}/edit/").content.decode()
    assert url(studiedag) in html


def test_anonymous_visitors_are_sent_to_log_in(client, studiedag):
    response = client.get(url(studiedag))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
