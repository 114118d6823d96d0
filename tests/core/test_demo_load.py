"""`load_demo`: its pages, accounts, organisations and people, and what a second run keeps."""

import datetime
import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from leerhuis.core.models import StandardPage
from leerhuis.demo.members import ORGANISATIONS, PEOPLE
from members.membership import membership_on
from members.models import (
    Affiliation,
    AffiliationChange,
    AffiliationStatus,
    Membership,
    Organisation,
    OrganisationDomain,
    Person,
    Province,
)
from tests.core.helpers import calendar_snapshot
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DEMO_LOGINS = ["beheer@leerhuis.example", "lid@veenendaal.nl", "gast@voorbeeld.nl"]
BOARD = ["Francois van Doesburg", "Fernando Salinas Camara", "Wilbert Wouters", "Gert Bolkesteijn"]


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        get_user_model().objects.count(),
        sorted(get_user_model().objects.values_list("email", "password")),
        sorted(Organisation.objects.values_list("name", "cbs_code", "updated_at")),
        sorted(OrganisationDomain.objects.values_list("domain", "organisation__name")),
        sorted(Membership.objects.values_list("organisation__name", "valid_from", "valid_until")),
        sorted(Person.objects.values_list("name", "role", "board_role")),
        sorted(Affiliation.objects.values_list("user__email", "status", "updated_at")),
        AffiliationChange.objects.count(),
        calendar_snapshot(),
        sorted(get_document_model().objects.values_list("title", "file", "file_hash")),
    )


def user(email):
    return get_user_model().objects.get(email=email)


def test_load_demo_is_idempotent(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    out = capsys.readouterr().out
    assert "niets veranderd" in out
    for email in DEMO_LOGINS:
        assert email in out
    # The video and its captions were uploaded once, from the repository.
    titles = get_document_model().objects.values_list("title", flat=True)
    assert {"Video: Wat is een opgave?", "Ondertiteling: Wat is een opgave?"} <= set(titles)


def test_demo_accounts_are_verified_and_can_log_in(settings, client):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    User = get_user_model()
    for email in DEMO_LOGINS:
        assert EmailAddress.objects.get(email=email).verified
    assert User.objects.get(email="beheer@leerhuis.example").is_staff
    assert not User.objects.get(email="lid@veenendaal.nl").is_staff
    response = client.post(
        "/accounts/login/", {"login": "gast@voorbeeld.nl", "password": "leerhuis-demo"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_demo_password_can_be_overridden(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "ander-demo-wachtwoord")
    call_command("load_demo", "--quiet-logins")
    user = get_user_model().objects.get(email="lid@veenendaal.nl")
    assert user.check_password("ander-demo-wachtwoord")


def test_demo_pages_are_published(settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {"over-ons", "contact", "privacy", "toegankelijkheid"} <= slugs


def test_load_demo_refuses_to_run_without_debug(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("LEERHUIS_ALLOW_DEMO", raising=False)
    with pytest.raises(CommandError, match="productie"):
        call_command("load_demo")
    assert not get_user_model().objects.exists()


def test_load_demo_points_the_site_at_base_url(settings):
    from wagtail.models import Site

    settings.DEBUG = True
    settings.BASE_URL = "http://127.0.0.1:8123"
    call_command("load_demo", "--quiet-logins")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)


def test_load_demo_never_overwrites_an_edited_home_page(settings):
    from leerhuis.core.models import HomePage

    settings.DEBUG = True
    home = HomePage.objects.get()
    home.intro = "<p>Door de redactie geschreven.</p>"
    home.body = []
    home.save_revision().publish()
    call_command("load_demo", "--quiet-logins")
    home.refresh_from_db()
    assert home.intro == "<p>Door de redactie geschreven.</p>"
    assert not home.body


def test_a_second_run_changes_no_organisation_person_or_affiliation(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    assert "nieuw" in capsys.readouterr().out
    first = snapshot()
    assert Organisation.objects.count() == len(ORGANISATIONS)
    assert Person.objects.count() == len(PEOPLE)
    call_command("load_demo", "--quiet-logins")
    assert snapshot() == first
    assert "niets veranderd" in capsys.readouterr().out


def test_the_member_account_is_linked_through_its_verified_address(demo):
    status = membership_on(user("lid@veenendaal.nl"))
    assert status.is_member
    assert status.organisation.name == "Gemeente Veenendaal"
    affiliation = Affiliation.objects.get(user__email="lid@veenendaal.nl")
    assert affiliation.status == AffiliationStatus.DOMAIN
    assert affiliation.email_domain == "veenendaal.nl"
    # It ends (the dashboard shows the date), at the end of next year.
    until = datetime.date(timezone.localdate().year + 1, 12, 31)
    assert status.membership.valid_until == until
    assert status.message == f"Gemeente Veenendaal is lid t/m {until:%d-%m-%Y}."
    # Logged as a real confirmation is: one entry, decided by nobody in particular.
    change = AffiliationChange.objects.get(user__email="lid@veenendaal.nl")
    assert change.organisation_name == "Gemeente Veenendaal"


def test_the_guest_account_has_an_unknown_domain(demo):
    status = membership_on(user("gast@voorbeeld.nl"))
    assert not status.is_member
    assert status.reason == AffiliationStatus.UNKNOWN_DOMAIN
    assert "voorbeeld.nl" in status.message
    assert user("beheer@leerhuis.example").is_staff
    assert not user("gast@voorbeeld.nl").is_staff


def test_the_directory_shows_the_members_by_province(demo, client):
    today = timezone.localdate()
    members = Organisation.objects.existing().members_on(today)
    html = client.get("/leden/").content.decode()
    assert f"{members.count()} aangesloten organisaties" in html
    assert members.count() >= 40
    for name in [
        "Gemeente Veenendaal",
        "Gemeente Súdwest-Fryslân",
        "Gemeente Alphen aan den Rijn",
        "Gemeente Zaanstad",
        "Gemeente Tilburg",
        "Gemeente De Wolden",
        "Gemeente Hoogeveen",
        "Gemeente Amsterdam",
        "Provincie Utrecht",
    ]:
        assert name in html
    # Every province has members, and its own heading.
    for province in Province:
        assert f'id="provincie-{province.value}"' in html
        assert province.label in html
    # Not a member, no longer, not yet, or merged into another: not listed.
    for name in [
        "Gemeente Stadskanaal",
        "Gemeente Vlissingen",
        "Gemeente Helmond",
        "Gemeente Weesp",
    ]:
        assert name not in html


def test_the_directory_finds_a_name_without_its_accents(demo, client):
    html = client.get("/leden/", {"q": "sudwest"}).content.decode()
    assert "1 organisatie gevonden" in html
    assert "Gemeente Súdwest-Fryslân" in html


def test_the_board_page_shows_the_four_board_members_in_order(demo, client):
    html = client.get("/bestuur/").content.decode()
    positions = [html.index(name) for name in BOARD]
    assert positions == sorted(positions)
    assert "Voorzitter" in html
    assert "Samenwerkingsorganisatie De Wolden Hoogeveen" in html
    assert "Afdelingsmanager Programma&#x27;s en Projecten" in html
    # Speakers and the contact person are people, not board members.
    assert "Astrid van de Klift" not in html
    assert "Toin Routers" not in html


def test_speakers_and_contact_person_are_linked_to_their_organisations(demo):
    assert Person.objects.get(name="Ruud de Smit").organisation.name == "Gemeente Súdwest-Fryslân"
    assert Person.objects.get(name="Aad van Klaveren").organisation.cbs_code == "GM0484"
    astrid = Person.objects.get(name="Astrid van de Klift")
    assert (astrid.role, astrid.organisation.name) == ("Gemeentesecretaris", "Gemeente Veenendaal")
    assert Person.objects.get(name="Toin Routers").email == "t.routers@leerhuis.example"


def test_demo_organisations_are_valid_and_their_codes_unique(demo):
    codes = [o.cbs_code for o in ORGANISATIONS if o.cbs_code]
    assert len(codes) == len(set(codes))
    for organisation in Organisation.objects.all():
        organisation.full_clean()
    provinces = Organisation.objects.filter(kind=Organisation.Kind.PROVINCIE)
    assert sorted(provinces.values_list("cbs_code", flat=True)) == [f"PV{n}" for n in range(20, 32)]
    assert all(d.include_subdomains for p in provinces for d in p.domains.all())


def test_shared_and_merged_domains_behave_like_real_ones(demo):
    shared = UserFactory(email="g.bolkesteijn@dewoldenhoogeveen.nl")
    status = membership_on(shared)
    assert status.reason == AffiliationStatus.CHOICE_NEEDED
    assert "dewoldenhoogeveen.nl" in status.message
    # Weesp merged into Amsterdam on 24 March 2022: its addresses lead to Amsterdam.
    weesp = Organisation.objects.get(cbs_code="GM0457")
    assert (weesp.merged_into.name, weesp.merged_on) == (
        "Gemeente Amsterdam",
        datetime.date(2022, 3, 24),
    )
    from_weesp = UserFactory(email="projecten@weesp.nl")
    assert membership_on(from_weesp).organisation.name == "Gemeente Amsterdam"
    assert membership_on(from_weesp, datetime.date(2020, 6, 1)).is_member


def test_non_members_say_why(demo):
    expired = membership_on(UserFactory(email="a@vlissingen.nl"))
    assert expired.reason == "verlopen"
    assert expired.membership.valid_until == datetime.date(timezone.localdate().year - 1, 12, 31)
    assert membership_on(UserFactory(email="a@helmond.nl")).reason == "nog_niet"
    assert membership_on(UserFactory(email="a@stadskanaal.nl")).reason == "geen_lid"
    assert membership_on(UserFactory(email="a@ruimte.provincie-utrecht.nl")).is_member


def test_an_editors_changes_are_never_overwritten(demo, settings):
    veenendaal = Organisation.objects.get(cbs_code="GM0345")
    veenendaal.name = "Gemeente Veenendaal (projectbureau)"
    veenendaal.save()
    veenendaal.domains.all().delete()
    Person.objects.filter(name="Wilbert Wouters").update(role="Directeur", board_order=9)
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    assert not Organisation.objects.filter(name="Gemeente Veenendaal").exists()
    assert not OrganisationDomain.objects.filter(domain="veenendaal.nl").exists()
    assert Person.objects.get(name="Wilbert Wouters").role == "Directeur"


def test_dates_count_from_the_first_load_and_never_move(settings):
    settings.DEBUG = True
    with time_machine.travel(datetime.datetime(2026, 11, 28, 12, tzinfo=datetime.UTC)):
        call_command("load_demo", "--quiet-logins")
    Organisation.objects.filter(cbs_code="GM0114").delete()  # an editor removed Emmen
    with time_machine.travel(datetime.datetime(2029, 2, 1, 12, tzinfo=datetime.UTC)):
        call_command("load_demo", "--quiet-logins")
    veenendaal = Membership.objects.get(organisation__cbs_code="GM0345")
    assert veenendaal.valid_until == datetime.date(2027, 12, 31)
    emmen = Membership.objects.get(organisation__cbs_code="GM0114")
    assert (emmen.valid_from, emmen.valid_until) == (
        datetime.date(2018, 1, 1),
        datetime.date(2027, 12, 31),
    )


def test_accounts_of_an_older_demo_load_are_linked_on_the_next(settings):
    """An account made before there were organisations gets linked, still by the signal."""
    old = get_user_model().objects.create_user(
        email="lid@veenendaal.nl", password="leerhuis-demo", full_name="Astrid van de Klift"
    )
    EmailAddress.objects.create(user=old, email=old.email, verified=True, primary=True)
    assert not Affiliation.objects.filter(user=old).exists()
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    assert membership_on(user("lid@veenendaal.nl")).is_member


def test_the_printed_logins_name_the_password(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    out = capsys.readouterr().out
    assert re.search(r"wachtwoord: leerhuis-demo", out)


def load_accounts_only():
    """The accounts part of load_demo alone: the whole demo is not needed for the groups."""
    from leerhuis.demo.management.commands.load_demo import Command

    return Command().load_accounts("leerhuis-demo")


def test_the_demo_staff_account_reaches_leden_in_the_admin(client, login_with_mfa):
    from django.urls import reverse

    from tests.factories import PASSWORD

    load_accounts_only()
    staff = user("beheer@leerhuis.example")
    staff.set_password(PASSWORD)
    staff.save()
    login_with_mfa(client, staff)
    assert "Leden" in client.get("/admin/").content.decode()
    for listing in (
        "wagtailsnippets_members_organisation:list",
        "wagtailsnippets_members_person:list",
        "koppelingen:index",
        "onbekende-domeinen:index",
    ):
        assert client.get(reverse(listing)).status_code == 200, listing


def test_an_older_demo_staff_account_gets_its_groups_on_the_next_load():
    load_accounts_only()
    staff = user("beheer@leerhuis.example")
    staff.groups.clear()
    load_accounts_only()
    assert set(staff.groups.values_list("name", flat=True)) == {
        "Redactie",
        "Evenementen",
        "Moderatie",
        "Ledenbeheer",
    }
