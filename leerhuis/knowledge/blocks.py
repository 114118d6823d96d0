"""The body of an article: core's blocks, plus a document to download and a kader (a
call-out box) for a method's steps or a case's lesson. Each block has its own template
under templates/blocks/."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from leerhuis.core.blocks import BodyBlock


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Titel"),
        max_length=200,
        required=False,
        help_text=_("Leeg: de titel van het document."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_block.html"


class KaderBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Kop"), max_length=200)
    text = blocks.RichTextBlock(label=_("Tekst"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "pick"
        label = _("Kader")
        template = "blocks/kader_block.html"


class ArticleBodyBlock(BodyBlock):
    document = DocumentBlock()
    kader = KaderBlock()
