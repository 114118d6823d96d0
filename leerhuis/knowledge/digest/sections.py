"""The kennisbank's share of the weekmail: "Nieuw in de kennisbank" and "Nieuwe
praktijkcasussen", each what was first published in the week and the person may see.

A praktijkcasus is an ArticlePage whose kind is "praktijkcasus" (CasePage extends the
article), so both lists read the article table and tell them apart by kind. One query per
list however many there are, and one per run for
the kennisbank's address.
"""

from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

from leerhuis.core.digest import MAX_ITEMS, DigestItem, DigestSection
from leerhuis.core.formatting import page_url
from leerhuis.knowledge.models import ArticleKind, ArticlePage, KnowledgeIndexPage
from members.access import visible_to

CASE_KIND = ArticleKind.PRAKTIJKCASUS
SUMMARY_CHARS = 240


def _published(user, period):
    return (
        visible_to(user, ArticlePage.objects.live())
        .filter(**period.lookup())
        .select_related("organisation")
        .defer("body")
        .order_by("-first_published_at", "-pk")
    )


def _item(article, detail):
    return DigestItem(
        title=article.title,
        url=page_url(article),
        detail=" · ".join(filter(None, detail)),
        summary=Truncator(article.intro).chars(SUMMARY_CHARS),
    )


def _organisation(article):
    return article.organisation.name if article.organisation_id else ""


def _kennisbank_url():
    kennisbank = KnowledgeIndexPage.objects.live().first()
    return page_url(kennisbank) if kennisbank else ""


def _section(title, items, order, period):
    if not items:
        return None
    return DigestSection(
        title=title,
        items=items,
        order=order,
        more_url=period.shared("kennisbank_url", _kennisbank_url),
        more_label=_("Naar de kennisbank"),
    )


def new_articles(user, period):
    articles = _published(user, period).exclude(kind=CASE_KIND)[: MAX_ITEMS + 1]
    items = [_item(a, [capfirst(a.get_kind_display()), _organisation(a)]) for a in articles]
    return _section(_("Nieuw in de kennisbank"), items, order=20, period=period)


def new_cases(user, period):
    cases = _published(user, period).filter(kind=CASE_KIND)[: MAX_ITEMS + 1]
    items = [_item(c, [_organisation(c)]) for c in cases]
    return _section(_("Nieuwe praktijkcasussen"), items, order=30, period=period)
