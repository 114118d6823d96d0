"""The form a member writes a praktijkcasus with, on the site.

A draft needs only a title; submitting asks for the parts a reader needs (summary, opgave,
approach, lessons, a theme). Texts are plain text areas whose content is sanitised
(leerhuis.core.sanitise) before it is stored. One optional attachment: an image (JPEG, PNG
or WebP, up to 5 MB, with a description) or a document (PDF or an office file, up to
10 MB), checked by what the file is, not by what it is called.
"""

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage

from leerhuis.core.sanitise import as_typed, member_html
from leerhuis.core.themes import Thema
from leerhuis.core.uploads import OFFICE_EXTENSIONS, content_matches, extension_of
from members.access import SITE_CHOICES, Visibility

IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
IMAGE_MAX = 5 * 1024 * 1024
DOCUMENT_MAX = 10 * 1024 * 1024
DOCUMENT_EXTENSIONS = {"pdf", *OFFICE_EXTENSIONS}
TEXT_HELP = _(
    "Een lege regel begint een nieuwe alinea; regels die met '- ' beginnen worden een opsomming."
)
# The parts of a case, their form labels, and whether submitting needs them.
PARTS = [
    (
        "opgave",
        _("De opgave"),
        _("Welke maatschappelijke opgave, en waarom vroeg die om opgave-sturing?"),
        True,
    ),
    (
        "approach",
        _("Aanpak"),
        _("Hoe hebben jullie het georganiseerd: rollen, mandaat, samenwerking?"),
        True,
    ),
    ("results", _("Resultaten"), _("Wat heeft het opgeleverd, ook als het nog loopt?"), False),
    (
        "lessons",
        _("Lessen"),
        _("Wat zouden jullie een andere gemeente aanraden, of juist afraden?"),
        True,
    ),
]
SAVE, SUBMIT = "opslaan", "indienen"


def _area(label, help_text, max_length=10000, rows=8):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _kind_of(upload: UploadedFile):
    """("image", extension) or ("document", extension) for an accepted file, else None."""
    extension = extension_of(upload.name)
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith((b"%PDF-", b"PK\x03\x04")):
        if extension in DOCUMENT_EXTENSIONS and content_matches(upload, extension):
            return ("document", extension)
        return None
    try:
        with PillowImage.open(upload) as image:
            found, (width, height) = image.format, image.size
            pixels = width * height * getattr(image, "n_frames", 1)
            image.verify()
    except Exception:  # noqa: BLE001 - whatever Pillow cannot read is no image we take
        return None
    finally:
        upload.seek(0)
    if found not in IMAGE_FORMATS:
        return None
    # A small file may unpack into gigabytes when a rendition is made.
    if pixels > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        raise forms.ValidationError(
            _(
                "Deze afbeelding heeft te veel beeldpunten: hooguit %(max)s miljoen. Maak hem "
                "kleiner en probeer het opnieuw."
            )
            % {"max": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000}
        )
    return ("image", IMAGE_FORMATS[found])


class CaseForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    intro = _area(
        _("Samenvatting"),
        _("Twee of drie zinnen: waar gaat de casus over en wat is de kern?"),
        max_length=600,
        rows=3,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Thema.objects.live(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    visibility = forms.ChoiceField(
        label=_("Wie mag de casus lezen?"),
        choices=SITE_CHOICES,
        initial=Visibility.PUBLIC,
        widget=forms.RadioSelect,
    )
    show_author = forms.BooleanField(
        label=_("Toon mijn naam en organisatie bij de gepubliceerde casus"),
        required=False,
        help_text=_(
            "Zo kunnen collega's je vinden. Zonder vinkje verschijnt de casus zonder naam."
        ),
    )
    attachment = forms.FileField(
        label=_("Afbeelding of document"),
        required=False,
        help_text=_(
            "Een afbeelding (JPG, PNG of WebP, tot 5 MB) of een document (PDF, Word, "
            "PowerPoint, Excel of OpenDocument, tot 10 MB)."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".jpg,.jpeg,.png,.webp,.pdf,.docx,.pptx,.xlsx,.odt,.odp,.ods"}
        ),
    )
    image_alt = forms.CharField(
        label=_("Beschrijving van de afbeelding"),
        max_length=250,
        required=False,
        help_text=_("Wat er op de afbeelding te zien is, voor wie hem niet kan zien."),
    )
    remove_attachment = forms.BooleanField(label=_("Huidige bijlage verwijderen"), required=False)

    def __init__(self, *args, case=None, organisation=None, action=SAVE, **kwargs):
        self.case = case  # the newest version of the case being edited, or None
        self.organisation = organisation
        self.action = action
        if case is not None and not kwargs.get("data"):
            kwargs["initial"] = self.initial_from(case)
        super().__init__(*args, **kwargs)
        parts = {
            name: _area(label, f"{help_text} {TEXT_HELP}")
            for name, label, help_text, _required in PARTS
        }
        order = ["title", "intro", *parts, "themes", "visibility", "show_author"]
        self.fields.update(parts)
        self.order_fields([*order, "attachment", "image_alt", "remove_attachment"])
        if case is None or not (case.image_id or case.document_id):
            del self.fields["remove_attachment"]
        # A draft may leave them empty; the label says that submitting needs them.
        for name in ("intro", "themes", *(name for name, *_r, needed in PARTS if needed)):
            self.fields[name].needed_to_submit = True

    @staticmethod
    def initial_from(case):
        initial = {
            "title": case.title,
            "intro": case.intro,
            "themes": list(case.themes.all()),
            "visibility": case.visibility,
            "show_author": case.show_author,
            "image_alt": case.image_alt,
        }
        initial.update({name: as_typed(getattr(case, name)) for name, *_rest in PARTS})
        return initial

    @property
    def current_attachment(self):
        if self.case is None:
            return None
        return self.case.image or self.case.document

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        kind = _kind_of(upload)
        if kind is None:
            raise forms.ValidationError(
                _(
                    "Dit bestandstype kunnen we niet aannemen. Kies een JPG, PNG of WebP, of een "
                    "PDF of kantoordocument."
                )
            )
        limit = IMAGE_MAX if kind[0] == "image" else DOCUMENT_MAX
        if upload.size > limit:
            raise forms.ValidationError(
                _("Het bestand is %(size)s; het mag hoogstens %(limit)s zijn.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        upload.leerhuis_kind = kind
        return upload

    def clean(self):
        data = super().clean()
        if "intro" in data:
            data["intro"] = " ".join(data["intro"].split())
        for name, *_rest in PARTS:
            if name in data:
                data[name] = member_html(data[name])
        upload = data.get("attachment")
        keeps_image = (
            self.case is not None and self.case.image_id and not data.get("remove_attachment")
        )
        new_image = upload is not None and upload.leerhuis_kind[0] == "image"
        if (new_image or (keeps_image and upload is None)) and not data.get(
            "image_alt", ""
        ).strip():
            self.add_error("image_alt", _("Beschrijf wat er op de afbeelding te zien is."))
        if self.action == SUBMIT:
            self._check_complete(data)
        return data

    def _check_complete(self, data):
        needed = [("intro", _("Schrijf een korte samenvatting."))]
        needed += [
            (name, _("Vul '%(part)s' in voordat je de casus indient.") % {"part": label})
            for name, label, _help, required in PARTS
            if required
        ]
        for name, message in needed:
            if name in data and not data[name].strip():
                self.add_error(name, message)
        if "themes" in data and not data["themes"]:
            self.add_error("themes", _("Kies ten minste één thema."))

    def model_data(self):
        """What the form sets on the case (CasePage fields), the attachment aside."""
        data = self.cleaned_data
        values = {name: data[name] for name in ("title", "intro", "visibility", "show_author")}
        values.update({name: data[name] for name, *_rest in PARTS})
        values["themes"] = list(data["themes"])
        values["image_alt"] = data.get("image_alt", "").strip()
        values["organisation"] = self.organisation if data["show_author"] else None
        return values
