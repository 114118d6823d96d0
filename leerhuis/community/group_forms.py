"""The forms of a group's page: the motivation of a request, an invitation by address, and
a document for the group.

A document is checked by what it is, not only by what it is called (leerhuis.core.uploads:
a PDF starts with %PDF-, an office file is a zip with the parts an office file has, a text
or CSV file is readable text without NUL bytes). Up to 10 MB.
"""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from leerhuis.core.uploads import DOCUMENT_EXTENSIONS, content_matches, extension_of
from members.groups import MOTIVATION_MAX

DOCUMENT_MAX = 10 * 1024 * 1024
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
            "PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), OpenDocument (odt, ods, odp), "
            "txt of csv; hooguit 10 MB."
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
        extension = extension_of(upload.name)
        if extension not in DOCUMENT_EXTENSIONS:
            raise forms.ValidationError(
                _(
                    "Dit soort bestand kan hier niet: kies een PDF, docx, xlsx, pptx, odt, ods, "
                    "odp, txt of csv."
                )
            )
        if not content_matches(upload, extension):
            raise forms.ValidationError(
                _("Dit bestand is geen echt %(kind)s-bestand; het is niet opgeslagen.")
                % {"kind": extension.upper()}
            )
        upload.leerhuis_extension = extension
        return upload
