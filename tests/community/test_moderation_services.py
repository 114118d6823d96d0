"""Reporting a post and what moderators do with it: the verbs, their mails and their log."""

import pytest
from django.db import IntegrityError, transaction
from wagtail.models import ModelLogEntry

from leerhuis.community.models import Post, Report
from leerhuis.community.services import moderation
from leerhuis.community.services.moderation import ModerationError
from leerhuis.core.models import OutboxMessage
from members.access import Visibility
from tests.community.moderation_support import (  # noqa: F401 (fixtures)
    guest,
    member,
    member_org,
    moderator,
)
from tests.community_factories import PostFactory, ReportFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def post():
    member_org()
    thread = ThreadFactory(title="Mandaat van de opgave-manager")
    return PostFactory(
        thread=thread,
        author=member("auteur"),
        body="<p>Wie het niet eens is, is dom.</p>",
    )


def log_of(post, action):
    return ModelLogEntry.objects.filter(object_id=str(post.pk), action=action)


def test_a_reader_reports_a_post_and_it_is_in_the_log_with_the_reason(post):
    reporter = member("melder")

    report, created = moderation.report(post, reporter, Report.Reason.ONGEPAST, " Grof. ")

    assert created
    assert (report.reason, report.explanation, report.resolved_at) == ("ongepast", "Grof.", None)
    entry = log_of(post, moderation.REPORTED).get()
    assert entry.user_id == reporter.pk
    assert entry.data["reason"] == "ongepast"
    assert entry.data["explanation"] == "Grof."


def test_reporting_twice_keeps_one_open_report_and_one_log_entry(post):
    reporter = member("melder")

    first, _ = moderation.report(post, reporter, Report.Reason.ONGEPAST)
    second, created = moderation.report(post, reporter, Report.Reason.RECLAME)

    assert not created
    assert second.pk == first.pk
    assert post.reports.count() == 1
    assert log_of(post, moderation.REPORTED).count() == 1


def test_the_database_refuses_a_second_open_report_of_one_person(post):
    reporter = member("melder")
    ReportFactory(post=post, reporter=reporter)

    with pytest.raises(IntegrityError), transaction.atomic():
        ReportFactory(post=post, reporter=reporter)


def test_a_report_that_slipped_past_the_check_answers_with_the_first(post, monkeypatch):
    """The race: a second request checks before the first one wrote (no lock on SQLite)."""
    reporter = member("melder")
    first = ReportFactory(post=post, reporter=reporter)

    real_lookup = moderation.open_report_of
    looks = []

    def not_written_yet_the_first_time(post_pk, user):
        looks.append(post_pk)
        return None if len(looks) == 1 else real_lookup(post_pk, user)

    monkeypatch.setattr(moderation, "open_report_of", not_written_yet_the_first_time)

    report, created = moderation.report(post, reporter, Report.Reason.ONGEPAST)

    assert not created
    assert report.pk == first.pk
    assert Report.objects.count() == 1


def test_the_author_cannot_report_their_own_post(post):
    with pytest.raises(ModerationError) as refused:
        moderation.report(post, post.author, Report.Reason.ONGEPAST)
    assert refused.value.code == "forbidden"
    assert not Report.objects.exists()


def test_nobody_reports_a_post_in_a_thread_they_may_not_see(post):
    post.thread.visibility = Visibility.MEMBERS
    post.thread.save()

    with pytest.raises(ModerationError) as refused:
        moderation.report(post, guest(), Report.Reason.ONGEPAST)
    assert refused.value.code == "forbidden"


@pytest.mark.parametrize(
    ("reason", "explanation", "code"),
    [("", "", "reason"), ("vals", "", "reason"), ("anders", "x" * 1001, "too_long")],
)
def test_a_report_needs_a_known_reason_and_a_short_explanation(post, reason, explanation, code):
    with pytest.raises(ModerationError) as refused:
        moderation.report(post, member("melder"), reason, explanation)
    assert refused.value.code == code
    assert not Report.objects.exists()


def test_hiding_settles_the_reports_and_tells_the_author_once_with_the_reason(post):
    ReportFactory(post=post, reporter=member("een"))
    ReportFactory(post=post, reporter=member("twee"))
    mod = moderator()

    moderation.hide(post, mod, "Schelden hoort niet in dit gesprek.")
    _, changed = moderation.hide(post, mod, "Nog eens")

    post.refresh_from_db()
    assert not changed
    assert post.is_hidden
    assert (post.hidden_by, post.hidden_reason) == (mod, "Schelden hoort niet in dit gesprek.")
    assert set(post.reports.values_list("outcome", flat=True)) == {Report.Outcome.VERBORGEN}
    assert not Report.objects.open().exists()
    mail = OutboxMessage.objects.get()
    assert mail.to == "auteur@veenendaal.nl"
    assert "Schelden hoort niet in dit gesprek." in mail.text
    assert "Schelden hoort niet in dit gesprek." in mail.html
    assert "Mandaat van de opgave-manager" in mail.text
    entry = log_of(post, moderation.HIDDEN).get()
    assert entry.user_id == mod.pk
    assert entry.data["reason"] == "Schelden hoort niet in dit gesprek."
    assert len(entry.data["reports"]) == 2


def test_restoring_shows_the_post_again_and_tells_the_author_why(post):
    mod = moderator()
    moderation.hide(post, mod, "Persoonsgegevens van een inwoner.")

    moderation.restore(post, mod, "De naam is eruit gehaald.")
    _, changed = moderation.restore(post, mod, "Nog eens")

    post.refresh_from_db()
    assert not changed
    assert not post.is_hidden
    assert post.hidden_reason == ""
    restored = OutboxMessage.objects.get(key__startswith="community.moderation_restored")
    assert "De naam is eruit gehaald." in restored.text
    assert OutboxMessage.objects.count() == 2
    entry = log_of(post, moderation.RESTORED).get()
    assert entry.data["reason"] == "De naam is eruit gehaald."
    assert entry.data["hidden_reason"] == "Persoonsgegevens van een inwoner."


def test_a_post_hidden_again_after_a_restore_mails_its_author_again(post):
    mod = moderator()
    moderation.hide(post, mod, "Eerste keer.")
    moderation.restore(post, mod, "Vergissing.")
    moderation.hide(post, mod, "Tweede keer.")

    hidden = OutboxMessage.objects.filter(key__startswith="community.moderation_hidden")
    assert hidden.count() == 2
    assert "Tweede keer." in hidden.order_by("pk").last().text


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_hiding_or_restoring_needs_a_reason_the_author_can_read(post, reason):
    mod = moderator()
    with pytest.raises(ModerationError):
        moderation.hide(post, mod, reason)
    post.refresh_from_db()
    assert not post.is_hidden
    assert not OutboxMessage.objects.exists()


def test_only_moderators_hide_restore_or_dismiss(post):
    report = ReportFactory(post=post, reporter=member("melder"))
    someone = member("lid2")

    for verb in (
        lambda: moderation.hide(post, someone, "Weg ermee"),
        lambda: moderation.restore(post, someone, "Terug"),
        lambda: moderation.dismiss(report, someone),
    ):
        with pytest.raises(ModerationError) as refused:
            verb()
        assert refused.value.code == "forbidden"
    post.refresh_from_db()
    report.refresh_from_db()
    assert not post.is_hidden
    assert report.resolved_at is None


def test_dismissing_a_report_leaves_the_post_and_is_logged(post):
    report = ReportFactory(post=post, reporter=member("melder"), reason=Report.Reason.RECLAME)
    mod = moderator()

    moderation.dismiss(report, mod)
    _, changed = moderation.dismiss(report, mod)

    report.refresh_from_db()
    post.refresh_from_db()
    assert not changed
    assert (report.outcome, report.resolved_by) == (Report.Outcome.AFGEWEZEN, mod)
    assert not post.is_hidden
    assert not OutboxMessage.objects.exists()
    assert log_of(post, moderation.DISMISSED).get().data["report"] == report.pk


def test_after_a_dismissed_report_the_same_person_may_report_again(post):
    reporter = member("melder")
    first, _ = moderation.report(post, reporter, Report.Reason.RECLAME)
    moderation.dismiss(first, moderator())

    second, created = moderation.report(post, reporter, Report.Reason.ONGEPAST)

    assert created
    assert second.pk != first.pk


def test_a_hidden_post_cannot_be_reported(post):
    moderation.hide(post, moderator(), "Reclame.")
    with pytest.raises(ModerationError) as refused:
        moderation.report(Post.objects.get(pk=post.pk), member("melder"), "reclame")
    assert refused.value.code == "hidden"


def test_the_history_in_the_admin_says_what_happened_and_why(post):
    moderation.report(post, member("melder"), Report.Reason.PERSOONSGEGEVENS)
    moderation.hide(post, moderator(), "Er stond een telefoonnummer in.")

    messages = [e.message for e in ModelLogEntry.objects.filter(object_id=str(post.pk))]

    assert "Bijdrage gemeld: bevat persoonsgegevens" in messages
    assert "Bijdrage verborgen: Er stond een telefoonnummer in." in messages


def test_a_hidden_answer_answers_nobody_and_the_question_is_open_again(post):
    from leerhuis.community.models import Soort, Thread

    Thread.objects.filter(pk=post.thread_id).update(soort=Soort.VRAAG, answer=post)
    moderation.hide(post, moderator(), "Persoonsgegevens.")
    thread = Thread.objects.get(pk=post.thread_id)
    assert thread.answer is None and thread in Thread.objects.open_questions()
