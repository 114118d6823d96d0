"""The weekmail costs a fixed number of queries per person, however much is new, and the
same for every further person."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leerhuis.core.models import OutboxMessage
from tests.events_factories import member
from tests.factories import OrganisationFactory
from tests.knowledge.digest_helpers import (
    new_article,
    new_case,
    new_meeting,
    on,
    subscribe,
)

pytestmark = pytest.mark.django_db


def news(count, start=0):
    """`count` new articles, cases (each of its own organisation) and meetings."""
    for n in range(start, start + count):
        moment = on(3) + datetime.timedelta(minutes=n)
        org = OrganisationFactory(domain=False, member=False)
        new_article(f"Artikel {n}", published=moment, organisation=org)
        new_case(f"Casus {n}", published=moment, organisation=org)
        new_meeting(f"Bijeenkomst {n}", published=moment, in_days=10 + n)


def queries_of_a_run():
    """The queries of one run, made again from scratch: the week's rows are dropped first."""
    OutboxMessage.objects.all().delete()
    with CaptureQueriesContext(connection) as queries:
        call_command("send_weekly_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert OutboxMessage.objects.count() > 0
    return len(queries)


def test_one_or_twenty_new_items_cost_the_same(clock):
    subscribe(member())
    news(1)
    queries_of_a_run()  # caches that any first request fills (site root paths)
    one = queries_of_a_run()

    news(19, start=1)
    assert queries_of_a_run() == one


def test_every_further_subscriber_costs_the_same_few_queries(clock):
    news(2)
    subscribe(member())
    queries_of_a_run()
    first = queries_of_a_run()
    subscribe(member())
    per_person = queries_of_a_run() - first

    subscribe(*[member() for _ in range(18)])
    assert queries_of_a_run() == first + 19 * per_person
    # One query per section and person: meetings, articles, cases, active conversations.
    assert per_person <= 11, per_person
