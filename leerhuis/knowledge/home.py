"""Nieuw in de kennisbank: the home page's three newest articles the visitor may see
(hook home_page_sections, registered in wagtail_hooks)."""

from django.utils.translation import gettext_lazy as _

from members.dashboard import Section

from .listing import newest_for
from .models import KnowledgeIndexPage

HOW_MANY = 3


def home_section(request):
    articles = newest_for(request.user, HOW_MANY)
    if not articles:
        return None
    index = KnowledgeIndexPage.objects.live().first()
    return Section(
        title=_("Nieuw in de kennisbank"),
        template="knowledge/includes/home_articles.html",
        context={"articles": articles, "kennisbank_url": index.get_url(request) if index else ""},
        order=20,
        stylesheets=("css/kennisbank.css",),
    )
