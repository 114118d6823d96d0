from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from members.access import Visibility, can_view, deny, private, visibility_field

from .blocks import BodyBlock

# Paths that feeds, sign-up and exports claim below content pages; a page may not take them.
RESERVED_SLUGS = frozenset(
    {"begrippenkader", "feed", "casus-indienen", "doe-de-test", "agenda", "aanmelden", "afmelden"}
)
# Top-level paths that views of the site own; a page there would never be reached.
RESERVED_TOP_LEVEL_SLUGS = frozenset(
    {"accounts", "admin", "bestuur", "documenten", "leden", "mijn-leerhuis", "zoeken"}
)


def _reserved(slug):
    return _("'%(slug)s' is gereserveerd voor de site zelf; kies een ander.") % {"slug": slug}


class BasePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        parent = getattr(self, "parent_page", None)
        if parent is not None and parent.depth == 2 and slug in RESERVED_TOP_LEVEL_SLUGS:
            self.add_error("slug", _reserved(slug))
        return cleaned_data


class BasePage(Page):
    """What every page of the Leerhuis shares.

    Wagtail's own page privacy is switched off: who may see a page is decided by its
    visibility through the one access policy (members/access.py), not by a second mechanism.
    """

    visibility = visibility_field()

    private_page_options = []
    base_form_class = BasePageForm
    settings_panels = [
        MultiFieldPanel([FieldPanel("visibility")], heading=_("Zichtbaarheid")),
        *Page.settings_panels,
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _reserved(self.slug)})

    def serve(self, request, *args, **kwargs):
        if not can_view(request.user, self):
            return deny(request, self)
        response = super().serve(request, *args, **kwargs)
        if self.visibility != Visibility.PUBLIC:
            private(response)
        return response

    def get_sitemap_urls(self, request=None):
        # Only what anyone may read belongs in the sitemap; leerhuis.core.sitemaps filters
        # the listing too, this guards a page type that bypasses it.
        return super().get_sitemap_urls(request) if self.visibility == Visibility.PUBLIC else []


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
