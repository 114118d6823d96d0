import time

import pytest
import time_machine
from django.core import mail
from django.test import override_settings

from tests.factories import PASSWORD, StaffFactory, UserFactory
from tests.members.mfa import activate_totp, has_totp, totp_code

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
MFA_AUTHENTICATE = "/accounts/2fa/authenticate/"


def password_login(client, user):
    return client.post(LOGIN, {"login": user.email, "password": PASSWORD})


def test_wagtail_login_page_sends_everyone_to_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


def test_a_password_posted_to_wagtails_login_does_not_log_in(client):
    staff = StaffFactory()
    response = client.post("/admin/login/", {"username": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_anonymous_admin_visit_goes_to_the_allauth_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_staff_without_an_authenticator_must_set_one_up_first(client):
    staff = StaffFactory()
    password_login(client, staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/?next=%2Fadmin%2F"
    # Deeper admin URLs are closed the same way.
    assert client.get("/admin/pages/").status_code == 302
    assert client.get("/admin/users/").status_code == 302


def test_setting_up_totp_then_confirming_a_code_opens_the_admin(client):
    staff = StaffFactory()
    password_login(client, staff)
    setup_url = client.get("/admin/")["Location"]
    # allauth asks for the password once more before a second factor is added.
    response = client.get(setup_url)
    assert response["Location"].startswith("/accounts/reauthenticate/")
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response["Location"] == setup_url
    activate_page = client.get(setup_url)
    assert activate_page.status_code == 200
    assert "QR-code" in activate_page.content.decode()
    secret = client.session["mfa.totp.secret"]
    activated = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert activated.status_code == 302
    assert has_totp(staff)

    # Activating is not using it in this session: confirm a fresh code first.
    with time_machine.travel(time.time() + 31, tick=False):
        response = client.get("/admin/")
        assert response["Location"] == "/accounts/2fa/reauthenticate/?next=%2Fadmin%2F"
        reauth = client.post(response["Location"], {"code": totp_code(secret)})
        assert reauth["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200


def test_staff_with_totp_log_in_with_password_and_code(client):
    staff = StaffFactory()
    secret = activate_totp(staff)
    response = password_login(client, staff)
    assert response["Location"] == MFA_AUTHENTICATE
    assert "_auth_user_id" not in client.session  # the password alone is not a login
    response = client.post(MFA_AUTHENTICATE, {"code": totp_code(secret)})
    assert response.status_code == 302
    admin = client.get("/admin/")
    assert admin.status_code == 200


def test_a_wrong_code_is_refused_in_dutch(client):
    staff = StaffFactory()
    secret = activate_totp(staff)
    password_login(client, staff)
    wrong = str((int(totp_code(secret)) + 1) % 1_000_000).zfill(6)
    response = client.post(MFA_AUTHENTICATE, {"code": wrong})
    assert response.status_code == 200
    assert "Ongeldige code" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_forced_session_without_mfa_is_still_refused(client):
    """A staff session that skipped allauth (e.g. an old session) has no MFA record."""
    staff = StaffFactory()
    activate_totp(staff)
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "reauthenticate" in response["Location"]


def test_members_without_admin_rights_are_not_sent_to_mfa_setup(client):
    member = UserFactory()
    password_login(client, member)
    response = client.get("/admin/")
    assert response.status_code in {302, 403}
    assert "2fa" not in response.get("Location", "")


@override_settings(DEBUG=False, LEERHUIS_ADMIN_MFA_EXEMPT=["beheer@leerhuis.example"])
def test_the_demo_exemption_means_nothing_without_debug(client):
    staff = StaffFactory(email="beheer@leerhuis.example")
    password_login(client, staff)
    assert client.get("/admin/").status_code == 302


@override_settings(DEBUG=True, LEERHUIS_ADMIN_MFA_EXEMPT=["beheer@leerhuis.example"])
def test_the_demo_editor_may_skip_mfa_only_while_debug_is_on(client):
    staff = StaffFactory(email="beheer@leerhuis.example")
    password_login(client, staff)
    assert client.get("/admin/").status_code == 200
    other = StaffFactory(email="redactie@leerhuis.example")
    client.post("/accounts/logout/")
    password_login(client, other)
    assert client.get("/admin/").status_code == 302


def test_wagtail_user_admin_uses_the_full_name(admin_client_with_mfa):
    client = admin_client_with_mfa
    page = client.get("/admin/users/new/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="full_name"' in html and 'name="first_name"' not in html
    assert 'name="password1"' not in html  # passwords only through allauth
    response = client.post(
        "/admin/users/new/", {"email": "nieuw@zaanstad.nl", "full_name": "Fernando Salinas Camara"}
    )
    assert response.status_code == 302
    from django.contrib.auth import get_user_model

    assert get_user_model().objects.get(email="nieuw@zaanstad.nl").full_name == (
        "Fernando Salinas Camara"
    )


def test_wagtail_account_page_edits_the_full_name_and_not_the_email(admin_client_with_mfa):
    client = admin_client_with_mfa
    page = client.get("/admin/account/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="name_email-full_name"' in html
    assert 'name="name_email-email"' not in html
    assert 'name="password-new_password1"' not in html


def test_wagtails_front_end_login_goes_to_allauth_too(client):
    """wagtail.urls carries Django's plain password form: no verification, no rate limit."""
    unverified = UserFactory(verified=False)
    response = client.get("/_util/login/?next=/over-ons/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/over-ons/"
    client.post("/_util/login/", {"username": unverified.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_the_gate_holds_behind_a_url_prefix(client):
    staff = StaffFactory()
    password_login(client, staff)
    response = client.get("/admin/users/", SCRIPT_NAME="/leerhuis")
    assert response.status_code == 302
    assert "2fa/totp/activate" in response["Location"]


def test_staff_without_mfa_can_still_log_out_of_the_admin(client):
    staff = StaffFactory()
    password_login(client, staff)
    client.post("/admin/logout/")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db(transaction=True)  # allauth mails on commit, inside the request
def test_setting_up_an_authenticator_is_mailed_to_the_owner(client):
    staff = StaffFactory()
    password_login(client, staff)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]
    client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert has_totp(staff)
    assert [m.to for m in mail.outbox] == [[staff.email]]


def test_staff_cannot_change_an_address_without_verification(admin_client_with_mfa):
    client = admin_client_with_mfa
    member = UserFactory(email="lid@veenendaal.nl", full_name="Astrid van de Klift")
    response = client.post(
        f"/admin/users/edit/{member.pk}/",
        {"email": "nieuw@elders.nl", "full_name": "Astrid van de Klift", "is_active": "on"},
    )
    assert response.status_code in {200, 302}
    member.refresh_from_db()
    assert member.email == "lid@veenendaal.nl"


def test_the_admin_makes_no_third_party_requests(admin_client_with_mfa):
    """Editors' browsers are not sent to Gravatar or Wagtail's release server."""
    html = admin_client_with_mfa.get("/admin/").content.decode()
    assert "gravatar.com" not in html
    assert "releases.wagtail" not in html
