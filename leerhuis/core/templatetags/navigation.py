from django import template
from wagtail.models import Site

from leerhuis.core.models import StandardPage
from members.access import visible_to

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


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
    return {
        "menu_items": [
            {"page": page, "current": _current(page.path, current_path)} for page in pages
        ],
        "request": request,
    }


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return {"footer_pages": []}
    pages = visible_to(
        request.user, StandardPage.objects.live().child_of(root).filter(show_in_footer=True)
    )
    return {"footer_pages": list(pages.order_by("path")), "request": request}
