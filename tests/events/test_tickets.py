"""A place's ticket: what its QR code's address shows to whom, and the owner's printable
ticket in Mijn Leerhuis."""

import pytest
from django.urls import reverse

from events.models import RegistrationStatus
from events.models.tickets import grouped
from tests.events.helpers.registrations_admin import organiser, url
from tests.events_factories import EventPageFactory, RegistrationFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket():
    event = EventPageFactory(title="Studiedag opgave-sturing")
    owner = member(full_name="Astrid Klift")
    return RegistrationFactory(
        event=event, user=owner, name="Astrid Klift", organisation_name="Gemeente Veenendaal"
    )


def address(code):
    return reverse("ticket", args=[code])


def reveals_nothing(response, ticket):
    body = response.content.decode()
    assert response.status_code == 200
    for secret in ("Astrid Klift", "Veenendaal", "Studiedag", ticket.event.slug):
        assert secret not in body
    assert "Alleen de organisatie kan er iemand mee aanwezig melden." in body
    assert "private" in response["Cache-Control"]
    return body


def test_a_code_read_by_anyone_without_rights_reveals_nothing(client, ticket):
    known = reveals_nothing(client.get(address(ticket.ticket_code)), ticket)
    # An unknown code looks exactly the same (but for the code in the login link): the page
    # is no oracle.
    unknown = reveals_nothing(client.get(address("0000000000000000")), ticket)
    assert known.replace(ticket.ticket_code, "CODE") == unknown.replace("0" * 16, "CODE")

    client.force_login(member(full_name="Nieuwsgierige Collega"))
    reveals_nothing(client.get(address(ticket.ticket_code)), ticket)


def test_the_owner_is_led_to_their_own_ticket(client, ticket):
    client.force_login(ticket.user)
    response = client.get(address(grouped(ticket.ticket_code).lower()))
    assert response.status_code == 302
    assert response["Location"] == reverse("ticket_aanmelding", args=[ticket.pk])


def test_an_organiser_is_led_to_the_check_in_of_that_place(client, login_with_mfa, ticket):
    login_with_mfa(client, organiser())
    response = client.get(address(ticket.ticket_code))
    assert response.status_code == 302
    expected = url("checkin", ticket.event.pk) + f"?code={ticket.ticket_code}"
    assert response["Location"] == expected
    page = client.get(expected).content.decode()
    assert "Astrid Klift" in page


def test_the_printable_ticket_is_the_owners_alone(client, ticket):
    mine = reverse("ticket_aanmelding", args=[ticket.pk])
    anonymous = client.get(mine)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]

    client.force_login(member())
    assert client.get(mine).status_code == 404

    client.force_login(ticket.user)
    response = client.get(mine)
    body = response.content.decode()
    assert response.status_code == 200 and "private" in response["Cache-Control"]
    assert "Studiedag opgave-sturing" in body and "Astrid Klift" in body
    assert grouped(ticket.ticket_code) in body
    assert 'src="data:image/svg+xml;base64,' in body and 'alt="QR-code van je ticket"' in body
    assert "css/ticket.css" in body  # the print styles


def test_a_place_on_the_waiting_list_or_cancelled_has_no_qr_code(client, ticket):
    client.force_login(ticket.user)
    mine = reverse("ticket_aanmelding", args=[ticket.pk])
    for status, says in [
        (RegistrationStatus.WAITLISTED, "Je staat op de wachtlijst."),
        (RegistrationStatus.CANCELLED, "Deze aanmelding is afgemeld"),
    ]:
        ticket.status = status
        ticket.save()
        body = client.get(mine).content.decode()
        assert says in body
        assert ticket.ticket_code not in body and "data:image/svg" not in body


def test_mijn_leerhuis_links_an_upcoming_confirmed_place_to_its_ticket(client, ticket):
    client.force_login(ticket.user)
    mine = reverse("ticket_aanmelding", args=[ticket.pk])
    for page in (reverse("mijn_leerhuis"), reverse("mijn_aanmeldingen")):
        assert mine in client.get(page).content.decode()
    ticket.status = RegistrationStatus.WAITLISTED
    ticket.save()
    assert mine not in client.get(reverse("mijn_aanmeldingen")).content.decode()


def test_ticket_is_a_reserved_slug(ticket):
    from django.core.exceptions import ValidationError

    page = EventPageFactory.build(title="Ticket", slug="ticket")
    with pytest.raises(ValidationError):
        page.clean()
