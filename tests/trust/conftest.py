"""Hypothesis for the trust tests: a fixed seed and a bounded number of examples, so CI runs
the same inputs every time and in bounded time.

`derandomize=True` draws examples from the test's own name instead of a random seed, and
no example database is kept between runs: a run is repeatable on any machine. An example
that once found a fault stays as an `@example` on its test. Function-scoped fixtures (the
database, the client) are shared by a test's examples on purpose: the data is made once
per test, and each example clears the cache itself (allauth's limits live there).
"""

import datetime

import pytest
import time_machine
from hypothesis import HealthCheck, settings

settings.register_profile(
    "trust",
    derandomize=True,
    database=None,
    max_examples=30,
    deadline=None,
    print_blob=False,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
settings.load_profile("trust")


@pytest.fixture
def frozen_clock():
    """The limits count in fixed windows (a minute, an hour): a test that posts many times on
    a busy machine must not straddle two of them."""
    with time_machine.travel(
        datetime.datetime(2026, 3, 10, 10, 0, 5, tzinfo=datetime.UTC), tick=False
    ):
        yield
