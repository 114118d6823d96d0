"""What the site search can find, declared by the apps that own it.

Site search (`leerhuis/search/`) sits on the top floor and could import every app, but then
each new kind of content (the kennisbank's articles, later the community's conversations)
would mean editing search. Instead every app registers its kinds of results through the
Wagtail hook `search_result_types`: `fn()` returns a ResultType (or a list of them). The
declaration lives here, on core's floor, so every app can build one without importing
search; search only reads the hook.

Two sorts of result type:
- page types (`page_models`): searched together, in one Wagtail search over the live pages
  the visitor may see, and told apart by content type; `catch_all` claims every page type
  that no other result type names, so a new page type is findable before anyone registers it.
- other sources (`search`): `fn(query, user)` returns a QuerySet of objects with
  `get_absolute_url()`, already narrowed to what `user` may see (the begrippen).
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

HOOK = "search_result_types"


@dataclass(frozen=True)
class ResultType:
    slug: str  # the value of ?type= (activiteit, leergang, begrip, pagina, artikel, …)
    label: str  # plural, for the type filter: "Activiteiten"
    name: str  # singular, beside each result: "activiteit"
    page_models: tuple = ()
    catch_all: bool = False
    search: Callable | None = None  # fn(query, user) -> QuerySet (sources that are no page)
    # fn(obj) -> plain text for the snippet; pages default to their search description or intro.
    describe: Callable | None = None
    # fn(query) -> [(label, url)]: what the visitor may have meant, when nothing was found.
    suggest: Callable | None = None
    # fn() -> url or "": where to browse this kind of content (the empty state links there).
    index_url: Callable | None = None
    order: int = 100

    @property
    def is_page_type(self):
        return self.search is None


def result_types() -> list[ResultType]:
    """Every registered type, in their order; a slug registered twice counts once."""
    found = {}
    for fn in hooks.get_hooks(HOOK):
        returned = fn()
        for result_type in returned if isinstance(returned, list | tuple) else [returned]:
            if result_type is not None:
                found.setdefault(result_type.slug, result_type)
    return sorted(found.values(), key=lambda t: (t.order, t.slug))
