"""Fixtures of the core tests: the demo content, loaded."""

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    settings.DEBUG = False
