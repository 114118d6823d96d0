"""What a calendar card tells the person looking: the price for them, places left, full,
members only and their own place; never someone else's, and at the same cost for 1 and
20 meetings."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import services
from events.models import EventPage
from tests.events.helpers.calendar_page import URL, local, meeting, titles
from tests.events_factories import (
    RegistrationFactory,
    calendar_page,
    guest,
    in_days,
    member,
)
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def cards(response):
    """Each card's title with the text of its states and its price, as they read."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    found = {}
    for card in soup.select("article.event-card"):
        title = card.select_one(".event-card__title a").get_text(strip=True)
        states = [
            " ".join(li.get_text(" ").split()) for li in card.select(".event-card__states li")
        ]
        price = next(
            (
                " ".join(div.dd.get_text(" ").split())  # no-break spaces read as spaces
                for div in card.select(".event-card__facts > div")
                if div.dt.get_text(strip=True) == "Kosten"
            ),
            None,
        )
        found[title] = {"states": states, "price": price}
    return found


def prices(response):
    return {title: card["price"] for title, card in cards(response).items()}


def states(response):
    return {title: card["states"] for title, card in cards(response).items()}


# --- the price for whoever looks ----------------------------------------------------------


def price_meetings():
    meeting("Leden gratis", days=5)  # factory: € 95 for non-members, members free
    meeting("Leden betalen", days=6, price_member=25)
    meeting("Voor niemand iets", days=7, price_non_member=0)


def test_an_anonymous_visitor_sees_what_non_members_pay_and_that_members_are_free(client):
    price_meetings()
    assert prices(client.get(URL)) == {
        "Leden gratis": "€ 95,00, gratis voor leden",
        "Leden betalen": "€ 95,00, leden € 25,00",
        "Voor niemand iets": "Gratis",
    }


def test_a_member_sees_free_as_member_or_their_price(client):
    price_meetings()
    client.force_login(member())
    assert prices(client.get(URL)) == {
        "Leden gratis": "Gratis (lid)",
        "Leden betalen": "€ 25,00 (lid)",
        "Voor niemand iets": "Gratis (lid)",
    }


def test_a_guest_sees_their_own_price(client):
    price_meetings()
    client.force_login(guest())
    assert prices(client.get(URL)) == {
        "Leden gratis": "€ 95,00",
        "Leden betalen": "€ 95,00",
        "Voor niemand iets": "Gratis",
    }


def test_the_price_follows_membership_on_the_day_of_each_meeting(client):
    """Membership that ends next month: free before, the non-member price after, as the
    meeting page and the sign-up decide."""
    until = timezone.localdate() + datetime.timedelta(days=30)
    organisation = OrganisationFactory(member__until=until)
    user = UserFactory(email=f"lid@{organisation.domains.get().domain}")
    meeting("Voor het einde", days=10)
    meeting("Na het einde", days=60)
    client.force_login(user)
    assert prices(client.get(URL)) == {"Voor het einde": "Gratis (lid)", "Na het einde": "€ 95,00"}
    # The meeting page says the same.
    later = EventPage.objects.get(title="Na het einde")
    assert later.price_for(user)[0] == 95


# --- places and the person's own place ----------------------------------------------------


def test_cards_say_places_left_full_and_not_yet_open(client):
    few = meeting("Bijna vol", days=5, capacity=3)
    full = meeting("Helemaal vol", days=6, capacity=1)
    meeting("Geen maximum", days=7, capacity=None)
    meeting("Later open", days=8, registration_opens=in_days(2, 9))
    meeting("Vorige week", days=-7)
    for _ in range(2):
        RegistrationFactory(event=few)
    RegistrationFactory(event=full)

    found = states(client.get(URL))
    assert found["Bijna vol"] == ["Nog 1 plaats"]
    assert found["Helemaal vol"] == ["Vol – wachtlijst"]
    assert found["Geen maximum"] == []
    assert found["Later open"][0].startswith("Aanmelden kan vanaf ")
    archive = cards(client.get(f"{URL}?archief=1"))["Vorige week"]
    assert archive == {"states": [], "price": None}  # over: nothing to decide any more


def test_cards_say_registered_and_the_place_on_the_waiting_list(client):
    user = member()
    mine = meeting("Mijn plek", days=5)
    queue = meeting("De rij", days=6, capacity=1)
    services.register(mine, user)
    for other in (member(), member()):
        services.register(queue, other)  # one place, then the first on the waiting list
    services.register(queue, user)
    client.force_login(user)

    found = cards(client.get(URL))
    assert found["Mijn plek"]["states"] == ["Je bent aangemeld"]
    assert found["Mijn plek"]["price"] == "Gratis"
    assert found["De rij"]["states"] == ["Plek 2 op de wachtlijst"]
    # Cancelled, the place is no longer theirs: the card offers places again.
    services.cancel(mine.registrations.get(user=user), user)
    assert states(client.get(URL))["Mijn plek"] == ["Nog 20 plaatsen"]


def test_a_members_only_meeting_says_so_to_those_who_see_it(client):
    meeting("Intervisie", days=5, visibility="members")
    meeting("Open", days=6)
    client.force_login(member())
    found = states(client.get(URL))
    assert found["Intervisie"] == ["Alleen voor leden", "Nog 20 plaatsen"]
    assert found["Open"] == ["Nog 20 plaatsen"]
    client.logout()
    assert titles(client.get(URL)) == ["Open"]


def test_a_cancelled_meeting_offers_no_price_or_places(client):
    meeting("Afgelast", days=5, status="geannuleerd")
    assert cards(client.get(URL))["Afgelast"] == {"states": [], "price": None}


# --- personal state is personal -----------------------------------------------------------


def test_one_persons_place_never_shows_for_another_or_for_anonymous(client):
    owner, other = member(), member()
    event = meeting("Studiedag", days=5, capacity=1)
    services.register(event, owner)
    services.register(event, guest())  # waiting

    client.force_login(owner)
    response = client.get(URL)
    assert states(response)["Studiedag"] == ["Je bent aangemeld"]
    assert "private" in response["Cache-Control"]  # no shared cache keeps it

    client.force_login(other)
    assert states(client.get(URL))["Studiedag"] == ["Vol – wachtlijst"]
    client.logout()
    response = client.get(URL)
    assert states(response)["Studiedag"] == ["Vol – wachtlijst"]
    assert "Je bent aangemeld" not in response.content.decode()
    assert "private" not in response.get("Cache-Control", "")


# --- what it costs ------------------------------------------------------------------------


def _queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("who", ["anonymous", "member", "guest"])
def test_states_cost_the_same_for_one_and_twenty_meetings(client, who):
    """Own places, waiting positions, prices by membership on twenty different days and
    places left: no query per card, in the list and in the month."""
    calendar = calendar_page()
    calendar.per_page = 20
    calendar.save()
    user = {"member": member, "guest": guest}.get(who, lambda: None)()
    if user:
        client.force_login(user)
    start = (timezone.localdate().replace(day=1) + datetime.timedelta(days=64)).replace(day=1)
    month = f"{URL}?maand={start:%Y-%m}"

    def add(n):
        event = meeting(f"Sessie {n}", start=local(start.year, start.month, 1 + n, 10), capacity=2)
        if user and n % 2:
            RegistrationFactory(event=event)  # one place taken
            services.register(event, member())  # the last place
            services.register(event, user)  # waiting, first in line
        elif user:
            services.register(event, user)

    add(0)
    one = {url: _queries(client, url) for url in (URL, month)}
    for n in range(1, 20):
        add(n)
    assert len(titles(client.get(URL))) == 20
    twenty = {url: _queries(client, url) for url in (URL, month)}
    assert twenty == one
    if user:
        found = states(client.get(URL))
        assert found["Sessie 0"] == ["Je bent aangemeld"]
        assert found["Sessie 1"] == ["Plek 1 op de wachtlijst"]
