"""Editors set a meeting's study load in the page editor: the hours (or the default, which
the editor is told), the points per accreditation scheme, and for a meeting over several
days the hours they must fill in."""

import datetime
from decimal import Decimal

import pytest

from events.models import EventAccreditation, EventPage, ProgrammeSlot
from tests.development_factories import SchemeFactory, accredit, pmi
from tests.events.helpers.page_editor import edit_url, errors, form_data, publish
from tests.events_factories import EventPageFactory, in_days

pytestmark = pytest.mark.django_db


def with_accreditation(data, scheme, points, reference=""):
    index = int(data["accreditations-TOTAL_FORMS"])
    prefix = f"accreditations-{index}"
    data.update(
        {
            "accreditations-TOTAL_FORMS": str(index + 1),
            f"{prefix}-id": "",
            f"{prefix}-ORDER": str(index + 1),
            f"{prefix}-DELETE": "",
            f"{prefix}-scheme": str(scheme.pk),
            f"{prefix}-points": points,
            f"{prefix}-reference": reference,
        }
    )
    return data


def test_an_editor_adds_an_accreditation_in_the_studiebelasting_panel(admin_client_with_mfa):
    ipma = SchemeFactory()
    page = EventPageFactory(title="Studiedag")
    edit = admin_client_with_mfa.get(edit_url(page))
    assert edit.status_code == 200
    text = edit.content.decode()
    assert "Studiebelasting" in text
    assert 'name="study_hours"' in text

    data = with_accreditation(form_data(text), ipma, "5", "IPMA-NL 2026-114")
    data["study_hours"] = "5.5"
    response = publish(admin_client_with_mfa, page, data)

    assert response.status_code == 302, errors(response)
    page = EventPage.objects.get(pk=page.pk)
    assert page.study_hours == Decimal("5.5")
    [accreditation] = page.accreditations.all()
    assert (accreditation.scheme, accreditation.points) == (ipma, Decimal("5"))
    assert accreditation.reference == "IPMA-NL 2026-114"


def test_the_editor_is_told_what_an_empty_field_counts_for_this_meeting(admin_client_with_mfa):
    page = EventPageFactory(start=in_days(10, 10), end=in_days(10, 15, 30))
    ProgrammeSlot.objects.create(page=page, starts_at=datetime.time(10), title="Ochtend")
    ProgrammeSlot.objects.create(
        page=page, starts_at=datetime.time(12, 30), title="Lunch", is_break=True
    )
    ProgrammeSlot.objects.create(page=page, starts_at=datetime.time(13, 30), title="Middag")
    page.save_revision().publish()

    text = admin_client_with_mfa.get(edit_url(page)).content.decode()

    assert "de lengte van het programma zonder pauzes en lunch" in text
    assert "Voor deze activiteit nu: 4,5 uur." in text


def test_one_scheme_twice_on_a_meeting_is_refused_in_dutch(admin_client_with_mfa):
    ipma = SchemeFactory()
    page = EventPageFactory()
    data = form_data(admin_client_with_mfa.get(edit_url(page)).content.decode())
    data = with_accreditation(with_accreditation(data, ipma, "3"), ipma, "4")

    response = publish(admin_client_with_mfa, page, data)

    assert response.status_code == 200
    found = errors(response)
    assert "Elke regeling mag maar één keer bij een activiteit staan." in found
    assert "scheme" not in found
    assert not page.accreditations.exists()


def test_points_below_a_quarter_are_refused_and_nothing_is_lost(admin_client_with_mfa):
    page = EventPageFactory(title="Oorspronkelijk")
    data = form_data(admin_client_with_mfa.get(edit_url(page)).content.decode())
    data = with_accreditation(data, pmi("Leadership"), "0")
    data["title"] = "Nieuwe titel"

    response = publish(admin_client_with_mfa, page, data)

    assert response.status_code == 200
    assert "0.25" in errors(response) or "0,25" in errors(response)
    assert 'value="Nieuwe titel"' in response.content.decode()
    assert EventPage.objects.get(pk=page.pk).title == "Oorspronkelijk"


def test_a_meeting_over_several_days_asks_for_its_hours(admin_client_with_mfa):
    page = EventPageFactory(start=in_days(30, 10), end=in_days(31, 16), study_hours=None)
    data = form_data(admin_client_with_mfa.get(edit_url(page)).content.decode())
    data["study_hours"] = ""

    response = publish(admin_client_with_mfa, page, data)

    assert response.status_code == 200
    assert "Deze activiteit duurt meer dan één dag" in errors(response)
    assert "Vul in hoeveel studie-uren deelname oplevert" in errors(response)

    data["study_hours"] = "11"
    assert publish(admin_client_with_mfa, page, data).status_code == 302
    assert EventPage.objects.get(pk=page.pk).learning_hours() == Decimal("11")


def test_a_meeting_of_one_day_needs_no_hours_filled_in(admin_client_with_mfa):
    page = EventPageFactory(start=in_days(30, 10), end=in_days(30, 13))
    accredit(page)
    data = form_data(admin_client_with_mfa.get(edit_url(page)).content.decode())
    data["study_hours"] = ""

    assert publish(admin_client_with_mfa, page, data).status_code == 302
    assert EventPage.objects.get(pk=page.pk).learning_hours() == Decimal("3")


def test_the_preview_shows_the_points_as_entered_before_saving(admin_client_with_mfa):
    ipma = SchemeFactory()
    page = EventPageFactory(title="Studiedag")
    data = form_data(admin_client_with_mfa.get(edit_url(page)).content.decode())
    data = with_accreditation(data, ipma, "7", "IPMA-NL 2026-200")
    data["study_hours"] = "6.25"
    preview = f"/admin/pages/{page.pk}/edit/preview/"

    posted = admin_client_with_mfa.post(preview, data)
    assert posted.status_code == 200 and posted.json()["is_valid"]
    shown = admin_client_with_mfa.get(preview, {"mode": ""}).content.decode()

    assert "6,25 uur" in shown
    assert "7 PE-punten" in shown and "IPMA-NL 2026-200" in shown
    assert not page.accreditations.exists()  # nothing saved


def test_a_draft_naming_a_scheme_deleted_since_still_opens_without_it(admin_client_with_mfa):
    ipma, gone = SchemeFactory(), pmi("Weg")
    page = EventPageFactory(title="Studiedag met concept")
    accredit(page, ipma, points="3")
    draft = EventPage.objects.get(pk=page.pk)
    draft.accreditations.add(EventAccreditation(scheme=gone, points=Decimal("2")))
    revision = draft.save_revision()
    gone.delete()  # only the draft named it, so the scheme's guard let it go

    response = admin_client_with_mfa.get(edit_url(page))

    assert response.status_code == 200
    restored = revision.as_object()
    assert [a.scheme for a in restored.accreditations.all()] == [ipma]


def test_a_copy_for_next_year_starts_without_the_old_editions_accreditations():
    page = EventPageFactory(title="Studiedag 2026")
    accredit(page, points="4").__class__.objects.filter(page=page).update(
        reference="IPMA-NL 2026-114"
    )
    copy = page.copy(update_attrs={"slug": "studiedag-2027", "title": "Studiedag 2027"})
    assert not copy.accreditations.exists()
    assert page.accreditations.count() == 1
