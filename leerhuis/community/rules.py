"""Who may do what in the community: one home for every "may this person …" that a view,
a template, a mail or the admin asks. Seeing is the access policy's (members/access.py);
this module adds what a reader may do once they can see.
"""

from datetime import timedelta

from django.utils import timezone

from members.access import Visibility, can_view, in_group
from members.membership import membership_on

# How long an author may still change what they wrote; after that the thread's readers
# can rely on it (a quote of it stays true).
EDIT_WINDOW = timedelta(hours=1)
MODERATE = "community.moderate_post"
# Writing posts, wherever (a thread, under an article): enough for a lively conversation,
# too little for a script. One budget for both places, so neither is a way around the other.
POSTING_SCOPE = "gesprek"
POSTING_LIMIT = 20
POSTING_WINDOW = 600


def _logged_in(user):
    return user is not None and user.is_authenticated


def is_moderator(user) -> bool:
    return _logged_in(user) and user.has_perm(MODERATE)


def may_write_in(user, group=None) -> bool:
    """Start a thread or reply: in a group, its members; elsewhere, members of the
    association. Staff always."""
    if not _logged_in(user):
        return False
    if user.is_staff:
        return True
    if group is not None:
        return in_group(user, group.pk)
    return membership_on(user).is_member


def may_reply(user, thread) -> bool:
    return can_view(user, thread) and may_write_in(user, thread.group)


def may_edit(user, post, now=None) -> bool:
    if not _logged_in(user) or post.author_id != user.pk or post.is_deleted or post.is_hidden:
        return False
    return (now or timezone.now()) - post.created_at <= EDIT_WINDOW


def may_delete(user, post) -> bool:
    return _logged_in(user) and post.author_id == user.pk and not post.is_deleted


def may_mark_answer(user, thread) -> bool:
    """The one who asked decides which reply answered them."""
    return thread.is_question and _logged_in(user) and thread.author_id == user.pk


def may_report(user, post) -> bool:
    return (
        _logged_in(user)
        and post.author_id != user.pk
        and not post.is_deleted
        and can_view(user, post.thread)
    )


def is_secret(thread) -> bool:
    """A thread of a hidden group (or of a deleted one) does not exist for those outside it:
    they get a 404, not the explanation that it is for a group."""
    if thread.visibility != Visibility.GROUP:
        return False
    return thread.group is None or thread.group.is_hidden
