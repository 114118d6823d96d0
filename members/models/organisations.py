import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin

from members.folding import fold

# A host name of at least two labels: letters, digits and hyphens, no leading or trailing
# hyphen. Internationalised names are stored in their ASCII (punycode) form.
DOMAIN_RE = re.compile(r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
CBS_CODE_RE = re.compile(r"^(GM\d{4}|PV\d{2})$")

# Mail providers anyone can sign up with: never evidence of working somewhere.
PERSONAL_MAIL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.nl",
        "outlook.com",
        "outlook.nl",
        "live.com",
        "live.nl",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "yahoo.com",
        "yahoo.nl",
        "aol.com",
        "gmx.com",
        "gmx.net",
        "proton.me",
        "protonmail.com",
        "ziggo.nl",
        "kpnmail.nl",
        "kpnplanet.nl",
        "planet.nl",
        "hetnet.nl",
        "home.nl",
        "xs4all.nl",
        "telfort.nl",
        "caiway.nl",
        "upcmail.nl",
        "chello.nl",
        "quicknet.nl",
        "online.nl",
        "tele2.nl",
        "zeelandnet.nl",
        "solcon.nl",
    ]
)


def is_personal_mail_domain(domain: str) -> bool:
    return normalise_domain(domain) in PERSONAL_MAIL_DOMAINS


class Province(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRYSLAN = "fryslan", "Fryslân"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"


def normalise_domain(value: str) -> str:
    """ "@Veenendaal.NL " → "veenendaal.nl"; a name with accents becomes punycode."""
    value = (value or "").strip().lower().lstrip("@").rstrip(".")
    try:
        return value.encode("idna").decode("ascii") if value else value
    except UnicodeError:
        return value


class DomainFormField(forms.CharField):
    def to_python(self, value):
        return normalise_domain(super().to_python(value))


class DomainField(models.CharField):
    """A host name, stored the way it is matched: lower case, no "@" or trailing dot.

    Cleaning it here (not only in save()) lets the unique checks of forms and inline
    formsets see "Veenendaal.NL" and "veenendaal.nl" as the same domain.
    """

    def to_python(self, value):
        return normalise_domain(super().to_python(value))

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": DomainFormField, **kwargs})


def validate_domain(value: str) -> None:
    if not DOMAIN_RE.match(normalise_domain(value)):
        raise ValidationError(
            _("'%(value)s' is geen geldig domein; vul iets in als 'veenendaal.nl'."),
            params={"value": value},
            code="invalid_domain",
        )
    if is_personal_mail_domain(value):
        # Everyone with such an address would become a member.
        raise ValidationError(
            _(
                "%(value)s is een persoonlijke mailprovider; koppel mensen met zo'n adres "
                "met de hand."
            ),
            params={"value": value},
            code="personal_mail_domain",
        )


class OrganisationQuerySet(models.QuerySet):
    def live(self):
        """Published: a draft or unpublished organisation is not in the register yet (or no
        more): no member, no link by email domain, not on /leden/."""
        return self.filter(live=True)

    def existing(self):
        """Organisations that have not merged into another (herindeling)."""
        return self.filter(merged_into__isnull=True)

    def with_membership_on(self, on: date):
        """Each with `is_member` on `on`: published, with a membership valid that day."""
        valid = Membership.objects.valid_on(on).filter(organisation=OuterRef("pk"))
        member = ExpressionWrapper(Q(live=True) & Exists(valid), output_field=BooleanField())
        return self.annotate(is_member=member)

    def members_on(self, on: date):
        return self.with_membership_on(on).filter(is_member=True)

    def search(self, query: str):
        return self.filter(name_folded__contains=fold(query)) if query.strip() else self


class Organisation(DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """A municipality, province or other body whose membership covers its people.

    Changes (domains and memberships included) have drafts, revisions and a log like pages;
    only the published organisation counts (OrganisationQuerySet.live()).
    """

    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("gemeente")
        PROVINCIE = "provincie", _("provincie")
        SAMENWERKINGSVERBAND = "samenwerkingsverband", _("samenwerkingsverband")
        OVERIG = "overig", _("overig")

    name = models.CharField(_("naam"), max_length=200, help_text=_("Bijv. 'Gemeente Veenendaal'."))
    name_folded = models.CharField(max_length=200, editable=False, db_index=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        blank=True,
        help_text=_(
            "GM gevolgd door vier cijfers voor gemeenten, PV en twee cijfers voor provincies."
        ),
    )
    province = models.CharField(_("provincie"), max_length=20, choices=Province.choices, blank=True)
    website = models.URLField(_("website"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("opgegaan in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("Bij een herindeling: de nieuwe organisatie. De mensen gaan mee."),
    )
    merged_on = models.DateField(_("datum herindeling"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    panels = [
        HelpPanel(
            content=_(
                "Een organisatie telt pas mee als ze gepubliceerd is: dan staat ze op de "
                "ledenlijst, worden mensen via haar e-maildomeinen gekoppeld en geldt haar "
                "lidmaatschap. Een concept of een gedepubliceerde organisatie is geen lid. "
                "Een wijziging die als concept is opgeslagen, geldt pas na publiceren."
            ),
            heading=_("Publiceren"),
        ),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("province")]),
        FieldRowPanel([FieldPanel("cbs_code"), FieldPanel("website")]),
        InlinePanel("domains", heading=_("E-maildomeinen"), label=_("domein")),
        InlinePanel("memberships", heading=_("Lidmaatschappen"), label=_("lidmaatschap")),
        MultiFieldPanel(
            [FieldPanel("merged_into"), FieldPanel("merged_on")], heading=_("Herindeling")
        ),
    ]

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name_folded"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="organisation_name_unique"),
            models.UniqueConstraint(
                fields=["cbs_code"], condition=~Q(cbs_code=""), name="organisation_cbs_unique"
            ),
            models.CheckConstraint(
                condition=~Q(merged_into=F("pk")), name="organisation_not_merged_into_itself"
            ),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # So a save can tell a merger being undone (members.signals).
        instance.loaded_merged_into_id = instance.__dict__.get("merged_into_id")
        return instance

    def save(self, *args, **kwargs):
        self.name = " ".join(self.name.split())
        self.name_folded = fold(self.name)
        self.cbs_code = self.cbs_code.strip().upper()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        code = (self.cbs_code or "").strip().upper()
        if code and not CBS_CODE_RE.match(code):
            errors["cbs_code"] = _("Een CBS-code ziet eruit als GM0345 of PV26.")
        elif code.startswith("GM") and self.kind != self.Kind.GEMEENTE:
            errors["cbs_code"] = _("Een GM-code hoort bij een gemeente.")
        elif code.startswith("PV") and self.kind != self.Kind.PROVINCIE:
            errors["cbs_code"] = _("Een PV-code hoort bij een provincie.")
        if self.merged_into_id and self.merged_into.successor() == self:
            errors["merged_into"] = _("Een organisatie kan niet in zichzelf opgaan.")
        if self.merged_into_id and not self.merged_on:
            errors["merged_on"] = _("Vul de datum van de herindeling in.")
        elif self.merged_on and self.merged_on > timezone.localdate():
            # People move at once when this is saved; a merger entered ahead of time would
            # make them leave before their organisation does.
            errors["merged_on"] = _(
                "Vul de herindeling in op of na de datum zelf; tot dan bestaat de organisatie nog."
            )
        if errors:
            raise ValidationError(errors)

    def successor(self):
        """The organisation this one lives on in after every herindeling (itself if none)."""
        current, seen = self, {self.pk}
        while current.merged_into_id and current.merged_into_id not in seen:
            seen.add(current.merged_into_id)
            current = current.merged_into
        return current


class OrganisationDomain(models.Model):
    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="domains")
    domain = DomainField(
        _("domein"),
        max_length=253,
        validators=[validate_domain],
        help_text=_("Bijv. veenendaal.nl"),
    )
    include_subdomains = models.BooleanField(
        _("ook subdomeinen"),
        default=False,
        help_text=_("Dan telt ook bijv. @ruimte.veenendaal.nl mee."),
    )

    panels = [FieldRowPanel([FieldPanel("domain"), FieldPanel("include_subdomains")])]

    class Meta:
        verbose_name = _("e-maildomein")
        verbose_name_plural = _("e-maildomeinen")
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "domain"], name="organisation_domain_unique"
            )
        ]

    def __str__(self):
        return f"*.{self.domain}" if self.include_subdomains else self.domain

    def save(self, *args, **kwargs):
        self.domain = normalise_domain(self.domain)
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What it was when loaded, so a save re-links people only when the match changed.
        instance.loaded_as = (
            instance.__dict__.get("domain"),
            instance.__dict__.get("include_subdomains"),
            instance.__dict__.get("organisation_id"),
        )
        return instance


def covers(on: date) -> Q:
    """The one rule for "a membership is valid on `on`": from valid_from up to and including
    valid_until (open-ended without one). Filters and the annotation below both use it."""
    return Q(valid_from__lte=on) & (Q(valid_until__isnull=True) | Q(valid_until__gte=on))


class MembershipQuerySet(models.QuerySet):
    def valid_on(self, on: date):
        return self.filter(covers(on))

    def with_validity(self, on: date):
        """Every membership, each with `is_valid` for `on` (from the database, by covers())."""
        return self.annotate(is_valid=ExpressionWrapper(covers(on), output_field=BooleanField()))


class Membership(models.Model):
    class Category(models.TextChoices):
        REGULIER = "regulier", _("regulier")
        ASPIRANT = "aspirant", _("aspirant")
        BIJZONDER = "bijzonder", _("bijzonder")

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    category = models.CharField(
        _("categorie"), max_length=20, choices=Category.choices, default=Category.REGULIER
    )
    valid_from = models.DateField(_("lid vanaf"))
    valid_until = models.DateField(
        _("lid tot en met"), null=True, blank=True, help_text=_("Leeg: doorlopend.")
    )

    objects = MembershipQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("valid_from"), FieldPanel("valid_until")])
    ]

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="membership_period_in_order",
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_category_display()}, {self.period_display})"

    @property
    def period_display(self):
        start = self.valid_from.strftime("%d-%m-%Y") if self.valid_from else "?"
        if self.valid_until:
            return f"{start} t/m {self.valid_until:%d-%m-%Y}"
        return _("vanaf %(start)s") % {"start": start}

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("De einddatum ligt voor de begindatum.")})
