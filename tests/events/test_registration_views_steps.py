"""Signing up in steps: what a paying person sees before it is final, the receipt after it,
the buttons that say what they do, and "geen kosten" once a place is cancelled."""

import re

import pytest
from django.core import mail, signing

from events import services
from events.models import EventPage, Registration, RegistrationStatus, Workshop
from tests.events.helpers.registration_views import subjects, text
from tests.events_factories import (
    EventPageFactory,
    LearningTrackPageFactory,
    RegistrationFactory,
    guest,
    in_days,
    member,
)

pytestmark = pytest.mark.django_db

BILLING = {
    "billing_organisation": "Gemeente Rhenen",
    "billing_reference": "KP-4711",
    "billing_email": "crediteuren@rhenen.nl",
}


def carried(response):
    found = re.search(r'name="gegevens" value="([^"]+)"', text(response))
    assert found, "no overview"
    return found.group(1)


def step(response, name):
    return {"stap": name, "gegevens": carried(response)}


def button(response):
    """The text of the form's main button."""
    return re.search(r'<button class="button" type="submit"[^>]*>([^<]+)</button>', text(response))[
        1
    ]


@pytest.fixture
def paid(client):
    """A guest (non-member) at a meeting with a workshop, logged in."""
    event = EventPageFactory(title="Studiedag opgave-sturing", price_non_member=95)
    workshop = Workshop.objects.create(page=event, title="Wyberen in de praktijk")
    person = guest()
    client.force_login(person)
    answers = {**BILLING, "workshop": workshop.pk, "dietary": "halal", "on_attendee_list": "on"}
    return event, workshop, person, answers


def test_a_paid_sign_up_shows_what_it_costs_and_where_the_invoice_goes_first(client, paid):
    event, _workshop, _person, answers = paid
    url = f"{event.url}aanmelden/"
    assert button(client.get(url)) == "Ga naar overzicht"

    overview = client.post(url, answers)

    assert overview.status_code == 200
    assert "private" in overview["Cache-Control"]
    html = text(overview)
    assert "<h1>Controleer je aanmelding</h1>" in html
    assert "€\xa095,00 (exclusief btw)" in html
    assert "is geen lid van de vereniging." in html
    for value in ("Gemeente Rhenen", "KP-4711", "crediteuren@rhenen.nl"):
        assert value in html
    assert "Studiedag opgave-sturing" in html and "Wyberen in de praktijk" in html
    assert "halal" in html
    assert event.start.strftime("%Y") in html
    assert button(overview) == "Aanmelding bevestigen"
    assert 'value="wijzigen">Terug om te wijzigen</button>' in html
    assert not Registration.objects.exists() and mail.outbox == []


def test_without_an_invoice_address_the_overview_names_your_own(client, paid):
    event, _workshop, person, answers = paid
    overview = client.post(f"{event.url}aanmelden/", {**answers, "billing_email": ""})
    assert f'{person.email} <span class="muted">(je eigen adres)</span>' in text(overview)


def test_going_back_from_the_overview_keeps_every_answer(client, paid):
    event, workshop, _person, answers = paid
    url = f"{event.url}aanmelden/"
    overview = client.post(url, answers)

    back = client.post(url, step(overview, "wijzigen"))

    assert back.status_code == 200
    html = text(back)
    assert "error-summary" not in html
    assert 'name="billing_reference" value="KP-4711"' in html
    assert 'name="billing_email" value="crediteuren@rhenen.nl"' in html
    assert 'name="dietary" value="halal"' in html
    assert re.search(rf'value="{workshop.pk}"[^>]*checked', html)
    assert re.search(r'name="on_attendee_list"[^>]*checked', html)
    assert not Registration.objects.exists()


def test_confirming_registers_what_the_overview_showed(client, send_mail, paid):
    event, workshop, person, answers = paid
    url = f"{event.url}aanmelden/"
    overview = client.post(url, answers)

    response = send_mail(client, url, step(overview, "bevestigen"))

    assert response.status_code == 302
    assert response["Location"] == f"{event.url}aanmelden/klaar/"
    registration = Registration.objects.get()
    assert (registration.user, registration.price, registration.workshop) == (person, 95, workshop)
    assert registration.billing_reference == "KP-4711"
    assert registration.dietary == "halal" and registration.on_attendee_list
    assert subjects() == ["Je bent aangemeld: Studiedag opgave-sturing"]


def test_confirming_twice_registers_once_and_mails_once(client, send_mail, paid):
    event, _workshop, _person, answers = paid
    url = f"{event.url}aanmelden/"
    confirm = step(client.post(url, answers), "bevestigen")

    first = send_mail(client, url, confirm)
    second = send_mail(client, url, confirm)

    assert first["Location"] == second["Location"] == f"{event.url}aanmelden/klaar/"
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 1
    assert "Je bent al aangemeld voor deze activiteit." in text(client.get(second["Location"]))


def test_the_confirm_step_itself_is_idempotent_in_the_service(paid):
    """Two confirms that both pass the view's check (two tabs at once) still make one."""
    event, _workshop, person, _answers = paid
    first, created = services.register(event, person)
    again, created_again = services.register(event, person)
    assert created and not created_again and first == again


@pytest.mark.parametrize("tamper", ["changed", "other-meeting", "other-person", "empty"])
def test_answers_not_carried_by_our_own_overview_are_refused(client, paid, tamper):
    event, _workshop, _person, answers = paid
    url = f"{event.url}aanmelden/"
    value = carried(client.post(url, answers))
    other = EventPageFactory(price_non_member=95)
    if tamper == "changed":
        value = value[:-3] + ("abc" if not value.endswith("abc") else "xyz")
    elif tamper == "other-meeting":
        url = f"{other.url}aanmelden/"
    elif tamper == "other-person":
        client.force_login(guest())
    else:
        value = ""

    response = client.post(url, {"stap": "bevestigen", "gegevens": value})

    assert response.status_code == 400
    assert "Je overzicht is verlopen of niet meer geldig." in text(response)
    assert 'name="billing_reference"' in text(response)  # the form, to fill in again
    assert not Registration.objects.exists()


def test_an_old_overview_is_refused(client, paid, monkeypatch):
    event, _workshop, _person, answers = paid
    url = f"{event.url}aanmelden/"
    value = carried(client.post(url, answers))
    monkeypatch.setattr("events.signup_views.MAX_AGE", -1)

    response = client.post(url, {"stap": "bevestigen", "gegevens": value})

    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_a_price_changed_after_the_overview_is_shown_again_before_it_counts(client, paid):
    event, _workshop, _person, answers = paid
    url = f"{event.url}aanmelden/"
    confirm = step(client.post(url, answers), "bevestigen")
    EventPage.objects.filter(pk=event.pk).update(price_non_member=120)

    response = client.post(url, confirm)

    assert response.status_code == 200
    assert "De prijs voor jou is veranderd" in text(response)
    assert "€\xa0120,00 (exclusief btw)" in text(response)
    assert not Registration.objects.exists()
    client.post(url, step(response, "bevestigen"))
    assert Registration.objects.get().price == 120


def test_signing_up_for_a_full_paid_meeting_says_it_is_the_waiting_list(client, paid):
    event, _workshop, _person, answers = paid
    EventPage.objects.filter(pk=event.pk).update(capacity=1)
    RegistrationFactory(event=event)
    url = f"{event.url}aanmelden/"

    overview = client.post(url, answers)
    assert button(overview) == "Zet me op de wachtlijst"
    assert "alleen als je een plaats krijgt" in text(overview)
    receipt = client.get(client.post(url, step(overview, "bevestigen"))["Location"])

    html = text(receipt)
    assert "<h1>Je staat op de wachtlijst, plek 1</h1>" in html
    assert "€\xa095,00 (exclusief btw)</strong>, alleen als je een plaats krijgt" in html


def test_free_sign_ups_stay_one_step_with_buttons_that_say_what_they_do(client):
    event = EventPageFactory(capacity=1)
    client.force_login(member())
    url = f"{event.url}aanmelden/"
    assert button(client.get(url)) == "Meld me aan"
    RegistrationFactory(event=event)
    assert button(client.get(url)) == "Zet me op de wachtlijst"
    assert "Op de wachtlijst<" not in text(client.get(url))


# --- the receipt -------------------------------------------------------------------------


def test_the_receipt_is_only_for_its_owner(client, paid):
    event, workshop, person, _answers = paid
    RegistrationFactory(event=event, user=person, price=95, workshop=workshop, **BILLING)
    url = f"{event.url}aanmelden/klaar/"

    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"

    client.force_login(guest())
    assert client.get(url).status_code == 404

    client.force_login(person)
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    html = text(response)
    assert "<h1>Je bent aangemeld</h1>" in html
    assert "Wyberen in de praktijk" in html
    assert "€\xa095,00 (exclusief btw)" in html and "KP-4711" in html
    assert "crediteuren@rhenen.nl" in html
    assert client.post(url).status_code == 405


def test_a_cancelled_place_costs_nothing_on_the_receipt_and_in_mijn_leerhuis(client, paid):
    event, _workshop, person, _answers = paid
    registration = RegistrationFactory(event=event, user=person, price=95, **BILLING)
    services.cancel(registration, person)

    html = text(client.get(f"{event.url}aanmelden/klaar/"))
    assert "<h1>Je bent afgemeld</h1>" in html
    assert "Geen kosten" in html and "95,00" not in html

    listing = text(client.get("/mijn-leerhuis/aanmeldingen/"))
    assert "geen kosten" in listing and "95,00" not in listing


def test_a_meeting_that_does_not_go_ahead_costs_nothing(client, paid):
    event, _workshop, person, _answers = paid
    RegistrationFactory(event=event, user=person, price=95, **BILLING)
    EventPage.objects.filter(pk=event.pk).update(status="geannuleerd")

    html = text(client.get(f"{event.url}aanmelden/klaar/"))
    assert "Deze activiteit gaat niet door." in html
    assert "Geen kosten" in html and "95,00" not in html
    assert "geen kosten" in text(client.get("/mijn-leerhuis/aanmeldingen/"))


def test_mijn_leerhuis_links_to_the_receipt(client, paid):
    event, _workshop, person, _answers = paid
    RegistrationFactory(event=event, user=person, status=RegistrationStatus.CONFIRMED)
    assert f'href="{event.url}aanmelden/klaar/"' in text(client.get("/mijn-leerhuis/"))
    assert f'href="{event.url}aanmelden/klaar/"' in text(client.get(event.url))


def test_a_booked_leergang_has_a_receipt_for_its_owner_only(client, send_mail):
    track = LearningTrackPageFactory(title="Leergang opgave-sturing", price_non_member=450)
    for week in (3, 5):
        EventPageFactory(
            title=f"Module {week}",
            learning_track=track,
            start=in_days(7 * week),
            end=in_days(7 * week, 16),
        )
    person = guest()
    client.force_login(person)
    url = f"{track.url}aanmelden/"
    overview = client.post(url, BILLING)
    assert button(overview) == "Boek de leergang"
    booked = send_mail(client, url, step(overview, "bevestigen"))
    receipt = f"{track.url}aanmelden/klaar/"
    assert booked["Location"] == receipt

    html = text(client.get(receipt))
    assert "<h1>Je hebt de leergang geboekt</h1>" in html
    assert "Module 3" in html and "Module 5" in html
    assert "€\xa0450,00 (exclusief btw)" in html and "KP-4711" in html
    assert client.post(url, {})["Location"] == receipt  # booked already

    client.force_login(guest())
    assert client.get(receipt).status_code == 404
    client.logout()
    assert client.get(receipt)["Location"] == f"/accounts/login/?next={receipt}"


# --- the error summary -------------------------------------------------------------------


def test_the_error_summary_says_what_to_fix_without_repeating_the_question(client, paid):
    event, _workshop, _person, _answers = paid
    response = client.post(f"{event.url}aanmelden/", {"billing_organisation": "X"})

    summary = text(response).split('class="error-summary"')[1].split("</div>")[0]
    assert '<a href="#id_workshop_0">Kies een workshop.</a>' in summary
    assert (
        '<a href="#id_billing_reference">Vul het inkoopordernummer of de kostenplaats in.</a>'
        in summary
    )
    assert "Welke workshop kies je?" not in summary


def test_a_generic_message_keeps_its_question_in_the_summary(client, paid):
    event, _workshop, _person, answers = paid
    response = client.post(f"{event.url}aanmelden/", {**answers, "dietary": "x" * 301})
    summary = text(response).split('class="error-summary"')[1].split("</div>")[0]
    assert "Dieetwensen: " in summary


def test_signing_is_salted_per_meeting_and_person(paid):
    """The salt the views use, so a value signed elsewhere on the site never passes."""
    event, _workshop, person, _answers = paid
    value = signing.dumps({"data": {}, "price": "95.00"})
    with pytest.raises(signing.BadSignature):
        signing.loads(value, salt=f"events.aanmelden:{event.pk}:{person.pk}")
