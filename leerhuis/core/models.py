import html

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from members.access import (
    Visibility,
    group_field,
    is_restricted,
    more_open_than,
    strictest,
    visibility_field,
    visibility_models,
)

from . import following, page_cache, uploads
from .blocks import BodyBlock, StandardBodyBlock
from .themes import Thema  # noqa: F401 (a model of this app)

# Paths that feeds, sign-up and exports claim below content pages; a page may not take them.
RESERVED_SLUGS = frozenset(
    {
        "begrippenkader",
        "feed",
        "casus-indienen",
        "doe-de-test",
        "agenda",
        "aanmelden",
        "afmelden",
        "ticket",
    }
)
# Top-level paths that views of the site own; a page there would never be reached.
RESERVED_TOP_LEVEL_SLUGS = frozenset(
    {
        "accounts",
        "admin",
        "begrippen",
        "bestuur",
        "documenten",
        "gesprekken",
        "groepen",
        "leden",
        "mijn-leerhuis",
        "zoeken",
    }
)


def _reserved(slug):
    return _("'%(slug)s' is gereserveerd voor de site zelf; kies een ander.") % {"slug": slug}


def _visibility_of(page):
    return getattr(page.specific_deferred, "visibility", Visibility.PUBLIC) if page else None


def _group_of(page):
    return getattr(page.specific_deferred, "group_id", None) if page else None


class BasePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = getattr(self, "parent_page", None)
        if parent is not None and "visibility" in self.fields:
            # A new page starts as closed as the section it is added to; a draft from
            # before its section closed shows the visibility it will get.
            current = self.initial.get("visibility") if self.instance.pk else None
            self.initial["visibility"] = strictest(current, _visibility_of(parent))
            if _visibility_of(parent) == Visibility.GROUP and "group" in self.fields:
                # Below a group's page: that group, already chosen.
                self.initial["group"] = _group_of(parent)

    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        parent = getattr(self, "parent_page", None)
        if parent is not None and parent.depth == 2 and slug in RESERVED_TOP_LEVEL_SLUGS:
            self.add_error("slug", _reserved(slug))
        visibility = cleaned_data.get("visibility")
        parent_visibility = _visibility_of(parent)
        if visibility and parent_visibility and visibility in more_open_than(parent_visibility):
            self.add_error(
                "visibility",
                _(
                    "Deze pagina staat onder een pagina die alleen zichtbaar is voor "
                    "%(level)s; ze kan niet voor meer mensen zichtbaar zijn."
                )
                % {"level": Visibility(parent_visibility).label},
            )
        if visibility == Visibility.GROUP:
            group = cleaned_data.get("group")
            parent_group = _group_of(parent) if parent_visibility == Visibility.GROUP else None
            if group is None and parent_group:
                # Below a group's page the group is that of the section.
                cleaned_data["group"] = group = self.fields["group"].queryset.get(pk=parent_group)
            if group is None:
                self.add_error("group", _("Kies voor welke groep deze pagina is."))
            elif parent_group and group.pk != parent_group:
                self.add_error(
                    "group",
                    _("Deze pagina staat onder een pagina van een andere groep; kies die groep."),
                )
        elif cleaned_data.get("group") is not None:
            cleaned_data["group"] = None  # a group only matters at the group's level
        return cleaned_data


def close_descendants(page):
    """Pages below `page` that are more open than it become as closed as it is; each gets a
    revision and a log entry (leerhuis.core.following)."""
    if not page.pk or not is_restricted(page):
        return
    group_id = page.group_id if page.visibility == Visibility.GROUP else None
    for model in visibility_models(Page):
        below = model.objects.descendant_of(page)
        if page.visibility == Visibility.GROUP:
            # One group's section holds that group's pages only.
            below = below.exclude(visibility=Visibility.GROUP, group_id=page.group_id)
        else:
            below = below.filter(visibility__in=more_open_than(page.visibility))
        pages = list(below.select_related("latest_revision"))
        if not pages:
            continue
        model.objects.filter(pk__in=[p.pk for p in pages]).update(
            visibility=page.visibility, group_id=group_id
        )
        page_cache.changed()  # closed to anonymous visitors: update() sends no signal
        following.follow_section(page, pages, page.visibility, group_id)


def page_moved(sender, instance, parent_page_after, **kwargs):
    """A page moved into a closed section closes with it, and so does what sits below it."""
    page = instance.specific
    if not hasattr(page, "visibility"):
        return
    parent_level = _visibility_of(parent_page_after)
    level = strictest(page.visibility, parent_level)
    group_id = _group_of(parent_page_after) if parent_level == Visibility.GROUP else page.group_id
    if level != page.visibility or group_id != page.group_id:
        type(page).objects.filter(pk=page.pk).update(visibility=level, group_id=group_id)
        page_cache.changed()
        following.follow_section(parent_page_after.specific_deferred, [page], level, group_id)
        page.visibility, page.group_id = level, group_id
    close_descendants(page)


class BasePage(Page):
    """What every page of the Leerhuis shares.

    Wagtail's own page privacy is switched off: who may see a page is decided by its
    visibility through the one access policy (members/access.py), not by a second mechanism.
    """

    visibility = visibility_field()
    group = group_field()
    auto_link_terms = models.BooleanField(
        _("begrippen automatisch linken"),
        default=True,
        help_text=_(
            "Het eerste voorkomen van een begrip in de tekst linkt naar zijn uitleg in het "
            "begrippenkader. Zet dit uit voor een pagina waar dat stoort."
        ),
    )

    # visible_to() filters on the visibility (and, for a generic Page queryset, on the id):
    # a search on a narrowed queryset needs both as filter fields, or it fails for exactly
    # the visitors it was narrowed for.
    search_fields = [
        *Page.search_fields,
        index.FilterField("visibility"),
        index.FilterField("group"),
    ]
    private_page_options = []
    base_form_class = BasePageForm
    settings_panels = [
        MultiFieldPanel(
            [FieldPanel("visibility"), FieldPanel("group")], heading=_("Zichtbaarheid")
        ),
        MultiFieldPanel([FieldPanel("auto_link_terms")], heading=_("Begrippenkader")),
        *Page.settings_panels,
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _reserved(self.slug)})

    def save(self, *args, **kwargs):
        # Never more open than the section it sits in, however it is saved (a scheduled
        # revision skips the admin form); and whatever sits below follows a closed section.
        # Only when the live visibility is written: saving a draft (update_fields without
        # it) must not close live pages for a change nobody published.
        update_fields = kwargs.get("update_fields")
        writes = update_fields is None or "visibility" in update_fields
        if writes:
            parent = self.get_parent() if self.depth and self.depth > 2 else None
            self.visibility = strictest(self.visibility, _visibility_of(parent))
            if _visibility_of(parent) == Visibility.GROUP:
                self.group_id = _group_of(parent)
        result = super().save(*args, **kwargs)
        if writes:
            close_descendants(self)
        return result

    @property
    def is_restricted(self):
        """Not for everyone (templates say who it is for)."""
        return is_restricted(self)

    @property
    def meta_description(self):
        """What search engines and link previews show of the page: the search description
        an editor wrote, else its intro as plain text (some intros are rich text)."""
        text = self.search_description or getattr(self, "intro", "") or ""
        plain = " ".join(html.unescape(strip_tags(str(text))).split())
        return Truncator(plain).chars(300)

    def get_sitemap_urls(self, request=None):
        # Only what anyone may read belongs in the sitemap; leerhuis.core.sitemaps filters
        # the listing too, this guards a page type that bypasses it.
        return [] if is_restricted(self) else super().get_sitemap_urls(request)


class HomePage(BasePage):
    intro = RichTextField(_("introductie"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    # The front door is always open: closing it would close every page below it.
    settings_panels = [
        MultiFieldPanel([FieldPanel("auto_link_terms")], heading=_("Begrippenkader")),
        *Page.settings_panels,
    ]

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        from leerhuis.core import home

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home.sections(request)
        return context


class StandardPage(BasePage):
    intro = models.TextField(_("inleiding"), blank=True, max_length=600)
    body = StreamField(StandardBodyBlock(), verbose_name=_("inhoud"), blank=True)
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
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

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


def document_storage():
    """Private storage (settings.STORAGES["documents"]): only the document view sends files."""
    return storages["documents"]


class LeerhuisDocument(AbstractDocument):
    """Wagtail's document with a visibility, so a members-only report or slide deck is
    guarded like the page that links to it (see the before_serve_document hook)."""

    file = models.FileField(
        upload_to="documents", storage=document_storage, verbose_name=_("bestand")
    )
    visibility = visibility_field()
    group = group_field()

    admin_form_fields = (*Document.admin_form_fields, "visibility", "group")

    @property
    def content_type(self):
        """Only a type on the upload list is sent as itself (leerhuis.core.uploads)."""
        return uploads.served_type(self.filename)

    def clean(self):
        """The same rule as for pages: content for a group names its group, and a group
        means nothing at a more open level."""
        if self.file:  # a file the form refused is not here; its own error says why
            super().clean()  # Wagtail's check of the extension
        if self.visibility != Visibility.GROUP:
            self.group = None
        elif self.group_id is None:
            raise ValidationError({"group": _("Kies voor welke groep dit document is.")})

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documenten")


class OutboxMessage(models.Model):
    """One mail to one person for one cause, written in the same transaction as the cause.

    The `key` names the cause ("bevestiging:registration-12"), so a double click, a retried
    task or a second run of a scheduled command never sends the same mail twice; unsent rows
    are retried by `manage.py send_outbox`.
    """

    key = models.CharField(_("aanleiding"), max_length=200, unique=True)
    to = models.EmailField(_("aan"))
    # A mail handed over the Django way (allauth, Wagtail, mail_admins; see
    # leerhuis.core.mail_backend) keeps its sender and, when it has more than the one
    # address in `to`, every recipient: {"to": […], "cc": […], "bcc": […], "reply_to": […]}.
    # Empty: the site's sender, to `to` alone.
    from_email = models.CharField(_("afzender"), max_length=320, blank=True)
    recipients = models.JSONField(_("geadresseerden"), default=dict, blank=True)
    # 998 is the longest line a mail header may have; Wagtail's subjects hold page titles.
    subject = models.CharField(_("onderwerp"), max_length=998)
    text = models.TextField(_("tekst"))
    html = models.TextField(_("HTML"), blank=True)
    # [{"filename": "x.ics", "mimetype": "text/calendar", "content": "…"}] (text files only)
    attachments = models.JSONField(_("bijlagen"), default=list, blank=True)
    # Extra header lines, {"List-Unsubscribe": "<https://…>"}: a mail that needs them (the
    # weekmail's one-click unsubscribe) keeps them with its row, so a retry sends them too.
    headers = models.JSONField(_("kopregels"), default=dict, blank=True)
    # A mail queued while something is locked (a sign-up) holds only what to render:
    # {"renderer": name, "params": {…}}; delivery renders it once, after the commit
    # (leerhuis.core.outbox.render), and stamps `rendered_at`. Empty: rendered when queued.
    recipe = models.JSONField(_("recept"), default=dict, blank=True)
    rendered_at = models.DateTimeField(_("opgemaakt"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    sent_at = models.DateTimeField(_("verstuurd"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    last_error = models.TextField(_("laatste fout"), blank=True)

    class Meta:
        verbose_name = _("uitgaand bericht")
        verbose_name_plural = _("uitgaande berichten")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    @property
    def is_rendered(self):
        return not self.recipe or self.rendered_at is not None
