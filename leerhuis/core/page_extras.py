"""What the apps above add under a page's own content, through the Wagtail hook
`page_after_content`: `fn(request, page)` returns a members.dashboard.Section or None.

The kennisbank's article and case pages end with `{% page_extras page %}`
(templatetags/page_extras.py), so the conversation under an article comes from the
community without the kennisbank (a lower floor) knowing the community exists. Each section
renders its own template with its own context; its stylesheets are linked beside it.
"""

from wagtail import hooks

HOOK = "page_after_content"


def sections(request, page):
    """The sections the apps offer under `page` for this request, in order."""
    if request is None or page is None or not getattr(page, "pk", None):
        return []  # a preview of a page never saved has nothing under it yet
    found = [fn(request, page) for fn in hooks.get_hooks(HOOK)]
    return sorted((s for s in found if s), key=lambda s: (s.order, s.title))
