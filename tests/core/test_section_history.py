"""A section made more restricted takes the pages below it along, and each page that
changes gets one revision carrying its new visibility and one log entry that names the
section and who changed it; a page with a pending draft keeps its draft's edits."""

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageLogEntry

from leerhuis.core.following import FOLLOWED
from leerhuis.core.models import StandardPage
from leerhuis.staff import setup as roles_setup
from leerhuis.staff.roles import REDACTIE
from members.access import Visibility
from tests.factories import StaffFactory, StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def publish_form(page, **changes):
    """The page editor's form, as the browser sends it with "Publiceren"."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "visibility": page.visibility,
        "group": "",
        "auto_link_terms": "on",
        "body-count": "0",
        "action-publish": "action-publish",
    }
    return {**data, **changes}


@pytest.fixture
def section(home_page):
    section = StandardPageFactory(parent=home_page, title="Kennis", slug="kennis")
    return StandardPage.objects.get(pk=section.pk)


@pytest.fixture
def editor():
    """Staff in the role that may publish pages (MFA at login)."""
    user = UserFactory(email="redacteur@leerhuis.example", is_staff=True, full_name="Rik Redacteur")
    roles_setup.apply(django_apps)  # a live-server test before this one flushed the roles
    user.groups.add(Group.objects.get(name=REDACTIE))
    return user


def followed(page):
    return PageLogEntry.objects.filter(page_id=page.pk, action=FOLLOWED)


def test_restricting_a_section_gives_each_page_below_one_revision_and_one_log_entry(
    client, login_with_mfa, section, editor
):
    child = StandardPageFactory(parent=section, title="Handreiking", slug="handreiking")
    grandchild = StandardPageFactory(parent=child, title="Bijlage", slug="bijlage")
    already_closed = StandardPageFactory(
        parent=section, title="Ledenpagina", slug="leden-pagina", visibility="members"
    )
    before = {p.pk: p.revisions.count() for p in (child, grandchild, already_closed)}

    login_with_mfa(client, editor)
    response = client.post(edit_url(section), publish_form(section, visibility="members"))
    assert response.status_code == 302

    for page in (child, grandchild):
        page = StandardPage.objects.get(pk=page.pk)
        assert page.visibility == Visibility.MEMBERS
        assert page.revisions.count() == before[page.pk] + 1
        revision = page.latest_revision
        assert revision.content["visibility"] == "members"
        assert revision.user == editor
        assert page.live_revision == revision  # what is live is this revision
        assert not page.has_unpublished_changes
        (entry,) = followed(page)
        assert entry.user == editor
        assert entry.revision == revision
        assert entry.data["section"] == {"id": section.pk, "title": "Kennis"}
    # A page that was closed already did not change: no revision, no entry.
    assert StandardPage.objects.get(pk=already_closed.pk).revisions.count() == 0
    assert before[already_closed.pk] == 0
    assert not followed(already_closed).exists()

    # The page's history says what happened, where and by whom.
    history = client.get(reverse("wagtailadmin_pages:history", args=[child.pk]))
    page = history.content.decode()
    assert history.status_code == 200
    assert "Zichtbaarheid gevolgd van bovenliggende sectie" in page
    assert "Kennis" in page and "nu zichtbaar voor leden" in page
    assert "Rik Redacteur" in page


def test_a_page_with_a_pending_draft_keeps_its_draft_and_gets_the_new_visibility(
    client, login_with_mfa, section, editor
):
    child = StandardPageFactory(parent=section, title="Handreiking", slug="handreiking")
    draft = StandardPage.objects.get(pk=child.pk)
    draft.intro = "Een nieuwe inleiding, nog niet gepubliceerd."
    draft.save_revision(user=editor)

    login_with_mfa(client, editor)
    client.post(edit_url(section), publish_form(section, visibility="logged_in"))

    child = StandardPage.objects.get(pk=child.pk)
    # Live: the new visibility, but not the unpublished intro.
    assert child.visibility == Visibility.LOGGED_IN
    assert child.intro == "Een korte inleiding."
    assert child.has_unpublished_changes
    # The draft: its own edit and the new visibility.
    latest = child.get_latest_revision_as_object()
    assert latest.intro == "Een nieuwe inleiding, nog niet gepubliceerd."
    assert latest.visibility == Visibility.LOGGED_IN
    assert followed(child).count() == 1

    # Publishing the draft later does not open the page again.
    child.get_latest_revision().publish()
    child = StandardPage.objects.get(pk=child.pk)
    assert child.visibility == Visibility.LOGGED_IN
    assert child.intro == "Een nieuwe inleiding, nog niet gepubliceerd."


def test_moving_a_page_into_a_closed_section_is_logged_on_the_page(home_page, section):
    section.visibility = Visibility.MEMBERS
    section.save_revision().publish()
    page = StandardPageFactory(parent=home_page, title="Los", slug="los")
    below = StandardPageFactory(parent=page, title="Eronder", slug="eronder")

    page.move(section, pos="last-child")

    for moved in (page, below):
        moved = StandardPage.objects.get(pk=moved.pk)
        assert moved.visibility == Visibility.MEMBERS
        assert moved.latest_revision.content["visibility"] == "members"
        assert followed(moved).count() == 1
    assert followed(page).get().data["section"]["title"] == "Kennis"


def _queries_to_close(home_page, slug, count):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    section = StandardPageFactory(parent=home_page, title=slug, slug=slug)
    for n in range(count):
        StandardPageFactory(parent=section, title=f"{slug} {n}", slug=f"{slug}-{n}")
    section = StandardPage.objects.get(pk=section.pk)
    section.visibility = Visibility.MEMBERS
    revision = section.save_revision(user=StaffFactory(email=f"{slug}@leerhuis.example"))
    with CaptureQueriesContext(connection) as queries:
        revision.publish()
    assert StandardPage.objects.child_of(section).filter(visibility="members").count() == count
    return len(queries)


def test_restricting_costs_a_few_queries_per_page_below(home_page):
    one = _queries_to_close(home_page, "een", 1)
    eleven = _queries_to_close(home_page, "elf", 11)
    # One pass over the pages, seven queries each: its comments (for the revision), the
    # revision, its row, and Wagtail's log entry (which checks its three keys first); never
    # a save with its search and reference index updates.
    assert eleven - one <= 10 * 7
