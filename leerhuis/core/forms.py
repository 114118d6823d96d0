"""The admin's document form: visibility, and a file checked by what it is.

Wagtail checks only a document's extension (WAGTAILDOCS_EXTENSIONS) and one size for every
type; here the content must match the extension too (leerhuis.core.uploads), and only a
video may be as large as WAGTAILDOCS_MAX_UPLOAD_SIZE.
"""

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from leerhuis.core import uploads
from members.access import Visibility


class DocumentForm(BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE).

    Uploading several files at once posts only title and collection; a required visibility
    would make every upload fail, so a missing one keeps what the document has (public for
    a new one), and staff set it when they edit the document.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "visibility" in self.fields:
            self.fields["visibility"].required = False
        if "file" in self.fields:
            self.fields["file"].help_text = _(
                "PDF, Word, Excel, PowerPoint, OpenDocument, txt, csv (hooguit %(max)s), of "
                "een video (mp4, webm, hooguit %(video)s) met ondertiteling (vtt)."
            ) % {
                "max": filesizeformat(settings.LEERHUIS_DOCUMENT_MAX_UPLOAD_SIZE),
                "video": filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE),
            }

    def clean_visibility(self):
        return (
            self.cleaned_data.get("visibility")
            or getattr(self.instance, "visibility", "")
            or Visibility.PUBLIC
        )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # an edit that keeps the stored file
        extension = uploads.extension_of(upload.name)
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise forms.ValidationError(
                _("Dit soort bestand kan hier niet; toegestaan zijn: %(types)s.")
                % {"types": ", ".join(settings.WAGTAILDOCS_EXTENSIONS)},
                code="invalid_extension",
            )
        limit = uploads.size_limit(extension)
        if upload.size > limit:
            raise forms.ValidationError(
                _("Dit bestand is %(size)s; een %(kind)s-bestand mag hooguit %(max)s zijn.")
                % {
                    "size": filesizeformat(upload.size),
                    "kind": extension.upper(),
                    "max": filesizeformat(limit),
                },
                code="file_too_large",
            )
        if not uploads.content_matches(upload, extension):
            raise forms.ValidationError(
                _("Dit bestand is geen echt %(kind)s-bestand; het is niet opgeslagen.")
                % {"kind": extension.upper()},
                code="invalid_content",
            )
        return upload
