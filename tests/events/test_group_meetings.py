"""Meetings for one group only: its members find them in the calendar, on the page, in
their own calendar feed (signed up or not), and nobody else finds them anywhere."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import services
from events.digest import new_meetings
from events.models import EventPage
from members.access import Visibility
from members.models import Groepslid
from tests.community_factories import GroepFactory, GroepslidFactory
from tests.events.helpers.calendar_page import URL, html, meeting, titles
from tests.events.helpers.feeds import FEED, ONLINE, download, feed_path, flat, items, uid
from tests.events_factories import (
    LearningTrackPageFactory,
    RegistrationFactory,
    calendar_page,
    guest,
    in_days,
    member,
)
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

TITLE = "Intervisie: het mandaat van de opgave-manager"
SECRET = "Intervisiegeheim-6c1d: we bespreken de casus uit Alphen"


@pytest.fixture
def groep():
    return GroepFactory(name="Intervisie opgave-managers", slug="intervisie")


@pytest.fixture
def intervisie(groep):
    return meeting(
        TITLE,
        days=10,
        intro=SECRET,
        visibility=Visibility.GROUP,
        group=groep,
        online_url=ONLINE,
        form="hybride",
    )


@pytest.fixture
def people(groep):
    """A group member whose organisation is not a member, a member outside the group, an
    outsider, and one who only asked to join."""
    in_group = guest(full_name="Jelle Hoekstra")
    GroepslidFactory(groep=groep, user=in_group)
    asked = member()
    GroepslidFactory(groep=groep, user=asked, status=Groepslid.Status.AANGEVRAAGD)
    return {
        "groepslid": in_group,
        "lid buiten de groep": member(),
        "niet-lid": guest(),
        "aangevraagd": asked,
        "anoniem": None,
    }


OUTSIDERS = ["lid buiten de groep", "niet-lid", "aangevraagd", "anoniem"]


def as_(client, user):
    if user is not None:
        client.force_login(user)
    return client


# --- the calendar and the page -----------------------------------------------------------


def test_a_group_member_finds_the_meeting_in_the_calendar_marked_for_the_group(
    client, intervisie, people
):
    meeting("Open studiedag", days=12)
    response = as_(client, people["groepslid"]).get(URL)
    assert titles(response) == [TITLE, "Open studiedag"]
    card = html(response).split('<article class="event-card')[1]
    assert "Alleen voor de groep Intervisie opgave-managers" in card
    assert "Alleen voor leden" not in card


@pytest.mark.parametrize("who", OUTSIDERS)
def test_nobody_outside_the_group_finds_the_meeting_in_the_calendar(
    client, intervisie, people, who
):
    meeting("Open studiedag", days=12)
    as_(client, people[who])
    month = f"{URL}?maand={in_days(10):%Y-%m}"
    for url in (URL, month, f"{URL}?regio={intervisie.region}"):
        response = client.get(url)
        assert TITLE not in html(response) and SECRET not in html(response)
    assert "Open studiedag" in titles(client.get(URL))


def test_the_month_view_shows_the_group_meeting_to_its_members(client, intervisie, people):
    month = f"{URL}?maand={in_days(10):%Y-%m}"
    assert TITLE in html(as_(client, people["groepslid"]).get(month))


def test_the_meeting_page_says_who_it_is_for_and_lets_group_members_sign_up(
    client, intervisie, people
):
    client.force_login(people["groepslid"])
    page = html(client.get(intervisie.url))
    assert SECRET in page
    assert "Alleen voor de groep Intervisie opgave-managers" in page
    assert f'href="{intervisie.url}aanmelden/"' in page
    assert client.get(f"{intervisie.url}aanmelden/").status_code == 200


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_can_neither_see_nor_sign_up_for_a_group_meeting(client, intervisie, people, who):
    as_(client, people[who])
    for url in (intervisie.url, f"{intervisie.url}aanmelden/", download(intervisie)):
        response = client.get(url)
        assert response.status_code == 403, url
        assert SECRET not in response.content.decode()
        assert TITLE not in response.content.decode()
    response = client.post(f"{intervisie.url}aanmelden/", {})
    assert response.status_code == 403
    assert not intervisie.registrations.exists()


def test_staff_see_and_may_open_the_group_meeting(client, intervisie):
    client.force_login(StaffFactory())
    assert client.get(intervisie.url).status_code == 200
    assert TITLE in titles(client.get(URL))


def test_a_place_at_a_group_meeting_does_not_pass_to_a_colleague(intervisie, people):
    registration = services.register(intervisie, people["groepslid"])[0]
    assert "alleen voor de leden van de groep" in registration.transfer_block()


def test_the_calendar_costs_the_same_for_one_and_twenty_group_meetings(client, groep, people):
    calendar = calendar_page()
    calendar.per_page = 20
    calendar.save()
    client.force_login(people["groepslid"])
    meeting("Eén", days=3, visibility=Visibility.GROUP, group=groep)

    def queries():
        client.get(URL)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL)
        return len(captured), response

    one, _response = queries()
    for n in range(19):
        other = GroepFactory()
        GroepslidFactory(groep=other, user=people["groepslid"])
        meeting(f"Groep {n}", days=4 + n, visibility=Visibility.GROUP, group=other)
    twenty, response = queries()
    assert len(titles(response)) == 20
    assert html(response).count("Alleen voor de groep") == 20
    assert twenty == one


# --- feeds -------------------------------------------------------------------------------


def test_the_whole_calendar_feed_never_holds_a_group_meeting(client, intervisie, people):
    open_day = meeting("Open studiedag", days=12)
    for who in ("groepslid", "anoniem"):
        as_(client, people[who])
        found = items(client.get(FEED).content)
        assert uid(open_day) in found and uid(intervisie) not in found
        assert SECRET not in flat(client.get(FEED))


def test_my_feed_holds_the_meetings_of_my_groups_without_signing_up(client, intervisie, people):
    open_day = meeting("Open studiedag", days=12)
    mine = items(client.get(feed_path(people["groepslid"])).content)
    assert uid(intervisie) in mine
    assert uid(open_day) not in mine  # no place, no group: not mine
    # Without a place, no online link: that stays for confirmed registrants.
    assert ONLINE not in flat(client.get(feed_path(people["groepslid"])))


def test_a_place_at_the_group_meeting_brings_its_online_link_into_my_feed(
    client, intervisie, people
):
    RegistrationFactory(event=intervisie, user=people["groepslid"])
    body = flat(client.get(feed_path(people["groepslid"])))
    assert ONLINE in body


@pytest.mark.parametrize("who", ["lid buiten de groep", "niet-lid", "aangevraagd"])
def test_the_feed_of_someone_outside_the_group_never_holds_its_meetings(
    client, intervisie, people, who
):
    body = flat(client.get(feed_path(people[who])))
    assert uid(intervisie) not in items(body.encode())
    assert SECRET not in body


def test_leaving_the_group_takes_its_meetings_out_of_my_feed(client, intervisie, people, groep):
    person = people["groepslid"]
    RegistrationFactory(event=intervisie, user=person)
    url = feed_path(person)
    first = client.get(url)
    assert uid(intervisie) in items(first.content)

    Groepslid.objects.filter(groep=groep, user=person).delete()

    # A calendar app asking with what it has gets the new version, not a 304.
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert uid(intervisie) not in items(again.content)


def test_joining_a_group_changes_my_feed_for_a_calendar_that_asks_again(
    client, intervisie, people, groep
):
    person = people["lid buiten de groep"]
    url = feed_path(person)
    first = client.get(url)
    GroepslidFactory(groep=groep, user=person)
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert uid(intervisie) in items(again.content)


def test_a_leergang_download_leaves_out_a_group_session_for_outsiders(client, groep, people):
    track = LearningTrackPageFactory(title="Leergang intervisie")
    open_session = meeting("Sessie 1", days=5, learning_track=track)
    closed = meeting(
        "Sessie 2", days=9, learning_track=track, visibility=Visibility.GROUP, group=groep
    )
    url = download(track)
    outside = items(as_(client, people["lid buiten de groep"]).get(url).content)
    assert uid(open_session) in outside and uid(closed) not in outside
    client.force_login(people["groepslid"])
    assert uid(closed) in items(client.get(url).content)


# --- the weekly mail ---------------------------------------------------------------------


def test_the_weekly_mail_names_the_group_meeting_only_to_its_members(intervisie, people):
    from leerhuis.core.digest import Period

    period = Period.week_before()
    EventPage.objects.filter(pk=intervisie.pk).update(first_published_at=period.start)
    for who, user in people.items():
        if user is None:
            continue
        section = new_meetings(user, period)
        listed = [item.title for item in section.items] if section else []
        assert (TITLE in listed) == (who == "groepslid"), who


def test_a_group_meeting_stays_in_the_one_query_of_visible_to(people, groep, intervisie):
    from members.access import visible_to
    from members.membership import membership_on

    user = people["groepslid"]
    membership_on(user)  # the person's membership is read once per request
    with CaptureQueriesContext(connection) as captured:
        found = list(visible_to(user, EventPage.objects.live()))
    assert len(captured) == 1
    assert intervisie in found
