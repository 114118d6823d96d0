"""Many Wagtail pages at once, without a save() per page.

The tree API (add_child) costs a few queries and a revision-free save per page; for
thousands of pages that is minutes. Here the `wagtailcore_page` rows go in with one
bulk_create, then each table of the page type below it with one insert per batch, and the
parent's child count once. The result is what add_child leaves (path, depth, url_path,
live, published) without revisions, as pages loaded from a fixture are.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

BATCH = 100


def tree_step(number):
    """The last step of a tree path as Wagtail writes it: 1 → "0001", 36 → "0010"."""
    digits = ""
    while number:
        number, digit = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    return digits.rjust(Page.steplen, Page.alphabet[0])


def _last_step(parent):
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    last = last.order_by("-path").values_list("path", flat=True).first()
    return int(last[-Page.steplen :], len(Page.alphabet)) if last else 0


def _tables_below_page(model):
    """The concrete models from just below Page down to `model` (CasePage: ArticlePage,
    CasePage)."""
    chain = [model, *model._meta.get_parent_list()]
    return [m for m in reversed(chain) if m is not Page and not m._meta.abstract]


def add_pages(parent, pages, published_at=None):
    """Store `pages` (unsaved instances of one page type) as live children of `parent`."""
    if not pages:
        return []
    parent.refresh_from_db()
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    moment = published_at or timezone.now()
    step = _last_step(parent)
    for number, page in enumerate(pages, start=step + 1):
        page.path = parent.path + tree_step(number)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.live = True
        page.draft_title = page.title
        page.first_published_at = page.first_published_at or moment
        page.last_published_at = page.last_published_at or moment
    names = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in names}) for page in pages],
        batch_size=BATCH,
    )
    tables = _tables_below_page(model)
    for page, row in zip(pages, rows, strict=True):
        for table in tables:
            for link in table._meta.parents.values():
                setattr(page, link.attname, row.pk)
        page.pk = row.pk
    for table in tables:
        fields = table._meta.local_concrete_fields
        for start in range(0, len(pages), BATCH):
            # One INSERT per batch into this table alone (bulk_create refuses multi-table
            # models; the Page rows are in already).
            table._base_manager._insert(
                pages[start : start + BATCH], fields=fields, using=connection.alias
            )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def index_for_search(model, objects):
    """Add `objects` to the site search as saving them one by one would have."""
    backend = get_search_backend()
    for start in range(0, len(objects), 500):
        backend.add_bulk(model, objects[start : start + 500])
