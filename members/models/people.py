from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin
from wagtail.search import index


class PersonQuerySet(models.QuerySet):
    def live(self):
        """Published: the site never shows a person saved only as a draft or unpublished."""
        return self.filter(live=True)

    def board(self):
        return self.live().exclude(board_role="").order_by("board_order", "name")


class Person(DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """Someone the site shows: a speaker, board member or contact person.

    Not an account: many speakers never log in. Changes have drafts, revisions and a log
    like pages, so a changed board member can be traced and undone.
    """

    class BoardRole(models.TextChoices):
        VOORZITTER = "voorzitter", _("voorzitter")
        SECRETARIS = "secretaris", _("secretaris")
        PENNINGMEESTER = "penningmeester", _("penningmeester")
        LID = "lid", _("bestuurslid")

    name = models.CharField(_("naam"), max_length=150)
    role = models.CharField(
        _("functie"), max_length=200, blank=True, help_text=_("Bijv. 'Opgave-manager'.")
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    organisation_name = models.CharField(
        _("andere organisatie"),
        max_length=200,
        blank=True,
        help_text=_("Als de organisatie niet in de ledenlijst staat, bijv. een hogeschool."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        _("beschrijving van de foto"),
        max_length=200,
        blank=True,
        help_text=_("Voor wie de foto niet ziet, bijv. 'Portret van Astrid van de Klift'."),
    )
    bio = models.TextField(_("korte introductie"), blank=True, max_length=800)
    email = models.EmailField(_("e-mailadres"), blank=True, help_text=_("Voor contactpersonen."))
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    board_role = models.CharField(
        _("rol in het bestuur"), max_length=20, choices=BoardRole.choices, blank=True
    )
    board_order = models.PositiveSmallIntegerField(_("volgorde in het bestuur"), default=0)

    objects = PersonQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("organisation_name")]),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading=_("Foto")),
        FieldPanel("bio"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldRowPanel([FieldPanel("board_role"), FieldPanel("board_order")], heading=_("Bestuur")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("organisation_name"),
        index.FilterField("board_role"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": _("Beschrijf de foto voor wie hem niet kan zien.")})

    @property
    def organisation_display(self):
        return self.organisation.name if self.organisation_id else self.organisation_name
