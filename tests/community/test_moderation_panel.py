"""The dashboard's "Te modereren": a line per kind of work waiting (cases and begrippen in
review, proposals, reported posts, requests to join a group) with its count and a link to
where it is handled; only the kinds this person may act on; "Niets te modereren" when
nothing waits; pages in Wagtail's own workflow too; and the same number of queries for 1 or
20 of each kind, the review queue in the place of Wagtail's "Awaiting your review" included
(leerhuis/community/review_panel)."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowTask
from wagtail.users.models import UserProfile

from glossary import proposals, review
from glossary.models import Concept, ConceptStatus
from leerhuis.knowledge.models import CasePage
from leerhuis.staff import setup as roles_setup
from members.models import Groepslid
from tests.community.moderation_support import editor, member, member_org, moderator
from tests.community_factories import GroepFactory, GroepslidFactory, ReportFactory
from tests.factories import StaffFactory, StandardPageFactory, UserFactory
from tests.glossary_factories import begrip
from tests.knowledge.case_helpers import submitted_case

pytestmark = pytest.mark.django_db


def _migration(module, function):
    return getattr(importlib.import_module(module), function)


@pytest.fixture(autouse=True)
def _workflows(db):
    """The review workflows and groups the migrations made (a live-server test before this
    one may have flushed them)."""
    _migration("leerhuis.knowledge.migrations.0004_case_review_workflow", "create_case_workflow")(
        django_apps
    )
    _migration("glossary.migrations.0003_review_workflow", "create_review_workflow")(django_apps)
    _migration("glossary.migrations.0004_editor_permissions", "grant_permissions")(django_apps)
    roles_setup.apply(django_apps)  # the roles take in the groups those functions make again


def staff_in(*groups, permissions=(), email):
    user = UserFactory(email=email, is_staff=True, full_name=email.split("@")[0].title())
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in (p.split(".") for p in permissions)
        ),
    )
    return user


def head_moderator():
    """The role Moderatie: reviews cases and begrippen, settles reports, looks after groups."""
    return staff_in("Moderatie", email="hoofdmoderator@leerhuis.example")


def post_moderator():
    """Staff who may settle reports and hide posts, and nothing else to moderate."""
    return staff_in(
        permissions=[
            "community.moderate_post",
            "community.view_report",
            "community.change_report",
            "community.view_post",
        ],
        email="meldingen@leerhuis.example",
    )


def waiting(cases=1, begrippen=1, voorstellen=1, meldingen=1, verzoeken=1, groepen=None, start=0):
    """Work of every kind (numbered from `start`), and the first time some that no longer
    waits: a case whose review ended, a rejected proposal, a settled report, a member."""
    first = start == 0
    if first:
        member_org()
    author = member("auteur")
    for n in range(start, start + cases):
        submitted_case(author, title=f"Wijkaanpak {n}")
    for n in range(start, start + begrippen):
        concept = begrip(f"Ketenregie {n}", publish=False, status=ConceptStatus.VOORGESTELD)
        concept.save_revision()
        review.start_review(concept, StaffFactory())
    for n in range(start, start + voorstellen):
        proposals.propose(author, reason="Ontbreekt.", pref_label=f"Regie {n}", definition="D.")
    for _n in range(meldingen):
        ReportFactory()
    groepen = groepen or [GroepFactory(name="Werkgroep Wijken", slug="wijken")]
    for n in range(start, start + verzoeken):
        GroepslidFactory(
            groep=groepen[n % len(groepen)],
            user=member(f"vrager{n}"),
            status=Groepslid.Status.AANGEVRAAGD,
        )
    if first:
        submitted_case(author, title="Al besloten").current_workflow_state.cancel(user=None)
        decided = proposals.propose(author, reason="Ontbreekt.", pref_label="Oud", definition="D.")
        proposals.reject(decided, StaffFactory(), "Bestaat al.")
        ReportFactory(resolved_at=timezone.now())
        GroepslidFactory(groep=groepen[0], user=member("al-lid"))


def dashboard(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def panel(client):
    return BeautifulSoup(dashboard(client), "html.parser").find(id="te-modereren-content")


def lines(found):
    return {
        li["data-soort"]: li
        for li in found.select("li.te-modereren__regel")
        if li.get("data-soort")
    }


def text(element):
    return " ".join(element.get_text(" ", strip=True).split())


def test_a_head_moderator_sees_every_kind_with_its_count_and_where_to_handle_it(
    client, login_with_mfa
):
    groepen = [
        GroepFactory(name="Werkgroep 's-Hertogenbosch", slug="den-bosch"),
        GroepFactory(name="Werkgroep Wijken", slug="wijken"),
    ]
    waiting(cases=2, begrippen=1, voorstellen=3, meldingen=2, verzoeken=3, groepen=groepen)
    login_with_mfa(client, head_moderator())

    found = lines(panel(client))

    assert list(found) == ["casussen", "begrippen", "voorstellen", "meldingen", "groepen"]
    assert text(found["casussen"]).startswith("2 praktijkcasussen wachten op beoordeling")
    assert text(found["begrippen"]).startswith("1 begrip wacht op vaststelling")
    assert text(found["voorstellen"]).startswith("3 voorstellen voor begrippen wachten")
    assert text(found["meldingen"]).startswith("2 gemelde bijdragen wachten op een moderator")
    assert text(found["groepen"]).startswith("3 verzoeken om lid te worden van een groep")
    groups = [text(li) for li in found["groepen"].select("ul li")]
    assert groups == ["Werkgroep 's-Hertogenbosch (2)", "Werkgroep Wijken (1)"]
    html = dashboard(client)
    assert '#beheer">' + escape("Werkgroep 's-Hertogenbosch") + "</a>" in html
    # The review queue lists each item, to open and decide from the dashboard.
    awaiting = BeautifulSoup(html, "html.parser").find(id="ter-beoordeling-content")
    assert "Wijkaanpak 1" in text(awaiting) and "Ketenregie 0" in text(awaiting)


def test_each_link_leads_to_where_the_work_is_done(client, login_with_mfa):
    waiting()
    login_with_mfa(client, head_moderator())
    found = lines(panel(client))

    cases = client.get(found["casussen"].a["href"])
    assert cases.status_code == 200
    assert "Wijkaanpak 0" in cases.content.decode()
    assert "Al besloten" not in cases.content.decode()
    concepts = client.get(found["begrippen"].a["href"])
    assert concepts.status_code == 200
    assert "Ketenregie 0" in concepts.content.decode()
    assert "Wijkaanpak 0" not in concepts.content.decode()
    proposals_page = client.get(found["voorstellen"].a["href"]).content.decode()
    assert "Regie 0" in proposals_page and "Oud" not in proposals_page
    assert client.get(found["meldingen"].a["href"]).status_code == 200
    group = client.get(found["groepen"].select_one("ul a")["href"])
    assert group.status_code == 200
    assert "Vrager0" in group.content.decode()


def test_a_moderator_of_posts_only_sees_the_reports(client, login_with_mfa):
    waiting(meldingen=3)
    login_with_mfa(client, post_moderator())

    found = lines(panel(client))

    assert list(found) == ["meldingen"]
    assert text(found["meldingen"]).startswith("3 gemelde bijdragen")


def test_a_group_manager_sees_the_requests_of_their_own_groups_only(client, login_with_mfa):
    own, other = GroepFactory(name="Eigen groep"), GroepFactory(name="Andere groep")
    waiting(verzoeken=4, groepen=[own, other])
    manager = staff_in(email="beheerder@leerhuis.example")
    GroepslidFactory(groep=own, user=manager, role=Groepslid.Rol.BEHEERDER)
    login_with_mfa(client, manager)

    found = lines(panel(client))

    assert list(found) == ["groepen"]
    assert text(found["groepen"]).startswith("2 verzoeken")
    assert [text(li) for li in found["groepen"].select("ul li")] == ["Eigen groep (2)"]


def test_staff_who_may_moderate_nothing_get_no_panel(client, login_with_mfa):
    waiting()
    login_with_mfa(client, editor())
    assert panel(client) is None


def test_a_superuser_reviews_everything(client, login_with_mfa):
    waiting(cases=1, begrippen=2)
    login_with_mfa(client, StaffFactory(email="super@leerhuis.example"))
    found = lines(panel(client))
    assert text(found["begrippen"]).startswith("2 begrippen wachten")
    assert text(found["casussen"]).startswith("1 praktijkcasus wacht")


def test_nothing_waiting_says_so(client, login_with_mfa):
    login_with_mfa(client, head_moderator())
    found = panel(client)
    assert "Niets te modereren" in text(found)
    assert lines(found) == {}


def queries(client):
    with CaptureQueriesContext(connection) as captured:
        panel(client)
    return len(captured)


def test_the_panel_costs_the_same_for_1_or_20_items_of_each_kind(client, login_with_mfa):
    login_with_mfa(client, head_moderator())
    groepen = [GroepFactory() for _n in range(7)]
    waiting(groepen=groepen)
    panel(client)  # warm the caches
    few = queries(client)
    waiting(19, 19, 19, 19, 19, groepen=groepen, start=1)
    # The review queue reads its items in one query per kind (case, begrip) among the
    # newest shown; the newest are of both kinds again, as in the first count.
    waiting(1, 1, 0, 0, 0, groepen=groepen, start=20)
    assert queries(client) == few


def test_other_pages_in_wagtails_own_workflow_get_a_line_only_when_they_wait(
    client, login_with_mfa
):
    login_with_mfa(client, head_moderator())
    assert "overig" not in lines(panel(client))
    workflow = Workflow.objects.create(name="Akkoord van de moderatie")
    task = GroupApprovalTask.objects.create(name="Akkoord van de moderatie")
    task.groups.set([Group.objects.get(name="Moderatie")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    home = Page.objects.get(depth=2)
    workflow.workflow_pages.get_or_create(page=home)
    standard = StandardPageFactory(parent=home, title="Over het Leerhuis")
    standard.save_revision()
    workflow.start(standard, StaffFactory())

    found = lines(panel(client))

    assert text(found["overig"]).startswith("1 andere pagina wacht op beoordeling")
    report = client.get(found["overig"].a["href"]).content.decode()
    assert "Over het Leerhuis" in report


def queue(client):
    found = BeautifulSoup(dashboard(client), "html.parser").find(id="ter-beoordeling-content")
    return {a.get_text(strip=True): a["href"] for a in found.select("tbody a")} if found else {}


def test_the_review_queue_links_each_waiting_item_to_where_it_is_decided(client, login_with_mfa):
    waiting(cases=2, begrippen=1)
    login_with_mfa(client, head_moderator())

    found = queue(client)

    cases = {case.title: case for case in CasePage.objects.filter(title__startswith="Wijk")}
    concept = Concept.objects.get(pref_label="Ketenregie 0")
    assert found == {
        "Wijkaanpak 0": f"/admin/pages/{cases['Wijkaanpak 0'].pk}/edit/",
        "Wijkaanpak 1": f"/admin/pages/{cases['Wijkaanpak 1'].pk}/edit/",
        "Ketenregie 0": f"/admin/snippets/glossary/concept/edit/{concept.pk}/",
    }
    assert "Al besloten" not in dashboard(client)  # its review was cancelled


def test_the_review_queue_is_only_for_who_may_decide(client, login_with_mfa):
    waiting(cases=1, begrippen=1)
    login_with_mfa(client, post_moderator())

    assert queue(client) == {}
    assert "Wijkaanpak 0" not in dashboard(client)


def test_in_english_for_staff_who_chose_it(client, login_with_mfa):
    waiting(meldingen=2)
    staff = moderator()
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    login_with_mfa(client, staff)

    assert text(lines(panel(client))["meldingen"]).startswith(
        "2 reported posts are waiting for a moderator"
    )


def test_the_whole_review_list_shows_only_what_this_reviewer_decides(client, login_with_mfa):
    waiting(cases=12, begrippen=1)
    assert client.get("/admin/ter-beoordeling/").status_code == 302  # anonymous: to login
    login_with_mfa(client, post_moderator())
    html = client.get("/admin/ter-beoordeling/?workflow=x").content.decode()
    assert "Er wacht niets op jouw beoordeling." in html
    assert "Wijkaanpak" not in html

    client.logout()
    login_with_mfa(client, head_moderator())
    shown = queue(client)
    assert len(shown) == 10  # the dashboard shows the newest ten …
    more = BeautifulSoup(dashboard(client), "html.parser").find(id="ter-beoordeling-content")
    assert "en nog 3 items" in text(more)
    listed = client.get(more.select("p a")[-1]["href"]).content.decode()
    assert all(f"Wijkaanpak {n}<" in listed for n in range(12))  # … the list all of them
    assert "Ketenregie 0" in listed
