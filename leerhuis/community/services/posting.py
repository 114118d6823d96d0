"""Writing in conversations: start a thread, reply, edit, delete, mark the answer.

Each verb decides by leerhuis.community.rules (who may), writes in one transaction and tells
the notifications in that same transaction (community.notify → the outbox), so a post and
its mails are stored together or not at all. A reply locks its thread row: the reply count
and the last activity move with the posts, and a double click stores one reply.
"""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from leerhuis.community import mentions, notify, rules
from leerhuis.community.models import Follow, Post, Soort, Thread
from leerhuis.core import page_cache
from leerhuis.core.sanitise import member_html, text_of
from members.access import Visibility, can_view

MAX_TEXT = 20_000
MAX_TITLE = 200
# Paths below /gesprekken/ that are not threads.
RESERVED_SLUGS = frozenset({"nieuw", "bijdrage", "volgen", "feed", "vragen"})
# The same text by the same person within this time is the same click, not a second reply.
DOUBLE_CLICK = timedelta(seconds=30)


class PostingError(Exception):
    """A verb that cannot go ahead; the message is Dutch, for the person, and the code tells
    the caller what kind of refusal it is (forbidden, empty, …)."""

    def __init__(self, message, code="invalid"):
        super().__init__(message)
        self.message = str(message)
        self.code = code


def _body(text):
    if len(text or "") > MAX_TEXT:
        raise PostingError(
            _("Je tekst is te lang: hooguit %(max)s tekens.")
            % {"max": f"{MAX_TEXT:,}".replace(",", ".")},
            "too_long",
        )
    body = member_html(text)
    if not text_of(body):
        raise PostingError(_("Schrijf eerst wat je wilt zeggen."), "empty")
    return body


def _with_mentions(body):
    people = mentions.find(body)
    return mentions.mark(body, people), people


def unique_slug(title):
    base = slugify(title)[:200].strip("-") or "gesprek"
    if base in RESERVED_SLUGS:
        base = f"{base}-gesprek"
    slug, n = base, 1
    while Thread.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base[:200]}-{n}"
    return slug


def start_thread(
    author,
    *,
    title,
    text,
    soort=Soort.GESPREK,
    themes=(),
    group=None,
    page=None,
    visibility=Visibility.PUBLIC,
):
    """A new thread with its opening post. In a group it is for the group; under a page it
    is exactly as open as that page; otherwise as open as its starter chose."""
    title = re.sub(r"\s+", " ", title or "").strip()
    if not title:
        raise PostingError(_("Geef het gesprek een titel."), "no_title")
    if len(title) > MAX_TITLE:
        raise PostingError(_("De titel is te lang: hooguit 200 tekens."), "too_long")
    if page is not None and not can_view(author, page):
        raise PostingError(_("Je kunt op deze pagina niet reageren."), "forbidden")
    if page is not None and group is None:
        # Under a group's page, the group writes: the same rule as for its replies.
        page = page.specific_deferred
        if getattr(page, "visibility", None) == Visibility.GROUP:
            group = page.group
    if not rules.may_write_in(author, group):
        raise PostingError(_("Alleen leden kunnen hier een gesprek beginnen."), "forbidden")
    body, people = _with_mentions(_body(text))
    group_id = group.pk if group is not None else None
    if group is not None:
        visibility = Visibility.GROUP
    elif page is not None:
        visibility = getattr(page, "visibility", Visibility.PUBLIC)
        group_id = getattr(page, "group_id", None)
    elif visibility not in (Visibility.PUBLIC, Visibility.LOGGED_IN, Visibility.MEMBERS):
        raise PostingError(_("Kies wie het gesprek mag lezen."), "visibility")
    now = timezone.now()
    fields = {
        "title": title,
        "soort": soort,
        "author": author,
        "page": page,
        "visibility": visibility,
        "group_id": group_id,
        "created_at": now,
        "last_activity_at": now,
    }
    with transaction.atomic():
        # A double click sends the form twice: the author's row is the queue, and the second
        # request finds the thread the first one made.
        get_user_model().objects.select_for_update().filter(pk=author.pk).first()
        same = (
            Thread.objects.filter(
                author=author,
                title=title,
                page=page,
                group_id=group_id,
                created_at__gte=now - DOUBLE_CLICK,
                posts__is_opening=True,
                posts__body=body,
            )
            .order_by("-pk")
            .first()
        )
        if same is not None:
            return same
        thread = _create_with_free_slug(fields)
        if themes:
            thread.themes.set(themes)
        post = Post.objects.create(
            thread=thread, author=author, body=body, is_opening=True, created_at=now
        )
        # Who starts a conversation (or asks) wants to hear the replies; they can stop.
        Follow.objects.get_or_create(user=author, thread=thread, defaults={"seen_at": now})
        notify.post_published(post, people)
    return thread


def _create_with_free_slug(fields, attempts=3):
    """Two threads with the same title at the same moment both find the slug free; the
    unique index refuses the second, which then takes the next free one. (A second thread
    of the same page is refused too: that one is conversation_of's to settle.)"""
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                return Thread.objects.create(slug=unique_slug(fields["title"]), **fields)
        except IntegrityError:
            page = fields["page"]
            taken_page = page is not None and Thread.objects.filter(page=page).exists()
            if taken_page or attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def conversation_of(page, author, text):
    """Reply under an article or case: its conversation is made by the first reply."""
    thread = Thread.objects.filter(page=page).first()
    if thread is None:
        try:
            with transaction.atomic():
                return start_thread(author, title=page.title, text=text, page=page).posts.get()
        except IntegrityError:  # someone else started it at the same moment
            thread = Thread.objects.get(page=page)
    return reply(thread, author, text)


def reply(thread, author, text, quote=None):
    if not rules.may_reply(author, thread):
        raise PostingError(_("Je kunt in dit gesprek niet reageren."), "forbidden")
    if quote is not None and (quote.thread_id != thread.pk or quote.is_hidden or quote.is_deleted):
        raise PostingError(_("Die bijdrage kun je hier niet citeren."), "quote")
    body, people = _with_mentions(_body(text))
    with transaction.atomic():
        Thread.objects.select_for_update().filter(pk=thread.pk).first()
        now = timezone.now()
        same = (
            Post.objects.filter(
                thread=thread, author=author, body=body, created_at__gte=now - DOUBLE_CLICK
            )
            .order_by("-pk")
            .first()
        )
        if same is not None:
            return same
        post = Post.objects.create(
            thread=thread, author=author, body=body, quote=quote, created_at=now
        )
        Thread.objects.filter(pk=thread.pk).update(
            reply_count=F("reply_count") + 1, last_activity_at=now
        )
        page_cache.changed()  # the count and last activity: update() sends no signal
        notify.post_published(post, people)
    return post


def edit(post, by, text):
    if not rules.may_edit(by, post):
        raise PostingError(
            _("Je kunt deze bijdrage niet meer bewerken: dat kan tot een uur na plaatsen."),
            "forbidden",
        )
    body, people = _with_mentions(_body(text))
    with transaction.atomic():
        post.body = body
        post.edited_at = timezone.now()
        post.save(update_fields=["body", "edited_at"])
        # Mails are keyed per post and person: only those newly named are told.
        notify.post_published(post, people, followers=False)
    return post


def delete(post, by):
    """The author takes back what they wrote: its place in the thread stays, the text goes."""
    if not rules.may_delete(by, post):
        raise PostingError(_("Alleen de auteur kan deze bijdrage verwijderen."), "forbidden")
    with transaction.atomic():
        post.body = ""
        post.deleted_at = timezone.now()
        post.save(update_fields=["body", "deleted_at"])
        Thread.objects.filter(pk=post.thread_id, answer=post).update(answer=None)
    return post


def mark_answer(thread, by, post):
    """The asker names the reply that answered them (again: another one)."""
    if not rules.may_mark_answer(by, thread):
        raise PostingError(_("Alleen wie de vraag stelde, kiest het antwoord."), "forbidden")
    if post.thread_id != thread.pk or post.is_opening or post.is_hidden or post.is_deleted:
        raise PostingError(_("Die bijdrage kan niet het antwoord zijn."), "invalid")
    Thread.objects.filter(pk=thread.pk).update(answer=post)
    page_cache.changed()  # the thread page shows the answer; update() sends no signal
    thread.answer = post
    return thread


def unmark_answer(thread, by):
    if not rules.may_mark_answer(by, thread):
        raise PostingError(_("Alleen wie de vraag stelde, kiest het antwoord."), "forbidden")
    Thread.objects.filter(pk=thread.pk).update(answer=None)
    page_cache.changed()
    thread.answer = None
    return thread
