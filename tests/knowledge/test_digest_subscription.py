"""Switching the weekmail on and off in Mijn Leerhuis: off by default, only for oneself,
in the data download, and gone with the account."""

import json

import pytest
from django.core import mail
from django.test import Client

from leerhuis.knowledge.models import DigestSubscription
from members import privacy
from tests.events_factories import member
from tests.knowledge.digest_helpers import (
    new_article,
)

pytestmark = pytest.mark.django_db
SWITCH = "/mijn-leerhuis/weekmail/"
DASHBOARD = "/mijn-leerhuis/"


def section_of(client):
    html = client.get(DASHBOARD).content.decode()
    return html.split('id="weekmail"')[1].split("</section>")[0]


def test_the_weekmail_is_off_until_someone_switches_it_on(client, clock, send):
    reader = member()
    new_article("Nieuw")
    client.force_login(reader)

    section = section_of(client)
    assert "De weekmail staat <strong>uit</strong>." in section
    assert 'name="weekmail" value="aan"' in section and "Zet de weekmail aan" in section
    assert "maandagochtend" in section and "praktijkcasussen" in section
    assert not DigestSubscription.objects.exists()
    send()
    assert mail.outbox == []


def test_switching_it_on_and_off_in_mijn_leerhuis(client):
    reader = member()
    client.force_login(reader)

    response = client.post(SWITCH, {"weekmail": "aan"}, follow=True)
    assert response.redirect_chain == [(f"{DASHBOARD}#weekmail", 302)]
    assert "De weekmail staat aan. Je krijgt hem voortaan op maandagochtend." in (
        response.content.decode()
    )
    assert DigestSubscription.is_on(reader)
    section = section_of(client)
    assert f"De weekmail staat <strong>aan</strong> en gaat naar {reader.email}." in section
    assert 'name="weekmail" value="uit"' in section

    client.post(SWITCH, {"weekmail": "aan"})  # a second tab: still one row, still on
    assert DigestSubscription.objects.filter(user=reader, active=True).count() == 1

    response = client.post(SWITCH, {"weekmail": "uit"}, follow=True)
    assert "De weekmail staat uit. Je krijgt hem niet meer." in response.content.decode()
    assert not DigestSubscription.is_on(reader)
    assert "De weekmail staat <strong>uit</strong>." in section_of(client)


def test_anonymous_visitors_are_sent_to_log_in(client):
    for response in [client.get(SWITCH), client.post(SWITCH, {"weekmail": "aan"})]:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=/mijn-leerhuis/weekmail/")
    assert not DigestSubscription.objects.exists()


def test_one_person_cannot_switch_anothers(client):
    me, other = member(), member()
    DigestSubscription.switch(other, True)
    client.force_login(me)

    client.post(SWITCH, {"weekmail": "uit", "user": other.pk, "user_id": other.pk})
    client.post(SWITCH, {"weekmail": "aan", "user": other.pk})

    assert DigestSubscription.is_on(other) and DigestSubscription.is_on(me)
    DigestSubscription.switch(me, False)
    client.post(SWITCH, {"weekmail": "uit", "user": other.pk})
    assert DigestSubscription.is_on(other)


def test_a_switch_needs_the_forms_csrf_token():
    reader = member()
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    assert client.post(SWITCH, {"weekmail": "aan"}).status_code == 403
    assert not DigestSubscription.is_on(reader)


def test_an_unknown_choice_is_a_dutch_400_and_a_get_goes_to_the_section(client):
    reader = member()
    client.force_login(reader)

    response = client.post(SWITCH, {"weekmail": "misschien"})
    assert response.status_code == 400
    assert response.content.decode() == "Kies 'aan' of 'uit' voor de weekmail."
    assert client.get(SWITCH)["Location"] == f"{DASHBOARD}#weekmail"


def test_the_choice_is_in_the_data_download(client):
    reader = member()
    client.force_login(reader)
    data = json.loads(client.get("/mijn-leerhuis/mijn-gegevens/").content)
    assert data["weekmail"] == {"aan": False, "gewijzigd_op": None}

    DigestSubscription.switch(reader, True)
    data = json.loads(client.get("/mijn-leerhuis/mijn-gegevens/").content)
    assert data["weekmail"]["aan"] is True and data["weekmail"]["gewijzigd_op"]


def test_the_subscription_goes_with_the_account():
    reader, other = member(), member()
    DigestSubscription.switch(reader, True)
    DigestSubscription.switch(other, True)

    privacy.delete_account(reader)
    assert list(DigestSubscription.objects.values_list("user", flat=True)) == [other.pk]
