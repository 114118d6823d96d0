"""Factories for the development record (events/development/), shared by its tests."""

import datetime
from decimal import Decimal

import factory

from events.models import AccreditationScheme, EventAccreditation, ExternalLearning
from tests.events_factories import EventPageFactory, RegistrationFactory, attend
from tests.factories import UserFactory

# The smallest file that starts the way a PDF does: what a proof upload checks.
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"


class SchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccreditationScheme
        django_get_or_create = ("name", "category")

    name = "IPMA"
    unit = "PE-punten"
    category = ""


def pmi(category=""):
    return SchemeFactory(name="PMI", unit="PDU", category=category)


def accredit(event, scheme=None, points="3"):
    """`event` earns `points` in `scheme` (IPMA when not given)."""
    return EventAccreditation.objects.create(
        page=event, scheme=scheme or SchemeFactory(), points=Decimal(points)
    )


def attended(user, event=None, **event_fields):
    """`user` was at `event` (a past meeting of three hours when not given), checked in.
    Returns the registration."""
    if event is None:
        event_fields.setdefault("start", _days_ago(30))
        event_fields.setdefault("end", event_fields["start"] + datetime.timedelta(hours=3))
        event = EventPageFactory(**event_fields)
    return attend(RegistrationFactory(event=event, user=user))


def _days_ago(days):
    from tests.events_factories import in_days

    return in_days(-days, 10)


class ExternalLearningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExternalLearning

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Cursus risicomanagement {n}")
    organiser = "Academie voor Overheidsmanagement"
    date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=10))
    hours = Decimal("8")
