"""/leden/ (member organisations) and /bestuur/ (the board)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.folding import fold
from members.models import Membership, Organisation, Person
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def add_members(count, start=0):
    """Bulk-made member municipalities, spread over the provinces."""
    provinces = ["utrecht", "drenthe", "zeeland", ""]
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Gemeente Bulk {n}",
            name_folded=fold(f"Gemeente Bulk {n}"),
            kind="gemeente",
            province=provinces[n % len(provinces)],
        )
        for n in range(start, start + count)
    )
    Membership.objects.bulk_create(
        Membership(organisation=o, valid_from=datetime.date(2020, 1, 1)) for o in organisations
    )


def test_lists_members_grouped_by_province_with_a_count(client):
    OrganisationFactory(name="Gemeente Veenendaal", province="utrecht")
    OrganisationFactory(name="Provincie Utrecht", kind="provincie", province="utrecht")
    OrganisationFactory(name="Gemeente De Wolden", province="drenthe")
    OrganisationFactory(name="Samenwerking Landelijk", kind="samenwerkingsverband", province="")
    html = client.get("/leden/").content.decode()

    assert "4 aangesloten organisaties" in html
    drenthe, utrecht, national = (
        html.index('id="provincie-drenthe"'),
        html.index('id="provincie-utrecht"'),
        html.index('id="provincie-landelijk"'),
    )
    assert drenthe < utrecht < national  # provinces north to south, national last
    assert html.index("Gemeente De Wolden") > drenthe
    assert utrecht < html.index("Gemeente Veenendaal") < national


def test_non_members_expired_and_merged_organisations_are_not_listed(client):
    OrganisationFactory(name="Gemeente Lid")
    OrganisationFactory(name="Gemeente Geen Lid", member=False)
    OrganisationFactory(name="Gemeente Verlopen", member__until=datetime.date(2024, 12, 31))
    OrganisationFactory(name="Gemeente Straks", member__from=datetime.date(2099, 1, 1))
    amsterdam = OrganisationFactory(name="Gemeente Amsterdam")
    OrganisationFactory(
        name="Gemeente Weesp", merged_into=amsterdam, merged_on=datetime.date(2022, 3, 24)
    )
    html = client.get("/leden/").content.decode()

    assert "2 aangesloten organisaties" in html
    for absent in ["Geen Lid", "Verlopen", "Straks", "Weesp"]:
        assert absent not in html


def test_search_ignores_accents_and_says_what_it_found(client):
    OrganisationFactory(name="Gemeente Súdwest-Fryslân", province="fryslan")
    OrganisationFactory(name="Gemeente Tilburg", province="noord-brabant")
    html = client.get("/leden/", {"q": "sudwest"}).content.decode()

    assert "Gemeente Súdwest-Fryslân" in html
    assert "Gemeente Tilburg" not in html
    assert "1 organisatie gevonden voor ‘sudwest’" in html
    # The total stays the number of members, not the number found.
    assert "2 aangesloten organisaties" in html


def test_search_without_results_offers_a_way_back(client):
    OrganisationFactory(name="Gemeente Tilburg")
    html = client.get("/leden/", {"q": "<script>x</script>"}).content.decode()
    assert "Geen aangesloten organisatie gevonden" in html
    assert 'href="/leden/"' in html
    assert "<script>x</script>" not in html


def test_website_links_only_where_known(client):
    OrganisationFactory(name="Gemeente Tilburg", website="https://www.tilburg.nl/")
    html = client.get("/leden/").content.decode()
    assert 'href="https://www.tilburg.nl/"' in html


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("url", ["/leden/", "/leden/?q=bulk"])
def test_directory_queries_do_not_grow_with_organisations(client, url):
    add_members(10)
    client.get(url)  # warm the site and content-type caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).content.decode().count("Gemeente Bulk") == 10
    add_members(290, start=10)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).content.decode().count("Gemeente Bulk") == 300
    assert len(few) == len(many)


def test_board_lists_board_members_in_order_with_role_and_organisation(client):
    zaanstad = OrganisationFactory(name="Gemeente Zaanstad")
    PersonFactory(name="Wilbert Wouters", board_role="penningmeester", board_order=3)
    PersonFactory(
        name="Fernando Salinas Camara",
        role="Hoofd afdeling Projecten",
        organisation=zaanstad,
        board_role="secretaris",
        board_order=2,
    )
    PersonFactory(name="Francois van Doesburg", board_role="voorzitter", board_order=1)
    PersonFactory(name="Astrid van de Klift", role="Gemeentesecretaris")  # a speaker

    html = client.get("/bestuur/").content.decode()
    order = [html.index(n) for n in ["Francois", "Fernando", "Wilbert"]]
    assert order == sorted(order)
    assert "Astrid van de Klift" not in html
    assert "Hoofd afdeling Projecten" in html and "Gemeente Zaanstad" in html
    assert "Secretaris" in html


def test_board_queries_do_not_grow_with_people(client, django_assert_num_queries):
    organisation = OrganisationFactory()
    PersonFactory(board_role="lid", organisation=organisation)
    client.get("/bestuur/")
    with CaptureQueriesContext(connection) as few:
        client.get("/bestuur/")
    for _ in range(19):
        PersonFactory(board_role="lid", organisation=OrganisationFactory())
    with CaptureQueriesContext(connection) as many:
        client.get("/bestuur/")
    assert len(few) == len(many)
    assert Person.objects.board().count() == 20


def test_empty_board_says_so(client):
    assert (
        "De samenstelling van het bestuur volgt binnenkort."
        in client.get("/bestuur/").content.decode()
    )


def test_leden_is_in_the_main_menu_and_bestuur_in_the_footer(client):
    home = client.get("/").content.decode()
    assert '<a href="/leden/">Leden</a>' in home
    assert '<a href="/bestuur/">Bestuur</a>' in home
    leden = client.get("/leden/").content.decode()
    assert '<a href="/leden/" aria-current="page">Leden</a>' in leden
