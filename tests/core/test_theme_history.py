"""Themes have drafts, revisions and a log like pages: Editors keep and publish them, and a
theme saved only as a draft is never offered or shown on the site."""

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from leerhuis.core.themes import Thema
from leerhuis.staff import setup as roles_setup
from leerhuis.staff.roles import REDACTIE
from tests.events_factories import EventPageFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"wagtailsnippets_core_thema:{name}", args=args)


def editor():
    user = UserFactory(email="redactie@leerhuis.example", is_staff=True, full_name="Eva Editor")
    roles_setup.apply(django_apps)  # a live-server test before this one flushed the roles
    user.groups.add(Group.objects.get(name=REDACTIE))
    return user


def public(path):
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_theme_saved_as_draft_is_not_offered_or_shown_until_published(client, login_with_mfa):
    login_with_mfa(client, editor())
    form = {"name": "Klimaatadaptatie", "slug": "", "description": "Hitte en water."}
    assert client.post(url("add"), form).status_code == 302  # "Bewaar concept"
    thema = Thema.objects.get(name="Klimaatadaptatie")
    assert not thema.live

    event = EventPageFactory(title="Netwerkdag klimaat")
    event.themes.add(thema)
    event.save()
    calendar = public("/activiteiten/")
    assert "Netwerkdag klimaat" in calendar
    assert "Klimaatadaptatie" not in calendar  # neither on the card nor in the filter
    assert "Klimaatadaptatie" not in public(event.url)
    # Its address is an unknown theme while it is a draft: the calendar does not name it.
    assert "Klimaatadaptatie" not in public("/activiteiten/?thema=klimaatadaptatie")

    response = client.post(url("edit", thema.pk), {**form, "action-publish": "action-publish"})
    assert response.status_code == 302
    assert Thema.objects.get(pk=thema.pk).live
    assert "Klimaatadaptatie" in public("/activiteiten/")
    assert "Netwerkdag klimaat" in public("/activiteiten/?thema=klimaatadaptatie")


def test_a_renamed_theme_is_in_its_history_and_can_be_renamed_back(client, login_with_mfa):
    thema = Thema.objects.create(name="Wonen", slug="wonen")
    login_with_mfa(client, editor())
    assert client.get(url("edit", thema.pk)).status_code == 200
    form = {"name": "Wonen en leefomgeving", "slug": "wonen", "description": ""}
    client.post(url("edit", thema.pk), {**form, "action-publish": "action-publish"})
    assert Thema.objects.get(pk=thema.pk).name == "Wonen en leefomgeving"

    history = client.get(url("history", thema.pk)).content.decode()
    assert "Beginstand vastgelegd" in history and "Eva Editor" in history
    first = thema.revisions.order_by("created_at", "pk").first()
    assert url("revisions_revert", thema.pk, first.pk) in history

    back = {"name": "Wonen", "slug": "wonen", "description": ""}
    response = client.post(
        url("revisions_revert", thema.pk, first.pk), {**back, "action-publish": "action-publish"}
    )
    assert response.status_code == 302
    assert Thema.objects.get(pk=thema.pk).name == "Wonen"


def test_other_staff_cannot_see_a_themes_history(client, login_with_mfa):
    thema = Thema.objects.create(name="Zorg", slug="zorg")
    assert client.get(url("history", thema.pk)).status_code == 302  # anonymous: to the login
    group = Group.objects.create(name="Alleen het admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    other = UserFactory(email="ander@leerhuis.example", is_staff=True)
    other.groups.add(group)
    login_with_mfa(client, other)
    response = client.get(url("history", thema.pk))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.post(url("unpublish", thema.pk)).status_code == 302
    assert Thema.objects.get(pk=thema.pk).live
