"""Following (volgen): a person follows a thread, a theme or a group, and says per follow how
often to hear of it: at once, in a daily summary, or not at all.

Each follow carries a token for its one-click stop link, so the link in a mail works
without logging in and stops exactly that follow.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    DIRECT = "direct", _("meteen")
    DAGELIJKS = "dagelijks", _("dagelijkse samenvatting")
    NOOIT = "nooit", _("geen mail")


def new_token():
    return secrets.token_urlsafe(24)


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    thread = models.ForeignKey(
        "community.Thread",
        verbose_name=_("gesprek"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    thema = models.ForeignKey(
        "core.Thema",
        verbose_name=_("thema"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    groep = models.ForeignKey(
        "members.Groep",
        verbose_name=_("groep"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    frequency = models.CharField(
        _("mail"), max_length=12, choices=Frequency.choices, default=Frequency.DIRECT
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("volgt sinds"), auto_now_add=True)
    # What is new for this person is what happened after they last looked.
    seen_at = models.DateTimeField(_("laatst bekeken"), null=True, blank=True)
    # The daily summary covers what happened since the last one.
    summarised_at = models.DateTimeField(_("laatste samenvatting"), null=True, blank=True)

    class Meta:
        verbose_name = _("volgen")
        verbose_name_plural = _("gevolgd")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(thread__isnull=False, thema__isnull=True, groep__isnull=True)
                    | Q(thread__isnull=True, thema__isnull=False, groep__isnull=True)
                    | Q(thread__isnull=True, thema__isnull=True, groep__isnull=False)
                ),
                name="volgen_precies_een_onderwerp",
            ),
            models.UniqueConstraint(
                fields=["user", "thread"], condition=Q(thread__isnull=False), name="volgt_gesprek"
            ),
            models.UniqueConstraint(
                fields=["user", "thema"], condition=Q(thema__isnull=False), name="volgt_thema"
            ),
            models.UniqueConstraint(
                fields=["user", "groep"], condition=Q(groep__isnull=False), name="volgt_groep"
            ),
        ]

    def __str__(self):
        return f"{self.user} volgt {self.subject}"

    @property
    def subject(self):
        return self.thread or self.thema or self.groep
