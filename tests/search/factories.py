"""Pages for the search tests, and how bulk-written pages get into the search index."""

from wagtail.search.backends import get_search_backend

from leerhuis.core.models import HomePage, StandardPage


def standard_page(title, intro="", **fields):
    home = HomePage.objects.get()
    page = StandardPage(title=title, intro=intro, **fields)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def index(pages):
    """Pages written raw (as loaddata or `bulk_meetings` do) skip the signal that indexes
    them; `manage.py update_index` would add them, this adds just these."""
    if pages:
        get_search_backend().add_bulk(type(pages[0]), pages)
