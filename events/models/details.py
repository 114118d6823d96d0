"""What a meeting and a leergang share: who it is for, what it costs, who to ask."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField, StreamField

from leerhuis.core.blocks import BodyBlock
from members.membership import membership_on


def money_field(verbose_name, help_text=""):
    return models.DecimalField(
        verbose_name,
        max_digits=7,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=help_text,
    )


class MeetingDetails(models.Model):
    intro = models.TextField(
        _("inleiding"), max_length=600, help_text=_("Eén of twee zinnen voor de kalender.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("beschrijving"), blank=True)
    goal = RichTextField(_("doel"), features=["bold", "italic", "link", "ul"], blank=True)
    audience = RichTextField(_("doelgroep"), features=["bold", "italic", "link", "ul"], blank=True)
    contact_person = models.ForeignKey(
        "members.Person",
        verbose_name=_("contactpersoon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    price_member = money_field(
        _("prijs voor leden"), _("Leden zijn gratis, tenzij je hier iets invult.")
    )
    price_non_member = money_field(
        _("prijs voor niet-leden"), _("Exclusief btw; niet-leden krijgen achteraf een factuur.")
    )

    class Meta:
        abstract = True

    def price_day(self):
        """The day whose membership decides the price (the meeting's own day)."""
        raise NotImplementedError

    def price_for(self, user):
        """(amount, MembershipStatus): what `user` pays, decided by membership on the day
        that price_day() names, never on the day of signing up."""
        status = membership_on(user, self.price_day())
        return (self.price_member if status.is_member else self.price_non_member), status

    @property
    def is_free_for_members(self):
        return not self.price_member
