import datetime

import pytest
import time_machine

from tests.factories import UserFactory


@pytest.fixture
def mid_year():
    """15 June 2026: a year with room on both sides, so "this year" never tips over."""
    with time_machine.travel(datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def person(client):
    """Someone logged in."""
    user = UserFactory()
    client.force_login(user)
    return user
