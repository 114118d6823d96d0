"""What the rest of the community tells the notifications: a post appeared, people were
mentioned. Called after the post is stored (in the same transaction); every mail goes
through the outbox, keyed so each is sent once.

Who hears of a post, at once:
- the people mentioned in it (a mention mail, whether they follow anything or not);
- for a reply, the followers of the thread; for a thread's opening, the followers of its
  themes and its group; each only when their follow says "meteen".
One person gets at most one mail per post, a mention before a follow mail. Never the
author, never a deactivated account, and never anyone who cannot see the thread
(members.access.can_view): a thread for one group never reaches outsiders by mail, not
even when someone mentions them.

The outbox keys name cause, post and person (`vermelding:post-<id>:user-<id>`,
`gesprek:post-<id>:user-<id>`), so a second call for the same post sends nothing again.
"""

from html import unescape

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from leerhuis.community import follow_links
from leerhuis.community.models import Follow, Frequency
from leerhuis.core.formatting import absolute_url
from leerhuis.core.models import OutboxMessage
from leerhuis.core.outbox import queue
from members.access import can_view

MENTION = "vermelding"
FOLLOW = "gesprek"
EXCERPT_CHARS = 400
# Which follow a mail names when one person follows a post's thread, group and theme.
PRIORITY = {"thread": 0, "groep": 1, "thema": 2}


def key_for(cause, post, user):
    return f"{cause}:post-{post.pk}:user-{user.pk}"


def excerpt(post):
    """The post's text as plain text, shortened: what a mail shows of it."""
    text = " ".join(unescape(strip_tags(post.body)).split())
    return Truncator(text).chars(EXCERPT_CHARS)


def _followers(post):
    """The follows that want to hear of `post` at once, for its kind (reply or opening)."""
    thread = post.thread
    if post.is_opening:
        wanted = Q(thema__in=thread.themes.values("pk"))
        if thread.group_id:
            wanted |= Q(groep_id=thread.group_id)
    else:
        wanted = Q(thread=thread)
    return (
        Follow.objects.filter(wanted, frequency=Frequency.DIRECT, user__is_active=True)
        .select_related("user", "thema", "groep")
        .order_by("pk")
    )


def _kind(follow):
    return next(f for f in PRIORITY if getattr(follow, f"{f}_id"))


def post_published(post, mentioned=(), followers=True):
    """A new thread's opening or a reply is in: tell those mentioned and the followers of the
    thread, its themes and its group who want to hear at once. After an edit
    (`followers=False`) only those mentioned: a changed post is no news to its followers."""
    if post.is_hidden or post.is_deleted:
        return
    thread = post.thread
    by_user = {}  # user id -> (user, cause, follow)
    for user in mentioned:
        by_user.setdefault(user.pk, (user, MENTION, None))
    follows = _followers(post) if followers else ()
    for follow in sorted(follows, key=lambda f: PRIORITY[_kind(f)]):
        by_user.setdefault(follow.user_id, (follow.user, FOLLOW, follow))
    by_user.pop(post.author_id, None)
    if not by_user:
        return
    # Whatever this post already caused for someone (an earlier call): never a second mail.
    users = [user for user, _cause, _follow in by_user.values()]
    keys = [key_for(cause, post, u) for u in users for cause in (MENTION, FOLLOW)]
    written = set(OutboxMessage.objects.filter(key__in=keys).values_list("key", flat=True))
    with translation.override(settings.LANGUAGE_CODE):
        for user, cause, follow in by_user.values():
            if key_for(MENTION, post, user) in written or key_for(FOLLOW, post, user) in written:
                continue
            if not user.is_active or not can_view(user, thread):
                continue
            if cause == MENTION:
                _mention_mail(post, user)
            else:
                _follow_mail(post, user, follow)


def _context(post, user, subject):
    thread = post.thread
    return {
        "subject": subject,
        "name": user.full_name or user.email,
        "author": post.author.full_name if post.author_id else _("Iemand"),
        "thread": thread,
        "thread_title": thread.title,
        "post_url": absolute_url(post.get_absolute_url()),
        "excerpt": excerpt(post),
        "settings_url": follow_links.settings_url(),
    }


def _mention_mail(post, user):
    subject = _("Je bent genoemd in '%(title)s'") % {"title": post.thread.title}
    context = _context(post, user, subject)
    # A mention is no follow: its stop link goes to the settings page (see follow_links).
    context["stop_url"] = follow_links.settings_url()
    queue(
        key_for(MENTION, post, user),
        user.email,
        subject,
        "community/mail/vermelding",
        context,
        headers=follow_links.settings_headers(),
    )


def _follow_mail(post, user, follow):
    title = post.thread.title
    if post.is_opening:
        subject = _("Nieuw gesprek: %(title)s") % {"title": title}
    else:
        subject = _("Nieuwe reactie in '%(title)s'") % {"title": title}
    context = _context(post, user, subject)
    stop_url = follow_links.stop_url(follow.token)
    context.update(
        stop_url=stop_url,
        is_opening=post.is_opening,
        followed=str(follow.subject),
        followed_kind=_kind(follow),
    )
    queue(
        key_for(FOLLOW, post, user),
        user.email,
        subject,
        "community/mail/gesprek",
        context,
        headers=follow_links.one_click_headers(stop_url),
    )
