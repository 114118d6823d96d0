"""The demo's three praktijkcasussen: one published, one waiting for the redactie, and the
demo member's own sent back with a question; loaded once, without sending any mail."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from leerhuis.core.models import OutboxMessage
from leerhuis.knowledge import cases
from leerhuis.knowledge.models import CasePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    settings.DEBUG = False


def test_the_three_cases_stand_where_the_story_needs_them(demo, client):
    by_state = {cases.state_of(case).code: case for case in CasePage.objects.all()}
    assert sorted(by_state) == ["gepubliceerd", "ingediend", "wijzigingen"]
    published = by_state["gepubliceerd"]
    page = client.get(published.url).content.decode()
    assert "Jelle Hoekstra" in page and "Gemeente Súdwest-Fryslân" in page
    assert "Leg het mandaat vast" in page
    assert published.title in client.get("/kennisbank/?type=praktijkcasus").content.decode()
    assert by_state["wijzigingen"].owner.email == "lid@veenendaal.nl"
    assert not by_state["ingediend"].live and not by_state["wijzigingen"].live


def test_the_demo_member_sees_the_redactie_question_and_can_revise(demo, client):
    client.force_login(get_user_model().objects.get(email="lid@veenendaal.nl"))
    page = client.get("/mijn-leerhuis/").content.decode()
    assert "De redactie vraagt om wijzigingen" in page
    assert "concreter maken wat het heeft opgeleverd" in page
    assert "Wijzigen en opnieuw indienen" in page


def test_a_second_load_changes_nothing_and_no_case_mail_is_sent(demo, settings):
    counts = (CasePage.objects.count(), OutboxMessage.objects.count())
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    assert (CasePage.objects.count(), OutboxMessage.objects.count()) == counts
    assert not OutboxMessage.objects.filter(key__startswith="casus:").exists()
    assert not [m for m in mail.outbox if "casus" in m.subject.lower()]
