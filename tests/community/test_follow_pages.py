"""What I follow in Mijn Leerhuis and on /mijn-leerhuis/volgen/: the list with what is new,
choosing how often mail comes, stopping, and the follow buttons of threads, themes and
groups. Personal pages: anonymous, another person and the owner."""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from leerhuis.community.models import Follow, Frequency
from members import dashboard, privacy
from members.models import Toegang
from tests.community.follow_helpers import (
    follows,
    group_thread,
    group_with,
    member,
    reload,
    thema,
)
from tests.community_factories import GroepFactory, PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db
VOLGEN = "/mijn-leerhuis/volgen/"


def logged_in(client, user):
    client.force_login(user)
    return client


def test_the_page_is_only_for_someone_logged_in(client):
    response = client.get(VOLGEN)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_owner_sees_what_they_follow_with_what_is_new(client):
    reader = member()
    thread = ThreadFactory(title="Mandaat van de opgave-manager")
    thread.posts.update(created_at=timezone.now() - datetime.timedelta(days=1))
    follows(reader, thread, seen_at=timezone.now() - datetime.timedelta(hours=1))
    follows(reader, thema("Opgave-sturing"), Frequency.DAGELIJKS)
    PostFactory(thread=thread)
    follows(member(), ThreadFactory(title="Van een ander"))

    response = logged_in(client, reader).get(VOLGEN)

    html = response.content.decode()
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    assert "<h1>Wat ik volg</h1>" in html
    assert "Mandaat van de opgave-manager" in html and "1 nieuw sinds je laatst keek" in html
    assert "Opgave-sturing" in html and "/gesprekken/?thema=opgave-sturing" in html
    assert "Van een ander" not in html
    assert '<option value="dagelijks" selected>' in html


def test_the_owner_chooses_how_often_mail_comes(client):
    reader = member()
    follow = follows(reader, ThreadFactory())

    response = logged_in(client, reader).post(
        f"{VOLGEN}{follow.pk}/", {"frequentie": "dagelijks", "next": "/mijn-leerhuis/#volgen"}
    )

    assert response.status_code == 302 and response["Location"] == "/mijn-leerhuis/#volgen"
    assert reload(follow).frequency == Frequency.DAGELIJKS


@pytest.mark.parametrize("bad", [{"frequentie": "elk-uur"}, {"frequentie": ""}, {}])
def test_a_bad_choice_gets_a_dutch_message_and_changes_nothing(client, bad):
    reader = member()
    follow = follows(reader, ThreadFactory(), Frequency.DAGELIJKS)

    response = logged_in(client, reader).post(f"{VOLGEN}{follow.pk}/", bad)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies meteen, dagelijkse samenvatting of geen mail." in html
    assert 'aria-invalid="true"' in html
    assert reload(follow).frequency == Frequency.DAGELIJKS


def test_nobody_changes_or_stops_someone_elses_follow(client):
    follow = follows(member(), ThreadFactory())
    other = logged_in(client, member())

    assert other.post(f"{VOLGEN}{follow.pk}/", {"frequentie": "nooit"}).status_code == 404
    assert other.post(f"{VOLGEN}{follow.pk}/", {"actie": "ontvolgen"}).status_code == 404
    assert reload(follow).frequency == Frequency.DIRECT


def test_anonymous_visitors_change_nothing(client):
    follow = follows(member(), ThreadFactory())

    response = client.post(f"{VOLGEN}{follow.pk}/", {"actie": "ontvolgen"})

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert Follow.objects.filter(pk=follow.pk).exists()


def test_the_owner_stops_following_from_the_list(client):
    reader = member()
    follow = follows(reader, ThreadFactory(title="Mandaat"))

    response = logged_in(client, reader).post(
        f"{VOLGEN}{follow.pk}/", {"actie": "ontvolgen"}, follow=True
    )

    assert not Follow.objects.filter(pk=follow.pk).exists()
    assert "Je volgt &#x27;Mandaat&#x27; niet meer." in response.content.decode()


def test_following_a_thread_returns_to_the_page_it_was_on(client):
    reader, thread = member(), ThreadFactory()
    back = f"/gesprekken/{thread.slug}/?pagina=2"

    response = logged_in(client, reader).post(
        f"{VOLGEN}gesprek/{thread.slug}/", {"actie": "volgen", "next": back}
    )

    assert response.status_code == 302 and response["Location"] == back
    assert Follow.objects.get(user=reader).thread == thread

    client.post(f"{VOLGEN}gesprek/{thread.slug}/", {"actie": "volgen"})
    assert Follow.objects.filter(user=reader).count() == 1  # a double click: one follow

    client.post(f"{VOLGEN}gesprek/{thread.slug}/", {"actie": "ontvolgen"})
    assert not Follow.objects.filter(user=reader).exists()


def test_a_foreign_next_address_is_ignored(client):
    reader, thread = member(), ThreadFactory()

    response = logged_in(client, reader).post(
        f"{VOLGEN}gesprek/{thread.slug}/", {"next": "https://elders.example/"}
    )

    assert response["Location"] == f"/gesprekken/{thread.slug}/"


def test_themes_and_open_groups_are_followed_from_their_buttons(client):
    reader, theme, groep = member(), thema("Programmamanagement"), GroepFactory()
    logged_in(client, reader)

    assert client.post(f"{VOLGEN}thema/{theme.slug}/").status_code == 302
    assert client.post(f"{VOLGEN}groep/{groep.slug}/").status_code == 302

    assert {str(f.subject) for f in Follow.objects.filter(user=reader)} == {
        theme.name,
        groep.name,
    }


def test_what_one_may_not_see_cannot_be_followed(client):
    insider, outsider = member(), member()
    hidden = group_with(insider, toegang=Toegang.VERBORGEN)
    thread = group_thread(group_with(insider))
    logged_in(client, outsider)

    assert client.post(f"{VOLGEN}groep/{hidden.slug}/").status_code == 404
    assert client.post(f"{VOLGEN}gesprek/{thread.slug}/").status_code == 403
    assert client.post(f"{VOLGEN}gesprek/bestaat-niet/").status_code == 404
    assert client.post(f"{VOLGEN}thema/bestaat-niet/").status_code == 404
    assert not Follow.objects.exists()


def test_anonymous_visitors_are_asked_to_log_in_before_following(client):
    thread = ThreadFactory()

    response = client.post(f"{VOLGEN}gesprek/{thread.slug}/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Follow.objects.exists()


def test_mijn_leerhuis_shows_what_i_follow(client):
    reader = member()
    follows(reader, ThreadFactory(title="Mandaat van de opgave-manager"))

    html = logged_in(client, reader).get("/mijn-leerhuis/").content.decode()

    assert 'id="volgen"' in html and "Wat ik volg" in html
    assert "Mandaat van de opgave-manager" in html and 'action="/mijn-leerhuis/volgen/' in html


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [VOLGEN, "/mijn-leerhuis/"])
def test_the_lists_cost_the_same_for_one_follow_and_twenty(client, url):
    reader = member()
    groep = group_with(reader)
    follows(reader, group_thread(groep))
    logged_in(client, reader)
    client.get(url)  # the first request of a session sets things up once
    one = _queries(client, url)

    for n in range(19):
        subject = [ThreadFactory(), thema(f"Thema {n}"), GroepFactory()][n % 3]
        follows(reader, subject, seen_at=timezone.now() - datetime.timedelta(hours=1))
        if n % 3 == 0:
            PostFactory(thread=subject)  # something new to count

    assert _queries(client, url) == one


def test_download_my_data_lists_what_i_follow():
    reader = member()
    follows(reader, ThreadFactory(title="Mandaat"), Frequency.DAGELIJKS)

    [entry] = dashboard.exported_by_apps(reader)["volgen"]

    assert entry["soort"] == "gesprek" and entry["onderwerp"] == "Mandaat"
    assert entry["e-mail"] == "dagelijkse samenvatting"


def test_deleting_the_account_leaves_no_follows():
    reader = member()
    follows(reader, ThreadFactory())
    follows(reader, thema())

    privacy.delete_account(reader)

    assert not Follow.objects.exists()


def _button(user, subject, kind, follow=None):
    request = RequestFactory().get("/gesprekken/")
    request.user = user
    context = {"subject": subject, "kind": kind, "follow": follow}
    return render_to_string("community/includes/follow_button.html", context, request)


def test_the_follow_button_says_what_pressing_it_will_do():
    from django.contrib.auth.models import AnonymousUser

    reader, thread = member(), ThreadFactory(title="Mandaat")
    theme = thema("Opgave-sturing")

    assert "Log in om te volgen" in _button(AnonymousUser(), thread, "gesprek")
    html = _button(reader, thread, "gesprek")
    assert f'action="/mijn-leerhuis/volgen/gesprek/{thread.slug}/"' in html
    assert ">Volgen<" in html and 'value="/gesprekken/"' in html
    html = _button(reader, theme, "thema", follows(reader, theme))
    assert 'action="/mijn-leerhuis/volgen/thema/opgave-sturing/"' in html
    assert "Niet meer volgen" in html and 'value="ontvolgen"' in html
