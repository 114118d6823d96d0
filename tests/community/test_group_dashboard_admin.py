"""My groups in Mijn Leerhuis and in "download mijn gegevens"; groups and their members in
the admin for staff and whoever is given the group permissions, and not for moderators
(a hidden group and its members are no business of theirs)."""

import importlib
import json

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.utils.html import escape

from members.models import Groepslid, Toegang
from tests.community.groups_helpers import group
from tests.community_factories import GroepslidFactory
from tests.events_factories import member
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_mijn_leerhuis_lists_my_groups_and_my_open_requests(client):
    mine = group(Toegang.OPEN, name="Werkgroep begrippenkader")
    asked = group(Toegang.OP_VERZOEK, name="Intervisie opgave-managers")
    group(Toegang.OPEN, name="Andermans groep")
    GroepslidFactory(groep=asked, user=mine.member, status=Groepslid.Status.AANGEVRAAGD)
    client.force_login(mine.member)
    text = client.get("/mijn-leerhuis/").content.decode()
    assert "Mijn groepen" in text
    assert "Werkgroep begrippenkader" in text and "Intervisie opgave-managers" in text
    assert "verzoek ingediend" in text and "Andermans groep" not in text


def test_the_export_holds_my_memberships_and_not_anothers(client):
    groep = group(Toegang.OP_VERZOEK, name="Intervisie")
    GroepslidFactory(groep=group(name="Andere groep"), user=member())
    client.force_login(groep.manager)
    data = json.loads(client.get("/mijn-leerhuis/mijn-gegevens/").content)
    (row,) = data["groepen"]
    assert row["groep"] == "Intervisie" and row["rol"] == "beheerder"
    assert "Andere groep" not in json.dumps(data)


def test_staff_see_the_groups_and_their_members_in_the_admin(admin_client_with_mfa):
    groep = group(Toegang.VERBORGEN, name="Bestuursgroep")
    index = admin_client_with_mfa.get("/admin/snippets/members/groep/")
    assert index.status_code == 200 and "Bestuursgroep" in index.content.decode()
    inspect = admin_client_with_mfa.get(f"/admin/snippets/members/groep/inspect/{groep.pk}/")
    text = inspect.content.decode()
    assert escape(groep.manager.full_name) in text and escape(groep.member.full_name) in text


GROUP_PERMISSIONS = ["view_groep", "change_groep", "view_groepslid", "change_groepslid"]


def test_whoever_is_given_the_group_permissions_looks_after_groups(client, login_with_mfa):
    groep = group(name="Werkgroep")
    keeper = StaffFactory(is_superuser=False)
    keeper.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="members", codename__in=GROUP_PERMISSIONS
        ),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    login_with_mfa(client, keeper)
    assert client.get("/admin/snippets/members/groep/").status_code == 200
    edit = client.get(f"/admin/snippets/members/groep/edit/{groep.pk}/")
    assert edit.status_code == 200


def test_moderatie_settles_reports_and_looks_after_groups_hidden_ones_too(client, login_with_mfa):
    """Issue 20 gives groups and their join requests back to the role Moderatie
    (leerhuis/staff/roles.py): staff who moderate see every group in the admin."""
    groep = group(Toegang.VERBORGEN, name="Bestuursgroep")
    moderator = member()  # not staff: only the role Moderatie brings them into the admin
    moderator.groups.add(Group.objects.get(name="Moderatie"))
    login_with_mfa(client, moderator)

    assert client.get("/admin/meldingen/").status_code == 200
    listing = client.get("/admin/snippets/members/groep/")
    assert listing.status_code == 200
    assert "Bestuursgroep" in listing.content.decode()
    assert client.get(f"/admin/snippets/members/groep/edit/{groep.pk}/").status_code == 200


def test_databases_that_gave_moderators_the_groups_take_them_back_and_can_undo_it():
    moderatie = Group.objects.get(name="Moderatie")
    granted = Permission.objects.filter(
        content_type__app_label="members", codename__in=GROUP_PERMISSIONS
    )
    moderatie.permissions.add(*granted)  # as the first version of 0002 left it
    step = importlib.import_module("leerhuis.community.migrations.0003_moderatie_without_groups")

    step.take_away_groups(apps, None)
    assert not moderatie.permissions.filter(content_type__app_label="members").exists()
    assert moderatie.permissions.filter(codename="moderate_post").exists()

    step.give_back_groups(apps, None)
    assert moderatie.permissions.filter(content_type__app_label="members").count() == 4


def test_staff_without_the_group_permissions_do_not_get_the_groups(client, login_with_mfa):
    editor = StaffFactory(is_superuser=False)  # staff, but in no group with its permissions
    login_with_mfa(client, editor)
    assert client.get("/admin/snippets/members/groep/").status_code in (302, 403)
