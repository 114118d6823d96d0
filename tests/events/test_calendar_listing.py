"""The calendar /activiteiten/: the coming meetings, filters and pages, who sees what, bad input."""

import datetime

import pytest
from django.utils import timezone

from tests.events.helpers.calendar_page import URL, html, meeting, titles
from tests.events_factories import calendar_page, guest, in_days, member
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


# --- the upcoming list ---------------------------------------------------------------


def test_anonymous_visitors_see_the_coming_meetings_in_order(client):
    meeting("Later", days=30)
    meeting("Eerst", days=5)
    meeting("Vandaag bezig", start=timezone.now() - datetime.timedelta(hours=1), days=0)
    meeting("Voorbij", days=-10)
    draft = meeting("Concept", days=8)
    draft.unpublish()

    response = client.get(URL)

    assert titles(response) == ["Vandaag bezig", "Eerst", "Later"]
    page = html(response)
    assert page.count("<h1") == 1
    assert "3 activiteiten gevonden" in page
    assert "css/calendar.css" in page


def test_the_filter_form_is_labelled_and_submits_by_get(client):
    meeting("Met thema", themes=["Opgave-sturing"])
    page = html(client.get(URL))

    assert (
        '<form class="calendar-filters" method="get" data-drop-empty action="/activiteiten/"'
        in page
    )
    for name, label in [("thema", "Thema"), ("type", "Soort"), ("regio", "Regio")]:
        assert f'<label for="id_{name}">{label}</label>' in page
        assert f'<select name="{name}" id="id_{name}">' in page
    assert '<label for="id_vorm">Vorm</label>' in page
    assert '<option value="opgave-sturing">Opgave-sturing</option>' in page
    assert '<option value="fryslan">Fryslân</option>' in page
    assert '<option value="landelijk">Landelijk</option>' in page
    assert '<option value="op-locatie">Op locatie</option>' in page
    assert '<button class="button" type="submit">Filter</button>' in page
    assert ">Wis filters</a>" in page


def test_filters_combine_and_the_url_can_be_shared(client):
    meeting(
        "Raak",
        themes=["Opgave-sturing", "Sociaal domein"],
        event_type="workshop",
        region="utrecht",
        form="online",
        online_url="https://meet.example/raak",
    )
    meeting("Ander thema", themes=["Wonen"], event_type="workshop", region="utrecht")
    meeting("Andere soort", themes=["Opgave-sturing"], event_type="webinar", region="utrecht")
    meeting("Andere regio", themes=["Opgave-sturing"], event_type="workshop", region="zeeland")
    meeting("Op locatie", themes=["Opgave-sturing"], event_type="workshop", region="utrecht")

    url = f"{URL}?thema=opgave-sturing&type=workshop&regio=utrecht&vorm=online"
    response = client.get(url)
    assert titles(response) == ["Raak"]
    page = html(response)
    assert "1 activiteit gevonden" in page
    assert "Actieve filters:" in page
    for label, value in [
        ("Thema", "Opgave-sturing"),
        ("Soort", "Workshop"),
        ("Regio", "Utrecht"),
        ("Vorm", "Online"),
    ]:
        assert f"{label}: <strong>{value}</strong>" in page
    # Each filter can be dropped on its own; the others stay in the link.
    assert f'href="{URL}?thema=opgave-sturing&type=workshop&regio=utrecht"' in page
    assert f'href="{URL}?type=workshop&regio=utrecht&vorm=online"' in page
    # The select shows what is chosen.
    assert '<option value="workshop" selected>' in page

    # Shared: someone else, not logged in, opens the same link and sees the same.
    client.logout()
    assert titles(client.get(url)) == ["Raak"]
    # One filter at a time narrows as expected.
    assert titles(client.get(f"{URL}?regio=zeeland")) == ["Andere regio"]
    assert titles(client.get(f"{URL}?type=webinar")) == ["Andere soort"]
    assert titles(client.get(f"{URL}?thema=wonen")) == ["Ander thema"]
    assert set(titles(client.get(f"{URL}?vorm=op-locatie"))) == {
        "Ander thema",
        "Andere soort",
        "Andere regio",
        "Op locatie",
    }


def test_clearing_filters_keeps_the_view(client):
    meeting("Iets", themes=["Wonen"])
    page = html(client.get(f"{URL}?thema=wonen&archief=1"))
    assert f'<a href="{URL}?archief=1">Wis filters</a>' in page
    # The form carries the view along, so filtering in the archive stays in the archive.
    assert '<input type="hidden" name="archief" value="1">' in page


def test_theme_options_are_only_tags_of_live_meetings_the_visitor_may_see(client):
    meeting("Open", themes=["Wonen"])
    meeting("Voorbij", days=-30, themes=["Mobiliteit"])
    draft = meeting("Concept", themes=["Geheim concept"])
    draft.unpublish()
    meeting("Leden", themes=["Alleen leden"], visibility="members")

    page = html(client.get(URL))
    assert '<option value="wonen">Wonen</option>' in page
    assert '<option value="mobiliteit">Mobiliteit</option>' in page  # the archive has it
    assert "Geheim concept" not in page
    assert "Alleen leden" not in page

    client.force_login(member())
    assert '<option value="alleen-leden">Alleen leden</option>' in html(client.get(URL))


def test_pages_keep_the_filters_in_their_links(client):
    calendar = calendar_page()
    calendar.per_page = 2
    calendar.save()
    for n in range(5):
        meeting(f"Wonen {n}", days=10 + n, themes=["Wonen"])
    meeting("Zonder thema", days=9)

    first = client.get(f"{URL}?thema=wonen")
    assert titles(first) == ["Wonen 0", "Wonen 1"]
    page = html(first)
    assert "5 activiteiten gevonden" in page
    assert "(pagina 1 van 3)" in page
    assert f'href="{URL}?thema=wonen&page=2" rel="next"' in page
    assert 'aria-current="page"><span class="visually-hidden">Pagina </span>1</a>' in page

    second = client.get(f"{URL}?thema=wonen&page=2")
    assert titles(second) == ["Wonen 2", "Wonen 3"]
    assert f'href="{URL}?thema=wonen" rel="prev"' in html(second)


# --- who sees what -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "sees"),
    [("anonymous", False), ("guest", False), ("member", True), ("staff", True)],
)
def test_members_only_meetings_are_listed_only_for_members_and_staff(client, who, sees):
    meeting("Voor iedereen", days=5)
    meeting("Alleen voor leden", days=6, visibility="members")
    users = {"guest": guest, "member": member, "staff": StaffFactory}
    if who != "anonymous":
        client.force_login(users[who]())

    expected = ["Voor iedereen", "Alleen voor leden"] if sees else ["Voor iedereen"]
    response = client.get(URL)
    assert titles(response) == expected
    page = html(response)
    assert ('<span class="badge badge--members">Alleen voor leden</span>' in page) is sees
    assert ("Alleen voor leden" in html(client.get("/"))) is sees
    month = titles(client.get(f"{URL}?maand={in_days(6):%Y-%m}"))
    assert ("Alleen voor leden" in month) is sees


def test_logged_in_only_meetings_need_an_account(client):
    meeting("Ingelogd", visibility="logged_in")
    assert titles(client.get(URL)) == []
    client.force_login(guest())
    assert titles(client.get(URL)) == ["Ingelogd"]


def test_a_logged_in_visitors_calendar_is_never_kept_by_a_shared_cache(client):
    meeting("Open bijeenkomst", days=10)
    assert "private" not in client.get(URL).get("Cache-Control", "")
    client.force_login(StaffFactory())
    assert "private" in client.get(URL)["Cache-Control"]
    assert "private" in client.get("/")["Cache-Control"]


# --- nothing found, bad input ------------------------------------------------------------


def test_empty_result_says_so_with_a_way_back(client):
    meeting("Wonen voorbij", days=-5, themes=["Wonen"])
    meeting("Iets anders", days=5)
    page = html(client.get(f"{URL}?thema=wonen"))
    assert "Geen activiteiten gevonden." in page
    assert (
        f'Probeer het met minder filters, of <a href="{URL}">bekijk alle activiteiten</a>.' in page
    )
    assert "0 activiteiten gevonden" in page
    assert page.count("<h1") == 1


def test_an_empty_calendar_says_so(client):
    calendar_page()
    page = html(client.get(URL))
    assert "Geen activiteiten gevonden." in page
    assert "Probeer het met minder filters" not in page
    assert "bekijk alle" not in page.lower()  # no link to the very list that is empty


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("type=concert", "Deze soort activiteit kennen we niet."),
        ("regio=mars", "Deze regio kennen we niet."),
        ("vorm=te-paard", "Kies op locatie, online of hybride."),
        ("thema=bestaat-niet", "Dit thema komt bij geen enkele activiteit voor."),
        ("maand=2026-13", "Onbekende maand ‘2026-13’: schrijf jaar en maand als 2026-12."),
        ("maand=december", "Onbekende maand ‘december’"),
        ("maand=9999-12", "Onbekende maand ‘9999-12’"),
        ("maand=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-12", "Onbekende maand"),
        ("archief=ja", "Het archief open je met archief=1."),
        ("page=abc", "Dat paginanummer bestaat niet; je ziet de eerste pagina."),
        ("page=0", "Dat paginanummer bestaat niet; je ziet de eerste pagina."),
        ("page=-3", "Dat paginanummer bestaat niet; je ziet de eerste pagina."),
        ("page=%C2%B2", "Dat paginanummer bestaat niet; je ziet de eerste pagina."),
        ("page=99", "Pagina 99 bestaat niet (meer); je ziet pagina 1."),
        ("page=99999999999999999999999", "bestaat niet (meer); je ziet pagina 1."),
    ],
)
def test_bad_input_is_explained_and_the_rest_still_works(client, query, message):
    meeting("Gewone bijeenkomst", themes=["Wonen"])
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    page = html(response)
    assert message in page
    assert titles(response) == ["Gewone bijeenkomst"]  # the bad value is left out
    if not query.startswith("page="):
        assert "Controleer wat je hebt ingevuld" in page
        assert "Actieve filters:" not in page


def test_what_was_typed_is_shown_escaped(client):
    calendar_page()
    raw = client.get(f"{URL}?maand=%3Cb%3Evet%3C/b%3E").content.decode()
    assert "Onbekende maand ‘&lt;b&gt;vet&lt;/b&gt;’" in raw
    assert "<b>vet</b>" not in raw


def test_a_page_past_the_end_shows_the_last_page(client):
    calendar = calendar_page()
    calendar.per_page = 2
    calendar.save()
    for n in range(3):
        meeting(f"B{n}", days=n + 1)
    response = client.get(f"{URL}?page=7")
    assert titles(response) == ["B2"]
    assert "Pagina 7 bestaat niet (meer); je ziet pagina 2." in html(response)


def test_a_bad_filter_does_not_drop_the_good_ones(client):
    meeting("Wonen", themes=["Wonen"], region="utrecht")
    meeting("Wonen elders", themes=["Wonen"], region="zeeland")
    response = client.get(f"{URL}?thema=wonen&regio=utrecht&type=concert&maand=foo")
    assert titles(response) == ["Wonen"]
    page = html(response)
    assert "Deze soort activiteit kennen we niet." in page
    assert "Onbekende maand ‘foo’" in page
    # Links and the form carry only what was accepted.
    assert f'href="{URL}?thema=wonen"' in page  # remove the region filter
    assert 'name="maand"' not in page
