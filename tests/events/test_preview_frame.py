"""The admin shows a meeting's preview in a frame beside the form: the previewed page may be
framed by the admin (its own origin), while the public page still refuses every frame."""

import pytest

from tests.events.helpers.page_editor import edit_url, form_data
from tests.events_factories import EventPageFactory

pytestmark = pytest.mark.django_db


def directive(response, name):
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    return policy[name]


def test_the_preview_may_be_framed_by_the_admin_and_the_page_by_nobody(
    admin_client_with_mfa, client
):
    page = EventPageFactory(title="Studiedag opgave-sturing")
    preview = f"/admin/pages/{page.pk}/edit/preview/"
    data = form_data(admin_client_with_mfa.get(edit_url(page)).content.decode())
    assert admin_client_with_mfa.post(preview, data).json()["is_valid"]

    shown = admin_client_with_mfa.get(preview, {"mode": "", "in_preview_panel": "true"})
    assert "Studiedag opgave-sturing" in shown.content.decode()
    assert directive(shown, "frame-ancestors") == "'self'"
    assert shown["X-Frame-Options"] == "SAMEORIGIN"
    # The previewed page itself stays as strict as the public one: no inline scripts.
    assert directive(shown, "script-src") == "'self'"

    public = client.get(page.url)
    assert directive(public, "frame-ancestors") == "'none'"
    assert public["X-Frame-Options"] == "DENY"
