"""The conversations in /sitemap.xml: what anyone may read, so only public threads of the
index; never one for logged-in visitors, members or a group, and never one under a page
(its article is in the sitemap already), and never one whose opening a moderator hid."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap

from leerhuis.community.index_views import visible_threads


class ThreadSitemap(Sitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return (
            visible_threads(AnonymousUser())
            .only("slug", "last_activity_at")
            .order_by("-last_activity_at", "-pk")
        )

    def lastmod(self, thread):
        return thread.last_activity_at
