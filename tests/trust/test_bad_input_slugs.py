"""Every slug, code and token in a public address, given anything: a 404 (or 400) with the
Dutch page, a redirect where the site tidies an address up, never a 500.

Segments are percent-encoded as a browser would send them, so `%2F`, `..`, NUL, very long
and right-to-left text reach the URL resolver and the lookups behind it.
"""

from urllib.parse import quote

import pytest
from hypothesis import example, given

from tests.trust.site import assert_answered_well, fresh, make_public_site
from tests.trust.strategies import slugs

pytestmark = pytest.mark.django_db

NOT_FOUND = (301, 302, 400, 404, 410)
# The address in a ticket's QR code answers the same neutral page to every code it does not
# know (it must not tell which codes exist); allauth's links from mails answer a page that
# says the link is not (or no longer) valid.
ANSWERS = {
    "/activiteiten/ticket/{}/": (200, *NOT_FOUND),
    "/accounts/confirm-email/{}/": (200, *NOT_FOUND),
    "/accounts/password/reset/key/{}/": (200, *NOT_FOUND),
}
ADDRESSES = [
    "/activiteiten/{}/",
    "/activiteiten/{}/agenda.ics",
    "/activiteiten/{}/aanmelden/",
    "/activiteiten/ticket/{}/",
    "/activiteiten/opgave-sturing-in-de-praktijk/collega/{}/",
    "/begrippen/{}/",
    "/begrippen/{}.ttl",
    "/begrippen/{}.jsonld",
    "/kennisbank/{}/",
    "/gesprekken/{}/",
    "/groepen/{}/",
    "/groepen/uitnodiging/{}/",
    "/bewijs/{}/",
    "/mijn-leerhuis/agenda/{}.ics",
    "/accounts/confirm-email/{}/",
    "/accounts/password/reset/key/{}/",
    "/documenten/1/{}",
    "/kennisbank/casus-indienen/{}/",
    "/{}/",
]


@pytest.fixture
def site():
    return make_public_site()


@pytest.mark.parametrize("address", ADDRESSES)
def test_any_segment_is_a_dutch_not_found_never_a_500(client, site, address):
    @given(segment=slugs)
    @example(segment="\x00")
    @example(segment="../../etc/passwd")
    @example(segment="a" * 10_000)
    @example(segment="opgave' OR 1=1--")
    @example(segment="ÿ\u202e")
    def check(segment):
        fresh()
        response = client.get(address.format(quote(segment, safe="")))
        assert_answered_well(response)
        assert response.status_code in ANSWERS.get(address, NOT_FOUND), response.status_code

    check()


@pytest.mark.parametrize("name", ["event", "concept", "article", "thread", "group"])
def test_the_real_address_still_answers(client, site, name):
    thing = site[name]
    address = thing.get_absolute_url() if hasattr(thing, "get_absolute_url") else thing.url
    assert client.get(address).status_code == 200


METHOD_ADDRESSES = [
    "/",
    "/leden/",
    "/zoeken/?q=opgave",
    "/activiteiten/",
    "/activiteiten/agenda.ics",
    "/begrippen/",
    "/kennisbank/feed/",
    "/accounts/login/",
    "/gesprekken/",
    "/robots.txt",
]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options", "head"])
def test_any_method_on_a_public_address_is_answered_never_a_500(client, site, method):
    for address in METHOD_ADDRESSES:
        fresh()
        response = getattr(client, method)(address)
        if method == "head":
            assert response.status_code < 500  # no body to read
        else:
            assert_answered_well(response)
        if response.status_code == 405 and method != "head":
            assert "Foutcode 405" in response.content.decode()
            assert response["Allow"]
