"""Addresses no one made (a NUL byte, which PostgreSQL refuses in text) answer the Dutch
400 page (leerhuis/core/bad_input.py), never a 500, for visitors and members alike."""

import pytest

from tests.community.groups_helpers import group
from tests.events_factories import member

pytestmark = pytest.mark.django_db

NUL = "%00"


@pytest.mark.parametrize(
    "path",
    [
        f"/mijn-leerhuis/volgen/stop/{NUL}/",
        f"/mijn-leerhuis/volgen/stop/a{NUL}b/",
        f"/groepen/uitnodiging/{NUL}/",
    ],
)
def test_a_token_with_a_nul_byte_is_refused(client, path):
    assert client.get(path).status_code == 400
    client.force_login(member())
    assert client.get(path).status_code == 400


def test_a_nul_byte_in_a_theme_or_group_is_refused(client):
    client.force_login(member())
    assert client.post(f"/mijn-leerhuis/volgen/thema/x{NUL}/").status_code == 400
    assert client.get(f"/gesprekken/nieuw/?groep=x{NUL}").status_code == 400
    group()
    assert client.get(f"/gesprekken/nieuw/?thema=x{NUL}").status_code == 400
