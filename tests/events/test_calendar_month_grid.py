"""The month as a grid beside its list, where "Per maand" opens, theme names as editors wrote
them, and filter addresses without empty parameters."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.events.helpers.calendar_page import URL, html, local, meeting
from tests.events_factories import calendar_page

pytestmark = pytest.mark.django_db


def month_ahead(months):
    first = timezone.localdate().replace(day=1)
    for _ in range(months):
        first = (first + datetime.timedelta(days=32)).replace(day=1)
    return first


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


# --- the grid -----------------------------------------------------------------------------


def test_the_month_is_a_table_of_weeks_from_monday_whose_busy_days_link_to_their_meetings(
    client,
):
    first = month_ahead(3)
    y, m = first.year, first.month
    studiedag = meeting("Studiedag", start=local(y, m, 12, 10))
    meeting("Webinar", start=local(y, m, 12, 15), end=local(y, m, 12, 16))
    meeting("Netwerkdag", start=local(y, m, 20, 10), status="geannuleerd")

    page = soup(client.get(f"{URL}?maand={first:%Y-%m}"))
    table = page.select_one("table.month-grid")
    assert table.caption.get_text(" ", strip=True).startswith("Maandoverzicht ")
    headers = table.select("thead th")
    assert [th["scope"] for th in headers] == ["col"] * 7
    assert [th.select_one(".visually-hidden").get_text() for th in headers] == [
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
    ]
    rows = table.select("tbody tr")
    assert all(len(row.find_all("td")) == 7 for row in rows)
    # The first day sits under its own weekday.
    first_row = [td.get_text(" ", strip=True) for td in rows[0].find_all("td")]
    assert first_row[first.weekday()].startswith("1")
    assert all(text == "" for text in first_row[: first.weekday()])

    day = f"dag-{y:04d}-{m:02d}-12"
    link = table.select_one(f'a[href="#{day}"]')
    assert link.get_text(" ", strip=True).startswith("12")
    assert "2 activiteiten" in link.select_one(".visually-hidden").get_text()
    cell = link.find_parent("td")
    assert [a.get_text() for a in cell.select(".month-grid__events a")] == ["Studiedag", "Webinar"]
    assert cell.select(".month-grid__events a")[0]["href"] == studiedag.url
    assert page.find(id=day) is not None  # the day's cards below, where the link leads
    cancelled = table.select_one(f'a[href="#dag-{y:04d}-{m:02d}-20"]').find_parent("td")
    assert "(geannuleerd)" in cancelled.get_text()
    # Days without meetings are not links; no day is "today" in a month ahead.
    assert len(table.select("a.month-grid__date")) == 2
    assert not table.select('[aria-current="date"]')
    # The list below still holds every meeting, and the month moves on with links.
    assert titles_of(page) == ["Studiedag", "Webinar", "Netwerkdag"]
    assert page.select_one('a[rel="prev"]') and page.select_one('a[rel="next"]')


def titles_of(page):
    return [a.get_text() for a in page.select(".event-card__title a")]


def test_today_is_marked_in_this_months_grid(client):
    today = timezone.localdate()
    meeting("Vandaag", start=local(today.year, today.month, today.day, 23, 0))
    page = soup(client.get(f"{URL}?maand={today:%Y-%m}"))
    current = page.select('table.month-grid [aria-current="date"]')
    assert len(current) == 1
    assert current[0].get_text(" ", strip=True).startswith(str(today.day))
    assert "(vandaag)" in current[0].get_text()


def test_a_month_lists_all_its_meetings_on_one_page(client):
    calendar = calendar_page()
    calendar.per_page = 2
    calendar.save()
    first = month_ahead(2)
    for day in (3, 10, 17):
        meeting(f"Dag {day}", start=local(first.year, first.month, day))
    page = soup(client.get(f"{URL}?maand={first:%Y-%m}"))
    assert titles_of(page) == ["Dag 3", "Dag 10", "Dag 17"]
    assert len(page.select("a.month-grid__date")) == 3
    assert not page.select(".pagination")


def test_leergangen_of_a_month_have_no_grid(client):
    calendar_page()
    first = month_ahead(2)
    page = soup(client.get(f"{URL}?type=leergang&maand={first:%Y-%m}"))
    assert not page.select("table.month-grid")


# --- where "Per maand" opens --------------------------------------------------------------


def per_maand(response):
    return soup(response).find("a", string="Per maand")["href"]


def test_per_maand_opens_at_the_first_month_with_meetings_with_the_filters_kept(client):
    later, latest = month_ahead(2), month_ahead(4)
    meeting("Voorbij", days=-40)
    meeting("Wonen", start=local(later.year, later.month, 8), themes=["Wonen"])
    meeting("Zorg", start=local(latest.year, latest.month, 8), themes=["Zorg"])

    assert per_maand(client.get(URL)) == f"{URL}?maand={later:%Y-%m}"
    assert per_maand(client.get(f"{URL}?thema=zorg")) == f"{URL}?thema=zorg&maand={latest:%Y-%m}"
    archive = client.get(f"{URL}?archief=1&thema=zorg")
    assert per_maand(archive) == f"{URL}?thema=zorg&maand={latest:%Y-%m}"
    # And back to the list, with the filter.
    month = soup(client.get(f"{URL}?thema=zorg&maand={latest:%Y-%m}"))
    assert month.find("a", string="Komend")["href"] == f"{URL}?thema=zorg"


def test_per_maand_opens_at_this_month_when_nothing_is_coming(client):
    meeting("Voorbij", days=-40)
    assert per_maand(client.get(URL)) == f"{URL}?maand={timezone.localdate():%Y-%m}"


def test_a_meeting_running_now_counts_for_this_month(client):
    start = timezone.now() - datetime.timedelta(days=40)
    meeting("Tentoonstelling", start=start, end=timezone.now() + datetime.timedelta(days=3))
    meeting("Later", days=70)
    assert per_maand(client.get(URL)) == f"{URL}?maand={timezone.localdate():%Y-%m}"


# --- theme names and clean addresses ------------------------------------------------------


def test_theme_names_appear_as_editors_wrote_them(client):
    meeting("Studiedag", days=5, themes=["ICT en Data", "sociaal Domein"])
    page = html(client.get(URL))
    assert '<option value="ict-en-data">ICT en Data</option>' in page
    assert '<option value="sociaal-domein">sociaal Domein</option>' in page
    assert f'<a href="{URL}?thema=ict-en-data">ICT en Data</a>' in page
    filtered = soup(client.get(f"{URL}?thema=sociaal-domein"))
    active = " ".join(filtered.select_one(".active-filters").get_text(" ").split())
    assert "Thema: sociaal Domein" in active


@pytest.mark.parametrize(
    "asked, clean",
    [
        ("?thema=&type=webinar", "?type=webinar"),
        ("?thema=&type=&regio=&vorm=", ""),
        ("?thema=wonen&type=&regio=utrecht&page=", "?thema=wonen&regio=utrecht"),
        ("?maand=2031-02&thema=%20", "?maand=2031-02"),
    ],
)
def test_an_address_with_empty_parameters_leads_to_the_clean_one(client, asked, clean):
    calendar_page()
    response = client.get(URL + asked)
    assert response.status_code == 302
    assert response["Location"] == URL + clean
    assert client.get(URL + clean).status_code == 200


def test_the_filter_form_leaves_empty_fields_out_with_its_script(client):
    calendar_page()
    page = soup(client.get(URL))
    form = page.select_one("form.calendar-filters")
    assert form.has_attr("data-drop-empty") and form["method"] == "get"
    assert page.select_one('script[src$="js/filters.js"]')


def test_the_demo_gives_themes_from_old_lower_case_tags_their_written_name():
    from leerhuis.core.themes import Thema
    from leerhuis.demo.themes import load_themes

    Thema.objects.create(slug="opgave-sturing", name="opgave-sturing")
    Thema.objects.create(slug="procesregie", name="Procesregie in de regio")  # an editor's
    load_themes()
    names = dict(Thema.objects.values_list("slug", "name"))
    assert names["opgave-sturing"] == "Opgave-sturing"
    assert names["procesregie"] == "Procesregie in de regio"


def test_weergave_maand_leads_to_the_first_month_with_meetings_or_the_one_asked(client):
    later = month_ahead(2)
    meeting("Wonen", start=local(later.year, later.month, 8), themes=["Wonen"])
    response = client.get(f"{URL}?thema=wonen&weergave=maand")
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?thema=wonen&maand={later:%Y-%m}"
    asked = client.get(f"{URL}?weergave=maand&maand=2031-02")
    assert asked["Location"] == f"{URL}?maand=2031-02"
    assert client.get(f"{URL}?maand=2031-02&weergave=lijst")["Location"] == URL
