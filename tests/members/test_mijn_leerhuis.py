import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import OrganisationDomain
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/mijn-leerhuis/"


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/mijn-leerhuis/"


def test_owner_sees_their_own_name_and_address(client):
    owner = UserFactory(full_name="Aad van Klaveren", email="a.vanklaveren@alphenaandenrijn.nl")
    client.force_login(owner)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aad van Klaveren" in html
    assert "a.vanklaveren@alphenaandenrijn.nl" in html
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_another_user_never_sees_someone_elses_data(client):
    UserFactory(full_name="Aad van Klaveren", email="a.vanklaveren@alphenaandenrijn.nl")
    other = UserFactory(full_name="Wilbert Wouters", email="w.wouters@tilburg.nl")
    client.force_login(other)
    html = client.get(URL).content.decode()
    assert "Wilbert Wouters" in html
    assert "Aad van Klaveren" not in html
    assert "alphenaandenrijn" not in html


def test_unverified_address_is_marked(client):
    user = UserFactory(verified=False)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client.force_login(user)
    assert "nog niet bevestigd" in client.get(URL).content.decode()


def test_staff_without_mfa_are_told_they_need_it(client):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert "tweestapsverificatie nodig" in client.get(URL).content.decode()


def test_query_count_does_not_grow_with_other_users(client):
    user = UserFactory()
    client.force_login(user)
    client.get(URL)  # warm caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    UserFactory.create_batch(20)
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(few) == len(many)


# Organisation and membership ------------------------------------------------------------


def test_member_sees_organisation_and_until_when(client):
    import datetime

    OrganisationFactory(
        name="Gemeente Veenendaal",
        domain="veenendaal.nl",
        member__until=datetime.date(2027, 12, 31),
    )
    client.force_login(UserFactory(email="lid@veenendaal.nl"))
    html = client.get(URL).content.decode()
    assert "Gemeente Veenendaal is lid t/m 31-12-2027." in html
    assert "Bijeenkomsten zijn voor jou gratis" in html


def test_guest_sees_why_they_are_not_a_member(client):
    client.force_login(UserFactory(email="gast@voorbeeld.nl"))
    html = client.get(URL).content.decode()
    assert "Het domein voorbeeld.nl hoort (nog) niet bij een aangesloten organisatie." in html
    assert "tarief voor niet-leden" in html


def test_shared_domain_user_is_offered_the_choice(client):
    OrganisationFactory(name="Gemeente De Wolden", domain="dewoldenhoogeveen.nl")
    hoogeveen = OrganisationFactory(name="Gemeente Hoogeveen", domain=False)
    OrganisationDomain.objects.create(organisation=hoogeveen, domain="dewoldenhoogeveen.nl")
    user = UserFactory(email="gert@dewoldenhoogeveen.nl")
    client.force_login(user)

    html = client.get(URL).content.decode()
    assert "Kies bij welke je werkt" in html
    assert 'href="/mijn-leerhuis/organisatie/"' in html

    page = client.get("/mijn-leerhuis/organisatie/").content.decode()
    assert "Gemeente De Wolden" in page and "Gemeente Hoogeveen" in page

    response = client.post("/mijn-leerhuis/organisatie/", {})
    assert response.status_code == 200
    assert "Kies een organisatie." in response.content.decode()

    outsider = OrganisationFactory(name="Gemeente Elders", domain="elders.nl")
    response = client.post("/mijn-leerhuis/organisatie/", {"organisation": outsider.pk})
    assert response.status_code == 200
    assert "Kies een van de organisaties in de lijst." in response.content.decode()

    response = client.post("/mijn-leerhuis/organisatie/", {"organisation": hoogeveen.pk})
    assert response.status_code == 302
    html = client.get(URL).content.decode()
    assert "Je keuze voor Gemeente Hoogeveen wacht op bevestiging door de vereniging." in html


def test_choice_page_sends_others_back(client):
    OrganisationFactory(domain="veenendaal.nl")
    client.force_login(UserFactory(email="a@veenendaal.nl"))
    response = client.get("/mijn-leerhuis/organisatie/")
    assert response.status_code == 302 and response["Location"] == URL


@pytest.mark.parametrize(
    "path",
    ["/mijn-leerhuis/profiel/", "/mijn-leerhuis/organisatie/", "/mijn-leerhuis/mijn-gegevens/"],
)
def test_personal_pages_need_a_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


# Profile -------------------------------------------------------------------------------


def test_profile_is_edited_and_shown(client):
    user = UserFactory(full_name="Ruud de Smit")
    client.force_login(user)
    response = client.post(
        "/mijn-leerhuis/profiel/",
        {
            "full_name": "  Ruud   de Smit ",
            "function": "opgave-manager",
            "bio": "Werkt aan de Friese kust.",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.function, user.bio) == (
        "Ruud de Smit",
        "opgave-manager",
        "Werkt aan de Friese kust.",
    )
    html = client.get(URL).content.decode()
    assert "Opgave-manager" in html and "Werkt aan de Friese kust." in html


def test_bad_profile_input_is_shown_again_with_dutch_errors_and_nothing_lost(client):
    user = UserFactory(full_name="Ruud de Smit", function="projectleider")
    client.force_login(user)
    response = client.post(
        "/mijn-leerhuis/profiel/",
        {"full_name": "   ", "function": "koning", "bio": "x" * 700},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul je naam in." in html
    assert "Selecteer een geldige keuze" in html
    assert "niet meer dan 600 tekens" in html
    assert "x" * 700 in html  # what was typed is still there
    user.refresh_from_db()
    assert (user.full_name, user.function) == ("Ruud de Smit", "projectleider")


def test_profile_form_only_edits_the_logged_in_user(client):
    owner = UserFactory(full_name="Eigenaar")
    other = UserFactory(full_name="Ander")
    client.force_login(owner)
    client.post(
        "/mijn-leerhuis/profiel/", {"full_name": "Nieuw", "function": "", "bio": "", "pk": other.pk}
    )
    other.refresh_from_db()
    assert other.full_name == "Ander"


@pytest.mark.parametrize("status", ["member", "shared", "unknown"])
def test_dashboard_queries_do_not_grow_with_organisations(client, status):
    from tests.members.test_directory import add_members

    if status == "member":
        OrganisationFactory(name="Gemeente Veenendaal", domain="veenendaal.nl")
        email = "a@veenendaal.nl"
    elif status == "shared":
        OrganisationFactory(name="A", domain="gedeeld.nl")
        b = OrganisationFactory(name="B", domain=False)
        OrganisationDomain.objects.create(organisation=b, domain="gedeeld.nl")
        email = "a@gedeeld.nl"
    else:
        email = "a@onbekend.nl"
    client.force_login(UserFactory(email=email))
    add_members(10)
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    add_members(290, start=10)
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL).status_code == 200
    assert len(few) == len(many)


def test_error_summary_links_to_the_first_option_of_a_radio_group(client):
    OrganisationFactory(name="A", domain="gedeeld.nl")
    b = OrganisationFactory(name="B", domain=False)
    OrganisationDomain.objects.create(organisation=b, domain="gedeeld.nl")
    client.force_login(UserFactory(email="x@gedeeld.nl"))
    html = client.post("/mijn-leerhuis/organisatie/", {}).content.decode()
    assert 'href="#id_organisation_0"' in html
    assert 'id="id_organisation_0"' in html
