"""Conversations (gesprekken): a thread of posts, per theme, in a group, or under a page.

A thread's first post is its opening; a question (soort "vraag") can have one reply marked
as its answer by the one who asked. Who may see a thread is its visibility and group,
decided by the one access policy (members/access.py); a thread under an article or case
takes that page's level, so the conversation is never more open than what it is about.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.access import group_field, visibility_field


class Soort(models.TextChoices):
    GESPREK = "gesprek", _("gesprek")
    VRAAG = "vraag", _("vraag")


class ThreadQuerySet(models.QuerySet):
    def standalone(self):
        """Threads of the conversations index and of groups: not those under a page."""
        return self.filter(page__isnull=True)

    def shown(self):
        """Threads that may be listed by their title: not those whose opening post a
        moderator hid (the title is part of what was hidden). One subquery, no extra query."""
        hidden_opening = Post.objects.filter(
            thread=OuterRef("pk"), is_opening=True, hidden_at__isnull=False
        )
        return self.filter(~Exists(hidden_opening))

    def questions(self):
        return self.filter(soort=Soort.VRAAG)

    def open_questions(self):
        return self.questions().filter(answer__isnull=True)

    def active_since(self, moment):
        return self.filter(last_activity_at__gte=moment)


class Thread(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("adres"), max_length=220, unique=True)
    soort = models.CharField(
        _("soort"), max_length=10, choices=Soort.choices, default=Soort.GESPREK
    )
    themes = models.ManyToManyField(
        "core.Thema", verbose_name=_("thema's"), blank=True, related_name="threads"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="threads",
    )
    # The article or case this is the conversation of (one per page); empty for the index.
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("pagina"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="conversation",
    )
    visibility = visibility_field()
    group = group_field()
    answer = models.ForeignKey(
        "community.Post",
        verbose_name=_("antwoord"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gestart op"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("laatste bijdrage"), default=timezone.now)
    # Kept with the thread so the index shows counts without counting per row.
    reply_count = models.PositiveIntegerField(_("reacties"), default=0)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["-last_activity_at", "-pk"]
        indexes = [models.Index(fields=["-last_activity_at", "-id"], name="thread_activity")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("gesprek", kwargs={"slug": self.slug})

    @property
    def is_question(self):
        return self.soort == Soort.VRAAG

    @property
    def is_answered(self):
        return self.answer_id is not None


class PostQuerySet(models.QuerySet):
    def replies(self):
        return self.filter(is_opening=False)

    def shown(self):
        """Posts everyone reading the thread sees (not hidden by a moderator, not deleted)."""
        return self.filter(hidden_at__isnull=True, deleted_at__isnull=True)

    def in_order(self):
        return self.order_by("created_at", "pk")


class Post(models.Model):
    """One contribution to a thread. The text is sanitised HTML (core.sanitise)."""

    thread = models.ForeignKey(
        Thread, verbose_name=_("gesprek"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
    )
    body = models.TextField(_("tekst"))
    # The thread's first post: what the thread is about; it cannot be the answer.
    is_opening = models.BooleanField(_("opening"), default=False)
    quote = models.ForeignKey(
        "self",
        verbose_name=_("citeert"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quoted_by",
    )
    created_at = models.DateTimeField(_("geplaatst op"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("bewerkt op"), null=True, blank=True)
    # Deleted by its author: the place in the thread stays, the text goes.
    deleted_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("verborgen op"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verborgen door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.TextField(_("reden van verbergen"), blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")
        ordering = ["created_at", "pk"]
        permissions = [("moderate_post", _("Kan bijdragen verbergen en terugzetten"))]
        indexes = [models.Index(fields=["thread", "created_at", "id"], name="post_in_thread")]
        constraints = [
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""),
                name="post_verborgen_met_reden",
            )
        ]

    def __str__(self):
        return f"{self.author or _('(verwijderd account)')} in {self.thread}"

    def get_absolute_url(self):
        return f"{self.thread.get_absolute_url()}?bijdrage={self.pk}#bijdrage-{self.pk}"

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def is_deleted(self):
        return self.deleted_at is not None
