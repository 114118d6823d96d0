import datetime

import pytest
import time_machine


@pytest.fixture
def frozen_clock():
    """The limits count in fixed windows (a minute, an hour): a test that posts many times on
    a busy machine must not straddle two of them."""
    with time_machine.travel(
        datetime.datetime(2026, 3, 10, 10, 0, 5, tzinfo=datetime.UTC), tick=False
    ):
        yield
