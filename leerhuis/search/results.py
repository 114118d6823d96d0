"""One search of the site: the live pages and the other sources (begrippen) the visitor may
see, with a count per type, one page of results and, when nothing is found, suggestions.

Pages of every type are searched together: one Wagtail search over `Page.objects.live()`
narrowed by the access policy (`members.access.visible_to`), so a members-only page is never
listed, nor counted, for a visitor who may not read it. The counts per type come from one
facet on the content type; each other source counts itself. What each type is, is declared
by its own app through core's `search_result_types` hook (leerhuis/core/search_types.py), so
the kennisbank's articles get their own type by registering one; until then they are found
under the catch-all "pagina". Costs a fixed number of queries however many pages match.
"""

from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models

from leerhuis.core.listing import ListFilterForm, Listing
from leerhuis.core.search_types import result_types
from leerhuis.search import ranking, snippets
from leerhuis.search.query import MAX_LENGTH, clean_query, search_words
from members.access import visible_to

BOX_SIZE = 3  # results of another source shown beside the pages, when no type is chosen


class QueryField(forms.CharField):
    """Whatever was typed, cleaned rather than refused: a NUL byte or a thousand characters
    still get a page of results for what can be searched."""

    def to_python(self, value):
        return clean_query(super().to_python(value))


class SearchForm(ListFilterForm):
    errors_on_top = ("type",)

    q = QueryField(label=_("Zoekterm"), required=False)
    type = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Die soort resultaten kennen we niet; je ziet alles.")},
    )

    def __init__(self, data=None, *args, types=(), **kwargs):
        if data is not None and "q" in data:
            # The field shows back what is searched, not the thousand characters sent.
            data = data.copy()
            data["q"] = clean_query(data["q"])
        super().__init__(data, *args, **kwargs)
        self.fields["type"].choices = [("", _("alles")), *((t.slug, t.label) for t in types)]
        self.fields["q"].widget.attrs.update(maxlength=MAX_LENGTH)
        self.fields["q"].widget.input_type = "search"


@dataclass
class Result:
    kind: str
    title: str
    url: str
    snippet: str


class SiteSearch(Listing):
    form_class = SearchForm
    parameters = ("q", "type", "page")
    filters = ("type",)
    per_page = 20

    def get_form_kwargs(self):
        return {"types": self.types}

    @cached_property
    def types(self):
        return result_types()

    @cached_property
    def query(self):
        return self.values["q"] or ""

    @cached_property
    def words(self):
        return search_words(self.query)

    @cached_property
    def search_text(self):
        return " ".join(self.words)

    @cached_property
    def selected_type(self):
        return next((t for t in self.types if t.slug == self.values["type"]), None)

    # --- pages ------------------------------------------------------------------------------

    @cached_property
    def _claimed(self):
        """Content type id → the type that names its page model."""
        claimed = {}
        for result_type in self.types:
            if result_type.page_models:
                for content_type in ContentType.objects.get_for_models(
                    *result_type.page_models, for_concrete_models=False
                ).values():
                    claimed.setdefault(content_type.pk, result_type)
        return claimed

    @cached_property
    def _catch_all(self):
        return next((t for t in self.types if t.is_page_type and t.catch_all), None)

    def type_of_page(self, content_type_id):
        return self._claimed.get(content_type_id, self._catch_all)

    @cached_property
    def _visible_pages(self):
        # Narrowing by every page type's visibility is costly to build: once per search.
        return visible_to(self.request.user, Page.objects.live().filter(depth__gt=1))

    def pages(self, result_type=None):
        """The live pages of the site this visitor may read, of one type or of all."""
        pages = self._visible_pages
        if result_type is None:
            return pages
        own = [pk for pk, claimer in self._claimed.items() if claimer is result_type]
        if result_type.catch_all:
            others = [pk for pk, claimer in self._claimed.items() if claimer is not result_type]
            return pages.exclude(content_type__in=others)
        return pages.filter(content_type__in=own)

    # --- counts -----------------------------------------------------------------------------

    @cached_property
    def counts(self):
        """Results per type slug, for the visitor: what they may not see is not counted."""
        counts = dict.fromkeys((t.slug for t in self.types), 0)
        if not self.words:
            return counts
        facet = self.pages().search(self.search_text).facet("content_type_id")
        for content_type_id, count in facet.items():
            result_type = self.type_of_page(content_type_id)
            if result_type is not None:
                counts[result_type.slug] += count
        for result_type in self.types:
            if not result_type.is_page_type:
                counts[result_type.slug] = self.source(result_type).count()
        return counts

    @cached_property
    def total(self):
        return sum(self.counts.values())

    @property
    def type_links(self):
        """ "Alles" and each type with its count; a type with nothing found is left out,
        unless it is the one chosen."""
        current = self.selected_type.slug if self.selected_type else None
        links = [
            {
                "label": _("Alles"),
                "count": self.total,
                "url": self.url(type=None, page=None),
                "current": current is None,
            }
        ]
        for result_type in self.types:
            count = self.counts.get(result_type.slug, 0)
            if count or result_type.slug == current:
                links.append(
                    {
                        "label": result_type.label,
                        "count": count,
                        "url": self.url(type=result_type.slug, page=None),
                        "current": result_type.slug == current,
                    }
                )
        return links

    # --- what is listed ---------------------------------------------------------------------

    def source(self, result_type):
        return result_type.search(self.search_text, self.request.user)

    def get_items(self):
        if not self.words:
            return []
        result_type = self.selected_type
        if result_type is not None and not result_type.is_page_type:
            return self.source(result_type)
        if ranking.applies():
            page_types = ContentType.objects.get_for_models(
                *get_page_models(), for_concrete_models=False
            )
            ids = [content_type.pk for content_type in page_types.values()]
            return ranking.RankedPages(self.pages(result_type), self.words, ids)
        return self.pages(result_type).specific().search(self.search_text)

    @cached_property
    def results(self):
        """This page's results, each with its title and snippet marked."""
        return [self.describe(item) for item in self.page_obj.object_list]

    def describe(self, item, result_type=None):
        if result_type is None:
            result_type = self.selected_type
            if isinstance(item, Page):
                result_type = self.type_of_page(item.content_type_id)
        if result_type and result_type.describe:
            text = result_type.describe(item)
        else:
            text = getattr(item, "search_description", "") or getattr(item, "intro", "")
        if isinstance(item, Page):
            title, url = item.title, item.get_url(self.request) or ""
        else:
            title, url = str(item), item.get_absolute_url()
        return Result(
            kind=result_type.name if result_type else "",
            title=snippets.highlight(title, self.words),
            url=url,
            snippet=snippets.snippet(text, self.words),
        )

    @cached_property
    def boxes(self):
        """Beside the pages, on the first page of "alles": the first few results of each
        other source (the begrippen), with a link to all of them."""
        if self.selected_type is not None or not self.words or self.page_obj.number > 1:
            return []
        boxes = []
        for result_type in self.types:
            count = self.counts.get(result_type.slug, 0)
            if result_type.is_page_type or not count:
                continue
            items = self.source(result_type)[:BOX_SIZE]
            boxes.append(
                {
                    "type": result_type,
                    "count": count,
                    "results": [self.describe(item, result_type) for item in items],
                    "url": self.url(type=result_type.slug, page=None),
                }
            )
        return boxes

    # --- when nothing is found --------------------------------------------------------------

    @cached_property
    def suggestions(self):
        if not self.words or self.total:
            return []
        found = []
        for result_type in self.types:
            if result_type.suggest:
                found += result_type.suggest(self.query)
        return found

    @cached_property
    def index_links(self):
        links = []
        for result_type in self.types:
            url = result_type.index_url() if result_type.index_url else ""
            if url:
                links.append({"label": result_type.label, "url": url})
        return links
