"""What the community keeps of a person: in their data export, and after their account goes."""

import pytest
from django.contrib.auth import get_user_model

from leerhuis.community.models import Post, Report
from members.privacy import delete_account
from tests.community_factories import PostFactory, ReportFactory, ThreadFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
EXPORT = "/mijn-leerhuis/mijn-gegevens/"


def test_my_export_holds_my_posts_and_reports_and_nobody_elses(client):
    me = UserFactory(full_name="Petra Mulder")
    thread = ThreadFactory(title="Hoe mandateer je een opgave-manager?")
    PostFactory(thread=thread, author=me, body="<p>Via het college, <em>schriftelijk</em>.</p>")
    PostFactory(thread=thread, body="<p>Geheim van een ander-91f</p>")
    ReportFactory(reporter=me, explanation="Noemt een burger bij naam.")
    client.force_login(me)

    data = client.get(EXPORT).json()

    assert [(p["gesprek"], p["tekst"]) for p in data["gesprekken"]] == [
        ("Hoe mandateer je een opgave-manager?", "Via het college, schriftelijk.")
    ]
    assert data["meldingen"][0]["toelichting"] == "Noemt een burger bij naam."
    assert "Geheim van een ander-91f" not in str(data)


def test_posts_stay_in_their_thread_without_a_name_when_the_account_goes():
    me = UserFactory(full_name="Petra Mulder")
    post = PostFactory(author=me)
    open_report = ReportFactory(reporter=me)
    someone_elses = ReportFactory()

    delete_account(me)

    assert not get_user_model().objects.filter(pk=me.pk).exists()
    post.refresh_from_db()
    assert post.author is None and post.body
    assert not Report.objects.filter(pk=open_report.pk).exists()
    assert Report.objects.filter(pk=someone_elses.pk).exists()
    assert Post.objects.filter(pk=post.pk).exists()
