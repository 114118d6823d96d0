from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from leerhuis.core import home, search_types
from leerhuis.knowledge.home import home_section
from leerhuis.knowledge.models import ArticlePage, KnowledgeIndexPage

hooks.register(home.HOOK, home_section)


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
