"""One open report per person per post, and one hide per decision, under load on PostgreSQL.

Threads with their own connections start together on a barrier, so their transactions
overlap; SQLite serialises writers, so these races only exist on PostgreSQL. The control
takes the row lock away and shows that the database constraint is then what keeps one
report, and that the verb still answers everyone with it.
"""

import pytest
from django.db import connection

from leerhuis.community.models import Post, Report
from leerhuis.community.services import moderation
from leerhuis.core.models import OutboxMessage
from tests.community.moderation_support import (  # noqa: F401 (fixture)
    member,
    member_org,
    moderator,
)
from tests.community_factories import PostFactory, ThreadFactory
from tests.races import run_together

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="races need a database with row locks"
    ),
]


@pytest.fixture
def post():
    import importlib

    from django.apps import apps

    importlib.import_module(
        "leerhuis.community.migrations.0002_moderatie_group"
    ).create_moderators_group(apps)
    member_org()
    return PostFactory(thread=ThreadFactory(), author=member("auteur"))


def test_ten_clicks_at_once_make_one_report(post):
    reporter = member("melder")

    results, errors = run_together(
        [lambda: moderation.report(post, reporter, Report.Reason.ONGEPAST)] * 10
    )

    assert errors == []
    assert Report.objects.count() == 1
    assert {report.pk for report, _created in results} == {Report.objects.get().pk}
    assert sum(created for _report, created in results) == 1


def test_without_the_lock_the_constraint_still_keeps_one_report(post, monkeypatch):
    reporter = member("melder")
    monkeypatch.setattr(
        moderation, "lock_post", lambda pk: Post.objects.select_related("thread").get(pk=pk)
    )

    results, errors = run_together(
        [lambda: moderation.report(post, reporter, Report.Reason.ONGEPAST)] * 10
    )

    assert errors == []
    assert Report.objects.count() == 1
    assert {report.pk for report, _created in results} == {Report.objects.get().pk}


def test_two_moderators_hiding_at_once_mail_the_author_once(post):
    first, second = moderator("een"), moderator("twee")

    results, errors = run_together(
        [
            lambda: moderation.hide(post, first, "Ongepast."),
            lambda: moderation.hide(post, second, "Scheldwoord."),
        ]
    )

    assert errors == []
    assert sorted(changed for _post, changed in results) == [False, True]
    assert OutboxMessage.objects.count() == 1
