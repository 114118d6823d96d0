"""Editors keep the accreditation schemes in the admin; a scheme that meetings award points
in is never deleted (the record and verified statements name it), and the editor is told
why instead of meeting an error page."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from events.models import AccreditationScheme, DevelopmentGoal, ExternalLearning
from tests.development_factories import ExternalLearningFactory, SchemeFactory, accredit, pmi
from tests.events_factories import EventPageFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def list_url():
    return reverse(AccreditationScheme.snippet_viewset.get_url_name("list"))


def delete_url(scheme):
    return reverse(AccreditationScheme.snippet_viewset.get_url_name("delete"), args=[scheme.pk])


def editor():
    user = UserFactory(email="redactie@leerhuis.example", is_staff=True)
    user.groups.add(Group.objects.get(name="Redactie"))
    return user


def test_the_list_shows_name_category_unit_and_how_many_meetings_use_it(client, login_with_mfa):
    login_with_mfa(client, editor())
    ipma, leadership = SchemeFactory(), pmi("Leadership")
    for _n in range(3):
        accredit(EventPageFactory(), ipma)
    accredit(EventPageFactory(), leadership)

    response = client.get(list_url())

    assert response.status_code == 200
    text = response.content.decode()
    assert "Accreditatieregelingen" in text
    for shown in ("IPMA", "PE-punten", "PMI", "Leadership", "PDU", "Activiteiten"):
        assert shown in text
    rows = [
        " | ".join(cell.get_text(" ", strip=True) for cell in tr.select("td"))
        for tr in BeautifulSoup(text, "html.parser").select("tbody tr")
    ]
    assert any("IPMA" in row and row.endswith("PE-punten | 3") for row in rows), rows
    assert any("Leadership" in row and row.endswith("PDU | 1") for row in rows), rows


def test_an_editor_adds_a_scheme(client, login_with_mfa):
    login_with_mfa(client, editor())
    add = reverse(AccreditationScheme.snippet_viewset.get_url_name("add"))
    response = client.post(
        add,
        {"name": "PMI", "category": "Power Skills", "unit": "PDU", "description": "", "url": ""},
    )
    assert response.status_code == 302
    assert AccreditationScheme.objects.filter(name="PMI", category="Power Skills").exists()


def test_a_second_scheme_with_the_same_name_and_category_is_refused_in_dutch(
    client, login_with_mfa
):
    login_with_mfa(client, editor())
    SchemeFactory()
    add = reverse(AccreditationScheme.snippet_viewset.get_url_name("add"))
    response = client.post(add, {"name": "IPMA", "category": "", "unit": "PE-punten"})
    assert response.status_code == 200
    assert "Deze regeling met deze categorie bestaat al." in response.content.decode()
    assert AccreditationScheme.objects.count() == 1


def test_a_scheme_that_meetings_use_is_not_deleted_and_the_editor_is_told_why(
    client, login_with_mfa
):
    login_with_mfa(client, editor())
    ipma = SchemeFactory()
    accredit(EventPageFactory(title="Studiedag opgave-sturing"), ipma)

    for ask in (client.get, client.post):
        response = ask(delete_url(ipma))
        assert response.status_code == 302
        followed = client.get(response["Location"]).content.decode()
        assert "Niet verwijderd" in followed
        assert "Studiedag opgave-sturing" in followed
        assert "Haal de accreditatie eerst bij die activiteiten weg" in followed
    assert AccreditationScheme.objects.filter(pk=ipma.pk).exists()


def test_the_bulk_delete_refuses_a_scheme_in_use_too(client, login_with_mfa):
    login_with_mfa(client, editor())
    used, unused = SchemeFactory(), pmi("Business Acumen")
    accredit(EventPageFactory(title="Netwerkdag"), used)
    bulk = (
        reverse("wagtail_bulk_action", args=["events", "accreditationscheme", "delete"])
        + f"?id={used.pk}&id={unused.pk}"
    )

    response = client.post(bulk)

    assert response.status_code == 302
    assert AccreditationScheme.objects.count() == 2


def test_a_scheme_in_someones_own_record_stays_and_nobody_is_named(client, login_with_mfa):
    login_with_mfa(client, editor())
    scheme = pmi("Ways of Working")
    owner = UserFactory(full_name="Petra Puntenteller")
    ExternalLearningFactory(user=owner, scheme=scheme, points=Decimal("8"))
    DevelopmentGoal.objects.create(user=owner, year=2026, scheme=scheme, points=Decimal("20"))

    response = client.post(delete_url(scheme))

    followed = client.get(response["Location"]).content.decode()
    assert "Niet verwijderd: 1 persoon heeft punten in deze regeling" in followed
    assert "Petra" not in followed
    assert AccreditationScheme.objects.filter(pk=scheme.pk).exists()
    # The points stay on the record with their scheme.
    assert ExternalLearning.objects.get(user=owner).scheme == scheme


def test_an_unused_scheme_can_be_deleted(client, login_with_mfa):
    login_with_mfa(client, editor())
    unused = pmi("Business Acumen")
    assert client.post(delete_url(unused)).status_code == 302
    assert not AccreditationScheme.objects.filter(pk=unused.pk).exists()


def test_staff_without_the_permission_cannot_reach_the_schemes(client, login_with_mfa):
    from tests.events.helpers.registrations_admin import staff_with

    login_with_mfa(client, staff_with(email="kijker@leerhuis.example"))
    ipma = SchemeFactory()
    assert client.get(list_url()).status_code in (302, 403)
    client.post(delete_url(ipma))
    assert AccreditationScheme.objects.filter(pk=ipma.pk).exists()
