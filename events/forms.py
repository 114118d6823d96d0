"""The forms of signing up: answers for a meeting or a leergang (stuur een collega:
events/invitations.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Workshop
from events.services import Answers


class RegistrationForm(forms.Form):
    """Answers at sign-up. The workshop choice only when the meeting offers workshops;
    dietary needs only when people meet on location (`dietary`); the billing details only
    when the person pays (non-members, or members of a paid meeting)."""

    workshop = forms.ModelChoiceField(
        label=_("Welke workshop kies je?"),
        queryset=Workshop.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Kies een workshop."),
            "invalid_choice": _("Kies een van de workshops van deze activiteit."),
        },
    )
    dietary = forms.CharField(
        label=_("Dieetwensen"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld vegetarisch, halal of een allergie."),
    )
    accessibility = forms.CharField(
        label=_("Wat heb je nodig om goed mee te kunnen doen?"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld een rolstoelplek, een ringleiding of een tolk."),
    )
    on_attendee_list = forms.BooleanField(
        label=_("Andere deelnemers mogen mijn naam en organisatie zien op de deelnemerslijst."),
        required=False,
    )
    billing_organisation = forms.CharField(
        label=_("Factuur aan (organisatie)"),
        max_length=200,
        error_messages={"required": _("Vul in aan welke organisatie de factuur gaat.")},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    billing_reference = forms.CharField(
        label=_("Inkoopordernummer of kostenplaats"),
        max_length=100,
        help_text=_("Zonder dit nummer kan je organisatie de factuur meestal niet betalen."),
        error_messages={"required": _("Vul het inkoopordernummer of de kostenplaats in.")},
    )
    billing_email = forms.EmailField(
        label=_("E-mailadres voor de factuur"),
        required=False,
        help_text=_("Bijvoorbeeld de crediteurenadministratie. Leeg: je eigen adres."),
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@gemeente.nl.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, event=None, pays=False, organisation_name="", dietary=True, **kwargs):
        super().__init__(*args, **kwargs)
        if event is not None and event.workshops.exists():
            self.fields["workshop"].queryset = event.workshops.all()
        else:
            del self.fields["workshop"]
        if not dietary:
            del self.fields["dietary"]
        if pays:
            self.fields["billing_organisation"].initial = organisation_name
        else:
            for name in ("billing_organisation", "billing_reference", "billing_email"):
                del self.fields[name]

    @property
    def billing_fields(self):
        return [
            self[name]
            for name in ("billing_organisation", "billing_reference", "billing_email")
            if name in self.fields
        ]

    @property
    def answer_fields(self):
        names = ("dietary", "accessibility", "on_attendee_list")
        return [self[name] for name in names if name in self.fields]

    def clean(self):
        data = super().clean()
        for name in ("dietary", "accessibility", "billing_organisation", "billing_reference"):
            if name in data:
                data[name] = " ".join(data[name].split())
        return data

    def answers(self):
        data = self.cleaned_data
        return Answers(
            dietary=data.get("dietary", ""),
            accessibility=data["accessibility"],
            workshop=data.get("workshop"),
            on_attendee_list=data["on_attendee_list"],
            billing_organisation=data.get("billing_organisation", ""),
            billing_reference=data.get("billing_reference", ""),
            billing_email=data.get("billing_email", ""),
        )
