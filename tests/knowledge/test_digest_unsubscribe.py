"""Unsubscribing from the weekmail without logging in: the page with one button (GET never
unsubscribes: mail scanners open links), RFC 8058 one-click from the mail program, and a
Dutch 404 for any address the site did not sign."""

import pytest
from django.core import mail, signing
from django.test import Client

from leerhuis.knowledge.digest import links
from leerhuis.knowledge.models import DigestSubscription
from members import privacy
from tests.events_factories import member
from tests.knowledge.digest_helpers import (
    NOW,
    new_article,
    on,
    subscribe,
)

pytestmark = pytest.mark.django_db
ONE_CLICK = "List-Unsubscribe=One-Click"


@pytest.fixture
def outsider():
    """A mail program or a browser without the site's cookies or CSRF token."""
    return Client(enforce_csrf_checks=True)


def path_of(user):
    return links.unsubscribe_url(user).removeprefix("http://testserver")


def test_the_link_shows_a_page_and_only_its_button_unsubscribes(outsider):
    reader, other = subscribe(member(), member())
    url = path_of(reader)

    response = outsider.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Afmelden voor de weekmail</h1>" in html
    assert "Meld mij af voor de weekmail" in html and '<form method="post">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-cache" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"
    assert DigestSubscription.is_on(reader)  # looking is not unsubscribing

    response = outsider.post(url)
    assert response.status_code == 200
    assert "Je bent afgemeld voor de weekmail" in response.content.decode()
    assert not DigestSubscription.is_on(reader) and DigestSubscription.is_on(other)

    again = outsider.get(url).content.decode()
    assert "Je krijgt de weekmail al niet meer" in again and "Meld mij af" not in again
    assert outsider.post(url).status_code == 200  # twice is still fine


def test_one_click_from_the_mail_program(outsider):
    reader = subscribe(member())

    response = outsider.post(
        path_of(reader), ONE_CLICK, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not DigestSubscription.is_on(reader)


def test_the_address_in_a_sent_weekmail_unsubscribes_its_reader(outsider, clock, send):
    reader = subscribe(member())
    new_article("Nieuw in week 6")
    send()
    header = mail.outbox[0].message()["List-Unsubscribe"]

    url = header.strip("<>").removeprefix("http://testserver")
    outsider.post(url, ONE_CLICK, content_type="application/x-www-form-urlencoded")

    clock.move_to(NOW.replace(day=18))
    new_article("Nieuw in week 7", published=on(12))
    send()
    assert len(mail.outbox) == 1 and not DigestSubscription.is_on(reader)


def forged(user):
    good = links.token_for(user)
    value, _, signature = good.rpartition(":")
    return {
        "zonder zout": signing.dumps(user.pk),
        "ander zout": signing.dumps(user.pk, salt="iets.anders"),
        "andere persoon": f"{signing.dumps(user.pk + 1, salt=links.SALT).rpartition(':')[0]}"
        f":{signature}",
        "geknoeid": f"{value}:{signature[:-2]}xx",
        "onzin": "niets-getekend",
        "te kort": good[:10],
        "lang": "A" * 2000,
    }


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_or_damaged_address_gets_a_dutch_404_and_changes_nothing(outsider, method):
    reader = subscribe(member())

    for name, token in forged(reader).items():
        response = getattr(outsider, method)(f"/mijn-leerhuis/weekmail/afmelden/{token}/")
        assert response.status_code == 404, name
        html = response.content.decode()
        assert "Deze afmeldlink werkt niet" in html, name
        assert 'href="/mijn-leerhuis/#weekmail"' in html
    assert DigestSubscription.is_on(reader)


def test_the_address_of_a_deleted_account_is_a_404(outsider):
    reader = subscribe(member())
    url = path_of(reader)
    privacy.delete_account(reader)

    assert outsider.get(url).status_code == 404
    assert outsider.post(url).status_code == 404
