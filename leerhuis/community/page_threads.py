"""A conversation under a page is exactly as open as that page, whenever the page changes.

start_thread copies the page's visibility and group into the thread once; afterwards an
editor may restrict the page, a section above it may close (core's close_descendants and
page_moved write with queryset.update, so no signal tells of each page), the page may move
into a closed section or be taken offline. One rule keeps up: `sync()` brings every page
thread in line with its page in one UPDATE per page model that has a visibility, and a page
that is not live leaves its thread for staff only (Visibility.GROUP without a group, see
members.access.group_field). It runs on Wagtail's page_published, page_unpublished and
post_page_move (connected in CommunityConfig.ready()), after core has closed what sits below.
"""

from django.db.models import Exists, OuterRef, Q, Subquery
from wagtail.models import Page

from leerhuis.community.models import Thread
from leerhuis.core import page_cache
from members.access import Visibility, visibility_models


def sync():
    """Every page thread as open as its page: one UPDATE per page model with a visibility,
    one for the pages that are not live, whatever the number of threads; only threads that
    differ from their page are written, and with no page thread at all one query is all.
    Returns how many threads changed."""
    under_page = Thread.objects.filter(page__isnull=False)
    if not under_page.exists():
        return 0
    changed = 0
    for model in visibility_models(Page):
        page = model._base_manager.filter(pk=OuterRef("page_id"))
        same = page.filter(visibility=OuterRef("visibility"))
        in_line = (Q(group__isnull=True) & Exists(same.filter(group__isnull=True))) | Exists(
            same.filter(group_id=OuterRef("group_id"))
        )
        live = model._base_manager.filter(live=True).values("pk")
        changed += (
            under_page.filter(page_id__in=live)
            .exclude(in_line)
            .update(
                visibility=Subquery(page.values("visibility")[:1]),
                group_id=Subquery(page.values("group_id")[:1]),
            )
        )
    # Offline: only staff (the policy's "group without a group").
    changed += (
        under_page.filter(page__live=False)
        .exclude(visibility=Visibility.GROUP, group__isnull=True)
        .update(visibility=Visibility.GROUP, group=None)
    )
    if changed:
        # Updates send no save signal, and a page rendered since the page's own change may
        # still show the thread as open.
        page_cache.changed()
    return changed


def on_page_changed(sender, **kwargs):
    """Receiver of page_published, page_unpublished and post_page_move: the page (and what
    sits below it, closed by core without signals) may now be for fewer people."""
    sync()


def connect():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(on_page_changed, dispatch_uid="community-page-threads-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="community-page-threads-unpublished")
    post_page_move.connect(on_page_changed, dispatch_uid="community-page-threads-moved")
