"""Shared by the members tests: the members admin as staff read it, and the affiliations' today."""

import datetime

from bs4 import BeautifulSoup
from django.urls import reverse

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
