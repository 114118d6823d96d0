"""What the load generator asks for: the addresses of the targets, and the sessions of the
members it acts as, made directly in the session store (no login form, no password check).

The sign-up burst gets a meeting of its own with 50 places and 200 members of a member
organisation, each with a session and a CSRF secret of their own.
"""

import datetime
import secrets
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from events.models import EventIndexPage, EventPage, RegistrationStatus
from glossary.models import Concept
from leerhuis.bench import data
from leerhuis.bench.pages import add_pages
from leerhuis.bench.urls import CEILING_PATH
from leerhuis.community.models import Thread
from leerhuis.knowledge.models import ArticlePage
from members.models import Membership, Organisation, User

BURST_PLACES = 50
BURST_MEMBERS = 200
BURST_SLUG = "bench-drukte"
LOGGED_IN_MEMBERS = 16


def session_for(user):
    """A logged-in session of `user`, stored as logging in would store it; its key."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def page_path(page):
    return page.get_url(None)


def _future_meeting():
    """A bench meeting ahead with places left: the meeting page of the targets."""
    now = timezone.now()
    for meeting in EventPage.objects.filter(
        slug__startswith=data.SLUG_PREFIX, start__gt=now
    ).order_by("start")[:50]:
        if not meeting.is_full():
            return meeting
    raise LookupError("Geen komende activiteit met plaats in de meetdata.")


def targets():
    """(name, path, kind) of every page the load asks for; kind decides the goal."""
    meeting = _future_meeting()
    concept = Concept.objects.filter(live=True).order_by("-pk").first()
    article = ArticlePage.objects.live().filter(slug__startswith=data.SLUG_PREFIX).first()
    thread = Thread.objects.filter(slug__startswith=data.SLUG_PREFIX).first()
    feed = "/activiteiten/agenda.ics"
    return [
        ("plafond (kale Django-view)", CEILING_PATH, "ceiling"),
        ("home /", "/", "anonymous"),
        ("/activiteiten/", "/activiteiten/", "anonymous"),
        ("activiteit", page_path(meeting), "anonymous"),
        ("/begrippen/", "/begrippen/", "anonymous"),
        ("begrip", concept.get_absolute_url(), "anonymous"),
        ("/kennisbank/", "/kennisbank/", "anonymous"),
        ("artikel", page_path(article), "anonymous"),
        ("/gesprekken/", "/gesprekken/", "anonymous"),
        ("gesprek", thread.get_absolute_url(), "anonymous"),
        ("zoeken ?q=opgave", "/zoeken/?q=opgave", "search"),
        ("agenda.ics 200", feed, "feed"),
        ("agenda.ics 304", feed, "feed_304"),
        ("lid: activiteit", page_path(meeting), "logged_in"),
        ("lid: Mijn Leerhuis", "/mijn-leerhuis/", "logged_in"),
    ]


@transaction.atomic
def burst_meeting(today=None):
    """The popular meeting: 50 places, free for members, a month ahead, nobody signed up."""
    existing = EventPage.objects.filter(slug=BURST_SLUG).first()
    if existing is not None:
        return existing
    day = (today or timezone.localdate()) + datetime.timedelta(days=30)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(13)))
    meeting = EventPage(
        title="Drukbezochte bijeenkomst: opgave-sturing",
        slug=BURST_SLUG,
        intro="De bijeenkomst waar iedereen tegelijk voor aanmeldt.",
        start=start,
        end=start + datetime.timedelta(hours=3),
        venue="Stadhuis",
        capacity=BURST_PLACES,
        price_non_member=95,
    )
    add_pages(EventIndexPage.objects.get(), [meeting])
    return meeting


def burst_members(count=BURST_MEMBERS):
    """`count` members of one member organisation, made for the burst (never registered)."""
    # A member organisation of the bench data: its domain is the one build_users gives.
    organisation = (
        Organisation.objects.filter(
            domains__domain__endswith=".bench.nl", memberships__isnull=False
        )
        .order_by("pk")
        .first()
    )
    if organisation is None:
        organisation = data.build_organisations(1, start=10_000)[0]
        Membership.objects.get_or_create(
            organisation=organisation, defaults={"valid_from": datetime.date(2020, 1, 1)}
        )
    existing = list(User.objects.filter(email__startswith="piek").order_by("pk")[:count])
    if len(existing) >= count:
        return existing
    return data.build_users(count, [organisation], make_password(data.PASSWORD), prefix="piek")


def logged_in_members(count=LOGGED_IN_MEMBERS):
    return list(User.objects.filter(email__startswith="lid").order_by("pk")[:count])


def build_plan():
    """The JSON document bench.load reads: targets, sessions, the burst."""
    members = logged_in_members()
    if not members:
        raise LookupError("Geen leden in de meetdata; draai eerst bench_data.")
    member_sessions = [session_for(user) for user in members]
    meeting = burst_meeting()
    burst = []
    for user in burst_members():
        burst.append({"session": session_for(user), "csrf": secrets.token_hex(16)})
    return {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "targets": [
            {
                "name": name,
                "path": path,
                "kind": kind,
                "sessions": member_sessions if kind == "logged_in" else [],
            }
            for name, path, kind in targets()
        ],
        "burst": {
            "name": f"aanmeldpiek ({BURST_MEMBERS} leden, {BURST_PLACES} plaatsen)",
            "path": page_path(meeting) + "aanmelden/",
            "event_id": meeting.pk,
            "members": burst,
        },
    }


def burst_outcome(event_id):
    """What the burst left in the database: confirmed, waitlisted, duplicate people."""
    meeting = EventPage.objects.get(pk=event_id)
    active = meeting.registrations.active()
    people = list(active.values_list("user_id", flat=True))
    return {
        "confirmed": active.filter(status=RegistrationStatus.CONFIRMED).count(),
        "waitlisted": active.filter(status=RegistrationStatus.WAITLISTED).count(),
        "duplicates": len(people) - len(set(people)),
    }
