"""The home page's sections come from the apps above core, through the Wagtail hook
`home_page_sections`: `fn(request)` returns a members.dashboard.Section or None (the next
meetings, the newest articles, the begrip of the week). Core's home template includes each
section's own template, so it loads no app's template tags."""

from members.dashboard import collect

HOOK = "home_page_sections"


def sections(request):
    return collect(HOOK, request)
