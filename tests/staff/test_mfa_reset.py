"""An administrator (superuser) resets a colleague's two-step verification: a confirmation
page, then a POST that removes every authenticator, writes Wagtail's log and mails the
colleague; at the next admin login the colleague sets up an app again. Nobody else can."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils.html import escape
from wagtail.log_actions import registry as log_actions
from wagtail.models import ModelLogEntry

from leerhuis.core import outbox
from leerhuis.staff.mfa import MFA_RESET
from leerhuis.staff.roles import LEDENBEHEER
from tests.factories import PASSWORD, StaffFactory
from tests.members.mfa import activate_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague():
    user = StaffFactory(is_superuser=False, full_name="Joke 't Hart", email="joke@leerhuis.example")
    user.groups.add(Group.objects.get(name=LEDENBEHEER))
    activate_totp(user)
    RecoveryCodes.activate(user)
    Authenticator.objects.create(user=user, type=Authenticator.Type.WEBAUTHN, data={})
    return user


def reset_url(user):
    return reverse("staff_mfa_reset", args=[user.pk])


def test_an_administrator_resets_a_colleagues_mfa_after_confirming(
    client, login_with_mfa, colleague
):
    admin = StaffFactory(full_name="Ad Beheerder")  # a superuser
    login_with_mfa(client, admin)
    assert "Tweestapsverificatie herstellen" in client.get("/admin/users/").content.decode()

    page = client.get(reset_url(colleague))
    assert page.status_code == 200
    assert escape("Joke 't Hart") in page.content.decode()
    assert Authenticator.objects.filter(user=colleague).count() == 3  # GET removes nothing

    response = client.post(reset_url(colleague))
    assert response["Location"] == reverse("wagtailusers_users:edit", args=[colleague.pk])
    assert not Authenticator.objects.filter(user=colleague).exists()
    entry = ModelLogEntry.objects.get(action=MFA_RESET)
    assert (entry.user, entry.object_id) == (admin, str(colleague.pk))
    assert str(log_actions.get_action_label(MFA_RESET)) == (
        "Tweestapsverificatie hersteld door een beheerder"
    )
    outbox.deliver_pending()
    (sent,) = [message for message in mail.outbox if message.to == [colleague.email]]
    assert sent.subject == "Je tweestapsverificatie is opnieuw ingesteld"
    assert "Ad Beheerder" in sent.body


def test_the_colleague_sets_up_mfa_again_at_the_next_admin_login(client, colleague):
    admin = StaffFactory()
    from leerhuis.staff.mfa import reset_mfa

    reset_mfa(colleague, admin)
    client.post("/accounts/login/", {"login": colleague.email, "password": PASSWORD})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("method", ["get", "post"])
def test_other_staff_cannot_reset_and_nothing_is_removed(client, login_with_mfa, colleague, method):
    other = StaffFactory(is_superuser=False)
    other.groups.add(Group.objects.get(name=LEDENBEHEER))
    login_with_mfa(client, other)
    response = getattr(client, method)(reset_url(colleague))
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    client.logout()
    response = getattr(client, method)(reset_url(colleague))  # anonymous
    assert response.status_code == 302 and "login" in response["Location"]
    assert Authenticator.objects.filter(user=colleague).count() == 3
    assert not ModelLogEntry.objects.filter(action=MFA_RESET).exists()


def test_an_administrator_keeps_their_own_mfa_here(client, login_with_mfa):
    admin = StaffFactory()
    login_with_mfa(client, admin)
    client.post(reset_url(admin))
    assert Authenticator.objects.filter(user=admin).exists()
