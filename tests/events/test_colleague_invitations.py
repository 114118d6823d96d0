"""Stuur een collega, as the verbs decide it: invite by work address, accept after
verifying it, expire, decline, withdraw; and refused where it cannot work."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from wagtail.models import ModelLogEntry

from events import services
from events.models import InvitationStatus, PlaceInvitation, Registration, RegistrationStatus
from events.models.invitations import hash_token
from events.services import Answers, RegistrationError
from events.services import colleague as invitations
from tests.events.helpers.services import subjects
from tests.events_factories import EventPageFactory, guest, in_days, member
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

DOMAIN = "veenendaal.nl"


@pytest.fixture
def place():
    """A member of Veenendaal with a confirmed place at a meeting in three weeks."""
    OrganisationFactory(name="Gemeente Veenendaal", domain=DOMAIN, domain__subdomains=True)
    me = UserFactory(email=f"astrid@{DOMAIN}", full_name="Astrid de Vries")
    registration, _ = services.register(EventPageFactory(capacity=1), me)
    return registration


def invite(registration, email=f"ruud@{DOMAIN}", **kwargs):
    return services.invite_colleague(registration, email, registration.user, **kwargs)


def test_the_colleague_is_invited_and_the_sender_keeps_the_place(place, mails):
    invitation, token = invite(place, "Ruud@Veenendaal.nl")

    place.refresh_from_db()
    assert place.status == RegistrationStatus.CONFIRMED and place.replaced_by is None
    assert invitation.is_open() and invitation.email == "Ruud@Veenendaal.nl"
    assert invitation.token_hash == hash_token(token) and token not in invitation.token_hash
    assert invitation.expires_at == invitation.created_at + datetime.timedelta(days=7)
    [sent] = [m for m in mails if m.to == ["Ruud@Veenendaal.nl"]]
    assert sent.subject == f"Astrid de Vries geeft je een plaats: {place.event.title}"
    assert f"/activiteiten/{place.event.slug}/collega/{token}/" in sent.body
    assert "nog geen account" in sent.body
    assert invitations.find(token) == invitation
    assert invitations.find("geraden") is None


def test_accepting_after_signing_up_passes_the_place_and_both_hear_it(place, mails):
    invitation, _token = invite(place)
    # The colleague had no account when invited; they make one and verify the address.
    colleague = UserFactory(email=f"ruud@{DOMAIN}", full_name="Ruud Smit")

    theirs = services.accept_invitation(invitation, colleague)

    place.refresh_from_db()
    invitation.refresh_from_db()
    assert place.status == RegistrationStatus.CANCELLED and place.replaced_by == theirs
    assert theirs.status == RegistrationStatus.CONFIRMED and theirs.user == colleague
    assert theirs.is_member and theirs.price == 0 and theirs.organisation == place.organisation
    assert invitation.status == InvitationStatus.ACCEPTED
    assert f"Je plaats is overgedragen: {place.event.title}" in subjects(mails, place.email)
    assert f"Je bent aangemeld: {place.event.title}" in subjects(mails, colleague.email)
    # A double click: the same place, nothing new.
    assert services.accept_invitation(invitation, colleague) == theirs
    assert Registration.objects.filter(user=colleague).count() == 1
    logged = ModelLogEntry.objects.filter(action="events.overgedragen", object_id=str(theirs.pk))
    assert logged.get().user == colleague


def test_the_colleague_pays_what_their_own_membership_decides(place):
    event = place.event
    event.price_member = 25
    event.save()
    place.billing_reference = "KP-4711"
    place.save()
    invitation, _ = invite(place)
    colleague = UserFactory(email=f"ruud@{DOMAIN}")

    theirs = services.accept_invitation(invitation, colleague)

    assert theirs.price == 25 and theirs.billing_reference == "KP-4711"


def test_a_colleague_at_an_allowed_subdomain_counts(place):
    invitation, _ = invite(place, f"jan@ruimte.{DOMAIN}")
    assert invitation.is_open()


def test_an_invitation_expires_after_a_week(place):
    invitation, _ = invite(place)
    colleague = UserFactory(email=f"ruud@{DOMAIN}")

    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
        assert invitation.closed_reason() == "Deze uitnodiging is verlopen."
        with pytest.raises(RegistrationError) as refused:
            services.accept_invitation(invitation, colleague)
    assert refused.value.code == "closed"
    assert Registration.objects.get(pk=place.pk).status == RegistrationStatus.CONFIRMED
    assert not Registration.objects.filter(user=colleague).exists()


def test_an_invitation_expires_when_the_meeting_begins_if_that_comes_first():
    OrganisationFactory(domain=DOMAIN)
    soon = EventPageFactory(start=in_days(3, 10), end=in_days(3, 16))
    registration, _ = services.register(soon, UserFactory(email=f"ik@{DOMAIN}"))
    invitation, _ = invite(registration)
    assert invitation.expires_at == soon.start


def test_only_the_invited_address_verified_may_accept(place):
    invitation, _ = invite(place)
    other = UserFactory(email=f"iemand@{DOMAIN}")
    unverified = UserFactory(email=f"ruud@{DOMAIN}", verified=False)
    for person in (other, unverified):
        with pytest.raises(RegistrationError) as refused:
            services.accept_invitation(invitation, person)
        assert refused.value.code == "address"
    assert PlaceInvitation.objects.get().status == InvitationStatus.OPEN


def test_a_new_invitation_replaces_the_old_one(place, mails):
    first, _ = invite(place, f"ruud@{DOMAIN}")
    second, _ = invite(place, f"jan@{DOMAIN}")
    first.refresh_from_db()
    assert first.status == InvitationStatus.REPLACED and second.is_open()
    assert list(PlaceInvitation.objects.open()) == [second]
    title = place.event.title
    assert subjects(mails, f"ruud@{DOMAIN}") == [
        f"Astrid de Vries geeft je een plaats: {title}",
        f"Uitnodiging ingetrokken: {title}",
    ]
    # Sent again to the same address: one new invitation, no word of withdrawal.
    invite(place, f"jan@{DOMAIN}")
    assert f"Uitnodiging ingetrokken: {title}" not in subjects(mails, f"jan@{DOMAIN}")
    with pytest.raises(RegistrationError, match="vervangen door een nieuwere"):
        services.accept_invitation(first, UserFactory(email=f"ruud@{DOMAIN}"))


def test_a_withdrawn_invitation_no_longer_gives_the_place(place, mails):
    invitation, _ = invite(place)
    assert services.withdraw_invitation(place, place.user) == invitation
    assert services.withdraw_invitation(place, place.user) is None  # a second click
    told = subjects(mails, f"ruud@{DOMAIN}")
    assert told.count(f"Uitnodiging ingetrokken: {place.event.title}") == 1
    with pytest.raises(RegistrationError, match="ingetrokken"):
        services.accept_invitation(invitation, UserFactory(email=f"ruud@{DOMAIN}"))
    with pytest.raises(RegistrationError) as refused:
        services.withdraw_invitation(place, UserFactory(email=f"ruud@{DOMAIN}"))
    assert refused.value.code == "forbidden"


def test_declining_tells_the_sender_who_keeps_the_place(place, mails):
    invitation, _ = invite(place)
    services.decline_invitation(invitation)
    services.decline_invitation(invitation)  # twice: once declined, one mail
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    told = subjects(mails, place.email)
    assert told.count(f"Je collega neemt je plaats niet over: {place.event.title}") == 1
    assert Registration.objects.get(pk=place.pk).status == RegistrationStatus.CONFIRMED


def test_when_the_sender_cancels_the_invitation_gives_nothing(place):
    invitation, _ = invite(place)
    services.cancel(place, place.user)
    invitation = PlaceInvitation.objects.get(pk=invitation.pk)
    assert "afgemeld" in invitation.closed_reason()
    with pytest.raises(RegistrationError) as refused:
        services.accept_invitation(invitation, UserFactory(email=f"ruud@{DOMAIN}"))
    assert refused.value.code == "closed"
    assert not Registration.objects.active().filter(event=place.event).exists()


def test_a_colleague_with_a_place_of_their_own_cannot_accept(place):
    invitation, _ = invite(place)
    colleague = UserFactory(email=f"ruud@{DOMAIN}")
    other = EventPageFactory()  # signing up elsewhere does not matter
    services.register(other, colleague)
    place.event.capacity = 2
    place.event.save()
    services.register(place.event, colleague)
    with pytest.raises(RegistrationError) as refused:
        services.accept_invitation(invitation, colleague)
    assert refused.value.code == "double"


# --- refused where it cannot work --------------------------------------------------------


def refusal(registration, email=f"ruud@{DOMAIN}", by=None):
    with pytest.raises(RegistrationError) as refused:
        services.invite_colleague(registration, email, by or registration.user)
    assert not PlaceInvitation.objects.filter(registration=registration).exists()
    return refused.value


def test_a_place_on_the_waiting_list_is_not_offered(place):
    waiting, _ = services.register(place.event, UserFactory(email=f"wacht@{DOMAIN}"))
    assert waiting.status == RegistrationStatus.WAITLISTED
    assert not waiting.may_transfer()
    assert "wachtlijst" in refusal(waiting).message


def test_a_non_members_place_is_not_offered():
    person = guest()
    registration, _ = services.register(EventPageFactory(), person)
    assert not registration.may_transfer()
    error = refusal(registration, f"collega@{person.email.split('@')[1]}")
    assert error.code == "closed" and "lid is van de vereniging" in error.message


def test_a_membership_that_ends_before_the_meeting_is_not_enough():
    OrganisationFactory(domain=DOMAIN, member__until=timezone.localdate() + datetime.timedelta(5))
    registration, _ = services.register(EventPageFactory(), UserFactory(email=f"ik@{DOMAIN}"))
    assert "lid is van de vereniging" in registration.transfer_block()


def test_a_meeting_that_began_or_was_cancelled_is_not_offered():
    OrganisationFactory(domain=DOMAIN)
    me = UserFactory(email=f"ik@{DOMAIN}")
    for event in (
        EventPageFactory(start=in_days(-1, 10), end=in_days(2, 16)),
        EventPageFactory(status="geannuleerd"),
    ):
        registration = Registration.objects.create(
            **services.person_fields(event, me), status=RegistrationStatus.CONFIRMED
        )
        assert "al begonnen of gaat niet door" in refusal(registration).message


def test_a_cancelled_place_and_someone_elses_place_are_refused(place):
    stranger = member()
    assert refusal(place, by=stranger).code == "forbidden"
    services.cancel(place, place.user)
    assert refusal(place).message == "Deze aanmelding is al afgemeld."


@pytest.mark.parametrize(
    ("address", "says"),
    [
        (f"ASTRID@{DOMAIN}", "niet je eigen"),
        ("ruud@gmail.com", "Dit is geen adres van Gemeente Veenendaal"),
        ("ruud@ede.nl", "Dit is geen adres van Gemeente Veenendaal"),
        (f"ruud@{DOMAIN}.example", "Dit is geen adres van Gemeente Veenendaal"),
    ],
)
def test_an_address_outside_the_organisation_is_refused(place, address, says):
    OrganisationFactory(domain="ede.nl")
    error = refusal(place, address)
    assert error.code == "address" and says in error.message


def test_an_address_with_a_place_already_is_refused(place):
    place.event.capacity = 5
    place.event.save()
    colleague = UserFactory(email=f"ruud@{DOMAIN}")
    services.register(place.event, colleague, Answers())
    assert refusal(place, f"Ruud@{DOMAIN}").message == (
        "Je collega is al aangemeld voor deze activiteit."
    )


def test_deleting_an_account_takes_the_invitations_with_the_address_along(place):
    sent, _ = invite(place)
    other = EventPageFactory()
    colleague = UserFactory(email=f"ruud@{DOMAIN}")
    theirs, _ = services.register(other, colleague)
    received, _ = services.invite_colleague(theirs, f"ASTRID@{DOMAIN}", colleague)
    kept, _ = services.invite_colleague(theirs, f"jan@{DOMAIN}", colleague)

    services.anonymise_registrations(place.user)

    assert list(PlaceInvitation.objects.all()) == [kept]
    assert Registration.objects.get(pk=place.pk).status == RegistrationStatus.CANCELLED
