"""The demo's activity calendar: the study day, a season of every kind, the leergang, sign-ups."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events.models import (
    EventIndexPage,
    EventPage,
    EventStatus,
    EventType,
    Form,
    LearningTrackPage,
    Registration,
    RegistrationStatus,
)
from leerhuis.core.models import HomePage, OutboxMessage
from leerhuis.core.themes import Thema
from leerhuis.demo import events as demo_events
from leerhuis.demo.meetings import COLLEAGUES, SEASON
from members.access import Visibility
from tests.core.helpers import calendar_snapshot

pytestmark = pytest.mark.django_db

STUDY_DAY = "studiedag-opgave-sturing"
FULL = "procesregie-zonder-doorzettingsmacht"
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def meeting(slug):
    return EventPage.objects.get(slug=slug)


def test_the_study_day_as_announced(demo):
    day = meeting(STUDY_DAY)
    assert day.title == "Opgave-sturing: het opdrachtgevende niveau versterken"
    assert day.live and day.live_revision_id and day.get_parent().slug == "activiteiten"
    assert "Veenendaal" in day.venue and "Veenendaal" in day.address
    assert timezone.localtime(day.start).strftime("%H:%M") == "10:45"
    programme = [(f"{slot.starts_at:%H:%M}", slot.title) for slot in day.programme.all()]
    assert programme == [
        ("10:45", "Ontvangst"),
        ("11:00", "Presentaties Astrid, Ruud en Aad"),
        ("13:00", "Lunch"),
        ("14:00", "Workshops"),
        ("15:00", "Afronding"),
    ]
    questions = [block.value for block in day.questions]
    assert len(questions) == 10
    assert questions[0] == "Wat is een opgave?"
    assert "Hoe verhoudt een opgave-manager zich tot een lijnmanager?" in questions
    speakers = [
        (s.person.name, s.role_display, s.person.organisation.name) for s in day.speakers.all()
    ]
    assert speakers == [
        ("Astrid van de Klift", "Gemeentesecretaris", "Gemeente Veenendaal"),
        ("Ruud de Smit", "Opgave-manager", "Gemeente Súdwest-Fryslân"),
        ("Aad van Klaveren", "Opgave-manager", "Gemeente Alphen aan den Rijn"),
    ]
    assert "besturingsconcept" in day.goal and "rol van de opgave-manager" in day.goal
    assert "Opgave-managers" in day.audience
    assert day.contact_person.name == "Toin Routers"
    assert {"Opgave-sturing", "Opdrachtgeverschap"} <= {t.name for t in day.themes.all()}
    assert 2 <= day.workshops.count() <= 3
    assert (day.capacity, day.price_non_member, day.price_member) == (80, 195, 0)
    assert day.registration_block() == ""  # open for sign-up


def test_demo_meetings_count_from_the_first_load_and_never_move(settings):
    settings.DEBUG = True
    with time_machine.travel(datetime.datetime(2026, 11, 5, 9, tzinfo=datetime.UTC)):
        call_command("load_demo", "--quiet-logins")
    # Three weeks after Thursday 5 November: Thursday 26 November.
    start = meeting(STUDY_DAY).start.astimezone(AMSTERDAM)
    assert start == datetime.datetime(2026, 11, 26, 10, 45, tzinfo=AMSTERDAM)
    first = calendar_snapshot()
    with time_machine.travel(datetime.datetime(2027, 3, 1, 9, tzinfo=datetime.UTC)):
        call_command("load_demo", "--quiet-logins")
    # Nothing moved, nothing twice: no second meeting, sign-up, account, mail or report.
    assert calendar_snapshot() == first
    assert EventIndexPage.objects.count() == 1
    slugs = list(EventPage.objects.values_list("slug", flat=True))
    # The study day, the season, the modules, and the intervisie group's own meeting.
    assert len(slugs) == len(set(slugs)) == 1 + len(SEASON) + 5 + 1


def test_a_season_of_meetings_of_every_kind(demo):
    calendar = EventIndexPage.objects.get()
    assert calendar.slug == "activiteiten" and calendar.get_parent().specific_class is HomePage
    now = timezone.now()
    upcoming = EventPage.objects.live().upcoming(now)
    assert upcoming.exclude(event_type=EventType.LEERGANG).count() >= 12
    assert set(upcoming.values_list("event_type", flat=True)) == set(EventType.values)
    assert set(upcoming.values_list("form", flat=True)) == set(Form.values)
    regions = set(upcoming.values_list("region", flat=True))
    assert "landelijk" in regions and len(regions - {"landelijk"}) >= 5
    themes = {thema.slug for page in upcoming for thema in page.themes.all()}
    assert {
        "projectmatig-werken",
        "procesregie",
        "programmamanagement",
        "opgave-sturing",
        "wyberen",
        "samenwerking",
    } <= themes
    # Every theme as editors wrote it, with what it is about.
    assert all(thema.description for thema in Thema.objects.all())
    assert "Projectmatig werken" in Thema.objects.values_list("name", flat=True)
    # Months ahead, not all in one week.
    assert upcoming.last().start - upcoming.first().start > datetime.timedelta(weeks=12)
    # Every page published with a revision, as if made in the admin.
    for page in EventPage.objects.all():
        assert page.live and page.live_revision_id, page.slug

    cancelled = upcoming.get(status=EventStatus.GEANNULEERD)
    assert "gaat deze bijeenkomst niet door" in cancelled.status_note
    assert cancelled.registration_block() == "Deze activiteit gaat niet door."
    webinar = upcoming.filter(form=Form.ONLINE, event_type=EventType.WEBINAR).first()
    assert webinar.online_url.startswith("https://meet.leerhuis.example/")
    assert not webinar.venue
    assert upcoming.filter(visibility=Visibility.MEMBERS).count() == 1

    past = EventPage.objects.live().past(now)
    assert past.count() >= 3
    for page in past:
        assert len(page.materials), page.slug
    reports = [
        block.value for page in past for block in page.materials if block.block_type == "document"
    ]
    assert reports
    with reports[0].open_file() as f:
        pdf = f.read()
    # A PDF a reader opens: every object where the cross-reference table says it is.
    assert pdf.startswith(b"%PDF-1.4") and pdf.endswith(b"%%EOF\n")
    xref = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    assert pdf[xref:].startswith(b"xref")
    offsets = [int(o) for o in re.findall(rb"(\d{10}) 00000 n", pdf)]
    for number, offset in enumerate(offsets, 1):
        assert pdf[offset:].startswith(b"%d 0 obj" % number)


def test_one_meeting_is_full_with_colleagues_waiting(demo):
    full = EventPage.objects.with_counts().get(slug=FULL)
    assert full.capacity <= 15
    assert full.confirmed_count == full.capacity
    assert full.waitlist_count >= 3
    waiting = list(full.registrations.waiting_order())
    # Real-looking colleagues of member organisations, linked by their domain.
    for registration in [*full.registrations.all()]:
        assert registration.is_member and registration.price == 0
        assert registration.organisation_name.startswith(("Gemeente ", "Provincie "))
        assert registration.user.has_usable_password() is False
    assert [r.name for r in waiting] == [c.name for c in COLLEAGUES[full.capacity :]]
    # A made-up colleague is never mailed.
    assert not OutboxMessage.objects.filter(to__in=[r.email for r in waiting]).exists()
    assert full.registration_block() == ""  # a newcomer joins the waiting list


def test_the_leergang_has_five_modules(demo):
    track = LearningTrackPage.objects.get(slug="leergang-opgave-sturing")
    assert track.title == "Leergang opgave-sturing" and track.live
    assert track.min_attendance == 4
    sessions = list(track.session_pages())
    assert len(sessions) == 5
    assert {s.event_type for s in sessions} == {EventType.LEERGANG}
    assert [s.title.split(",")[1].split(":")[0] for s in sessions] == [
        f" module {n}" for n in range(1, 6)
    ]
    gaps = [b.start - a.start for a, b in zip(sessions, sessions[1:], strict=False)]
    assert all(gap >= datetime.timedelta(weeks=2) for gap in gaps)


def test_the_demo_member_comes_free_and_the_guest_pays(demo):
    member = Registration.objects.get(event__slug=STUDY_DAY, email="lid@veenendaal.nl")
    assert member.status == RegistrationStatus.CONFIRMED
    assert (member.price, member.is_member) == (0, True)
    assert member.membership_basis.startswith("Gemeente Veenendaal is lid")
    assert member.workshop.page_id == member.event_id

    guest = Registration.objects.get(email="gast@voorbeeld.nl")
    assert guest.status == RegistrationStatus.CONFIRMED
    assert not guest.is_member
    assert guest.price == guest.event.price_non_member > 0
    assert guest.billing_organisation and guest.billing_reference and guest.billing_email
    assert "voorbeeld.nl" in guest.membership_basis

    # Their confirmations wait in the outbox; nobody else is mailed.
    assert set(OutboxMessage.objects.values_list("to", flat=True)) == {
        "lid@veenendaal.nl",
        "gast@voorbeeld.nl",
    }
    # The member also came to meetings that are over, and was checked in.
    attended = Registration.objects.filter(email="lid@veenendaal.nl", checked_in_at__isnull=False)
    assert attended.count() == 3
    for registration in attended:
        assert registration.event.end < timezone.now()
        assert registration.created_at < registration.event.start


def test_demo_dates_keep_out_of_the_holidays_whatever_the_first_day():
    """Whatever day `make run` first runs: meetings on their weekday, none at Christmas or
    in high summer, the past ones past, the modules in order two weeks apart or more."""
    for offset in range(366):
        first_load = datetime.date(2026, 1, 1) + datetime.timedelta(days=offset)
        for spec in [demo_events._study_day(), *SEASON, *demo_events._modules(first_load)]:
            weeks, weekday, begins, _ends = spec["at"]
            day = timezone.localdate(demo_events.moment(first_load, weeks, weekday, begins))
            assert day.weekday() == weekday
            assert not demo_events._in_holidays(day), (first_load, spec["slug"])
            assert (day > first_load) == (weeks > 0), (first_load, spec["slug"])
        modules = [spec["at"][0] for spec in demo_events._modules(first_load)]
        assert all(b - a >= 2 for a, b in zip(modules, modules[1:], strict=False))


def test_loading_needs_no_worker(settings, django_capture_on_commit_callbacks):
    """With the database task backend and no worker running, the load still completes; the
    two confirmations wait in the outbox for the worker (or `send_outbox`)."""
    from django_tasks_db.models import DBTaskResult

    settings.DEBUG = True
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--quiet-logins")
    unsent = OutboxMessage.objects.filter(sent_at__isnull=True)
    assert sorted(unsent.values_list("to", flat=True)) == ["gast@voorbeeld.nl", "lid@veenendaal.nl"]
    assert DBTaskResult.objects.filter(task_path__endswith="send_outbox_message").exists()
    # What the worker or the cron job sends: those two, to nobody else.
    call_command("send_outbox")
    assert sorted(m.to[0] for m in mail.outbox) == ["gast@voorbeeld.nl", "lid@veenendaal.nl"]
