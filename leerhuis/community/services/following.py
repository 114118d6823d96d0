"""Following (volgen): the verbs, and what is new for someone in what they follow.

A person follows a thread, a theme or a group (one Follow row each, the database's unique
constraints the last guard against a double click) and says per follow how often to hear
of it. Only someone who may see a subject can follow it: a thread by the access policy
(can_view), a group when it is listed for them (hidden groups for their members only), a
theme always (a theme itself is for everyone; what a mail names is checked per thread).

Reading is cheap on purpose: mark_seen() is one UPDATE that the thread page calls on every
view, and follows_of()/whats_new() cost a fixed number of queries however many follows.
"""

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leerhuis.community.models import Follow, Frequency, Post, Thread
from leerhuis.core.themes import Thema
from members.access import can_view, visible_to
from members.models import Groep

# The kinds of subject, by the word used in addresses and forms.
KINDS = {"gesprek": "thread", "thema": "thema", "groep": "groep"}
SUMMARY_SALT = "leerhuis.community.samenvatting.stoppen"


class FollowError(Exception):
    """A follow that cannot be: `code` is "not_allowed", "frequency" or "subject"."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def field_for(subject) -> str:
    """The Follow field that holds `subject` ("thread", "thema" or "groep")."""
    if isinstance(subject, Thread):
        return "thread"
    if isinstance(subject, Thema):
        return "thema"
    if isinstance(subject, Groep):
        return "groep"
    raise FollowError(_("Dit kun je niet volgen."), "subject")


def may_follow(user, subject) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    field = field_for(subject)
    if field == "thread":
        return can_view(user, subject)
    if field == "groep":
        return Groep.objects.listed_for(user).filter(pk=subject.pk).exists()
    return True


def _check_frequency(frequency):
    if frequency not in Frequency.values:
        raise FollowError(_("Kies meteen, dagelijkse samenvatting of geen mail."), "frequency")


def follow(user, subject, frequency=Frequency.DIRECT):
    """Follow `subject`, or change how often when already following (idempotent)."""
    _check_frequency(frequency)
    if not may_follow(user, subject):
        raise FollowError(_("Je kunt dit niet volgen."), "not_allowed")
    lookup = {"user": user, field_for(subject): subject}
    try:
        with transaction.atomic():
            row, created = Follow.objects.get_or_create(**lookup, defaults={"frequency": frequency})
    except IntegrityError:  # a second click that came in at the same moment
        row, created = Follow.objects.get(**lookup), False
    if not created and row.frequency != frequency:
        set_frequency(row, frequency)
    return row


def unfollow(user, subject) -> bool:
    """Stop following `subject`; True when there was something to stop."""
    if user is None or not user.is_authenticated:
        return False
    deleted, _rows = Follow.objects.filter(user=user, **{field_for(subject): subject}).delete()
    return bool(deleted)


def set_frequency(follow, frequency):
    _check_frequency(frequency)
    changes = {"frequency": frequency}
    if frequency == Frequency.DAGELIJKS and follow.frequency != Frequency.DAGELIJKS:
        # The first summary starts now: what came before was mailed at once, or not wanted.
        changes["summarised_at"] = timezone.now()
    for field, value in changes.items():
        setattr(follow, field, value)
    Follow.objects.filter(pk=follow.pk).update(**changes)
    return follow


def summary_token(user) -> str:
    """The stop link of a daily summary: it names the person, since one summary covers all
    their follows with a daily summary (signed, so it works without logging in)."""
    return signing.dumps(user.pk, salt=SUMMARY_SALT)


def stop_by_token(token):
    """The one-click stop of a mail: the follow of that token (or, for a summary's token,
    all daily-summary follows of its person) no longer mails. Idempotent. Returns the
    follows stopped (maybe already stopped), or None for a token the site did not make."""
    if not token or "\x00" in token:  # PostgreSQL refuses NUL in text: no token has it
        return None
    row = Follow.objects.filter(token=token).first()
    if row is not None:
        if row.frequency != Frequency.NOOIT:
            set_frequency(row, Frequency.NOOIT)
        return [row]
    try:
        user_pk = signing.loads(token, salt=SUMMARY_SALT)
    except signing.BadSignature:
        return None
    rows = list(Follow.objects.filter(user_id=user_pk, frequency=Frequency.DAGELIJKS))
    Follow.objects.filter(pk__in=[r.pk for r in rows]).update(frequency=Frequency.NOOIT)
    return rows


def token_follows(token):
    """What the stop link of `token` is about, without changing anything (the GET page)."""
    if not token or "\x00" in token:
        return None
    row = Follow.objects.filter(token=token).first()
    if row is not None:
        return [row]
    try:
        user_pk = signing.loads(token, salt=SUMMARY_SALT)
    except signing.BadSignature:
        return None
    return list(Follow.objects.filter(user_id=user_pk, frequency=Frequency.DAGELIJKS))


def mark_seen(user, subject):
    """`user` looked at `subject` (a thread; a theme or group works the same): what is new
    starts from now. One UPDATE, nothing when they do not follow it."""
    if user is None or not user.is_authenticated:
        return
    field = field_for(subject)
    Follow.objects.filter(user_id=user.pk, **{f"{field}_id": subject.pk}).update(
        seen_at=timezone.now()
    )


def _count(queryset):
    return Coalesce(
        Subquery(queryset.order_by().annotate(n=Func("pk", function="COUNT")).values("n")), 0
    )


def follows_of(user):
    """Everything `user` follows, newest first, with `subject` loaded and per follow
    `new_count`: for a thread the posts by others since they last looked, for a theme or
    group the threads with activity since then (only what they may see), and `visible`:
    whether they may still see the subject. One query."""
    since = Coalesce(OuterRef("seen_at"), OuterRef("created_at"))
    threads = visible_to(user, Thread.objects.all())
    new_posts = (
        Post.objects.shown()
        .filter(thread=OuterRef("thread"), created_at__gt=since)
        .exclude(author_id=user.pk)
    )
    active = threads.filter(last_activity_at__gt=since)
    return (
        Follow.objects.filter(user_id=user.pk)
        .select_related("thread", "thema", "groep")
        .annotate(
            new_posts=_count(new_posts.filter(thread__in=threads.values("pk"))),
            new_in_theme=_count(active.filter(themes=OuterRef("thema"))),
            new_in_group=_count(active.filter(group=OuterRef("groep"))),
            thread_visible=Q(thread__in=threads.values("pk")),
            group_listed=Q(groep__in=Groep.objects.listed_for(user).values("pk")),
        )
        .annotate(new_count=F("new_posts") + F("new_in_theme") + F("new_in_group"))
        .order_by("-created_at", "-pk")
    )


def visible(follow) -> bool:
    """May the person still see what this follow (from follows_of) is about?"""
    if follow.thread_id:
        return bool(follow.thread_visible)
    if follow.groep_id:
        return bool(follow.group_listed)
    return True


def whats_new(user):
    """The follows of `user` with activity after they last looked: a list, one query."""
    if user is None or not user.is_authenticated:
        return []
    return [f for f in follows_of(user).filter(new_count__gt=0) if visible(f)]


def follow_of(user, subject):
    """The follow of `user` for `subject`, or None (for the follow button)."""
    if user is None or not user.is_authenticated:
        return None
    return Follow.objects.filter(user=user, **{field_for(subject): subject}).first()


def followed_ids(user, kind, ids) -> set:
    """Of the subjects of `kind` ("gesprek", "thema", "groep") with these ids, those `user`
    follows: one query for a whole list (the conversations index per theme)."""
    if user is None or not user.is_authenticated:
        return set()
    field = KINDS[kind]
    rows = Follow.objects.filter(user=user, **{f"{field}_id__in": list(ids)})
    return set(rows.values_list(f"{field}_id", flat=True))
