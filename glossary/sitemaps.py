from django.contrib.sitemaps import Sitemap

from glossary.models import Concept


class ConceptSitemap(Sitemap):
    """Every published begrip, withdrawn ones too: they stay online so old links work."""

    changefreq = "monthly"

    def items(self):
        return Concept.objects.live().only("slug", "last_published_at").order_by("sort_key")

    def lastmod(self, concept):
        return concept.last_published_at

    def location(self, concept):
        return concept.get_absolute_url()
