"""The forms of a group's page: the motivation of a request, an invitation by address, and
a document for the group.

A document is checked by what it is, not only by what it is called: a PDF starts with
%PDF-, an office file is a zip with the parts an office file has, and a text or CSV file
is readable text without NUL bytes. Up to 10 MB.
"""

import zipfile

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from members.groups import MOTIVATION_MAX

DOCUMENT_MAX = 10 * 1024 * 1024
OFFICE_EXTENSIONS = {"docx", "xlsx", "pptx", "odt"}
TEXT_EXTENSIONS = {"txt", "csv"}
DOCUMENT_EXTENSIONS = {"pdf", *OFFICE_EXTENSIONS, *TEXT_EXTENSIONS}
ACCEPT = ",".join(f".{extension}" for extension in sorted(DOCUMENT_EXTENSIONS))


class MotivationForm(forms.Form):
    """Optional: a manager may know the person already; a short note helps when not."""

    motivation = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        help_text=_("Waarom wil je meedoen? De beheerders van de groep lezen dit."),
        required=False,
        max_length=MOTIVATION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Je toelichting is te lang: hooguit %(limit_value)d tekens.")
        },
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Wie je uitnodigt, krijgt een mail en neemt de uitnodiging aan na inloggen."),
        # As long as the invitation can store (a form allows 320 by default).
        max_length=254,
        error_messages={
            "required": _("Vul het e-mailadres in van wie je wilt uitnodigen."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@gemeente.nl."),
            "max_length": _("Dit e-mailadres is te lang: hooguit 254 tekens."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


def _extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def _is_office(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names or "mimetype" in names


def _is_text(upload):
    content = upload.read()
    upload.seek(0)
    if b"\x00" in content:
        return False
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def content_matches(upload, extension) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in OFFICE_EXTENSIONS:
        return head.startswith(b"PK\x03\x04") and _is_office(upload)
    if extension in TEXT_EXTENSIONS:
        return not head.startswith((b"%PDF-", b"PK\x03\x04")) and _is_text(upload)
    return False


class DocumentForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        error_messages={
            "required": _("Geef het document een titel."),
            "max_length": _("De titel is te lang: hooguit %(limit_value)d tekens."),
        },
    )
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), odt, txt of csv; hooguit 10 MB."
        ),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Dit bestand is leeg."),
            "invalid": _("Kies een bestand."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > DOCUMENT_MAX:
            raise forms.ValidationError(
                _("Dit bestand is %(size)s; een document mag hooguit %(max)s zijn.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(DOCUMENT_MAX)}
            )
        extension = _extension(upload.name)
        if extension not in DOCUMENT_EXTENSIONS:
            raise forms.ValidationError(
                _(
                    "Dit soort bestand kan hier niet: kies een PDF, docx, xlsx, pptx, odt, txt "
                    "of csv."
                )
            )
        if not content_matches(upload, extension):
            raise forms.ValidationError(
                _("Dit bestand is geen echt %(kind)s-bestand; het is niet opgeslagen.")
                % {"kind": extension.upper()}
            )
        upload.leerhuis_extension = extension
        return upload
