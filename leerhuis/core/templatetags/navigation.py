from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from leerhuis.core.models import StandardPage
from members.access import visible_to

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


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return {"menu_items": []}
    current_path = getattr(context.get("page"), "path", "") or ""
    pages = visible_to(getattr(request, "user", None), root.get_children().live().in_menu())
    items = [
        {
            "url": page.get_url(request),
            "title": page.title,
            "current": _current(page.path, current_path),
        }
        for page in pages
    ]
    return {"menu_items": items + _site_views(MENU_VIEWS, request), "request": request}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return {"footer_pages": []}
    pages = visible_to(
        request.user, StandardPage.objects.live().child_of(root).filter(show_in_footer=True)
    )
    items = [{"url": page.get_url(request), "title": page.title} for page in pages.order_by("path")]
    return {"footer_pages": _site_views(FOOTER_VIEWS, request) + items, "request": request}
