from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from leerhuis.core import digest, home, search_types
from leerhuis.knowledge import case_dashboard, cases  # noqa: F401 (dashboard: Mijn Leerhuis hooks)
from leerhuis.knowledge.digest import dashboard, sections  # noqa: F401 (dashboard registers hooks)
from leerhuis.knowledge.home import home_section
from leerhuis.knowledge.models import ArticlePage, CasePage, KnowledgeIndexPage

hooks.register(home.HOOK, home_section)
hooks.register(digest.HOOK, sections.new_articles)
hooks.register(digest.HOOK, sections.new_cases)


def _kennisbank_url():
    kennisbank = KnowledgeIndexPage.objects.live().first()
    return kennisbank.url if kennisbank else ""


def _cases_url():
    url = _kennisbank_url()
    return f"{url}?type=praktijkcasus" if url else ""


@hooks.register(search_types.HOOK)
def search_result_types():
    """Site search shows articles and cases as their own kinds, and points at the
    kennisbank."""
    return [
        search_types.ResultType(
            "artikel",
            _("Artikelen"),
            _("artikel"),
            page_models=(ArticlePage,),
            index_url=_kennisbank_url,
            order=10,
        ),
        search_types.ResultType(
            "praktijkcasus",
            _("Praktijkcasussen"),
            _("praktijkcasus"),
            page_models=(CasePage,),
            index_url=_cases_url,
            order=11,
        ),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    label = _("Praktijkcasus afgewezen")
    actions.register_action(cases.REJECTED, label, label)


@hooks.register("before_serve_document")
def guard_pending_case_upload(document, request):
    """A document sent with a case that is not yet published is its author's and the
    redactie's alone; to anyone else it does not exist."""
    if cases.is_pending_upload(document):
        if not cases.may_download_pending(request.user, document):
            raise Http404
        request.serve_privately = True  # read by core.views.serve_document
    return None
