"""Main menu and footer links, on every page.

Which pages they list changes only when pages change, so the list (with each page's
visibility) is kept in the shared cache under a version that any page change replaces
(leerhuis.core.navigation_cache); who may see which entry is decided per request by
can_view, so one cached list serves every visitor and shows each only what is theirs.
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from leerhuis.core import navigation_cache
from leerhuis.core.models import StandardPage
from members.access import Visibility, can_view

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


# Views of the site itself (not pages) that belong beside the pages in menu and footer.
MENU_VIEWS = [
    ("begrippen", _("Begrippen")),
    ("gesprekken", _("Gesprekken")),
    ("groepen", _("Groepen")),
    ("leden", _("Leden")),
]
FOOTER_VIEWS = [("bestuur", _("Bestuur"))]


def _site_views(views, request):
    path = getattr(request, "path", "")
    items = []
    for name, title in views:
        url = reverse(name)
        current = "page" if path == url else ("true" if path.startswith(url) else "")
        items.append({"url": url, "title": title, "current": current})
    return items


def _current(item_path, current_path):
    """aria-current: "page" on the page itself, "true" on the section you are inside."""
    if item_path == current_path:
        return "page"
    return "true" if current_path.startswith(item_path) else ""


def _entries(pages, request):
    return [
        navigation_cache.Entry(
            url=page.get_url(request),
            title=page.title,
            path=page.path,
            # A page type without the fields is for everyone (as visible_to treats it).
            visibility=getattr(page, "visibility", Visibility.PUBLIC),
            group_id=getattr(page, "group_id", None),
        )
        for page in pages
    ]


def _build(root, request):
    # .specific(): the visibility and group live on each page type's own table.
    menu = root.get_children().live().in_menu().specific()
    footer = StandardPage.objects.live().child_of(root).filter(show_in_footer=True)
    return {"menu": _entries(menu, request), "footer": _entries(footer.order_by("path"), request)}


def _listed(kind, root, request):
    """The entries of the menu or the footer that this visitor may see."""
    lists = navigation_cache.entries(request, root, lambda: _build(root, request))
    user = getattr(request, "user", None)
    return [entry for entry in lists[kind] if can_view(user, entry)]


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return {"menu_items": []}
    current_path = getattr(context.get("page"), "path", "") or ""
    items = [
        {"url": entry.url, "title": entry.title, "current": _current(entry.path, current_path)}
        for entry in _listed("menu", root, request)
    ]
    return {"menu_items": items + _site_views(MENU_VIEWS, request), "request": request}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return {"footer_pages": []}
    items = [{"url": e.url, "title": e.title} for e in _listed("footer", root, request)]
    return {"footer_pages": _site_views(FOOTER_VIEWS, request) + items, "request": request}
