"""The body of an article: core's blocks, plus a document to download, a kader (a
call-out box) for a method's steps or a case's lesson, and a video. Each block has its own
template under templates/blocks/.

A video is either an address on YouTube or Vimeo, shown behind a consent notice, or an
uploaded file with WebVTT captions; either way with a transcript, so no one depends on
seeing or hearing it. The checks that only say something is missing wait while an editor
saves a draft (Wagtail's deferred validation); the others always hold.
"""

from html import unescape

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from leerhuis.core.blocks import BodyBlock
from leerhuis.knowledge.video import recognise

VIDEO_EXTENSIONS = ("mp4", "webm")


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


class VideoValue(blocks.StructValue):
    @property
    def embedded(self):
        """The YouTube or Vimeo video of the address, None for an uploaded file."""
        return recognise(self.get("embed_url")) if self.get("embed_url") else None

    @property
    def duration_label(self):
        """ "0:34", "12:05", "1:02:03"."""
        seconds = self.get("duration") or 0
        hours, rest = divmod(seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    embed_url = blocks.URLBlock(
        label=_("Adres op YouTube of Vimeo"),
        required=False,
        help_text=_(
            "Bijvoorbeeld https://www.youtube.com/watch?v=… of https://vimeo.com/…. De "
            "bezoeker ziet eerst een melding en kiest zelf of de video van daar laadt."
        ),
    )
    video = DocumentChooserBlock(
        label=_("Of een videobestand"),
        required=False,
        help_text=_("Een mp4- of webm-bestand uit de documenten."),
    )
    captions = DocumentChooserBlock(
        label=_("Ondertiteling"),
        required=False,
        help_text=_("Nederlandse ondertiteling als WebVTT-bestand (.vtt); nodig bij een bestand."),
    )
    poster = ImageChooserBlock(
        label=_("Beeld vóór het afspelen"), required=False, help_text=_("Alleen bij een bestand.")
    )
    duration = blocks.IntegerBlock(
        label=_("Duur in seconden"), required=False, min_value=1, max_value=24 * 3600
    )
    transcript = blocks.RichTextBlock(
        label=_("Uitgeschreven tekst"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Wat er gezegd en getoond wordt, voor wie de video niet kan zien of horen."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        value_class = VideoValue
        template = "blocks/video_block.html"

    def clean(self, value):
        # Our checks and the fields' own (a missing title, say) reach the editor together.
        errors = {name: ValidationError(message) for name, message in self._errors(value).items()}
        try:
            value = super().clean(value)
        except StructBlockValidationError as invalid:
            errors.update(invalid.block_errors)
            raise StructBlockValidationError(errors, invalid.non_block_errors) from None
        if errors:
            raise StructBlockValidationError(errors)
        return value

    def _errors(self, value):
        errors = {}
        url, video, captions = value.get("embed_url"), value.get("video"), value.get("captions")
        complete = not self.is_deferred_validation
        if url and video:
            errors["video"] = _("Kies een adres óf een videobestand, niet allebei.")
        elif url and not recognise(url):
            errors["embed_url"] = _(
                "Dit adres herkennen we niet als video. Gebruik een adres van YouTube "
                "(youtube.com of youtu.be) of Vimeo (vimeo.com)."
            )
        elif not url and not video and complete:
            errors["embed_url"] = _("Geef een adres op YouTube of Vimeo, of kies een videobestand.")
        if video and video.file_extension.lower() not in VIDEO_EXTENSIONS:
            errors["video"] = _("Kies een videobestand in mp4 of webm.")
        if captions and captions.file_extension.lower() != "vtt":
            errors["captions"] = _("De ondertiteling moet een WebVTT-bestand zijn (.vtt).")
        elif captions and url:
            errors["captions"] = _(
                "Ondertiteling hoort bij een videobestand; bij YouTube en Vimeo staat die bij "
                "de video zelf."
            )
        elif video and not captions and complete:
            errors["captions"] = _(
                "Een videobestand heeft ondertiteling nodig: kies een WebVTT-bestand (.vtt)."
            )
        transcript = value.get("transcript")
        if complete and not unescape(strip_tags(getattr(transcript, "source", ""))).strip():
            errors["transcript"] = _(
                "Schrijf uit wat er in de video gezegd en getoond wordt: niet iedereen kan "
                "hem zien of horen."
            )
        return errors


class ArticleBodyBlock(BodyBlock):
    document = DocumentBlock()
    kader = KaderBlock()
    video = VideoBlock()
