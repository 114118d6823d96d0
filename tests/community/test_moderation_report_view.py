"""Reporting a post on the site: /gesprekken/bijdrage/<pk>/melden/."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from leerhuis.community.models import Report
from leerhuis.community.moderation_views import REPORT_LIMIT
from members.access import Visibility
from tests.community.moderation_support import (  # noqa: F401 (fixture)
    guest,
    member,
    member_org,
    moderator,
)
from tests.community_factories import GroepFactory, PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post():
    member_org()
    thread = ThreadFactory(title="Wie stuurt de opgave?")
    return PostFactory(
        thread=thread, author=member("auteur"), body="<p>Koop nu goedkope pillen.</p>"
    )


def url_of(post):
    return reverse("bijdrage_melden", args=[post.pk])


def test_anonymous_visitors_are_sent_to_log_in_first(client, post):
    response = client.get(url_of(post))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]


@pytest.mark.parametrize("who", ["guest", "member", "moderator"])
def test_every_logged_in_reader_but_the_author_sees_the_form(client, post, who):
    user = {"guest": guest, "member": member, "moderator": moderator}[who](who)
    client.force_login(user)

    response = client.get(url_of(post))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Bijdrage melden" in content
    assert "Koop nu goedkope pillen." in content
    for reason in Report.Reason:
        assert str(reason.label) in content


def test_the_author_may_not_report_their_own_post(client, post):
    client.force_login(post.author)

    assert client.get(url_of(post)).status_code == 403
    assert client.post(url_of(post), {"reason": "ongepast"}).status_code == 403
    assert not Report.objects.exists()


def test_a_post_in_a_thread_you_may_not_see_does_not_exist_for_you(client, post):
    post.thread.visibility = Visibility.MEMBERS
    post.thread.save()
    client.force_login(guest())

    assert client.get(url_of(post)).status_code == 404
    assert client.post(url_of(post), {"reason": "ongepast"}).status_code == 404
    assert not Report.objects.exists()


def test_a_post_in_a_group_thread_is_hidden_from_those_outside_the_group(client, post):
    post.thread.visibility = Visibility.GROUP
    post.thread.group = GroepFactory()
    post.thread.save()
    client.force_login(member("buitenstaander"))

    assert client.get(url_of(post)).status_code == 404


def test_a_post_that_does_not_exist_is_a_404(client, post):
    client.force_login(member("melder"))

    assert client.get(reverse("bijdrage_melden", args=[post.pk + 1000])).status_code == 404


def test_a_deleted_post_cannot_be_reported(client, post):
    from django.utils import timezone

    post.deleted_at = timezone.now()
    post.save()
    client.force_login(member("melder"))

    assert client.get(url_of(post)).status_code == 404


def test_reporting_stores_the_report_and_returns_to_the_post_with_thanks(client, post):
    reporter = member("melder")
    client.force_login(reporter)

    response = client.post(url_of(post), {"reason": "reclame", "explanation": "Spam."})

    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.explanation) == (reporter, "reclame", "Spam.")
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert texts == ["Dank je. Een moderator bekijkt je melding."]


def test_a_double_click_stores_one_report(client, post):
    client.force_login(member("melder"))

    client.post(url_of(post), {"reason": "reclame"})
    response = client.post(url_of(post), {"reason": "reclame"})

    assert response.status_code == 302
    assert Report.objects.count() == 1
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Je had deze bijdrage al gemeld" in texts[-1]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Kies een reden voor je melding."),
        ({"reason": "vals"}, "Kies een van de genoemde redenen."),
        ({"reason": "anders", "explanation": "x" * 1001}, "Houd je toelichting korter dan 1000"),
    ],
)
def test_bad_input_shows_the_form_again_with_a_dutch_message(client, post, data, message):
    client.force_login(member("melder"))

    response = client.post(url_of(post), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Controleer wat je hebt ingevuld" in response.content.decode()
    assert not Report.objects.exists()


def test_reporting_too_often_is_slowed_down_with_a_dutch_page(client):
    member_org()
    client.force_login(member("driftig"))
    posts = [PostFactory(thread=ThreadFactory()) for _ in range(REPORT_LIMIT + 1)]

    answers = [client.post(url_of(p), {"reason": "ongepast"}).status_code for p in posts]

    assert answers == [302] * REPORT_LIMIT + [429]
    last = client.post(url_of(posts[-1]), {"reason": "ongepast"})
    assert last.status_code == 429
    assert "Te veel pogingen achter elkaar" in last.content.decode()
    assert Report.objects.count() == REPORT_LIMIT


def test_a_hidden_post_sends_the_reader_back_with_a_message(client, post):
    from leerhuis.community.services import moderation

    moderation.hide(post, moderator(), "Reclame.")
    client.force_login(member("melder"))

    response = client.get(url_of(post))

    assert response.status_code == 302
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert texts == ["Deze bijdrage is al verborgen door een moderator."]
