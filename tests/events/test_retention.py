"""Retention (AVG): dietary and accessibility answers go a set time after the meeting."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from events.models import RegistrationStatus
from tests.events_factories import EventPageFactory, RegistrationFactory, member

pytestmark = pytest.mark.django_db
ENDED = datetime.datetime(2026, 3, 10, 16, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))


def purge(on):
    out = io.StringIO()
    with time_machine.travel(on, tick=False):
        call_command("purge_registration_answers", stdout=out)
    return out.getvalue()


@pytest.fixture
def answered():
    event = EventPageFactory(start=ENDED - datetime.timedelta(hours=6), end=ENDED)
    return RegistrationFactory(
        event=event,
        user=member(),
        dietary="vegetarisch, geen noten",
        accessibility="rolstoeltoegankelijke zaal",
        on_attendee_list=True,
    )


def test_answers_stay_for_29_days_and_go_after_31(answered):
    later = RegistrationFactory(
        event=EventPageFactory(start=ENDED + datetime.timedelta(days=20)),
        user=member(),
        dietary="halal",
    )

    assert (
        purge(ENDED + datetime.timedelta(days=29))
        == "Antwoorden van 0 aanmelding(en) verwijderd.\n"
    )
    answered.refresh_from_db()
    assert answered.dietary and answered.accessibility and answered.answers_purged_at is None

    assert (
        purge(ENDED + datetime.timedelta(days=31))
        == "Antwoorden van 1 aanmelding(en) verwijderd.\n"
    )
    answered.refresh_from_db()
    assert answered.dietary == "" and answered.accessibility == ""
    assert answered.answers_purged_at == ENDED + datetime.timedelta(days=31)
    # What the registration is for stays: who came, and on the attendee list or not.
    assert answered.status == RegistrationStatus.CONFIRMED and answered.on_attendee_list
    later.refresh_from_db()
    assert later.dietary == "halal"


def test_purging_again_changes_nothing(answered):
    purge(ENDED + datetime.timedelta(days=31))

    assert purge(ENDED + datetime.timedelta(days=40)).startswith("Antwoorden van 0 ")
    answered.refresh_from_db()
    assert answered.answers_purged_at == ENDED + datetime.timedelta(days=31)


@override_settings(EVENTS_ANSWERS_RETENTION_DAYS=7)
def test_the_retention_period_is_a_setting(answered):
    assert purge(ENDED + datetime.timedelta(days=6)).startswith("Antwoorden van 0 ")
    assert purge(ENDED + datetime.timedelta(days=8)).startswith("Antwoorden van 1 ")
