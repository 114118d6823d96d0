from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock

# Paths that feeds, sign-up and exports claim below content pages; a page may not take them.
RESERVED_SLUGS = frozenset(
    {"begrippenkader", "feed", "casus-indienen", "doe-de-test", "agenda", "aanmelden", "afmelden"}
)


class BasePage(Page):
    """What every page of the Leerhuis shares.

    Wagtail's own page privacy is switched off: who may see a page is decided by one access
    policy (members/access.py, later), not by a second mechanism beside it.
    """

    private_page_options = []

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _("'%(slug)s' is gereserveerd voor de site zelf; kies een ander.")
                    % {"slug": self.slug}
                }
            )


class HomePage(BasePage):
    intro = RichTextField(_("introductie"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("startpagina")


class StandardPage(BasePage):
    intro = models.TextField(_("inleiding"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)
    show_in_footer = models.BooleanField(
        _("tonen in de voettekst"),
        default=False,
        help_text=_("Bijvoorbeeld privacy, toegankelijkheid en contact."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("show_in_footer")], heading=_("Voettekst")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standaardpagina")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contactadres"), default="info@leerhuis.example")
    footer_text = models.TextField(
        _("voettekst"),
        blank=True,
        max_length=500,
        help_text=_("Een korte zin over de vereniging onderaan elke pagina."),
    )

    panels = [FieldPanel("contact_email"), FieldPanel("footer_text")]

    class Meta:
        verbose_name = _("site-instellingen")
