"""Where a begrip is used: the published pages that point to it, according to Wagtail's
reference index.

The glossary never imports the floors above it (events, kennisbank): those link a begrip
through a ForeignKey (a child row of the page) or a link in rich text, and Wagtail's
reference index records both under the page. Reading that index is how a begrip's page
finds its meetings and articles without knowing their models. Who may see which page is
decided by the one access policy (members.access.visible_to).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from members.access import visible_to


def used_by(concept, user) -> list:
    """The live pages that refer to `concept` and that `user` may see, as their specific
    page types, newest first. A fixed number of queries: the index, the pages, and one per
    page type found."""
    page_type = ContentType.objects.get_for_model(Page)  # cached after the first call
    references = ReferenceIndex.get_references_to(concept).filter(base_content_type=page_type)
    # object_id is text in the index; pages are numbered.
    ids = {int(pk) for pk in references.values_list("object_id", flat=True) if pk.isdigit()}
    if not ids:
        return []
    pages = visible_to(user, Page.objects.live().filter(pk__in=ids))
    return list(pages.order_by("-first_published_at", "-pk").specific())
