"""Shared by the members tests: the members admin as staff read it, and the affiliations' today."""

import datetime

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

ORGANISATIONS = reverse("wagtailsnippets_members_organisation:list")
ORGANISATION_ADD = reverse("wagtailsnippets_members_organisation:add")
PEOPLE = reverse("wagtailsnippets_members_person:list")

# The day the affiliation tests take for today.
TODAY = datetime.date(2026, 11, 28)


def inspect_url(organisation):
    return reverse("wagtailsnippets_members_organisation:inspect", args=[organisation.pk])


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def rows(page):
    """The listing as a staff member reads it: one list of cell texts per row."""
    body = BeautifulSoup(page, "html.parser").select_one("table tbody")
    if body is None:
        return []
    for furniture in body.select("ul.actions, td.bulk-action-checkbox-cell"):
        furniture.decompose()  # row menus and bulk-action checkboxes
    return [
        [" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")]
        for row in body.find_all("tr")
    ]


def new_organisation_form(domain="nieuwegein.nl"):
    """The add-organisation form as staff fill it in: a member municipality with one domain."""
    return nested_form_data(
        {
            "name": "Gemeente Nieuwegein",
            "kind": "gemeente",
            "province": "utrecht",
            "cbs_code": "GM0356",
            "website": "",
            "merged_into": "",
            "merged_on": "",
            "domains": inline_formset([{"domain": domain, "include_subdomains": ""}]),
            "memberships": inline_formset(
                [{"category": "regulier", "valid_from": "2020-01-01", "valid_until": ""}]
            ),
        }
    )
