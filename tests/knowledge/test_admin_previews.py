"""The editor's preview of an article and of a praktijkcasus is the real page, drawn from
the form as it stands, and saves nothing."""

import pytest

from leerhuis.knowledge.models import ArticlePage, CasePage
from tests.events.helpers.page_editor import edit_url, form_data
from tests.factories import StaffFactory
from tests.knowledge.case_helpers import submitted_case
from tests.knowledge_factories import article

pytestmark = pytest.mark.django_db

NEW_TITLE = "Een titel die nog niemand zag"


def preview(client, page, **changes):
    """Post the edit form with `changes` to the preview, and return the page it draws."""
    data = {**form_data(client.get(edit_url(page)).content.decode()), **changes}
    url = f"{edit_url(page)}preview/"
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_article_preview_is_the_page_a_reader_gets_with_the_edits(admin_client_with_mfa):
    page = article(title="Sturen op de opgave", intro="Wie is eigenaar van de opgave?")

    html = preview(admin_client_with_mfa, page, title=NEW_TITLE)

    assert f"<h1>{NEW_TITLE}</h1>" in html
    assert "Wie is eigenaar van de opgave?" in html
    assert '<html lang="nl"' in html
    assert 'href="/bestuur/"' in html  # the site's own footer: a whole page, not a fragment
    assert ArticlePage.objects.get(pk=page.pk).title == "Sturen op de opgave"


def test_a_case_preview_shows_the_moderator_the_case_as_it_would_be_published(
    admin_client_with_mfa,
):
    case = submitted_case(StaffFactory(is_staff=False, is_superuser=False))

    html = preview(admin_client_with_mfa, case, title=NEW_TITLE)

    assert f"<h1>{NEW_TITLE}</h1>" in html
    assert "De wijk Zuid vroeg om meer dan losse projecten." in html
    assert "Regel het mandaat vooraf." in html
    stored = CasePage.objects.get(pk=case.pk)
    assert stored.title != NEW_TITLE
    assert not stored.live
