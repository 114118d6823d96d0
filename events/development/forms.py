"""The forms of the record: learning elsewhere with its proof document, and the yearly goal.

A proof is checked by what it is, not only by what it is called (as group documents are,
leerhuis/community/group_forms.py): a PDF starts with %PDF-, a PNG and a JPEG with their
signatures, and the name must say the same kind. Up to 10 MB. The file keeps a readable
name; the model stores it under a random folder (ExternalLearning.proof_path).

Numbers are typed the Dutch way ("5,5") or with a point; both are read.
"""

import datetime
import os
from decimal import Decimal

from django import forms
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from events.models import AccreditationScheme, DevelopmentGoal, ExternalLearning

from .record import FIRST_YEAR

PROOF_MAX = 10 * 1024 * 1024
# Kind of file → (extensions, how its content starts, the content type it is sent with).
PROOF_KINDS = {
    "PDF": ({"pdf"}, (b"%PDF-",), "application/pdf"),
    "PNG": ({"png"}, (b"\x89PNG\r\n\x1a\n",), "image/png"),
    "JPEG": ({"jpg", "jpeg"}, (b"\xff\xd8\xff",), "image/jpeg"),
}
ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
NAME_MAX = 100
HOURS_MAX = Decimal("1000")
# A record for recertification looks back a few years; earlier dates are typing errors.


def proof_kind(name):
    """The kind of proof a file name says it is ("PDF", "PNG", "JPEG"), or None."""
    extension = os.path.splitext(name or "")[1].lstrip(".").lower()
    found = (kind for kind, (extensions, *_rest) in PROOF_KINDS.items() if extension in extensions)
    return next(found, None)


def content_type_of(name):
    kind = proof_kind(name)
    return PROOF_KINDS[kind][2] if kind else "application/octet-stream"


def _starts_as(upload, kind):
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return head.startswith(PROOF_KINDS[kind][1])


def _readable_name(name):
    """The name as the person gave it, made safe for storage and not too long."""
    stem, extension = os.path.splitext(os.path.basename(name))
    try:
        stem = get_valid_filename(stem.strip() or "bewijsstuk")
    except SuspiciousFileOperation:  # nothing usable left: "€", "!!!", an emoji
        stem = "bewijsstuk"
    return f"{stem[: NAME_MAX - len(extension)]}{extension.lower()}"


def hours_field(label, required=True, **kwargs):
    return forms.DecimalField(
        label=label,
        required=required,
        localize=True,
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=HOURS_MAX,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "required": _("Vul het aantal studie-uren in."),
            "invalid": _("Vul het aantal uren in als getal, bijvoorbeeld 8 of 5,5."),
            "min_value": _("Het aantal uren moet meer dan 0 zijn."),
            "max_value": _("Hooguit 1000 uur."),
            "max_decimal_places": _("Hooguit twee cijfers achter de komma."),
            "max_digits": _("Hooguit 1000 uur."),
            "max_whole_digits": _("Hooguit 1000 uur."),
        },
        **kwargs,
    )


def points_field():
    return forms.DecimalField(
        label=_("Punten"),
        required=False,
        localize=True,
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("0.25"),
        max_value=Decimal("1000"),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "invalid": _("Vul de punten in als getal, bijvoorbeeld 3 of 1,5."),
            "min_value": _("Vul minstens 0,25 punt in."),
            "max_value": _("Hooguit 1000 punten."),
            "max_decimal_places": _("Hooguit twee cijfers achter de komma."),
            "max_digits": _("Hooguit 1000 punten."),
            "max_whole_digits": _("Hooguit 1000 punten."),
        },
    )


def scheme_field(help_text):
    return forms.ModelChoiceField(
        label=_("Regeling"),
        queryset=AccreditationScheme.objects.all(),
        required=False,
        empty_label=_("geen punten"),
        help_text=help_text,
        error_messages={"invalid_choice": _("Kies een regeling uit de lijst.")},
    )


def _plain(value):
    """12.50 → 12.5 and 8.00 → 8, so a stored figure is shown as it was typed."""
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def show_plain(form, *names):
    for name in names:
        if name in form.initial:
            form.initial[name] = _plain(form.initial[name])


def check_points_pair(form, cleaned):
    """Points belong to a scheme: one without the other says nothing."""
    scheme, points = cleaned.get("scheme"), cleaned.get("points")
    if points is not None and scheme is None and "scheme" not in form.errors:
        form.add_error("scheme", _("Kies de regeling waarin je de punten haalde."))
    if scheme is not None and points is None and "points" not in form.errors:
        form.add_error("points", _("Vul in hoeveel punten je in deze regeling haalde."))


class ExternalLearningForm(forms.ModelForm):
    """Learning elsewhere, added by hand. Editing keeps the proof unless a new one is
    chosen or `remove_proof` is ticked."""

    title = forms.CharField(
        label=_("Wat heb je gedaan?"),
        max_length=200,
        help_text=_("Bijvoorbeeld de naam van de cursus, training of het congres."),
        error_messages={
            "required": _("Vul in wat je hebt gedaan, bijvoorbeeld de naam van de cursus."),
            "max_length": _("De titel is te lang: hooguit %(limit_value)d tekens."),
        },
    )
    organiser = forms.CharField(
        label=_("Organisator"),
        max_length=200,
        error_messages={
            "required": _("Vul in wie het organiseerde."),
            "max_length": _("De naam is te lang: hooguit %(limit_value)d tekens."),
        },
    )
    date = forms.DateField(
        label=_("Datum"),
        help_text=_("Bij een cursus van meer dagen: de laatste dag."),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul de datum in."),
            "invalid": _("Vul een bestaande datum in, bijvoorbeeld 15-03-2026."),
        },
    )
    hours = hours_field(_("Studie-uren"))
    scheme = scheme_field(_("Alleen als de activiteit punten opleverde, bijvoorbeeld bij IPMA."))
    points = points_field()
    proof = forms.FileField(
        label=_("Bewijsstuk"),
        required=False,
        help_text=_("Een certificaat of bewijs van deelname: PDF, PNG of JPEG, hooguit 10 MB."),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        error_messages={
            "empty": _("Dit bestand is leeg."),
            "invalid": _("Kies een bestand."),
        },
    )
    remove_proof = forms.BooleanField(label=_("Bewijsstuk verwijderen"), required=False)

    class Meta:
        model = ExternalLearning
        fields = ["title", "organiser", "date", "hours", "scheme", "points", "proof"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        show_plain(self, "hours", "points")
        if not self.instance.proof:
            del self.fields["remove_proof"]
        else:
            self.fields["proof"].label = _("Ander bewijsstuk")
            self.fields["proof"].help_text = _(
                "Kies alleen een bestand als je het huidige wilt vervangen: PDF, PNG of JPEG, "
                "hooguit 10 MB."
            )

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                _("Deze datum ligt in de toekomst. Voeg een activiteit toe als je hem gedaan hebt.")
            )
        if day < datetime.date(FIRST_YEAR, 1, 1):
            raise forms.ValidationError(
                _("Vul een datum in vanaf %(year)s.") % {"year": FIRST_YEAR}
            )
        return day

    def clean_proof(self):
        upload = self.cleaned_data.get("proof")
        if not isinstance(upload, UploadedFile):
            return upload  # nothing new chosen: the stored proof stays
        if upload.size > PROOF_MAX:
            raise forms.ValidationError(
                _("Dit bestand is %(size)s; een bewijsstuk mag hooguit %(max)s zijn.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(PROOF_MAX)}
            )
        kind = proof_kind(upload.name)
        if kind is None:
            raise forms.ValidationError(
                _("Dit soort bestand kan hier niet: kies een PDF, PNG of JPEG.")
            )
        if not _starts_as(upload, kind):
            raise forms.ValidationError(
                _("Dit bestand is geen echt %(kind)s-bestand; het is niet opgeslagen.")
                % {"kind": kind}
            )
        upload.name = _readable_name(upload.name)
        return upload

    def clean(self):
        cleaned = super().clean()
        check_points_pair(self, cleaned)
        return cleaned

    @property
    def new_proof(self):
        return isinstance(self.cleaned_data.get("proof"), UploadedFile)

    def save(self, commit=True):
        learning = super().save(commit=False)
        if self.cleaned_data.get("remove_proof") and not self.new_proof:
            learning.proof = ""
        if learning.scheme is None:
            learning.points = None
        if commit:
            learning.save()
        return learning


class GoalForm(forms.ModelForm):
    """A year's goal: hours, and optionally points in one scheme; at least one of them."""

    hours = hours_field(
        _("Studie-uren"),
        required=False,
        help_text=_("Hoeveel uur wil je dit jaar leren?"),
    )
    scheme = scheme_field(_("Alleen als je ook punten wilt halen, bijvoorbeeld voor IPMA."))
    points = points_field()

    class Meta:
        model = DevelopmentGoal
        fields = ["hours", "scheme", "points"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        show_plain(self, "hours", "points")

    def clean(self):
        cleaned = super().clean()
        check_points_pair(self, cleaned)
        nothing = cleaned.get("hours") is None and cleaned.get("points") is None
        if nothing and not self.errors:
            raise forms.ValidationError(
                _(
                    "Vul in hoeveel uur je wilt leren, of hoeveel punten in een regeling. "
                    "Wil je geen doel meer? Kies dan ‘Doel weghalen’."
                )
            )
        return cleaned
