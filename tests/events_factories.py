"""Factories for meetings and registrations, shared by the tests of events/."""

import datetime

import factory
import time_machine
import wagtail_factories
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from events.models import (
    EventIndexPage,
    EventPage,
    LearningTrackPage,
    Registration,
    RegistrationStatus,
)
from leerhuis.core.models import HomePage
from leerhuis.core.themes import Thema
from tests.factories import OrganisationFactory, StaffFactory, UserFactory


def calendar_page():
    """The one /activiteiten/ page, made under the home page when it is not there yet."""
    existing = EventIndexPage.objects.first()
    if existing:
        return existing
    home = HomePage.objects.get()
    page = EventIndexPage(title="Activiteiten", slug="activiteiten", intro="Alle activiteiten.")
    home.add_child(instance=page)
    return page


def in_days(days, hour=10, minute=0):
    """An aware moment `days` from today at hh:mm Amsterdam time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class EventPageFactory(wagtail_factories.PageFactory):
    """A meeting three weeks from now, 10:00–16:00 on location, 20 places, € 95 for others."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    slug = factory.Sequence(lambda n: f"bijeenkomst-{n}")
    intro = "Een middag over opgave-sturing."
    start = factory.LazyFunction(lambda: in_days(21, 10))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=6))
    venue = "Stadhuis Veenendaal"
    address = "Raadhuisplein 1, 3901 GA Veenendaal"
    capacity = 20
    price_non_member = 95
    parent = factory.LazyFunction(calendar_page)


class LearningTrackPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LearningTrackPage

    title = factory.Sequence(lambda n: f"Leergang {n}")
    slug = factory.Sequence(lambda n: f"leergang-{n}")
    intro = "Vijf modules over opgave-sturing."
    min_attendance = 3
    price_non_member = 450
    parent = factory.LazyFunction(calendar_page)


def member(**kwargs):
    """A verified account of a member municipality."""
    org = OrganisationFactory()
    domain = org.domains.get().domain
    return UserFactory(email=kwargs.pop("email", None) or f"{_next()}@{domain}", **kwargs)


def guest(**kwargs):
    """A verified account whose organisation is not a member."""
    org = OrganisationFactory(member=False)
    domain = org.domains.get().domain
    return UserFactory(email=kwargs.pop("email", None) or f"{_next()}@{domain}", **kwargs)


_counter = iter(range(10**9))


def _next():
    return f"persoon{next(_counter)}"


def themes(*names):
    """Themes of the vocabulary by name, made where missing."""
    return Thema.objects.named(*names)


def attend(registration, by=None):
    """Check someone in at the door: an hour into the meeting, as the organiser `by` (a
    superuser when not given). Returns the registration."""
    from events import services

    with time_machine.travel(registration.event.start + datetime.timedelta(hours=1), tick=False):
        return services.check_in(registration, by or StaffFactory())


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration, made directly (no mail, no capacity check)."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventPageFactory)
    user = factory.SubFactory(UserFactory)
    name = factory.LazyAttribute(lambda o: o.user.full_name if o.user else "Oud account")
    email = factory.LazyAttribute(lambda o: o.user.email if o.user else "")
    status = RegistrationStatus.CONFIRMED


THEMES = ["Opgave-sturing", "Wonen", "Zorg", "Mobiliteit"]


def tree_step(number):
    """The last step of a tree path, as Wagtail's pages write it (`Page.steplen` digits of
    `Page.alphabet`): 1 → "0001", 36 → "0010"."""
    digits = ""
    while number:
        number, digit = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    return digits.rjust(Page.steplen, Page.alphabet[0])


def step_of(path):
    return int(path[-Page.steplen :], len(Page.alphabet))


def bulk_meetings(count, offset=0, vary=lambda n: {}):
    """`count` more live meetings for query-count tests, written in bulk as `loaddata`
    would: the Page rows in one statement, each EventPage row deserialised and saved raw
    (as fixtures are), and every other one with two of THEMES. `vary(n)` gives the fields
    of meeting n (its start, status, visibility, …); a meeting lasts three hours."""
    parent = calendar_page()
    parent.refresh_from_db()
    last = parent.get_children().order_by("path").last()
    step = step_of(last.path) if last else 0
    depth = parent.depth + 1
    content_type = ContentType.objects.get_for_model(EventPage)
    now = timezone.now()
    pages = []
    for i, n in enumerate(range(offset, offset + count), start=1):
        slug = f"opgeslagen-{n}"
        fields = {"start": in_days(n % 365, 10), **vary(n)}
        pages.append(
            EventPage(
                title=f"Opgeslagen {n}",
                draft_title=f"Opgeslagen {n}",
                slug=slug,
                path=parent.path + tree_step(step + i),
                depth=depth,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                locale_id=parent.locale_id,
                live=True,
                first_published_at=now,
                last_published_at=now,
                intro="Een middag.",
                end=fields["start"] + datetime.timedelta(hours=3),
                venue="Stadhuis",
                **fields,
            )
        )
    page_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create(
        Page(**{name: getattr(page, name) for name in page_fields}) for page in pages
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    for stored in serializers.deserialize("python", serializers.serialize("python", pages)):
        stored.save(save_m2m=False)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    tags = themes(*THEMES)
    links = EventPage.themes.through
    links.objects.bulk_create(
        links(eventpage=page, thema=tag)
        for n, page in enumerate(pages)
        if n % 2 == 0
        for tag in (tags[0], tags[1 + n % 3])
    )
    return pages
