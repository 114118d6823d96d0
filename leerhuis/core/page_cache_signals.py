"""When the public site changes: every write to a content model starts a new page-cache
generation (leerhuis.core.page_cache.changed).

Content is everything but a short list of bookkeeping that no public page shows, and that
is written by logging in, editing in the admin or rendering a page (image renditions,
embeds): were those to count, a render would throw away what it stores. Being wrong on the
side of content only costs a render; the other way serves a stale page.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from leerhuis.core import page_cache

NOT_CONTENT = frozenset(
    {
        "sessions.session",
        "usersessions.usersession",
        "account.emailconfirmation",
        "mfa.authenticator",
        "contenttypes.contenttype",
        "auth.permission",
        "core.outboxmessage",
        "events.auditentry",
        "events.personalfeed",
        "knowledge.digestsubscription",
        "django_tasks_database.dbtaskresult",
        "wagtailcore.revision",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.workflowstate",
        "wagtailcore.taskstate",
        "wagtailcore.pagesubscription",
        "wagtailcore.referenceindex",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.uploadedfile",
        "wagtailadmin.editingsession",
        "wagtailadmin.formstate",
        "wagtailusers.userprofile",
        "wagtailimages.rendition",
        "wagtailembeds.embed",
        "wagtailsearch.indexentry",
        "wagtailsearch.sqliteftsindexentry",
    }
)
# A user's save that only records a login or a new password changes no page.
NOT_CONTENT_USER_FIELDS = frozenset({"last_login", "password"})


def is_content(model):
    return model._meta.label_lower not in NOT_CONTENT


def saved(sender, update_fields=None, using=None, **kwargs):
    if (
        update_fields
        and sender._meta.label_lower == "members.user"
        and set(update_fields) <= NOT_CONTENT_USER_FIELDS
    ):
        return
    page_cache.changed(using)


def deleted(sender, using=None, **kwargs):
    page_cache.changed(using)


def relation_changed(sender, action, using=None, **kwargs):
    # Also sent for the stand-in models of a migration (their own app registry): no page was
    # stored from a half-migrated database, and the cache may not be there yet.
    if sender._meta.apps is not apps:
        return
    if action.startswith("post_") and is_content(sender):
        page_cache.changed(using)


def page_changed(sender, **kwargs):
    # A page's own save has already counted; moving and unpublishing also write rows below
    # it with queryset updates, which send no save signal.
    page_cache.changed()


def connect():
    """Per model rather than for all senders: a post_delete receiver for every model would
    cost Django's fast bulk delete everywhere, also for sessions and renditions."""
    for model in apps.get_models(include_auto_created=True):
        if is_content(model):
            uid = f"page_cache:{model._meta.label_lower}"
            post_save.connect(saved, sender=model, dispatch_uid=uid, weak=False)
            post_delete.connect(deleted, sender=model, dispatch_uid=uid, weak=False)
    m2m_changed.connect(relation_changed, dispatch_uid="page_cache:m2m")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid="page_cache:page")
