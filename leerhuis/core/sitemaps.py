from django.contrib.auth.models import AnonymousUser
from wagtail.contrib.sitemaps import Sitemap

from members.access import visible_to


class PublicSitemap(Sitemap):
    """Wagtail's sitemap knows nothing of visibility; a sitemap is what anyone may read."""

    def items(self):
        return visible_to(AnonymousUser(), super().items())
