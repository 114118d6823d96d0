"""Extension points for Mijn Leerhuis, so later apps add to it without members/ knowing them.

A Section is also what the home page gathers (leerhuis.core.home, hook `home_page_sections`):
one title, one template with its context, an order, and the stylesheets it needs.

Apps register Wagtail hooks in their wagtail_hooks.py:

- ``mijn_leerhuis_sections``: ``fn(request)`` returns a ``Section`` or None
  (my registrations, my submissions, …).
- ``mijn_leerhuis_export``: ``fn(user)`` returns ``(key, data)`` for "download mijn gegevens".
- ``mijn_leerhuis_export_files``: ``fn(user)`` yields ``(path, bytes)``: files that go into
  the archive (mijn-gegevens.zip) beside gegevens.json (a statement, an uploaded proof).
- ``before_delete_account``: ``fn(user)`` anonymises what must stay when an account goes.
"""

from dataclasses import dataclass, field

from wagtail import hooks

SECTIONS_HOOK = "mijn_leerhuis_sections"
EXPORT_HOOK = "mijn_leerhuis_export"
EXPORT_FILES_HOOK = "mijn_leerhuis_export_files"
DELETE_HOOK = "before_delete_account"


@dataclass
class Section:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100
    slug: str = ""
    stylesheets: tuple = ()


def collect(hook_name, request) -> list[Section]:
    """The sections the apps offer under `hook_name` for this request, in order."""
    found = [fn(request) for fn in hooks.get_hooks(hook_name)]
    return sorted((s for s in found if s), key=lambda s: (s.order, s.title))


def sections(request) -> list[Section]:
    return collect(SECTIONS_HOOK, request)


def exported_by_apps(user) -> dict:
    return dict(fn(user) for fn in hooks.get_hooks(EXPORT_HOOK))


def exported_files_by_apps(user):
    """(path in the archive, bytes) of every file the apps add, as they are made."""
    for fn in hooks.get_hooks(EXPORT_FILES_HOOK):
        yield from fn(user)


def before_delete(user) -> None:
    for fn in hooks.get_hooks(DELETE_HOOK):
        fn(user)
