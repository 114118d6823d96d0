"""A member's cases in "download mijn gegevens" and when the account goes: drafts go with
it, published cases stay in the kennisbank without the author's name."""

import json

import pytest

from leerhuis.knowledge.models import CasePage
from members import dashboard
from tests.events_factories import member, themes
from tests.knowledge.case_helpers import decide, draft_case, moderator, submitted_case
from tests.knowledge_factories import kennisbank_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _kennisbank():
    kennisbank_page()


def test_the_export_holds_my_cases_and_the_redactie_s_comment_not_anothers(client):
    me, other = member(), member()
    case = submitted_case(me, themes("Wonen")[0], title="Mijn casus")
    decide(case, moderator(), "reject", comment="Iets meer over het budget graag.")
    draft_case(other, title="Andermans casus")
    client.force_login(me)
    data = json.loads(client.get("/mijn-leerhuis/mijn-gegevens/").content)
    (row,) = data["praktijkcasussen"]
    assert row["titel"] == "Mijn casus"
    assert row["stand"] == "De redactie vraagt om wijzigingen"
    assert row["opmerking_redactie"] == "Iets meer over het budget graag."
    assert "Regel het mandaat vooraf." in row["lessen"] and "<p>" not in row["lessen"]
    assert "Andermans casus" not in json.dumps(data)


def test_deleting_the_account_removes_drafts_and_the_name_on_published_cases(client):
    me = member(full_name="Bart Vertrekker")
    draft_case(me, title="Half af")
    published = decide(submitted_case(me, themes("Wonen")[0]), moderator(), "approve")
    assert "Bart Vertrekker" in client.get(published.url).content.decode()
    dashboard.before_delete(me)
    me.delete()
    assert list(CasePage.objects.values_list("title", flat=True)) == [published.title]
    page = client.get(published.url).content.decode()
    assert "Bart Vertrekker" not in page
    assert CasePage.objects.get().owner is None
