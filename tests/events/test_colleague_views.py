"""collega/ of a meeting and the colleague's link: what the sender and the colleague see."""

import datetime
import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import services
from events.models import InvitationStatus, PlaceInvitation, Registration, RegistrationStatus
from leerhuis.core import outbox
from members.adapter import RETURN_AFTER_VERIFICATION
from tests.events.helpers.registration_views import text
from tests.events_factories import EventPageFactory, RegistrationFactory, guest, in_days, member
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

DOMAIN = "veenendaal.nl"


@pytest.fixture
def place():
    OrganisationFactory(name="Gemeente Veenendaal", domain=DOMAIN)
    me = UserFactory(email=f"astrid@{DOMAIN}", full_name="Astrid de Vries")
    registration, _ = services.register(EventPageFactory(title="Studiedag"), me)
    return registration


def send_url(registration):
    return f"{registration.event.url}collega/"


def invite(registration, email=f"ruud@{DOMAIN}"):
    invitation, token = services.invite_colleague(registration, email, registration.user)
    return invitation, f"{registration.event.url}collega/{token}/"


# --- the sender --------------------------------------------------------------------------


def test_the_sender_invites_keeps_the_place_and_can_withdraw(client, place, mails):
    client.force_login(place.user)
    page = client.get(send_url(place))
    assert page.status_code == 200
    assert "Een collega van Gemeente Veenendaal kan je plaats overnemen" in text(page)
    assert "nog geen account nodig" in text(page)
    assert "private" in page["Cache-Control"]

    response = client.post(send_url(place), {"email": f"ruud@{DOMAIN}"}, follow=True)

    assert response.redirect_chain[-1][0] == place.event.url
    assert f"We hebben ruud@{DOMAIN} uitgenodigd" in text(response)
    place.refresh_from_db()
    assert place.status == RegistrationStatus.CONFIRMED
    invitation = PlaceInvitation.objects.get()
    assert [m.to for m in mails][1:] == [[f"ruud@{DOMAIN}"]]  # after the confirmation

    until = timezone.localtime(invitation.expires_at)
    dashboard = text(client.get("/mijn-leerhuis/"))
    assert f"Uitnodiging verstuurd aan ruud@{DOMAIN}, geldig tot {until:%-d}" in dashboard
    assert f'href="{send_url(place)}"' in dashboard
    page = text(client.get(send_url(place)))
    assert f"Uitnodiging verstuurd aan ruud@{DOMAIN}, geldig tot" in page
    assert "Uitnodiging intrekken" in page

    response = client.post(send_url(place), {"action": "intrekken"}, follow=True)
    assert "Je uitnodiging aan ruud@veenendaal.nl is ingetrokken" in text(response)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.WITHDRAWN
    assert "Uitnodiging verstuurd aan" not in text(client.get("/mijn-leerhuis/"))


def test_the_dashboard_lists_invitations_in_the_same_number_of_queries(client, place):
    invite(place)
    client.force_login(place.user)
    client.get("/mijn-leerhuis/aanmeldingen/")  # sessions and caches warm
    with CaptureQueriesContext(connection) as one:
        client.get("/mijn-leerhuis/aanmeldingen/")
    for _ in range(5):
        registration, _ = services.register(EventPageFactory(), place.user)
        invite(registration)
    with CaptureQueriesContext(connection) as six:
        html = text(client.get("/mijn-leerhuis/aanmeldingen/"))
    assert html.count("Uitnodiging verstuurd aan") == 6
    assert len(six) == len(one)


def test_an_address_that_cannot_be_invited_is_explained_at_the_field(client, place):
    client.force_login(place.user)
    for address, message in [
        ("ruud@gmail.com", "Dit is geen adres van Gemeente Veenendaal"),
        (place.user.email.upper(), "niet je eigen"),
        ("geen adres", "Vul een geldig e-mailadres in"),
        ("", "Vul het e-mailadres van je collega in."),
    ]:
        response = client.post(send_url(place), {"email": address})
        assert response.status_code == 200, address
        assert message in text(response), address
        assert "Controleer wat je hebt ingevuld" in text(response)
    assert not PlaceInvitation.objects.exists()


@pytest.mark.parametrize(
    ("case", "says"),
    [
        ("waiting", "Een plaats op de wachtlijst kun je niet aan een collega geven"),
        ("guest", "organisatie die lid is van de vereniging"),
        ("begun", "al begonnen of gaat niet door"),
    ],
)
def test_where_it_cannot_work_the_page_says_why_and_offers_no_form(client, case, says):
    if case == "waiting":
        event = EventPageFactory(capacity=1)
        RegistrationFactory(event=event)
        person = member()
        RegistrationFactory(event=event, user=person, status=RegistrationStatus.WAITLISTED)
    elif case == "guest":
        event, person = EventPageFactory(), guest()
        RegistrationFactory(event=event, user=person)
    else:
        event, person = EventPageFactory(start=in_days(-1, 10), end=in_days(1, 16)), member()
        RegistrationFactory(event=event, user=person)
    client.force_login(person)

    page = client.get(f"{event.url}collega/")
    posted = client.post(f"{event.url}collega/", {"email": f"x@{person.email.split('@')[1]}"})

    for response in (page, posted):
        assert response.status_code == 409
        assert says in text(response)
        assert 'name="email"' not in text(response)
    assert not PlaceInvitation.objects.exists()
    assert "collega/" not in text(client.get(event.url))  # and the page offers no link


def test_only_the_owner_reaches_the_form(client, place):
    assert client.get(send_url(place)).status_code == 302  # anonymous: log in
    client.force_login(member())
    assert client.get(send_url(place)).status_code == 404
    response = client.post(send_url(place), {"registration": place.pk, "email": "x@y.nl"})
    assert response.status_code == 404
    assert not PlaceInvitation.objects.exists()


# --- the colleague -----------------------------------------------------------------------


def test_a_colleague_without_an_account_is_asked_to_log_in_and_comes_back(client, place):
    _invitation, url = invite(place)

    page = client.get(url)

    assert page.status_code == 200
    assert "Astrid de Vries kan niet komen en geeft de plaats aan jou" in text(page)
    assert f'href="/accounts/login/?next={url}"' in text(page)
    assert f'href="/accounts/signup/?next={url}"' in text(page)
    assert client.session[RETURN_AFTER_VERIFICATION] == url


def test_signing_up_and_verifying_leads_back_to_the_invitation(client, place):
    _invitation, url = invite(place)
    client.get(url)
    response = client.post(
        "/accounts/signup/",
        {
            "email": f"ruud@{DOMAIN}",
            "full_name": "Ruud Smit",
            "password1": "een-lang-wachtwoord-4821",
            "password2": "een-lang-wachtwoord-4821",
        },
    )
    assert response.status_code == 302, text(response)
    outbox.deliver_pending()
    [verify] = [m for m in mail.outbox if "/accounts/confirm-email/" in m.body]
    link = re.search(r"/accounts/confirm-email/([^/\s]+)/", verify.body)
    assert link, verify.body

    confirmed = client.post(f"/accounts/confirm-email/{link.group(1)}/")

    assert confirmed.status_code == 302
    assert confirmed["Location"] == f"/accounts/login/?next={url.replace('/', '%2F')}"


def test_the_invited_colleague_sees_the_price_and_takes_over(client, place):
    invitation, url = invite(place)
    colleague = UserFactory(email=f"Ruud@{DOMAIN}", full_name="Ruud Smit")
    client.force_login(colleague)

    page = client.get(url)
    assert page.status_code == 200
    assert "Gratis voor leden" in text(page) and "Gemeente Veenendaal is lid" in text(page)
    assert "Plaats overnemen" in text(page)
    assert not Registration.objects.filter(user=colleague).exists()  # a GET changes nothing

    response = client.post(url, {"action": "overnemen"}, follow=True)

    assert response.redirect_chain[-1][0] == place.event.url
    assert "Je hebt de plaats van Astrid de Vries overgenomen" in text(response)
    assert "Je bent aangemeld" in text(response)
    assert Registration.objects.get(user=colleague).status == RegistrationStatus.CONFIRMED
    again = client.get(url)
    assert again.status_code == 200 and "Je hebt deze plaats overgenomen." in text(again)


def test_another_account_or_an_unverified_address_is_refused_in_dutch(client, place):
    _invitation, url = invite(place)
    client.force_login(UserFactory(email=f"iemand@{DOMAIN}"))
    page = client.get(url)
    assert page.status_code == 200
    assert f"Deze uitnodiging is voor ruud@{DOMAIN}, maar je bent ingelogd als" in text(page)
    assert 'value="overnemen"' not in text(page)
    refused = client.post(url, {"action": "overnemen"})
    assert refused.status_code == 200 and "maar je bent ingelogd als" in text(refused)

    unverified = UserFactory(email=f"ruud@{DOMAIN}", verified=False)
    EmailAddress.objects.get_or_create(user=unverified, email=unverified.email)
    client.force_login(unverified)
    assert "Bevestig eerst je e-mailadres" in text(client.get(url))
    assert Registration.objects.active().get(event=place.event) == place


def test_an_expired_link_says_so(client, place):
    _invitation, url = invite(place)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        # Logged in that day: a login of a week ago would have ended by itself.
        client.force_login(UserFactory(email=f"ruud@{DOMAIN}"))
        for response in (client.get(url), client.post(url, {"action": "overnemen"})):
            assert response.status_code == 200
            assert "Deze uitnodiging is verlopen." in text(response)
    assert Registration.objects.active().get(event=place.event) == place


def test_an_unknown_link_is_a_dutch_404(client, place):
    _invitation, url = invite(place)
    other = EventPageFactory()
    for wrong in (
        f"{place.event.url}collega/verzonnen/",
        url.replace(place.event.slug, other.slug),
        f"{place.event.url}collega/{'x' * 300}/",
    ):
        response = client.get(wrong)
        assert response.status_code == 404, wrong
        assert "Deze link werkt niet" in text(response)


def test_the_colleague_can_say_no_without_logging_in(client, place):
    invitation, url = invite(place)
    response = client.post(url, {"action": "afslaan"})
    assert response.status_code == 200
    assert "Je hebt de uitnodiging afgeslagen." in text(response)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    outbox.deliver_pending()
    assert any(m.to == [place.email] and "niet over" in m.subject for m in mail.outbox)
    assert "Deze uitnodiging is afgeslagen." in text(client.get(url))


def test_a_link_after_the_sender_cancelled_says_the_place_is_gone(client, place):
    _invitation, url = invite(place)
    services.cancel(place, place.user)
    client.force_login(UserFactory(email=f"ruud@{DOMAIN}"))
    page = client.get(url)
    assert page.status_code == 200
    assert "de plaats is niet meer vrij" in text(page)


def test_only_a_path_of_this_site_is_a_way_back_after_verifying(rf):
    from allauth.core import context
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore
    from django.shortcuts import resolve_url

    from members.adapter import AccountAdapter

    for back, expected in [
        (
            "/activiteiten/x/collega/abc/",
            "/accounts/login/?next=%2Factiviteiten%2Fx%2Fcollega%2Fabc%2F",
        ),
        ("https://elders.example/", "/accounts/login/"),
        ("//elders.example/", "/accounts/login/"),
        ("", "/accounts/login/"),
    ]:
        request = rf.get("/")
        request.user = AnonymousUser()
        request.session = SessionStore()
        request.session[RETURN_AFTER_VERIFICATION] = back
        with context.request_context(request):
            url = AccountAdapter(request).get_email_verification_redirect_url(None)
        assert resolve_url(url) == expected, back
