"""/bewijs/<code>/: anyone can check that the Leerhuis issued a line of a statement, and
learns nothing else about the person; a forged or withdrawn code is refused."""

import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings

from events.development import codes
from events.development.codes import code_for
from events.development.verify import CHECK_LIMIT, initials
from events.models import EventStatus, RegistrationStatus
from members import privacy
from tests.development_factories import accredit, attended, pmi
from tests.events_factories import EventPageFactory, RegistrationFactory, in_days
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

UNKNOWN = "Deze code kennen we niet"


def url(code):
    return f"/bewijs/{code}/"


@pytest.fixture
def jan():
    OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
    return UserFactory(full_name="Jan de Vries", email="jan.devries@veenendaal.nl")


@pytest.fixture
def line(jan):
    """Jan was at the study day three weeks ago: 5 hours, 5 IPMA and 4,5 PMI points."""
    start = in_days(-21, 10)
    event = EventPageFactory(
        title="Studiedag opgave-sturing", start=start, end=start + datetime.timedelta(hours=5)
    )
    accredit(event, points="5")
    accredit(event, pmi("Leadership"), points="4.5")
    return attended(jan, event)


def test_a_real_line_is_confirmed_with_the_meeting_and_initials_only(client, line):
    response = client.get(url(code_for(line)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze regel is echt" in html
    assert "Studiedag opgave-sturing" in html
    assert "5 uur" in html
    assert "5 PE-punten (IPMA)" in html
    assert "4,5 PDU (PMI – Leadership)" in html
    assert "geregistreerd bij binnenkomst" in html
    assert "Vereniging van gemeentelijke projectbureaus" in html
    assert "J. de V." in html
    for personal in ["Jan de Vries", "Vries", "jan.devries", "veenendaal.nl", "Veenendaal"]:
        assert personal not in html


def test_the_check_is_kept_by_no_cache_and_no_search_engine(client, line):
    response = client.get(url(code_for(line)))
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_a_code_typed_in_lower_case_with_spaces_is_still_recognised(client, line):
    code = code_for(line)
    typed = code.lower()[:5] + " " + code.lower()[5:]
    assert client.get(url(typed)).status_code == 200


def refused(client, code):
    response = client.get(url(code))
    assert response.status_code == 404
    html = response.content.decode()
    assert UNKNOWN in html
    return html


def test_a_made_up_code_is_refused(client, line):
    refused(client, "ABC-0123456789")
    refused(client, "nonsense")
    refused(client, "-")
    refused(client, "ZZZZZZZZZZZZZ-0123456789")  # a number larger than any key
    # U is no digit of the codes (nor are I, L and O, which are read as 1 and 0).
    refused(client, "U-AAAAAAAAAA")
    refused(client, "UUUU-0000000000")


def test_a_code_with_an_altered_hash_is_refused(client, line):
    number, _dash, mac = code_for(line).partition("-")
    altered = mac[:-1] + ("0" if mac[-1] != "0" else "1")
    refused(client, f"{number}-{altered}")


def test_another_registrations_hash_does_not_confirm_this_one(client, line):
    other = attended(UserFactory(), line.event)
    _number, _dash, other_mac = code_for(other).partition("-")
    number = code_for(line).partition("-")[0]
    refused(client, f"{number}-{other_mac}")
    assert client.get(url(code_for(other))).status_code == 200


def test_a_place_never_checked_in_is_refused(client, line):
    # A code made with the secret for a registration that was never checked in: the
    # statement never lists it, and the check does not confirm it either.
    absent = RegistrationFactory(event=line.event, user=UserFactory())
    refused(client, code_for(absent))


def test_a_cancelled_meeting_withdraws_the_confirmation(client, line):
    line.event.status = EventStatus.GEANNULEERD
    line.event.save()
    refused(client, code_for(line))


def test_a_cancelled_place_withdraws_the_confirmation(client, line):
    line.status = RegistrationStatus.CANCELLED
    line.save()
    refused(client, code_for(line))


def test_a_deleted_account_withdraws_the_confirmation(client, line):
    code = code_for(line)
    privacy.delete_account(line.user)
    line.refresh_from_db()
    assert line.user is None
    refused(client, code)


def test_every_refusal_reads_the_same(client, line):
    pages = [refused(client, "ABC-0123456789")]
    line.event.status = EventStatus.GEANNULEERD
    line.event.save()
    pages.append(refused(client, code_for(line)))
    strip = [page.replace(code_for(line), "").replace("ABC-0123456789", "") for page in pages]
    assert strip[0] == strip[1]


def test_guessing_is_stopped_with_the_too_many_page(client, line):
    cache.clear()
    for n in range(CHECK_LIMIT):
        assert client.get(url(f"{n}-0123456789")).status_code == 404
    response = client.get(url(code_for(line)))
    assert response.status_code == 429
    assert "Te veel pogingen" in response.content.decode()
    assert "Studiedag" not in response.content.decode()


def test_each_address_has_its_own_count(client, line):
    cache.clear()
    for n in range(CHECK_LIMIT + 1):
        client.get(url(f"{n}-0123456789"), REMOTE_ADDR="192.0.2.1")
    assert client.get(url(code_for(line)), REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get(url(code_for(line)), REMOTE_ADDR="192.0.2.2").status_code == 200


def test_only_a_get_is_answered(client, line):
    assert client.post(url(code_for(line))).status_code == 405


@override_settings(SECRET_KEY="een-ander-geheim-na-rotatie-" + "x" * 30)
def test_a_code_from_before_a_new_secret_key_no_longer_confirms(client, line):
    # The code was made with the secret of the test settings; rotating it withdraws all.
    with override_settings(SECRET_KEY="het-oude-geheim-" + "y" * 40):
        old = codes.code_for(line)
    refused(client, old)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Jan de Vries", "J. de V."),
        ("Astrid van de Klift", "A. van de K."),
        ("Anna Maria van der Berg", "A. M. van der B."),
        ("Eva Smit-de Wit", "E. S.-de W."),
        ("Kees 't Hart", "K. 't H."),
        ("Émile Zola", "É. Z."),
        ("Cher", "C."),
        ("  jan   de  vries ", "J. de V."),
        ("Jan van", "J. V."),
        ("", ""),
    ],
)
def test_initials_show_no_more_of_a_name_than_its_first_letters(name, expected):
    assert initials(name) == expected
