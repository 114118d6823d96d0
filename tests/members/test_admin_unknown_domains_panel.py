"""The dashboard's "Onbekende e-maildomeinen" for Ledenbeheer: how many accounts use a domain
no organisation claims, the five most used, personal mail apart, a link to the report; not
for staff who may not add organisations; and as cheap for 3 as for 40 domains."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.events.helpers.registrations_admin import organiser
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

REPORT = reverse("onbekende-domeinen:index")


@pytest.fixture(autouse=True)
def staff_domain():
    """Staff accounts (@leerhuis.example) belong to a known organisation: only the accounts
    a test makes are unknown."""
    OrganisationFactory(domain="leerhuis.example")


def member_manager(email="ledenbeheer@leerhuis.example"):
    user = UserFactory(email=email, is_staff=True, full_name="Lia Ledenbeheer")
    user.groups.add(Group.objects.get(name="Ledenbeheer"))
    return user


def unknown(domain, count):
    for n in range(count):
        UserFactory(email=f"p{n}@{domain}")


def panel(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").find(
        id="onbekende-domeinen-content"
    )


def text(element):
    return " ".join(element.get_text(" ", strip=True).split())


def test_member_managers_see_the_accounts_the_top_five_domains_and_personal_mail_apart(
    client, login_with_mfa
):
    for n, domain in enumerate(["a.nl", "b.nl", "c.nl", "d.nl", "e.nl", "f.nl"], start=1):
        unknown(domain, n)  # f.nl 6 accounts … a.nl 1
    unknown("gmail.com", 4)
    OrganisationFactory(domain="bekend.nl")
    unknown("bekend.nl", 3)
    login_with_mfa(client, member_manager())

    found = panel(client)

    assert "21 accounts gebruiken een e-maildomein dat bij geen organisatie hoort" in text(found)
    assert "(6 domeinen)" in text(found)
    rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in found.select("tbody tr")]
    assert rows == [["f.nl", "6"], ["e.nl", "5"], ["d.nl", "4"], ["c.nl", "3"], ["b.nl", "2"]]
    assert "4 accounts gebruiken een persoonlijk mailadres" in text(found)
    assert "gmail.com" not in str(found.select("tbody"))
    assert "bekend.nl" not in text(found)
    report = found.find("a", string=lambda s: s and "onbekende domeinen" in s)
    assert report["href"] == REPORT
    assert "f.nl" in client.get(report["href"]).content.decode()
    people = found.find("a", string="Naar de koppelingen")
    assert client.get(people["href"]).status_code == 200


def test_nothing_unknown_says_so(client, login_with_mfa):
    login_with_mfa(client, member_manager())
    found = panel(client)
    assert "Elk account hoort bij een bekend domein" in text(found)
    assert found.select("tbody tr") == []


def test_staff_who_may_not_add_organisations_get_no_panel(client, login_with_mfa):
    unknown("a.nl", 2)
    login_with_mfa(client, organiser())
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "onbekende-domeinen" not in response.content.decode()
    assert "a.nl" not in response.content.decode()


def queries(client):
    with CaptureQueriesContext(connection) as captured:
        panel(client)
    return len(captured)


def test_the_panel_costs_the_same_for_3_or_40_domains(client, login_with_mfa):
    login_with_mfa(client, member_manager())
    for n in range(3):
        unknown(f"domein-{n}.nl", 1)
    panel(client)  # warm the caches
    few = queries(client)
    for n in range(3, 40):
        unknown(f"domein-{n}.nl", 2)
    unknown("hotmail.com", 3)
    assert queries(client) == few


def test_in_english_for_staff_who_chose_it(client, login_with_mfa):
    unknown("a.nl", 2)
    unknown("gmail.com", 1)
    manager = member_manager()
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "en"
    profile.save()
    login_with_mfa(client, manager)

    found = panel(client)

    assert "2 accounts use an email domain that belongs to no organisation" in text(found)
    assert "1 account uses a personal email address" in text(found)
