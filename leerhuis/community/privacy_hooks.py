"""What the community holds of a person, in "download mijn gegevens", and what stays when
an account goes: posts stay in their threads without a name (the conversation keeps its
shape, replies that quote them still make sense); reports and follows go with the account."""

from django.utils import timezone
from wagtail import hooks

from leerhuis.community.models import Post, Report
from leerhuis.core.sanitise import text_of
from members.dashboard import DELETE_HOOK, EXPORT_HOOK


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


@hooks.register(EXPORT_HOOK)
def export_posts(user):
    posts = Post.objects.filter(author=user).select_related("thread").order_by("created_at")
    return (
        "gesprekken",
        [
            {
                "gesprek": post.thread.title,
                "adres": post.thread.get_absolute_url(),
                "opening": post.is_opening,
                "tekst": text_of(post.body),
                "geplaatst_op": _iso(post.created_at),
                "bewerkt_op": _iso(post.edited_at),
                "verwijderd_op": _iso(post.deleted_at),
                "verborgen_op": _iso(post.hidden_at),
                "reden_verborgen": post.hidden_reason,
            }
            for post in posts
        ],
    )


@hooks.register(EXPORT_HOOK)
def export_reports(user):
    reports = Report.objects.filter(reporter=user).select_related("post__thread")
    return (
        "meldingen",
        [
            {
                "gesprek": report.post.thread.title,
                "reden": report.get_reason_display(),
                "toelichting": report.explanation,
                "gemeld_op": _iso(report.created_at),
                "uitkomst": report.get_outcome_display() if report.outcome else None,
            }
            for report in reports
        ],
    )


@hooks.register(DELETE_HOOK)
def forget_reports(user):
    """Open reports by the person go: nobody can be asked about them any more."""
    Report.objects.filter(reporter=user).open().delete()
