"""The AVG promises of /privacy/ kept together, through the real views and commands: one
member signs up for a meeting with dietary answers, is checked in, submits a case, writes
in a conversation, follows it and records learning elsewhere. Then

(i)   "download mijn gegevens" holds every category the privacy register lists;
(ii)  as time passes, `manage.py apply_retention` removes what the register says, when it
      says, and nothing else;
(iii) deleting the account anonymises the registration, revokes the calendar address, ends
      every session, and nothing can be downloaded afterwards: the login is gone.
"""

import datetime
import io
import json
import zoneinfo

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from events.models import ExternalLearning, PersonalFeed, Registration
from leerhuis.community.models import Follow, Post
from leerhuis.core import privacy_register
from leerhuis.core.models import OutboxMessage
from leerhuis.knowledge.models import CasePage
from members.models import Affiliation
from tests.community_factories import ThreadFactory
from tests.events_factories import EventPageFactory, attend, member, themes
from tests.factories import PASSWORD
from tests.knowledge.case_helpers import form_data
from tests.knowledge_factories import kennisbank_page

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
SIGN_UP = datetime.datetime(2026, 6, 1, 10, 0, tzinfo=AMSTERDAM)
MEETING_START = datetime.datetime(2026, 6, 8, 10, 0, tzinfo=AMSTERDAM)
MEETING_END = datetime.datetime(2026, 6, 8, 16, 0, tzinfo=AMSTERDAM)
EXPORT = "/mijn-leerhuis/mijn-gegevens/"
DELETE = "/mijn-leerhuis/account-verwijderen/"
DIETARY = "vegetarisch, geen noten"
ACCESSIBILITY = "ringleiding in de zaal"
POST_TEXT = "Bij ons krijgt de opgave-manager een mandaat van het college."
COURSE = "Cursus Agile projectmanagement"


def at(moment):
    return time_machine.travel(moment, tick=False)


def days_after(moment, days):
    return moment + datetime.timedelta(days=days)


def log_in(client, email):
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302, "inloggen mislukt"


@pytest.fixture
def astrid(client, django_capture_on_commit_callbacks):
    """The member, and everything she did on the site, all on 1 June 2026 (the check-in at
    the meeting on 8 June)."""
    user = member(full_name="Astrid van de Klift")
    event = EventPageFactory(
        title="Studiedag opgave-sturing", start=MEETING_START, end=MEETING_END, capacity=40
    )
    thread = ThreadFactory(title="Hoe mandateer je een opgave-manager?")
    theme = themes("Opgave-sturing")[0]
    kennisbank_page()
    with at(SIGN_UP):
        log_in(client, user.email)
        with django_capture_on_commit_callbacks(execute=True):
            signed_up = client.post(
                f"{event.url}aanmelden/",
                {"dietary": DIETARY, "accessibility": ACCESSIBILITY, "on_attendee_list": "on"},
            )
        assert signed_up.status_code == 302
        case = client.post(
            "/kennisbank/casus-indienen/", form_data(theme, actie="indienen", title="Wijk Zuid")
        )
        assert case.status_code == 302
        replied = client.post(f"/gesprekken/{thread.slug}/reageren/", {"tekst": POST_TEXT})
        assert replied.status_code == 302
        client.post(f"/mijn-leerhuis/volgen/gesprek/{thread.slug}/", {"actie": "volgen"})
        learned = client.post(
            "/mijn-leerhuis/ontwikkeling/elders/nieuw/",
            {"title": COURSE, "organiser": "Academie", "date": "2026-05-12", "hours": "12,5"},
        )
        assert learned.status_code == 302
        client.post("/mijn-leerhuis/agenda/", {"actie": "maak"})
    attend(Registration.objects.get(user=user))
    return user


def snapshot(user_pk, email):
    """One value per category of the register: what retention may or may not touch."""
    registration = Registration.objects.get(event__title="Studiedag opgave-sturing")
    logged = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Registration),
        object_id=str(registration.pk),
    )
    return {
        "account": get_user_model().objects.filter(pk=user_pk).exists(),
        "organisatie": Affiliation.objects.filter(user_id=user_pk).exists(),
        "aanmeldingen": (registration.name, registration.email, registration.status),
        "antwoorden": (registration.dietary, registration.accessibility),
        "aanwezigheid": registration.checked_in_at is not None,
        "ontwikkeling": ExternalLearning.objects.filter(user_id=user_pk).count(),
        "gesprekken": Post.objects.filter(author_id=user_pk, body__contains="mandaat").count(),
        "volgen": Follow.objects.filter(user_id=user_pk).count(),
        "praktijkcasussen": CasePage.objects.filter(owner_id=user_pk).count(),
        "sessies": UserSession.objects.filter(user_id=user_pk).count(),
        "e-mails": OutboxMessage.objects.filter(to=email).count(),
        "logboek": logged.count(),
    }


def apply_retention(on):
    out = io.StringIO()
    with at(on):
        call_command("apply_retention", stdout=out)
    return out.getvalue()


def test_export_retention_and_deletion_keep_the_registers_promises(client, astrid):
    register = {c.key: c for c in privacy_register.categories()}

    # (i) The download holds every category the register says it does, with her data.
    # An hour after she did all that: a login lasts 12 hours at most.
    with at(SIGN_UP + datetime.timedelta(hours=1)):
        data = json.loads(client.get(EXPORT).content)
    for category in register.values():
        assert category.export_keys or category.export_note, category.key
        for key in category.export_keys:
            assert key in data, f"{category.key}: {key} ontbreekt in de download"
    registration = data["aanmeldingen"][0]
    assert registration["antwoorden"]["dieetwensen"] == DIETARY
    assert registration["antwoorden"]["toegankelijkheid"] == ACCESSIBILITY
    assert registration["aanwezig"]  # checked in
    assert data["account"]["naam"] == "Astrid van de Klift"
    assert data["organisatie"]["organisatie"]
    assert data["agenda_link"]["actief"] is True
    assert [c["titel"] for c in data["praktijkcasussen"]] == ["Wijk Zuid"]
    assert POST_TEXT in [p["tekst"] for p in data["gesprekken"]]
    assert [f["onderwerp"] for f in data["volgen"]] == ["Hoe mandateer je een opgave-manager?"]
    assert [e["titel"] for e in data["ontwikkeling"]["leren_elders"]] == [COURSE]
    assert data["sessies"] and data["sessies"][0]["ip-adres"]
    assert any("Studiedag opgave-sturing" in m["onderwerp"] for m in data["e-mails"])

    # (ii) Retention: only what the register names, only once its period has passed.
    pk, email = astrid.pk, astrid.email
    start = snapshot(pk, email)
    assert start["antwoorden"] == (DIETARY, ACCESSIBILITY)
    assert all(start.values()), start

    def passes(setting, since, extra=0):
        return days_after(since, getattr(settings, setting) + extra)

    # The day before her session (1 June, used an hour later) expires: nothing goes.
    expires = Session.objects.get().expire_date
    apply_retention(expires - datetime.timedelta(days=1))
    assert snapshot(pk, email) == start
    # Expired: the session goes, with the row holding its IP address and browser.
    apply_retention(expires + datetime.timedelta(minutes=1))
    after_session = snapshot(pk, email)
    assert changed(start, after_session) == {"sessies"}
    assert after_session["sessies"] == 0 and not Session.objects.exists()
    assert register["sessies"].settings_used == ("SESSION_COOKIE_AGE", "SESSION_ABSOLUTE_TIMEOUT")

    # A day before the answers' period ends: nothing more goes.
    apply_retention(passes("EVENTS_ANSWERS_RETENTION_DAYS", MEETING_END, -1))
    assert snapshot(pk, email) == after_session
    # The answers' period over: the answers go, the registration itself stays.
    printed = apply_retention(passes("EVENTS_ANSWERS_RETENTION_DAYS", MEETING_END, 1))
    assert "antwoorden bij aanmeldingen: 1 verwijderd" in printed
    after_answers = snapshot(pk, email)
    assert changed(after_session, after_answers) == {"antwoorden"}
    assert after_answers["antwoorden"] == ("", "")
    assert register["antwoorden"].settings_used == ("EVENTS_ANSWERS_RETENTION_DAYS",)

    # The mails' period over: the confirmation goes from the outbox, nothing else.
    apply_retention(passes("OUTBOX_RETENTION_DAYS", SIGN_UP, -1))
    assert snapshot(pk, email) == after_answers
    apply_retention(passes("OUTBOX_RETENTION_DAYS", SIGN_UP, 1))
    after_mail = snapshot(pk, email)
    assert changed(after_answers, after_mail) == {"e-mails"}
    assert after_mail["e-mails"] == 0

    # Two years on: the registration's history (checked in) goes from the log; that she was
    # there stays, as the register says.
    check_in = days_after(MEETING_START, 0)
    apply_retention(passes("AUDIT_LOG_RETENTION_DAYS", check_in, -1))
    assert snapshot(pk, email) == after_mail
    apply_retention(passes("AUDIT_LOG_RETENTION_DAYS", check_in, 1))
    after_log = snapshot(pk, email)
    assert changed(after_mail, after_log) == {"logboek"}
    assert after_log["aanwezigheid"] is True

    # (iii) She deletes her account, logged in on two devices. Two new browsers: the old
    # one's session is gone from the database, but Redis, whose clock time_machine does not
    # move, would still hand out its cached copy.
    now = passes("AUDIT_LOG_RETENTION_DAYS", check_in, 2)
    client, other_device = type(client)(), type(client)()
    with at(now):
        log_in(client, email)
        log_in(other_device, email)
        token = PersonalFeed.issue(astrid).token
        assert client.get(f"/mijn-leerhuis/agenda/{token}.ics").status_code == 200
        client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        response = client.post(DELETE, {"confirm": "on"})
        assert response.status_code == 302 and response["Location"] == "/"

        registration = Registration.objects.get(event__title="Studiedag opgave-sturing")
        assert registration.user_id is None and registration.email == ""
        assert "Astrid" not in registration.name
        assert registration.checked_in_at is not None  # the meeting's figures stay right
        assert not PersonalFeed.objects.exists()
        assert client.get(f"/mijn-leerhuis/agenda/{token}.ics").status_code == 404
        assert not UserSession.objects.filter(user_id=pk).exists()
        for device in (client, other_device):
            answer = device.get(EXPORT)
            assert answer.status_code == 302 and answer["Location"].startswith("/accounts/login/")
        refused = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
        assert refused.status_code == 200  # the form again: no such account
        assert client.get(EXPORT).status_code == 302
        gone = snapshot(pk, email)
        assert not gone["account"] and not gone["organisatie"] and gone["sessies"] == 0
        assert gone["ontwikkeling"] == 0 and gone["volgen"] == 0


def changed(before, after):
    return {key for key in before if before[key] != after[key]}
