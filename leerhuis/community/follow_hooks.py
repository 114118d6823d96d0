"""Wagtail hooks of following (imported by wagtail_hooks): the section "Wat ik volg" in Mijn
Leerhuis, its share of "download mijn gegevens" and of deleting an account, and the
section "Actieve gesprekken" of the weekmail."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks

from leerhuis.community import follow_views
from leerhuis.community.models import Follow, Thread
from leerhuis.community.services import following
from leerhuis.core import digest
from leerhuis.core.formatting import absolute_url
from members.access import visible_to
from members.dashboard import DELETE_HOOK, EXPORT_HOOK, SECTIONS_HOOK, Section

# Follows shown in Mijn Leerhuis; the rest on /mijn-leerhuis/volgen/.
DASHBOARD_FOLLOWS = 10


@hooks.register(SECTIONS_HOOK)
def follow_section(request):
    user = request.user
    if not user.is_authenticated:
        return None
    follows = list(following.follows_of(user)[: DASHBOARD_FOLLOWS + 1])
    return Section(
        title=_("Wat ik volg"),
        template="community/follow/mijn_volgen.html",
        context={
            "rows": follow_views.rows_for(follows[:DASHBOARD_FOLLOWS]),
            "has_more": len(follows) > DASHBOARD_FOLLOWS,
        },
        order=45,
        slug="volgen",
    )


@hooks.register(EXPORT_HOOK)
def export_follows(user):
    follows = Follow.objects.filter(user=user).select_related("thread", "thema", "groep")
    return "volgen", [
        {
            "soort": str(follow_views.KIND_LABELS[following.field_for(f.subject)]),
            "onderwerp": str(f.subject),
            "e-mail": f.get_frequency_display(),
            "volgt_sinds": timezone.localtime(f.created_at).isoformat(),
            "laatst_bekeken": f.seen_at and timezone.localtime(f.seen_at).isoformat(),
        }
        for f in follows.order_by("created_at", "pk")
    ]


@hooks.register(DELETE_HOOK)
def forget_follows(user):
    """The follows go with the account (the foreign key cascades too; this says so)."""
    Follow.objects.filter(user=user).delete()


@hooks.register(digest.HOOK)
def active_threads(user, period):
    """The weekmail's "Actieve gesprekken": the threads with the most new posts in the week,
    of those `user` may see. One query, however many threads."""
    in_week = Q(
        posts__created_at__gte=period.start,
        posts__created_at__lt=period.end,
        posts__hidden_at__isnull=True,
        posts__deleted_at__isnull=True,
    )
    threads = (
        visible_to(user, Thread.objects.shown())
        .annotate(new_posts=Count("posts", filter=in_week))
        .filter(new_posts__gt=0)
        .order_by("-new_posts", "-last_activity_at", "-pk")[: digest.MAX_ITEMS + 1]
    )
    items = [
        digest.DigestItem(
            title=t.title,
            url=absolute_url(t.get_absolute_url()),
            detail=ngettext("%(n)d nieuwe bijdrage", "%(n)d nieuwe bijdragen", t.new_posts)
            % {"n": t.new_posts},
        )
        for t in threads
    ]
    if not items:
        return None
    return digest.DigestSection(
        title=_("Actieve gesprekken"),
        items=items,
        order=50,
        more_url=absolute_url("/gesprekken/"),
        more_label=_("Naar de gesprekken"),
    )
