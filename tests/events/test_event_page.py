"""The meeting page and the leergang page: what they show, and to whom."""

import datetime

import pytest
import time_machine
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import (
    EventPage,
    EventSpeaker,
    ProgrammeSlot,
    Registration,
    RegistrationStatus,
    Workshop,
)
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    attend,
    calendar_page,
    guest,
    in_days,
    member,
)
from tests.events_factories import themes as vocabulary
from tests.factories import OrganisationFactory, PersonFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def html_of(client, page, path=""):
    response = client.get(page.url + path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def study_day():
    """The association's study day, with everything an announcement holds."""
    contact = PersonFactory(
        name="Mirjam de Contact", role="Secretariaat", email="secretariaat@leerhuis.example"
    )
    event = EventPageFactory(
        title="Opgave-sturing: het opdrachtgevende niveau versterken",
        intro="Een studiedag over opgave-sturing voor opdrachtgevers.",
        start=timezone.make_aware(datetime.datetime(2031, 3, 13, 10, 45)),
        end=timezone.make_aware(datetime.datetime(2031, 3, 13, 16, 0)),
        venue="Cultuurhuis Veenendaal",
        address="Markt 1\n3901 DA Veenendaal",
        venue_accessibility="Rolstoeltoegankelijk, met een invalidentoilet.",
        event_type="netwerkdag",
        form="hybride",
        online_url="https://meet.example/opgave-sturing",
        online_details="Toegangscode 4711",
        region="utrecht",
        status_note="",
        questions=[
            ("vraag", "Wat is een opgave?"),
            ("vraag", "Hoe verhoudt een opgave-manager zich tot een lijnmanager?"),
        ],
        body=[("paragraph", "<p>Opgave-sturing vraagt iets van het opdrachtgevende niveau.</p>")],
        goal="<p>Het opdrachtgevende niveau versterken.</p>",
        audience="<p>Gemeentesecretarissen en opgave-managers.</p>",
        contact_person=contact,
        materials=[
            ("link", {"title": "Verslag van de studiedag", "url": "https://example.org/verslag"})
        ],
    )
    event.themes.add(*vocabulary("opgave-sturing", "samenwerking"))
    event.save()
    astrid = PersonFactory(
        name="Astrid van de Klift",
        role="Gemeentesecretaris",
        organisation_name="Gemeente Veenendaal",
        photo=wagtail_factories.ImageFactory(),
        photo_alt="Portret van Astrid van de Klift",
    )
    ruud = PersonFactory(
        name="Ruud de Smit", role="Opgave-manager", organisation_name="Súdwest-Fryslân"
    )
    EventSpeaker.objects.create(page=event, person=ruud, sort_order=2)
    EventSpeaker.objects.create(page=event, person=astrid, role="Dagvoorzitter", sort_order=1)
    ProgrammeSlot.objects.create(
        page=event, starts_at=datetime.time(10, 45), title="Ontvangst", sort_order=1
    )
    ProgrammeSlot.objects.create(
        page=event,
        starts_at=datetime.time(11, 0),
        ends_at=datetime.time(13, 0),
        title="Presentaties",
        description="Drie praktijken naast elkaar.",
        speaker=ruud,
        sort_order=2,
    )
    return event


def test_the_page_shows_everything_an_announcement_holds(client, study_day):
    html = html_of(client, study_day)

    for text in [
        "<h1>Opgave-sturing: het opdrachtgevende niveau versterken</h1>",
        "Een studiedag over opgave-sturing voor opdrachtgevers.",
        "donderdag 13 maart 2031, 10:45",
        "16:00</time> uur",
        "Cultuurhuis Veenendaal",
        "Markt 1<br>3901 DA Veenendaal",
        "Rolstoeltoegankelijk, met een invalidentoilet.",
        "Netwerkdag",
        "Hybride",
        "Utrecht",
        "opgave-sturing, samenwerking",
        "Opgave-sturing vraagt iets van het opdrachtgevende niveau.",
        "Vragen die aan bod komen",
        "<li>Hoe verhoudt een opgave-manager zich tot een lijnmanager?</li>",
        "Het opdrachtgevende niveau versterken.",
        "Gemeentesecretarissen en opgave-managers.",
        "Mirjam de Contact",
        "mailto:secretariaat@leerhuis.example",
        'href="https://example.org/verslag">Verslag van de studiedag',
        'alt="Portret van Astrid van de Klift"',
        "Dagvoorzitter",
    ]:
        assert text in html, text
    # The programme in time order, with its speaker; the speakers in their own order.
    assert html.index("10:45") < html.index("Ontvangst") < html.index("Presentaties")
    assert "Drie praktijken naast elkaar." in html
    assert html.index("Astrid van de Klift") < html.index('<h3 class="person__name">Ruud de Smit')
    assert html.count("<h1") == 1


def test_anonymous_visitors_see_both_prices_and_are_invited_to_log_in(client, study_day):
    html = html_of(client, study_day)

    assert "Gratis voor leden" in html
    assert "€\xa095,00 voor niet-leden" in html
    assert "Log in om te zien wat jij betaalt" in html
    assert f'href="{study_day.url}aanmelden/"' in html
    # A page for everyone is the same for everyone: a shared cache may keep it.
    assert "private" not in client.get(study_day.url).get("Cache-Control", "")


def test_a_member_sees_free_and_why(client, study_day):
    user = member()
    client.force_login(user)
    response = client.get(study_day.url)
    html = response.content.decode()

    assert "<strong>Gratis voor leden</strong>" in html
    assert "is lid." in html
    assert "private" in response["Cache-Control"]


def test_a_non_member_sees_the_amount_and_why(client, study_day):
    client.force_login(guest())
    html = html_of(client, study_day)

    assert "€\xa095,00 (exclusief btw)" in html
    assert "is geen lid van de vereniging." in html
    assert "factuur" in html


def test_status_cancelled_and_moved_are_said_first(client):
    cancelled = EventPageFactory(status="geannuleerd", status_note="De zaal is niet beschikbaar.")
    moved = EventPageFactory(status="verplaatst", status_note="Eerst gepland op 1 maart.")

    html = html_of(client, cancelled)
    assert "Geannuleerd: deze activiteit gaat niet door." in html
    assert "De zaal is niet beschikbaar." in html
    assert html.index("Geannuleerd") < html.index('class="lead"')
    assert "Deze activiteit gaat niet door." in html  # the call to action says so too
    assert "aanmelden/" not in html

    html = html_of(client, moved)
    assert "Verplaatst:" in html
    assert "Eerst gepland op 1 maart." in html


def test_call_to_action_for_each_state(client):
    user = member()
    client.force_login(user)

    open_event = EventPageFactory()
    assert ">Aanmelden</a>" in html_of(client, open_event)

    full = EventPageFactory(capacity=1)
    RegistrationFactory(event=full)
    assert "Vol – meld je aan voor de wachtlijst" in html_of(client, full)

    closed = EventPageFactory(registration_closes=in_days(-1))
    html = html_of(client, closed)
    assert "Aanmelden is gesloten." in html
    assert "aanmelden/" not in html

    later = EventPageFactory(registration_opens=in_days(3, 9))
    assert "Aanmelden kan vanaf" in html_of(client, later)

    registered = EventPageFactory()
    RegistrationFactory(event=registered, user=user)
    html = html_of(client, registered)
    assert "Je bent aangemeld" in html
    assert f'href="{registered.url}afmelden/"' in html
    assert f'href="{registered.url}collega/"' in html

    waiting = EventPageFactory(capacity=1)
    RegistrationFactory(event=waiting)
    RegistrationFactory(event=waiting, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=waiting, user=user, status=RegistrationStatus.WAITLISTED)
    assert "Je staat op de wachtlijst (plaats 2)" in html_of(client, waiting)


def test_after_the_cancellation_deadline_only_a_colleague_can_be_sent(client):
    user = member()
    event = EventPageFactory(cancellation_deadline=in_days(-1))
    RegistrationFactory(event=event, user=user)
    client.force_login(user)
    html = html_of(client, event)

    assert "afmelden/" not in html
    assert f'href="{event.url}collega/"' in html
    assert "Afmelden via de site kan niet meer" in html


def test_the_online_link_reaches_confirmed_registrants_only(client, study_day):
    secret = "meet.example/opgave-sturing"
    assert secret not in html_of(client, study_day)

    client.force_login(member())
    assert secret not in html_of(client, study_day)  # someone else

    waiting = member()
    RegistrationFactory(event=study_day, user=waiting, status=RegistrationStatus.WAITLISTED)
    client.force_login(waiting)
    assert secret not in html_of(client, study_day)

    owner = member()
    RegistrationFactory(event=study_day, user=owner)
    client.force_login(owner)
    html = html_of(client, study_day)
    assert secret in html
    assert "Toegangscode 4711" in html


def test_a_cancelled_meeting_tells_its_registrants_and_hides_the_link(client):
    event = EventPageFactory(
        form="online", venue="", online_url="https://meet.example/geheim", status="geannuleerd"
    )
    owner = member()
    RegistrationFactory(event=event, user=owner)
    client.force_login(owner)
    html = html_of(client, event)

    assert "Geannuleerd: deze activiteit gaat niet door." in html
    assert "Je bent aangemeld" not in html
    assert "meet.example/geheim" not in html


def past_meeting(**kwargs):
    return EventPageFactory(start=in_days(-3, 10), end=in_days(-3, 16), **kwargs)


def test_a_meeting_that_is_over_offers_the_certificate_to_who_was_there(client):
    event = past_meeting(form="hybride", online_url="https://meet.example/voorbij")
    there, absent, waited = member(), member(), member()
    attended = RegistrationFactory(event=event, user=there, checked_in_at=event.start)
    RegistrationFactory(event=event, user=absent)
    RegistrationFactory(event=event, user=waited, status=RegistrationStatus.WAITLISTED)
    certificate = reverse("certificaat_aanmelding", args=[attended.pk])

    client.force_login(there)
    html = html_of(client, event)
    assert "Deze activiteit is voorbij." in html
    assert f'href="{certificate}"' in html
    for gone in ("Je bent aangemeld", "afmelden/", "collega/", "meet.example/voorbij"):
        assert gone not in html, gone

    client.force_login(absent)
    html = html_of(client, event)
    assert "Deze activiteit is voorbij." in html
    assert "je aanwezigheid is niet geregistreerd" in html
    assert "certificaat" not in html and "afmelden/" not in html

    for person in (waited, None):
        client.logout()
        if person:
            client.force_login(person)
        html = html_of(client, event)
        assert "Deze activiteit is voorbij." in html
        assert "wachtlijst" not in html and "certificaat" not in html
        # Nothing to pay for any more: no price, no invitation to log in for it.
        assert "Kosten" not in html and "Log in om te zien wat jij betaalt" not in html
        assert ">Aanmelden</a>" not in html


def test_the_attendee_list_of_a_past_meeting_says_who_were_there(client):
    upcoming, past = EventPageFactory(), past_meeting()
    for event in (upcoming, past):
        RegistrationFactory(event=event, name="Ada Akkoord", on_attendee_list=True)
    client.force_login(member())

    assert "Wie komen er" in html_of(client, upcoming)
    html = html_of(client, past)
    assert "Wie waren er" in html and "Wie komen er" not in html
    assert "Ada Akkoord" in html


def test_a_cancelled_meeting_shows_no_price(client):
    event = EventPageFactory(status="geannuleerd", price_non_member=95)
    for viewer in (None, member(), guest()):
        if viewer:
            client.force_login(viewer)
        html = html_of(client, event)
        assert "Deze activiteit gaat niet door." in html
        for price in ("Kosten", "€\xa095,00", "Gratis", "Log in om te zien wat jij betaalt"):
            assert price not in html, (viewer, price)


def test_free_for_everyone_says_just_gratis(client):
    event = EventPageFactory(price_member=0, price_non_member=0)

    html = html_of(client, event)
    assert "<strong>Gratis</strong>" in html
    for text in ("Gratis voor leden", "Gratis voor niet-leden", "Log in om te zien wat jij"):
        assert text not in html, text

    for viewer in (member(), guest()):
        client.force_login(viewer)
        html = html_of(client, event)
        assert "<strong>Gratis</strong>" in html
        assert "Gratis voor leden" not in html


def test_attendee_list_shows_those_who_consented_to_members_and_staff(client):
    event = EventPageFactory()
    RegistrationFactory(
        event=event, name="Ada Akkoord", organisation_name="Gemeente Ede", on_attendee_list=True
    )
    RegistrationFactory(event=event, name="Bert Bescheiden", on_attendee_list=False)
    RegistrationFactory(
        event=event,
        name="Cor Wachtend",
        on_attendee_list=True,
        status=RegistrationStatus.WAITLISTED,
    )

    html = html_of(client, event)
    assert "Ada Akkoord" not in html  # anonymous

    client.force_login(guest())
    assert "Ada Akkoord" not in html_of(client, event)  # logged in, not a member

    for viewer in (member(), StaffFactory()):
        client.force_login(viewer)
        html = html_of(client, event)
        assert "Ada Akkoord" in html
        assert "Gemeente Ede" in html
        assert "Bert Bescheiden" not in html
        assert "Cor Wachtend" not in html


def test_a_members_only_meeting_is_refused_to_others(client):
    event = EventPageFactory(visibility="members")

    assert client.get(event.url).status_code == 403
    client.force_login(guest())
    response = client.get(event.url)
    assert response.status_code == 403
    assert "alleen voor leden" in response.content.decode()

    client.force_login(member())
    response = client.get(event.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def _add_meetings(count, first=0):
    parent = calendar_page()
    for n in range(first, first + count):
        parent.add_child(
            instance=EventPage(
                title=f"Extra {n}",
                slug=f"extra-{n}",
                intro="Nog een bijeenkomst.",
                start=in_days(30 + n % 60),
                end=in_days(30 + n % 60, 16),
                venue="Ergens",
                capacity=10,
            )
        )


def _fill(event, count):
    for n in range(count):
        person = PersonFactory(
            organisation=OrganisationFactory(),
            photo=wagtail_factories.ImageFactory(),
            photo_alt=f"Foto {n}",
        )
        EventSpeaker.objects.create(page=event, person=person, sort_order=n)
        ProgrammeSlot.objects.create(
            page=event, starts_at=datetime.time(10, n), title=f"Onderdeel {n}", speaker=person
        )
        Workshop.objects.create(page=event, title=f"Workshop {n}")
        RegistrationFactory(event=event, on_attendee_list=True, organisation_name=f"Org {n}")


def _queries(client, page):
    client.get(page.url)  # renditions are made on the first view; count the ones after
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_speakers_programme_or_stored_meetings(client):
    viewer = member()
    client.force_login(viewer)
    small = EventPageFactory()
    small.themes.add(*vocabulary("opgave-sturing"))
    small.save()
    _fill(small, 1)
    big = EventPageFactory()
    big.themes.add(*vocabulary("opgave-sturing"))
    big.save()
    _fill(big, 20)
    RegistrationFactory(event=small, user=viewer, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=big, user=viewer, status=RegistrationStatus.WAITLISTED)

    _add_meetings(10)
    few = _queries(client, small)
    assert few == _queries(client, big)

    _add_meetings(490, first=10)
    assert _queries(client, small) == few
    assert _queries(client, big) == few
    assert few <= 30


# --- leergang --------------------------------------------------------------------------


@pytest.fixture
def track():
    track = LearningTrackPageFactory(
        title="Leergang opgave-sturing",
        goal="<p>Zelf een opgave leren sturen.</p>",
        audience="<p>Opgave-managers in spe.</p>",
        min_attendance=2,
    )
    for week in (3, 5, 7):
        EventPageFactory(
            title=f"Module week {week}",
            learning_track=track,
            start=in_days(7 * week, 13),
            end=in_days(7 * week, 17),
        )
    return track


def test_the_leergang_page_lists_its_sessions_and_what_it_asks(client, track):
    html = html_of(client, track)

    assert "<h1>Leergang opgave-sturing</h1>" in html
    assert html.index("Module week 3") < html.index("Module week 5") < html.index("Module week 7")
    assert 'href="/activiteiten/' in html
    assert "minstens 2 sessies" in html
    assert "Zelf een opgave leren sturen." in html
    assert "Opgave-managers in spe." in html
    assert "€\xa0450,00 voor niet-leden" in html
    assert f'href="{track.url}aanmelden/"' in html


def test_a_booked_leergang_shows_progress(client, track):
    user = member()
    sessions = list(track.session_pages())
    for session in sessions:
        RegistrationFactory(event=session, user=user, learning_track=track)
    attend(Registration.objects.get(event=sessions[0], user=user))
    with time_machine.travel(sessions[0].end):
        client.force_login(user)
        response = client.get(track.url)
    html = response.content.decode()

    assert "Je hebt deze leergang geboekt" in html
    assert "Je was bij 1 sessie." in html
    assert "Voor het certificaat heb je er 2 nodig." in html
    assert html.count("Je bent aangemeld") == 3
    assert "private" in response["Cache-Control"]

    attend(Registration.objects.get(event=sessions[1], user=user))
    with time_machine.travel(sessions[1].end):
        client.force_login(user)
        assert "Je hebt de leergang afgerond." in html_of(client, track)


def test_right_after_booking_the_leergang_says_what_was_booked_not_attendance(client, track):
    user = member()
    sessions = list(track.session_pages())
    for session in sessions[:2]:
        RegistrationFactory(event=session, user=user, learning_track=track)
    RegistrationFactory(
        event=sessions[2], user=user, learning_track=track, status=RegistrationStatus.WAITLISTED
    )
    client.force_login(user)

    html = html_of(client, track)
    assert "Je hebt deze leergang geboekt" in html
    assert (
        "Je bent aangemeld voor 2 sessies; na afloop zie je hier hoeveel je er hebt bijgewoond."
        in html
    )
    assert "Voor 1 sessie sta je op de wachtlijst." in html
    assert "Je was bij" not in html and "<progress" not in html

    # Once a booked session has begun, attendance is what there is to tell.
    first = sessions[0]
    first.start, first.end = in_days(-1, 13), in_days(-1, 17)
    first.save()
    html = html_of(client, track)
    assert "Je was bij 0 sessies." in html
    assert "Voor het certificaat heb je er 2 nodig." in html
    assert "Je bent aangemeld voor 2 sessies" not in html


def test_leergang_sessions_follow_the_access_policy(client, track):
    EventPageFactory(title="Module voor leden", learning_track=track, visibility="members")
    assert "Module voor leden" not in html_of(client, track)
    client.force_login(member())
    assert "Module voor leden" in html_of(client, track)


def test_a_user_without_registrations_sees_no_progress(client, track):
    client.force_login(UserFactory())
    html = html_of(client, track)
    assert "Leergang boeken" in html
    assert "Je was bij" not in html


def test_an_unsaved_page_can_be_previewed(rf, home_page):
    """The admin previews a new page before it has a database row or an address."""
    staff = StaffFactory()
    event = EventPage(
        title="Nieuw",
        intro="Nog niet gepubliceerd.",
        start=in_days(30),
        end=in_days(30, 16),
        venue="Ergens",
        capacity=10,
    )
    track = LearningTrackPageFactory.build(title="Nieuwe leergang")
    for page in (event, track):
        request = rf.get("/")
        request.user = staff
        response = page.serve_preview(request, page.default_preview_mode)
        response.render()
        assert response.status_code == 200
        assert "Aanmelden kan zodra deze pagina is gepubliceerd." in response.content.decode()
