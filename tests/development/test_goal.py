"""The yearly goal: hours, and optionally points in one scheme; its progress on the record."""

import datetime
from decimal import Decimal

import pytest

from events.models import DevelopmentGoal
from tests.development_factories import ExternalLearningFactory, SchemeFactory, accredit, attended
from tests.events_factories import EventPageFactory, in_days
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mid_year")]

GOAL = "/mijn-leerhuis/ontwikkeling/doel/"
RECORD = "/mijn-leerhuis/ontwikkeling/"


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(GOAL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_without_a_goal_the_record_invites_one(client, person):
    html = client.get(RECORD).content.decode()
    assert "Je hebt voor dit jaar nog geen doel." in html
    assert f'href="{GOAL}?jaar=2026">Stel een doel' in html


def test_a_goal_set_shows_its_progress_in_hours(client, person):
    ExternalLearningFactory(user=person, hours=Decimal("12"), date=datetime.date(2026, 2, 1))
    response = client.post(GOAL, {"hours": "40", "scheme": "", "points": ""})
    assert response.status_code == 302
    assert response["Location"] == RECORD
    goal = DevelopmentGoal.objects.get(user=person)
    assert (goal.year, goal.hours) == (2026, Decimal("40"))
    html = client.get(RECORD).content.decode()
    assert "Je doel voor 2026 is opgeslagen." in html
    assert "12 uur van je doel van 40 uur: 30%" in html
    assert (
        '<progress class="goal-progress" max="100" value="30" aria-labelledby="doel-uren">' in html
    )


def test_a_goal_in_points_counts_the_points_of_that_scheme(client, person):
    ipma = SchemeFactory()
    event = EventPageFactory(start=in_days(-20, 10), end=in_days(-20, 13))
    accredit(event, ipma, points="6")
    attended(person, event)
    client.post(GOAL, {"hours": "", "scheme": ipma.pk, "points": "20"})
    html = client.get(RECORD).content.decode()
    assert "6 PE-punten (IPMA) van je doel van 20 PE-punten (IPMA): 30%" in html


def test_a_goal_reached_says_so_and_stops_at_100_percent(client, person):
    ExternalLearningFactory(user=person, hours=Decimal("50"), date=datetime.date(2026, 2, 1))
    DevelopmentGoal.objects.create(user=person, year=2026, hours=Decimal("40"))
    html = client.get(RECORD).content.decode()
    assert "50 uur van je doel van 40 uur: 100%" in html
    assert "Je hebt je doel gehaald." in html


def test_changing_the_goal_keeps_one_per_year(client, person):
    client.post(GOAL, {"hours": "40"})
    html = client.get(GOAL).content.decode()
    assert 'value="40"' in html
    client.post(GOAL, {"hours": "32,5"})
    assert DevelopmentGoal.objects.filter(user=person).count() == 1
    assert DevelopmentGoal.objects.get(user=person).hours == Decimal("32.5")


def test_a_goal_can_be_taken_away(client, person):
    DevelopmentGoal.objects.create(user=person, year=2026, hours=Decimal("40"))
    assert "Doel weghalen" in client.get(GOAL).content.decode()
    response = client.post(GOAL, {"actie": "weghalen"})
    assert response.status_code == 302
    assert not DevelopmentGoal.objects.filter(user=person).exists()
    assert "Je doel voor 2026 is weggehaald." in client.get(RECORD).content.decode()


def test_next_years_goal_can_be_planned_and_its_year_is_offered(client, person):
    response = client.post(f"{GOAL}?jaar=2027", {"hours": "36"})
    assert response["Location"] == f"{RECORD}?jaar=2027"
    assert 'href="?jaar=2027"' in client.get(RECORD).content.decode()
    html = client.get(f"{RECORD}?jaar=2027").content.decode()
    assert "0 uur van je doel van 36 uur: 0%" in html
    # Taken away again, the year has nothing left to show: back to this year.
    assert client.post(f"{GOAL}?jaar=2027", {"actie": "weghalen"})["Location"] == RECORD


@pytest.mark.parametrize("year", ["2030", "1990", "twee", ""])
def test_a_goal_for_a_year_not_on_offer_is_not_found(client, person, year):
    assert client.get(f"{GOAL}?jaar={year}").status_code == 404
    assert client.post(f"{GOAL}?jaar={year}", {"hours": "40"}).status_code == 404
    assert not DevelopmentGoal.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"hours": ""}, "Vul in hoeveel uur je wilt leren, of hoeveel punten in een regeling."),
        ({"hours": "0"}, "Het aantal uren moet meer dan 0 zijn."),
        ({"hours": "2000"}, "Hooguit 1000 uur."),
        ({"hours": "veertig"}, "Vul het aantal uren in als getal, bijvoorbeeld 8 of 5,5."),
        ({"points": "20"}, "Kies de regeling waarin je de punten haalde."),
        ({"points": "0"}, "Vul minstens 0,25 punt in."),
    ],
)
def test_a_goal_that_says_nothing_or_nonsense_comes_back_in_dutch(client, person, data, message):
    response = client.post(GOAL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not DevelopmentGoal.objects.exists()


def test_a_scheme_without_points_is_refused(client, person):
    html = client.post(GOAL, {"hours": "40", "scheme": SchemeFactory().pk}).content.decode()
    assert "Vul in hoeveel punten je in deze regeling haalde." in html


def test_someone_elses_goal_is_neither_shown_nor_changed(client, person):
    colleague = UserFactory()
    DevelopmentGoal.objects.create(user=colleague, year=2026, hours=Decimal("80"))
    assert "80 uur" not in client.get(RECORD).content.decode()
    assert "Doel weghalen" not in client.get(GOAL).content.decode()
    client.post(GOAL, {"actie": "weghalen"})
    assert DevelopmentGoal.objects.filter(user=colleague).exists()
