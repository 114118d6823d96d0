"""Download my data and delete my account (AVG/GDPR)."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from wagtail import hooks

from members import affiliations
from members.dashboard import DELETE_HOOK, EXPORT_HOOK, SECTIONS_HOOK, Section
from members.models import Affiliation, AffiliationChange
from tests.factories import PASSWORD, OrganisationFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db
EXPORT = "/mijn-leerhuis/mijn-gegevens/"
DELETE = "/mijn-leerhuis/account-verwijderen/"


@pytest.fixture
def veenendaal():
    return OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")


def test_export_holds_my_data_and_nobody_elses(client, veenendaal):
    me = UserFactory(
        full_name="Astrid van de Klift",
        email="astrid@veenendaal.nl",
        function="opgave-manager",
        bio="Gemeentesecretaris.",
    )
    colleague = UserFactory(full_name="Francois van Doesburg", email="francois@veenendaal.nl")
    staff = StaffFactory(full_name="Toin Routers", email="t.routers@vpng.example")
    affiliations.link_manually(me, veenendaal, "Gedetacheerd via het projectbureau", by=staff)
    client.force_login(me)

    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-gegevens-')
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    data = json.loads(response.content)

    assert data["account"]["naam"] == "Astrid van de Klift"
    assert data["account"]["functie"] == "Opgave-manager"
    assert data["account"]["introductie"] == "Gemeentesecretaris."
    assert data["e-mailadressen"] == [
        {"e-mailadres": "astrid@veenendaal.nl", "bevestigd": True, "primair": True}
    ]
    assert data["organisatie"]["organisatie"] == "Gemeente Veenendaal"
    assert data["organisatie"]["reden"] == "Gedetacheerd via het projectbureau"
    assert data["lidmaatschap"]["lid"] is True
    assert len(data["geschiedenis_organisatie"]) == 2
    text = response.content.decode()
    for foreign in [colleague.full_name, colleague.email, staff.full_name, staff.email]:
        assert foreign not in text
    assert "password" not in text and "pbkdf2" not in text and "md5$" not in text


def test_export_needs_a_login(client):
    response = client.get(EXPORT)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={EXPORT}"


def test_apps_add_their_own_data_to_the_export(client):
    user = UserFactory()

    def registrations(u):
        return ("aanmeldingen", [{"activiteit": "Studiedag", "van": u.email}])

    with hooks.register_temporarily(EXPORT_HOOK, registrations):
        client.force_login(user)
        data = client.get(EXPORT).json()
    assert data["aanmeldingen"] == [{"activiteit": "Studiedag", "van": user.email}]


def test_apps_add_sections_to_the_dashboard(client):
    def my_registrations(request):
        return Section(
            title="Mijn aanmeldingen",
            template="members/includes/section_text.html",
            context={"text": f"Aanmeldingen van {request.user.full_name}"},
        )

    user = UserFactory(full_name="Ruud de Smit")
    client.force_login(user)
    with hooks.register_temporarily(SECTIONS_HOOK, my_registrations):
        html = client.get("/mijn-leerhuis/").content.decode()
    assert "<h2" in html and "Mijn aanmeldingen</h2>" in html
    assert "Aanmeldingen van Ruud de Smit" in html


def reauthenticate(client, password=PASSWORD):
    """Enter the password again, as allauth asks before a sensitive step."""
    return client.post("/accounts/reauthenticate/", {"password": password})


def test_a_session_alone_cannot_delete_the_account(client):
    """Someone at an unlocked laptop must know the password (or code) first."""
    user = UserFactory()
    client.force_login(user)
    response = client.post(DELETE, {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/?next=")
    assert get_user_model().objects.filter(pk=user.pk).exists()
    response = reauthenticate(client, "fout-wachtwoord")
    assert response.status_code == 200
    assert client.post(DELETE, {"confirm": "on"}).status_code == 302
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_delete_asks_for_confirmation_first(client, veenendaal):
    user = UserFactory(email="astrid@veenendaal.nl")
    client.force_login(user)
    reauthenticate(client)
    response = client.get(DELETE)
    assert response.status_code == 200
    assert "Dit kan niet ongedaan worden gemaakt." in response.content.decode()
    response = client.post(DELETE, {})
    assert response.status_code == 200
    assert "Vink aan dat je dit begrijpt." in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_delete_removes_login_and_personal_data(client, veenendaal):
    from allauth.usersessions.models import UserSession
    from wagtail.models import ModelLogEntry

    staff = StaffFactory()
    user = UserFactory(email="astrid@veenendaal.nl", full_name="Astrid van de Klift")
    affiliations.link_manually(user, veenendaal, "Handmatig", by=staff)
    ModelLogEntry.objects.log_action(user, "wagtail.edit", user=staff)
    other = UserFactory(email="francois@veenendaal.nl")
    anonymised = []
    # Logged in on a second device too.
    other_device = type(client)()
    other_device.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert other_device.get("/mijn-leerhuis/").status_code == 200
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert UserSession.objects.filter(user=user).count() == 2
    reauthenticate(client)

    with hooks.register_temporarily(DELETE_HOOK, lambda u: anonymised.append(u.pk)):
        response = client.post(DELETE, {"confirm": "on"})

    assert response.status_code == 302 and response["Location"] == "/"
    assert anonymised == [user.pk]  # apps anonymised their records first
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not EmailAddress.objects.filter(email="astrid@veenendaal.nl").exists()
    assert not Affiliation.objects.filter(user_id=user.pk).exists()
    assert not AffiliationChange.objects.filter(user_id=user.pk).exists()
    assert not UserSession.objects.filter(user_id=user.pk).exists()
    # The admin's audit log keeps the event, not the name.
    assert not ModelLogEntry.objects.filter(label__contains="Astrid").exists()
    # Someone else's records stay.
    assert Affiliation.objects.filter(user=other).exists()
    # Both sessions are gone and the login no longer works.
    assert client.get("/mijn-leerhuis/").status_code == 302
    assert other_device.get("/mijn-leerhuis/").status_code == 302
    assert not client.login(username="astrid@veenendaal.nl", password=PASSWORD)
    response = client.post(
        "/accounts/login/", {"login": "astrid@veenendaal.nl", "password": PASSWORD}
    )
    assert response.status_code == 200  # the login form again, with an error


def test_deleting_an_account_in_the_admin_also_lets_apps_anonymise_first():
    user = UserFactory()
    anonymised = []
    with hooks.register_temporarily(DELETE_HOOK, lambda u: anonymised.append(u.pk)):
        get_user_model().objects.filter(pk=user.pk).delete()
    assert anonymised == [user.pk]


def test_deleting_a_staff_member_keeps_decisions_they_made_without_their_name(client, veenendaal):
    staff = StaffFactory()
    user = UserFactory(email="a@elders.nl")
    affiliations.link_manually(user, veenendaal, "Bevestigd per mail", by=staff)
    get_user_model().objects.filter(pk=staff.pk).delete()
    change = AffiliationChange.objects.get(user=user, reason="Bevestigd per mail")
    assert change.by is None
    assert Affiliation.objects.get(user=user).organisation == veenendaal


def test_staff_cannot_delete_their_own_account_here(client):
    staff = StaffFactory()
    client.force_login(staff)
    response = client.post(DELETE, {"confirm": "on"})
    assert response.status_code == 403
    assert "Vraag het beheer" in response.content.decode()
    assert get_user_model().objects.filter(pk=staff.pk).exists()


def test_delete_needs_a_login(client):
    response = client.post(DELETE, {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
