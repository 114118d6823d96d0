from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

from leerhuis.core import privacy_register


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3"))],
        default="h2",
        help_text=_("De paginatitel is de enige kop 1."),
    )

    class Meta:
        icon = "title"
        label = _("Tussenkop")
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(label=_("Van wie"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Knoptekst"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.URLBlock(label=_("Of een adres"), required=False)

    class Meta:
        icon = "link"
        label = _("Knop")
        template = "blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Kies een pagina of vul een adres in."))}
            )
        return value


class PrivacyRegisterBlock(blocks.StaticBlock):
    """The privacy register (leerhuis/core/privacy_register.py) as a table: what is stored,
    why, on which ground, how long and who sees it, with the periods as the settings have
    them now. Editors place it; they cannot make it say something the code does not do."""

    class Meta:
        icon = "table"
        label = _("Privacyregister")
        admin_text = _(
            "Toont de tabel met alle gegevens die de site bewaart, met grondslag en "
            "bewaartermijn, zoals de instellingen ze nu hebben."
        )
        template = "blocks/privacy_register_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["categories"] = privacy_register.categories()
        return context


class BodyBlock(blocks.StreamBlock):
    """The body of standard pages; later content types reuse it."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Tekst"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock(label=_("Afbeelding"), template="blocks/image_block.html")
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()


class StandardBodyBlock(BodyBlock):
    """Standard pages (privacy, over ons) may also show the privacy register."""

    privacy_register = PrivacyRegisterBlock()
