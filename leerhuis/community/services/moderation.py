"""Moderation: reporting a post, and what a moderator does with it (hide, restore, dismiss).

Each verb has the shape of events' register(): lock the post, decide, write, log and queue
the mail in one transaction, and refuse with a typed ModerationError(message, code) whose
message is Dutch, for the person. Doing a thing twice (a double click, two moderators at
once) changes nothing the second time and sends nothing again.

Who may is asked of leerhuis.community.rules (may_report, is_moderator); every action is
written to Wagtail's log on the post (ModelLogEntry), with the reason in its data, so the
site history in the admin shows who did what, when and why. The author hears of a hide or
a restore by mail, with the reason; the mail's key names the log entry that caused it, so
each decision mails once, and a post hidden again after a restore mails again.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from leerhuis.community import rules
from leerhuis.community.models import Post, Report, Thread
from leerhuis.core import outbox
from leerhuis.core.formatting import absolute_url
from leerhuis.core.sanitise import text_of

REPORTED = "leerhuis.community.report"
HIDDEN = "leerhuis.community.hide"
RESTORED = "leerhuis.community.restore"
DISMISSED = "leerhuis.community.dismiss"

# Dutch labels for the admin's history; moderation_hooks registers them.
LABELS = {
    REPORTED: gettext_lazy("Bijdrage gemeld"),
    HIDDEN: gettext_lazy("Bijdrage verborgen"),
    RESTORED: gettext_lazy("Bijdrage teruggezet"),
    DISMISSED: gettext_lazy("Melding afgewezen"),
}

# The longest explanation of a report (the model's own limit) and reason of a moderator.
EXPLANATION_MAX = Report._meta.get_field("explanation").max_length
REASON_MAX = 2000


class ModerationError(Exception):
    """A moderation verb that cannot go ahead; `code` says why (forbidden, reason, …)."""

    def __init__(self, message, code="invalid"):
        super().__init__(message)
        self.message = str(message)
        self.code = code


def lock_post(pk):
    """The post, read under a row lock held until the transaction ends."""
    return Post.objects.select_for_update(of=("self",)).select_related("thread").get(pk=pk)


def open_report_of(post_pk, reporter):
    """The report `reporter` made of the post that no moderator answered yet, or None."""
    return Report.objects.open().filter(post_id=post_pk, reporter=reporter).first()


def _record(post, action, by, **data):
    return log(
        instance=post,
        action=action,
        user=by,
        title=str(post.thread)[:255],
        data={"post": post.pk, "thread": post.thread_id, **data},
    )


def report(post, reporter, reason, explanation=""):
    """`reporter` reports `post` for `reason` (a Report.Reason). Returns (report, created):
    someone who reported it already and was not answered yet gets their open report back."""
    explanation = (explanation or "").strip()
    if reason not in Report.Reason.values:
        raise ModerationError(_("Kies een reden voor je melding."), "reason")
    if len(explanation) > EXPLANATION_MAX:
        raise ModerationError(
            _("Houd je toelichting korter dan %(max)s tekens.") % {"max": EXPLANATION_MAX},
            "too_long",
        )
    try:
        with transaction.atomic():
            post = lock_post(post.pk)
            if not rules.may_report(reporter, post):
                raise ModerationError(_("Deze bijdrage kun je niet melden."), "forbidden")
            existing = open_report_of(post.pk, reporter)
            if existing is not None:
                return existing, False
            if post.is_hidden:
                raise ModerationError(_("Deze bijdrage is al verborgen."), "hidden")
            created = Report.objects.create(
                post=post, reporter=reporter, reason=reason, explanation=explanation
            )
            _record(
                post,
                REPORTED,
                reporter,
                report=created.pk,
                reason=reason,
                explanation=explanation,
            )
    except IntegrityError:
        # The constraint caught a second open report that slipped past the lock (SQLite
        # without IMMEDIATE transactions, say): answer with the first one.
        existing = open_report_of(post.pk, reporter)
        if existing is None:
            raise
        return existing, False
    return created, True


def _moderator_reason(by, reason):
    if not rules.is_moderator(by):
        raise ModerationError(_("Alleen moderatoren kunnen dit doen."), "forbidden")
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError(_("Geef een reden; de auteur krijgt die te lezen."), "reason")
    if len(reason) > REASON_MAX:
        raise ModerationError(
            _("Houd de reden korter dan %(max)s tekens.") % {"max": REASON_MAX}, "too_long"
        )
    return reason


def hide(post, by, reason, *, now=None):
    """Hide `post` from its thread; its open reports are settled, its author told why.
    Returns (post, changed): hiding what is hidden already changes nothing."""
    reason = _moderator_reason(by, reason)
    now = now or timezone.now()
    with transaction.atomic():
        post = lock_post(post.pk)
        if post.is_hidden:
            return post, False
        post.hidden_at, post.hidden_by, post.hidden_reason = now, by, reason
        post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        # A hidden reply answers nobody: the question is open again (as after a delete).
        Thread.objects.filter(answer=post).update(answer=None)
        settled = list(post.reports.open().values_list("pk", flat=True))
        Report.objects.filter(pk__in=settled).update(
            resolved_at=now, resolved_by=by, outcome=Report.Outcome.VERBORGEN
        )
        entry = _record(post, HIDDEN, by, reason=reason, reports=settled)
        _tell_author(post, "moderation_hidden", _("Je bijdrage is verborgen"), reason, entry)
    return post, True


def restore(post, by, reason):
    """Show a hidden post again; its author is told why. Returns (post, changed)."""
    reason = _moderator_reason(by, reason)
    with transaction.atomic():
        post = lock_post(post.pk)
        if not post.is_hidden:
            return post, False
        hidden_for = post.hidden_reason
        post.hidden_at, post.hidden_by, post.hidden_reason = None, None, ""
        post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        entry = _record(post, RESTORED, by, reason=reason, hidden_reason=hidden_for)
        _tell_author(post, "moderation_restored", _("Je bijdrage is weer zichtbaar"), reason, entry)
    return post, True


def dismiss(report, by, *, now=None):
    """Close a report without acting on the post. Returns (report, changed)."""
    if not rules.is_moderator(by):
        raise ModerationError(_("Alleen moderatoren kunnen dit doen."), "forbidden")
    now = now or timezone.now()
    with transaction.atomic():
        post = lock_post(report.post_id)
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.resolved_at is not None:
            return report, False
        report.resolved_at, report.resolved_by = now, by
        report.outcome = Report.Outcome.AFGEWEZEN
        report.save(update_fields=["resolved_at", "resolved_by", "outcome"])
        _record(post, DISMISSED, by, report=report.pk, reason=report.reason)
    return report, True


def _tell_author(post, template, subject, reason, entry):
    author = post.author
    if author is None or not author.email:
        return
    outbox.queue(
        key=f"community.{template}:post-{post.pk}:log-{entry.pk}",
        to=author.email,
        subject=str(subject),
        template=f"community/mail/{template}",
        context={
            "name": author.get_full_name() or author.email,
            "thread_title": post.thread.title,
            "thread_url": absolute_url(post.thread.get_absolute_url()),
            "excerpt": excerpt(post.body),
            "reason": reason,
            "subject": str(subject),
        },
    )


def excerpt(body, length=300):
    """The words of a post, shortened, for a mail or a list of reports."""
    text = " ".join(text_of(body).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
