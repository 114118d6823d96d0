"""`make bench` (issue 21): the dataset built in bulk is consistent (a valid page tree,
linked members, full meetings, searchable pages), and the plan's sessions and CSRF secrets
work as the load uses them."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from events.models import EventPage, Registration
from glossary.models import Concept
from leerhuis.bench import data, plan
from leerhuis.bench.management.commands.bench_data import Command as BenchData
from leerhuis.community.models import Post, Thread
from leerhuis.knowledge.models import ArticlePage, CasePage
from members.membership import membership_on
from members.models import Organisation, User
from tests.events_factories import calendar_page, themes
from tests.knowledge_factories import kennisbank_page

FACTOR = 0.01  # 4 organisations, 64 members, 20 meetings, 200 places, 20 begrippen, 10 articles


@pytest.fixture
def site_sections(db):
    calendar_page()
    kennisbank_page()
    themes("Opgave-sturing", "Wonen")


def build():
    out = io.StringIO()
    call_command(BenchData(), scale=str(FACTOR), stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_bench_data_builds_the_counts_of_its_scale_in_a_valid_page_tree(site_sections, client):
    scale = data.Scale.of(FACTOR)
    assert "Meetdata gebouwd" in build()

    meetings = EventPage.objects.filter(slug__startswith=data.SLUG_PREFIX)
    assert meetings.count() == scale.meetings == 20
    assert Registration.objects.confirmed().count() == scale.registrations == 200
    assert Organisation.objects.filter(name__startswith="Gemeente ").count() == 4
    assert User.objects.filter(email__startswith="lid").count() == 64
    assert Concept.objects.filter(live=True).count() == 20
    assert ArticlePage.objects.live().exclude(kind="praktijkcasus").count() == 7
    assert CasePage.objects.live().count() == 3
    assert Thread.objects.count() == 2 and Post.objects.count() == 10
    # The fast path leaves the tree as add_child would: no problem treebeard can find.
    assert all(not problems for problems in Page.find_problems())
    # A spread over past and future, and every tenth meeting full.
    assert meetings.filter(start__lt=meetings.order_by("start")[10].start).exists()
    full = [meeting for meeting in meetings if meeting.is_full()]
    assert len(full) == 2
    # The pages serve, and the site search finds them.
    meeting, article, case = meetings.first(), ArticlePage.objects.last(), CasePage.objects.last()
    for page in (meeting, article, case):
        assert client.get(page.get_url(None)).status_code == 200
    assert meeting.get_url(None) in client.get("/zoeken/?q=praktijk").text


@pytest.mark.django_db
def test_bench_members_are_linked_to_their_organisation_by_domain(site_sections):
    build()
    members = User.objects.filter(email__startswith="lid")
    linked = [membership_on(user) for user in members[:14]]
    assert all(status.organisation is not None for status in linked)
    assert sum(status.is_member for status in linked) >= 10  # one organisation in seven is not


@pytest.mark.django_db
def test_a_second_run_adds_nothing(site_sections):
    build()
    assert "staat er al" in build()
    assert EventPage.objects.filter(slug__startswith=data.SLUG_PREFIX).count() == 20


@pytest.mark.django_db
def test_the_plan_sessions_log_members_in_and_the_burst_posts_pass_the_csrf_check(site_sections):
    build()
    document = plan.build_plan()
    names = [target["name"] for target in document["targets"]]
    assert names[0].startswith("plafond") and "agenda.ics 304" in names
    member = next(t for t in document["targets"] if t["kind"] == "logged_in")
    browser = Client()
    browser.cookies[document["session_cookie"]] = member["sessions"][0]
    assert browser.get("/mijn-leerhuis/").status_code == 200

    burst = document["burst"]
    assert len(burst["members"]) == plan.BURST_MEMBERS
    for first in burst["members"][:2]:
        signer = Client(enforce_csrf_checks=True)
        signer.cookies[document["session_cookie"]] = first["session"]
        signer.cookies[document["csrf_cookie"]] = first["csrf"]
        response = signer.post(burst["path"], {"csrfmiddlewaretoken": first["csrf"]})
        assert response.status_code == 302
    assert plan.burst_outcome(burst["event_id"]) == {
        "confirmed": 2,
        "waitlisted": 0,
        "duplicates": 0,
    }
