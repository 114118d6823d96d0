"""A meeting page's announcement: all it holds, each visitor's price, the online link for whom."""

import datetime

import pytest
import wagtail_factories
from django.utils import timezone

from events.models import EventSpeaker, ProgrammeSlot, RegistrationStatus
from tests.events.helpers.event_page import html_of
from tests.events_factories import EventPageFactory, RegistrationFactory, guest, member
from tests.events_factories import themes as vocabulary
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


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
