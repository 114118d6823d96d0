"""The demo shows the development record at work: IPMA and PMI schemes, accredited
meetings, lunch left out of the hours, and the demo member checked in at three meetings
that are over; a second load changes none of it."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from events.development.record import counted_registrations
from events.models import AccreditationScheme, EventAccreditation, EventPage, ProgrammeSlot

pytestmark = pytest.mark.django_db


def load(settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")


def snapshot():
    return (
        sorted(AccreditationScheme.objects.values_list("name", "category", "unit")),
        sorted(EventAccreditation.objects.values_list("page__slug", "scheme__name", "points")),
        sorted(ProgrammeSlot.objects.filter(is_break=True).values_list("page__slug", "title")),
    )


def test_the_demo_has_schemes_accredited_meetings_and_a_member_with_a_record(settings):
    load(settings)
    first = snapshot()

    schemes = {str(s): s.unit for s in AccreditationScheme.objects.all()}
    assert schemes["IPMA"] == "PE-punten"
    assert {"PMI – Ways of Working", "PMI – Power Skills", "PMI – Business Acumen"} <= set(schemes)

    study_day = EventPage.objects.get(slug="studiedag-opgave-sturing")
    assert [slot.title for slot in study_day.programme.all() if slot.is_break] == ["Lunch"]
    assert study_day.learning_hours() == Decimal("3.75")  # 10:45–15:30 without the lunch hour
    points = {str(scheme): value for scheme, value in study_day.accreditation_points()}
    assert points == {"IPMA": Decimal("4"), "PMI – Power Skills": Decimal("3.75")}
    assert study_day.accreditations.get(scheme__name="IPMA").reference

    member = get_user_model().objects.get(email="lid@veenendaal.nl")
    attended = list(counted_registrations(member).select_related("event"))
    assert len(attended) == 3
    assert all(r.event.end < timezone.now() for r in attended)
    assert any(r.event.accreditations.exists() for r in attended)

    load(settings)
    assert snapshot() == first
