from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from leerhuis.core import digest, home, search_types
from leerhuis.knowledge.digest import dashboard, sections  # noqa: F401 (dashboard registers hooks)
from leerhuis.knowledge.home import home_section
from leerhuis.knowledge.models import ArticlePage, KnowledgeIndexPage

hooks.register(home.HOOK, home_section)
hooks.register(digest.HOOK, sections.new_articles)
hooks.register(digest.HOOK, sections.new_cases)


def _kennisbank_url():
    kennisbank = KnowledgeIndexPage.objects.live().first()
    return kennisbank.url if kennisbank else ""


@hooks.register(search_types.HOOK)
def search_result_types():
    """Site search shows articles as their own kind, and points at the kennisbank."""
    return [
        search_types.ResultType(
            "artikel",
            _("Artikelen"),
            _("artikel"),
            page_models=(ArticlePage,),
            index_url=_kennisbank_url,
            order=10,
        )
    ]
