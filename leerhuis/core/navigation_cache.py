"""The pages of the main menu and the footer, kept in the shared cache.

Every page change (a save, publish, unpublish, move or delete) replaces one version key, so
the next request builds the lists again; the lists themselves are never deleted one by one,
a new version is a new key and the old ones expire. What is kept holds each page's
visibility and group, not a verdict: who may see an entry is decided per request.
"""

import logging
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from leerhuis.core import page_cache

logger = logging.getLogger(__name__)

VERSION_KEY = "navigation:version"
# An unchanged version is kept this long; the lists only take room until then.
SECONDS = 24 * 3600


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    path: str
    visibility: str
    group_id: int | None


def entries(request, root, build):
    """{"menu": [Entry], "footer": [Entry]} under the site root `root`, built by `build()`
    once per version of the pages. One cache round trip per request (the version and the
    lists are read together), remembered on the request for the second tag."""
    remembered = getattr(request, "_navigation_entries", None)
    if remembered is not None and remembered[0] == root.pk:
        return remembered[1]
    key = f"navigation:{root.pk}"
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    kept = found.get(key)
    if version is not None and kept is not None and kept[0] == version:
        lists = kept[1]
    else:
        if version is None:
            version = uuid.uuid4().hex
            cache.add(VERSION_KEY, version, timeout=None)
        lists = build()
        # Built from rows that may already be older than `version`: a change after this
        # read sets a newer version, and these lists are then built again.
        cache.set(key, (version, lists), SECONDS)
    if request is not None:
        request._navigation_entries = (root.pk, lists)
    return lists


def _new_version():
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # noqa: BLE001 - an unreachable cache keeps no lists to replace
        logger.warning("Menu: nieuwe versie niet opgeslagen", exc_info=True)


def _in_navigation(page, **kwargs):
    """Whether `page` is a site's root or one of its children, before or after a move: the
    only pages the menu and the footer list. Other changes (a meeting, an article deeper
    down) leave the kept lists as they are."""
    roots = {root.root_path for root in Site.get_site_root_paths()}  # url_paths: "/home/"
    paths = {page.url_path, kwargs.get("url_path_before")} - {None, ""}
    return any(path in roots or path[: path.rstrip("/").rfind("/") + 1] in roots for path in paths)


def pages_changed(sender=None, instance=None, **kwargs):
    """A change of a page the menu or footer may list: a new version once it is committed
    (as the page cache's generation), so lists built meanwhile from the rows as they were
    are left behind."""
    if not isinstance(instance, Page) or not _in_navigation(instance, **kwargs):
        return
    page_cache.when_committed(_new_version)


def connect():
    for signal in (post_save, post_delete, page_published, page_unpublished, post_page_move):
        signal.connect(pages_changed, dispatch_uid=f"core.navigation.{id(signal)}")
