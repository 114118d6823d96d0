"""`manage.py apply_retention` at the edges: mails never sent, sessions ended elsewhere,
and the audit log of who viewed attendee data."""

import datetime
import io

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core.management import call_command

from events.models import AuditAction, AuditEntry
from leerhuis.core.models import OutboxMessage
from tests.factories import PASSWORD, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 9, 1, 4, 0, tzinfo=datetime.UTC)


def ago(days):
    return NOW - datetime.timedelta(days=days)


def apply_retention():
    with time_machine.travel(NOW, tick=False):
        call_command("apply_retention", stdout=io.StringIO())


def mail(key, written, sent=None):
    message = OutboxMessage.objects.create(key=key, to="a@veenendaal.nl", subject=key, text="")
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=written, sent_at=sent)


def test_mails_go_a_period_after_sending_or_after_writing_when_never_sent(settings):
    settings.OUTBOX_RETENTION_DAYS = 90
    mail("verstuurd-lang-geleden", ago(100), sent=ago(91))
    mail("verstuurd-onlangs", ago(100), sent=ago(89))  # a retry after a long outage
    mail("nooit-verstuurd-oud", ago(91))
    mail("nooit-verstuurd-nieuw", ago(1))
    apply_retention()
    assert sorted(OutboxMessage.objects.values_list("key", flat=True)) == [
        "nooit-verstuurd-nieuw",
        "verstuurd-onlangs",
    ]


def test_a_live_session_stays_and_one_ended_elsewhere_loses_its_device_row(client):
    user = UserFactory()
    with time_machine.travel(NOW - datetime.timedelta(hours=1), tick=False):
        client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
        laptop = type(client)()
        laptop.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert UserSession.objects.filter(user=user).count() == 2
    # The laptop's session is gone from the store (flushed, as a cache outage or a server-side
    # logout can leave it), but its row with IP address and browser stayed.
    Session.objects.filter(session_key=laptop.session.session_key).delete()
    apply_retention()
    assert list(UserSession.objects.values_list("session_key", flat=True)) == [
        client.session.session_key
    ]
    with time_machine.travel(NOW, tick=False):
        assert client.get("/mijn-leerhuis/").status_code == 200


def test_the_audit_log_keeps_its_period(settings):
    settings.AUDIT_LOG_RETENTION_DAYS = 730
    staff = StaffFactory()
    for days in (731, 729):
        entry = AuditEntry.objects.create(
            user=staff, user_label="Toin", action=AuditAction.BEKEKEN, what=f"{days}"
        )
        AuditEntry.objects.filter(pk=entry.pk).update(at=ago(days))
    apply_retention()
    assert list(AuditEntry.objects.values_list("what", flat=True)) == ["729"]


def test_invitations_go_a_period_after_they_expired(settings):
    """A colleague's or invitee's address, of someone who may never have had an account."""
    from events.models import PlaceInvitation
    from members.models import GroepUitnodiging
    from tests.community_factories import GroepFactory
    from tests.events_factories import RegistrationFactory

    settings.INVITATION_RETENTION_DAYS = 90
    for name, expired in (("oud", 91), ("recent", 89)):
        PlaceInvitation.objects.create(
            registration=RegistrationFactory(),
            email=f"{name}@veenendaal.nl",
            token_hash=name * 8,
            created_at=ago(expired + 7),
            expires_at=ago(expired),
        )
    groep = GroepFactory()
    for name, expired in (("oud", 91), ("recent", 89)):
        invitation = GroepUitnodiging.objects.create(groep=groep, email=f"{name}@veenendaal.nl")
        written = ago(expired) - GroepUitnodiging.VALID_FOR
        GroepUitnodiging.objects.filter(pk=invitation.pk).update(created_at=written)
    apply_retention()
    assert list(PlaceInvitation.objects.values_list("email", flat=True)) == ["recent@veenendaal.nl"]
    assert list(GroepUitnodiging.objects.values_list("email", flat=True)) == [
        "recent@veenendaal.nl"
    ]
