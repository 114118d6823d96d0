"""Moderators in the admin: /admin/meldingen/ — open reports per post, hidden posts, and
hiding, restoring and dismissing; the menu item and the dashboard panel."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from leerhuis.community.models import Post, Report
from leerhuis.community.services import moderation
from leerhuis.core.models import OutboxMessage
from tests.community.moderation_support import (  # noqa: F401 (fixture)
    editor,
    guest,
    member,
    member_org,
    moderator,
)
from tests.community_factories import PostFactory, ReportFactory, ThreadFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/meldingen/"


@pytest.fixture
def reported():
    member_org()
    thread = ThreadFactory(title="Opgave-sturing in de raad")
    post = PostFactory(
        thread=thread, author=member("auteur"), body="<p>Die wethouder is een sukkel.</p>"
    )
    ReportFactory(
        post=post,
        reporter=member("melder"),
        reason=Report.Reason.ONGEPAST,
        explanation="Scheldwoord.",
    )
    return post


@pytest.fixture
def mod_client(client, login_with_mfa):
    return login_with_mfa(client, moderator())


def admin_urls(post, report):
    return [
        INDEX,
        INDEX + "verborgen/",
        reverse("meldingen:hide", args=[post.pk]),
        reverse("meldingen:restore", args=[post.pk]),
    ]


def test_the_admin_path_is_the_one_the_brief_promised():
    assert reverse("meldingen:index") == INDEX


def test_anonymous_visitors_and_members_do_not_get_into_the_reports(client, reported):
    report = reported.reports.get()
    for url in admin_urls(reported, report):
        assert client.get(url).status_code == 302
    client.force_login(member("lid"))
    for url in admin_urls(reported, report):
        assert client.get(url).status_code == 302
    client.force_login(reported.author)
    assert client.get(INDEX).status_code == 302
    client.force_login(guest())
    assert client.post(reverse("meldingen:dismiss", args=[report.pk])).status_code == 302
    report.refresh_from_db()
    assert report.resolved_at is None


def test_staff_without_the_moderation_permission_are_refused(client, login_with_mfa, reported):
    login_with_mfa(client, editor())
    report = reported.reports.get()

    for url in admin_urls(reported, report):
        response = client.get(url)
        assert response.status_code == 403
        assert "groep Moderatie" in response.content.decode()
    assert client.post(reverse("meldingen:dismiss", args=[report.pk])).status_code == 403
    hide = client.post(reverse("meldingen:hide", args=[reported.pk]), {"reason": "Weg"})
    assert hide.status_code == 403
    reported.refresh_from_db()
    assert not reported.is_hidden


def test_a_moderator_needs_a_second_factor_first(client, reported):
    client.force_login(moderator())

    response = client.get(INDEX)

    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]


def test_moderators_see_each_reported_post_with_its_reports(mod_client, reported):
    response = mod_client.get(INDEX)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Die wethouder is een sukkel." in content
    assert "Opgave-sturing in de raad" in content
    assert reported.get_absolute_url().replace("&", "&amp;") in content
    assert "Auteur" in content
    assert "ongepast of beledigend" in content
    assert "Scheldwoord." in content
    assert "Melder" in content
    assert "Bij ons krijgt de opgave-manager" not in content  # the thread's unreported opening


def test_a_settled_report_leaves_the_list(mod_client, reported):
    moderation.dismiss(reported.reports.get(), mod_client.staff)

    content = mod_client.get(INDEX).content.decode()

    assert "Er zijn geen open meldingen." in content


def test_the_menu_item_and_the_dashboard_count_open_reports_for_moderators(mod_client, reported):
    ReportFactory(post=reported, reporter=member("tweede"))

    dashboard = mod_client.get("/admin/").content.decode()

    assert "Meldingen (2)" in dashboard
    assert "Te modereren" in dashboard
    assert "2 gemelde bijdragen wachten op een moderator" in dashboard


def test_others_in_the_admin_see_neither_menu_item_nor_panel(client, login_with_mfa, reported):
    login_with_mfa(client, editor())

    dashboard = client.get("/admin/").content.decode()

    assert "Te modereren" not in dashboard
    assert INDEX not in dashboard


def test_hiding_in_the_admin_needs_a_reason(mod_client, reported):
    url = reverse("meldingen:hide", args=[reported.pk])

    assert mod_client.get(url).status_code == 200
    response = mod_client.post(url, {"reason": "  "})

    assert response.status_code == 200
    assert "Geef een reden" in response.content.decode()
    reported.refresh_from_db()
    assert not reported.is_hidden
    assert not OutboxMessage.objects.exists()


def test_hiding_in_the_admin_settles_the_reports_and_mails_the_author(mod_client, reported):
    url = reverse("meldingen:hide", args=[reported.pk])

    response = mod_client.post(url, {"reason": "Schelden op personen mag niet."})
    mod_client.post(url, {"reason": "Dubbelklik"})

    assert response.status_code == 302
    assert response["Location"] == INDEX
    reported.refresh_from_db()
    assert reported.hidden_reason == "Schelden op personen mag niet."
    assert reported.reports.get().outcome == Report.Outcome.VERBORGEN
    mail = OutboxMessage.objects.get()
    assert mail.to == reported.author.email
    assert "Schelden op personen mag niet." in mail.text
    hidden_list = mod_client.get(INDEX + "verborgen/").content.decode()
    assert "Die wethouder is een sukkel." in hidden_list
    assert "Schelden op personen mag niet." in hidden_list


def test_restoring_in_the_admin_shows_the_post_again(mod_client, reported):
    moderation.hide(reported, mod_client.staff, "Scheldwoord.")
    url = reverse("meldingen:restore", args=[reported.pk])

    response = mod_client.post(url, {"reason": "Na overleg met de auteur aangepast."})

    assert response.status_code == 302
    reported.refresh_from_db()
    assert not reported.is_hidden
    assert (
        "Er zijn geen verborgen bijdragen." in mod_client.get(INDEX + "verborgen/").content.decode()
    )
    assert OutboxMessage.objects.filter(key__startswith="community.moderation_restored").exists()


def test_dismissing_in_the_admin_leaves_the_post_standing(mod_client, reported):
    report = reported.reports.get()

    response = mod_client.post(reverse("meldingen:dismiss", args=[report.pk]))

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.outcome == Report.Outcome.AFGEWEZEN
    assert not Post.objects.get(pk=reported.pk).is_hidden


def test_dismissing_is_a_post_only(mod_client, reported):
    report = reported.reports.get()

    assert mod_client.get(reverse("meldingen:dismiss", args=[report.pk])).status_code == 405


def test_unknown_posts_and_reports_are_a_404(mod_client, reported):
    assert mod_client.get(reverse("meldingen:hide", args=[99999])).status_code == 404
    assert mod_client.post(reverse("meldingen:dismiss", args=[99999])).status_code == 404


def test_the_history_report_shows_the_moderation(mod_client, reported):
    moderation.hide(reported, mod_client.staff, "Scheldwoord op een persoon.")

    history = mod_client.get("/admin/reports/site-history/").content.decode()

    assert "Bijdrage verborgen: Scheldwoord op een persoon." in history


def _queries_for_reports_list(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INDEX)
    assert response.status_code == 200
    return len(queries)


def test_the_reports_list_asks_as_many_queries_for_20_posts_as_for_1(mod_client, reported):
    one = _queries_for_reports_list(mod_client)
    for _ in range(19):
        post = PostFactory(thread=ThreadFactory())
        ReportFactory(post=post)
        ReportFactory(post=post)

    twenty = _queries_for_reports_list(mod_client)

    assert twenty == one


def test_administrators_can_give_another_group_the_moderation_permission(admin_client_with_mfa):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Redactie")  # a role of leerhuis/staff

    response = admin_client_with_mfa.get(reverse("wagtailusers_groups:edit", args=[group.pk]))

    assert "Kan bijdragen verbergen en terugzetten" in response.content.decode()
