"""Pages that follow their section's visibility leave a trace: a revision and a log entry.

When a section is made more restricted (or a page is moved into a closed one), the pages
below it that were more open take the section's visibility. Each such page gets a new
revision built from its latest one, so a pending draft keeps its other edits and gets the
new visibility too, and a log entry that names the section and who changed it (the user of
the admin request, from Wagtail's log context). The live row is updated as before; nothing
unrelated is published.
"""

from uuid import uuid4

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import get_active_log_context, log

from members.access import Visibility
from members.history import revision_by_hand

FOLLOWED = "leerhuis.zichtbaarheid_gevolgd"
LABEL = _("Zichtbaarheid gevolgd van bovenliggende sectie")


def follow_section(section, pages, visibility, group_id=None):
    """Give each page of `pages` (specific pages, loaded with their latest revision: one
    pass) `visibility` (and `group_id`) in a new revision, with a log entry each. The caller
    writes the live rows' visibility; this records it and moves no other content.

    The revision is made by hand (members.history.revision_by_hand) rather than by
    page.save_revision(), which saves the page (search and reference index, signals) for
    each one: a few queries per page instead.
    """
    user = get_active_log_context().user
    data = {
        "section": {"id": section.pk, "title": section.title},
        "visibility": visibility,
        "group": group_id,
    }
    for page in pages:
        pending = page.has_unpublished_changes and page.latest_revision_id
        # The pending draft when there is one (its other edits stay), else the page itself.
        draft = page.with_content_json(page.latest_revision.content) if pending else page
        draft.visibility, draft.group_id = visibility, group_id
        # Without a pending draft the revision holds what is live: it is the live revision.
        revision = revision_by_hand(page, draft, user=user, live=page.live and not pending)
        # A uuid of its own: Wagtail's history shows one entry per (uuid, action) across all
        # pages, so sharing the request's uuid would hide all but one page's entry.
        log(instance=page, action=FOLLOWED, user=user, revision=revision, data=data, uuid=uuid4())
    return len(pages)


def describe(log_entry):
    """'Zichtbaarheid gevolgd van bovenliggende sectie "Kennis": nu zichtbaar voor leden'."""
    data = log_entry.data or {}
    section = (data.get("section") or {}).get("title", "")
    try:
        level = Visibility(data.get("visibility")).label
    except ValueError:
        level = data.get("visibility", "")
    message = _(
        'Zichtbaarheid gevolgd van bovenliggende sectie "%(section)s": nu zichtbaar voor %(level)s'
    )
    return message % {
        "section": section,
        "level": level,
    }
