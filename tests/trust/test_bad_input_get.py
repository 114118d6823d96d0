"""Every GET parameter of the public lists, filters, search and feeds, given what visitors,
hand-edited links and scanners send: never a 500, an error in Dutch, nothing stored changed.

Hypothesis runs a bounded, derandomized set of examples per address (tests/trust/conftest.py),
so CI tries the same inputs every run. Defect (c) of issue 22: `/leden/?q=%00` was a 500 on
PostgreSQL (a text filter given NUL), which SQLite hid; NUL is now refused for the whole site
(leerhuis/core/bad_input.py) with the Dutch 400 page.
"""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from hypothesis import example, given
from hypothesis import strategies as st

from tests.events_factories import member
from tests.trust.site import assert_answered_well, fresh, make_public_site
from tests.trust.strategies import nasty_text, query_params

pytestmark = pytest.mark.django_db

MONTHS = ["2026-12", "2027-01", "1999-01"]
# Each public list or feed, with its parameters and some values it knows.
ENDPOINTS = {
    "/activiteiten/": {
        "thema": ["opgave-sturing", "wonen"],
        "type": ["workshop", "leergang"],
        "regio": ["utrecht", "landelijk"],
        "vorm": ["op-locatie", "online"],
        "maand": MONTHS,
        "archief": ["1"],
        "page": ["1", "2"],
        "weergave": ["maand", "lijst"],
    },
    "/activiteiten/agenda.ics": {"thema": ["wonen"], "type": ["workshop", "leergang"]},
    "/begrippen/": {"q": ["opgave"], "letter": ["o", "#"], "status": ["vastgesteld"]},
    "/kennisbank/": {"type": ["artikel"], "thema": ["wonen"], "organisatie": [], "page": ["1"]},
    "/kennisbank/feed/": {"thema": ["wonen"]},
    "/kennisbank/feed/atom/": {"thema": ["wonen"]},
    "/kennisbank/doe-de-test/": {"v1": ["0", "1"], "v2": ["1"], "v3": ["2"]},
    "/leden/": {"q": ["veenendaal", "Súdwest"]},
    "/gesprekken/": {
        "thema": ["wonen"],
        "soort": ["vraag", "gesprek"],
        "open": ["1"],
        "groep": ["werkgroep-wonen"],
        "page": ["1"],
    },
    "/groepen/": {"page": ["1"]},
    "/zoeken/": {"q": ["opgave", "wonen"], "type": ["begrip", "activiteit"], "page": ["1"]},
    "/bestuur/": {},
    "/": {},
}
NUL_ADDRESSES = [
    "/leden/?q=%00",
    "/leden/?q=ab%00cd",
    "/leden/?%00=1",
    "/begrippen/?q=%00",
    "/zoeken/?q=%00",
    "/activiteiten/?thema=%00",
    "/begrippen/%00/",
    "/kennisbank/a%00b/",
    "/gesprekken/%00/",
]


@pytest.fixture
def site():
    return make_public_site()


def _get(client, path, pairs):
    fresh()
    query = urlencode(pairs)
    return client.get(f"{path}?{query}" if query else path, follow=True)


@pytest.mark.parametrize("path", NUL_ADDRESSES)
def test_nul_in_an_address_or_query_is_the_dutch_400_page(client, site, path):
    """Defect (c): on PostgreSQL this was a 500 (DataError: text cannot contain NUL)."""
    response = client.get(path)

    assert response.status_code == 400
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "Dit verzoek kunnen we niet verwerken" in page
    assert "Foutcode 400" in page
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "Permissions-Policy" in response


def test_nul_in_a_cookie_is_the_dutch_400_page(client, site):
    # Django unquotes "\000" in a quoted cookie value to NUL: a session key the session
    # store would look up in the database.
    response = client.get("/mijn-leerhuis/", HTTP_COOKIE='sessionid="\\000abcdefghijklmno"')

    assert response.status_code == 400
    assert "Foutcode 400" in response.content.decode()


def test_a_query_without_nul_is_served_as_before(client, site):
    response = client.get("/leden/?q=veenendaal")

    assert response.status_code == 200
    assert "Gemeente Veenendaal" in response.content.decode()


@pytest.mark.parametrize("path", sorted(ENDPOINTS))
def test_any_query_parameters_never_break_a_public_list(client, site, path):
    known = ENDPOINTS[path]

    @given(pairs=query_params([*known, "page", "q"], known))
    @example(pairs=[("q", "\x00")])
    @example(pairs=[("page", "99999999999999999999"), ("maand", "2026-13")])
    @example(pairs=[("thema", "wonen"), ("thema", "' OR 1=1--"), ("type", "")])
    def check(pairs):
        assert_answered_well(_get(client, path, pairs))

    check()


# Raw query strings as scanners send them: broken percent escapes, invalid UTF-8, stray
# separators; Django must decode them, not the views.
raw_queries = st.text(st.sampled_from("qtypemaand=&;+%0123456789abcdefABCDEF#?/"), max_size=80)


@given(raw=raw_queries)
@example(raw="q=%E0%A4%A&thema=%C0%AF&&=&page=%FF")
@example(raw="%%%%=%%&q=%u0000")
def test_raw_query_strings_never_break_the_calendar_or_search(client, site, raw):
    for path in ("/activiteiten/", "/zoeken/", "/begrippen/"):
        fresh()
        response = client.get(path, QUERY_STRING=raw)
        assert_answered_well(response)
        if response.status_code in (301, 302):
            # Where the list sends a query it tidies up (the client would keep the raw
            # query string on a followed redirect).
            assert_answered_well(client.get(response["Location"]))


# Pages of a logged-in member that read the query string.
MEMBER_ENDPOINTS = {
    "/mijn-leerhuis/ontwikkeling/": {"jaar": ["2026", "1999", "٢٠٢٦"]},
    "/gesprekken/nieuw/": {"groep": ["werkgroep-wonen"]},
    "{thread}": {"pagina": ["1", "2"], "bijdrage": ["1"], "citeer": ["1"]},
    "/mijn-leerhuis/aanmeldingen/": {"page": ["1"]},
    "/mijn-leerhuis/": {},
}


@pytest.mark.parametrize("path", sorted(MEMBER_ENDPOINTS))
def test_any_query_parameters_never_break_a_members_page(client, site, path):
    client.force_login(member())
    known = MEMBER_ENDPOINTS[path]
    address = path.format(thread=site["thread"].get_absolute_url())

    @given(pairs=query_params([*known, "page"], known))
    @example(pairs=[("jaar", "9" * 5000), ("bijdrage", "-1"), ("citeer", "1e9")])
    def check(pairs):
        assert_answered_well(_get(client, address, pairs))

    check()


# Headers the site reads: content negotiation (a begrip answers Turtle or JSON-LD), the
# validators of a conditional GET (feeds and the page cache answer 304), the language.
HEADERS = ["HTTP_ACCEPT", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_ACCEPT_LANGUAGE"]


@given(values=st.fixed_dictionaries({}, optional={name: nasty_text for name in HEADERS}))
@example(values={"HTTP_ACCEPT": "text/turtle;q=abc, application/ld+json;q=-1, */*;q=1e999"})
@example(values={"HTTP_IF_MODIFIED_SINCE": "Sun, 31 Feb 99999 25:61:61 GMT"})
@example(values={"HTTP_IF_NONE_MATCH": 'W/"' + "a" * 10_000})
def test_odd_request_headers_never_break_a_page_or_feed(client, site, values):
    # Header values travel as latin-1 in WSGI: what a client could really send.
    headers = {k: v.encode("utf-8").decode("latin-1") for k, v in values.items()}
    paths = (
        "/",
        site["concept"].get_absolute_url(),
        "/kennisbank/feed/",
        "/activiteiten/agenda.ics",
    )
    for path in paths:
        fresh()
        assert_answered_well(client.get(path, **headers))


def test_a_query_with_thousands_of_parameters_is_the_dutch_400_page(client, site):
    # Django refuses more than DATA_UPLOAD_MAX_NUMBER_FIELDS, before any view reads them.
    too_many = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1
    response = client.get("/zoeken/?" + "&".join(f"q{n}=x" for n in range(too_many)))

    assert response.status_code == 400
    assert "Foutcode 400" in response.content.decode()
