"""Factories for meetings and registrations, shared by the tests of events/."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventIndexPage, EventPage, LearningTrackPage, Registration
from leerhuis.core.models import HomePage
from tests.factories import OrganisationFactory, UserFactory


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


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration, made directly (no mail, no capacity check)."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventPageFactory)
    user = factory.SubFactory(UserFactory)
    name = factory.LazyAttribute(lambda o: o.user.full_name if o.user else "Oud account")
    email = factory.LazyAttribute(lambda o: o.user.email if o.user else "")
    status = Registration.Status.CONFIRMED
