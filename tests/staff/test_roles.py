"""Each role (leerhuis/staff/roles.py) does its work in the admin, and nothing else: a staff
member in only that group, logged in with MFA, against one table of admin pages. Only
Evenementen sees attendee data; no other role gets a name of an attendee on screen."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape

from leerhuis.core.themes import Thema
from leerhuis.staff.roles import EVENEMENTEN, LEDENBEHEER, MODERATIE, NAMES, REDACTIE
from members.models import Groepslid
from tests.community_factories import GroepFactory, GroepslidFactory
from tests.events_factories import EventPageFactory, RegistrationFactory
from tests.factories import OrganisationFactory, StaffFactory, UserFactory
from tests.knowledge_factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ATTENDEE = "Floor d'Hondt"
REQUESTER = "Rik van 't Verzoek"
# The pages that show attendee data (events/wagtail_hooks.py): refused to all but one role.
ATTENDEE_PAGES = ("aanmeldingen", "export", "facturatie", "inchecken", "presentielijst", "badges")


@pytest.fixture
def world():
    event = EventPageFactory(title="Studiedag opgave-sturing")
    RegistrationFactory(event=event, user=UserFactory(full_name=ATTENDEE), price=95)
    groep = GroepFactory(name="Intervisie opgave-managers")
    GroepslidFactory(
        groep=groep, user=UserFactory(full_name=REQUESTER), status=Groepslid.Status.AANGEVRAAGD
    )
    article = ArticlePageFactory()
    thema = Thema.objects.create(name="Wonen", slug="wonen")
    organisation = OrganisationFactory()

    def aanmeldingen(name, *args):
        return reverse(f"aanmeldingen:{name}", args=args)

    return {
        "artikel bewerken": reverse("wagtailadmin_pages:edit", args=[article.pk]),
        "activiteit bewerken": reverse("wagtailadmin_pages:edit", args=[event.pk]),
        "thema bewerken": reverse("wagtailsnippets_core_thema:edit", args=[thema.pk]),
        "organisatie bewerken": reverse(
            "wagtailsnippets_members_organisation:edit", args=[organisation.pk]
        ),
        "aanmeldingen": aanmeldingen("registrations", event.pk),
        "export": aanmeldingen("registrations", event.pk) + "?export=csv",
        "facturatie": aanmeldingen("finance") + "?export=csv",
        "inchecken": aanmeldingen("checkin", event.pk),
        "presentielijst": aanmeldingen("attendance_list", event.pk),
        "badges": aanmeldingen("badges", event.pk),
        "inzagelog": aanmeldingen("audit"),
        "meldingen": reverse("meldingen:index"),
        "begrippen": "/admin/snippets/glossary/concept/",
        "voorstellen": "/admin/snippets/glossary/proposal/",
        "groep met verzoeken": f"/admin/snippets/members/groep/inspect/{groep.pk}/",
        # Wagtail reads these rights per collection, not from the group's permissions.
        "afbeelding uploaden": reverse("wagtailimages:add_multiple"),
        "document uploaden": reverse("wagtaildocs:add_multiple"),
        "artikel depubliceren": reverse("wagtailadmin_pages:unpublish", args=[article.pk]),
    }


MEDIA = {"afbeelding uploaden", "document uploaden"}
ALLOWED = {
    REDACTIE: {
        "artikel bewerken",
        "artikel depubliceren",
        "activiteit bewerken",
        "thema bewerken",
        "begrippen",
        "voorstellen",
        *MEDIA,
    },
    EVENEMENTEN: {"activiteit bewerken", *ATTENDEE_PAGES, "inzagelog", *MEDIA},
    MODERATIE: {"meldingen", "begrippen", "voorstellen", "groep met verzoeken"},
    LEDENBEHEER: {"organisatie bewerken"},
}


def content(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


@pytest.mark.parametrize("role", NAMES)
def test_each_role_does_its_work_and_nothing_else(client, login_with_mfa, world, role):
    user = StaffFactory(is_superuser=False, is_staff=False)
    user.groups.add(Group.objects.get(name=role))
    login_with_mfa(client, user)
    wrong = []
    for page, url in world.items():
        response = client.get(url)
        body = content(response)
        allowed = page in ALLOWED[role]
        if allowed != (response.status_code == 200):
            wrong.append(f"{page}: {response.status_code}")
        shows_attendee = escape(ATTENDEE) in body or ATTENDEE in body
        if page in ATTENDEE_PAGES and shows_attendee != allowed:
            wrong.append(f"{page}: attendee {'shown' if shows_attendee else 'missing'}")
    requester_shown = escape(REQUESTER) in content(client.get(world["groep met verzoeken"]))
    assert requester_shown == (role == MODERATIE)
    assert wrong == []


def test_only_the_four_roles_exist_and_they_kept_nothing_of_the_old_groups():
    assert set(Group.objects.values_list("name", flat=True)) == set(NAMES)
    moderatie = Group.objects.get(name=MODERATIE)
    tasks = {
        "Beoordeling door de redactie",  # begrippen (glossary 0003)
        "Beoordeling van de casus door de redactie",  # praktijkcasussen (knowledge 0004)
    }
    assert tasks <= set(moderatie.groupapprovaltask_set.values_list("name", flat=True))


def test_redactie_changes_a_thema_and_evenementen_may_not(client, login_with_mfa):
    thema = Thema.objects.create(name="Wonen", slug="wonen")
    url = reverse("wagtailsnippets_core_thema:edit", args=[thema.pk])
    data = {"name": "Wonen en leefomgeving", "slug": "wonen", "description": ""}
    for role, changed in ((EVENEMENTEN, False), (REDACTIE, True)):
        user = StaffFactory(is_superuser=False)
        user.groups.add(Group.objects.get(name=role))
        login_with_mfa(client, user)
        # Themes have drafts now (core 0010): publishing is what changes the site.
        client.post(url, {**data, "action-publish": "action-publish"})
        thema.refresh_from_db()
        assert (thema.name == "Wonen en leefomgeving") == changed, role
        client.logout()


def test_the_former_groups_fold_into_the_roles_keeping_their_members_and_tasks():
    """What 0001_roles does to a database with the groups before the roles (setup.apply is
    the migration's function)."""
    from django.apps import apps
    from wagtail.models import GroupApprovalTask

    from leerhuis.staff import setup

    Group.objects.filter(name=REDACTIE).update(name="Editors")
    editor, organiser, moderator = (StaffFactory(is_superuser=False) for _ in range(3))
    Group.objects.get(name="Editors").user_set.add(editor)
    Group.objects.get(name=EVENEMENTEN).delete()
    Group.objects.create(name="Organisatoren").user_set.add(organiser)
    old_moderators = Group.objects.create(name="Moderators")
    old_moderators.user_set.add(moderator)
    task = GroupApprovalTask.objects.create(name="Oude beoordeling")
    task.groups.set([old_moderators])

    setup.apply(apps)

    assert set(Group.objects.values_list("name", flat=True)) == set(NAMES)
    assert list(editor.groups.values_list("name", flat=True)) == [REDACTIE]
    assert list(organiser.groups.values_list("name", flat=True)) == [EVENEMENTEN]
    assert list(moderator.groups.values_list("name", flat=True)) == [MODERATIE]
    assert list(task.groups.values_list("name", flat=True)) == [MODERATIE]
    assert not editor.has_perm("events.view_attendees") and organiser.has_perm(
        "events.view_attendees"
    )
