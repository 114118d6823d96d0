from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from members.models import Organisation


class SignupForm(forms.Form):
    """The extra field of allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    full_name = forms.CharField(
        label=_("Volledige naam"),
        max_length=150,
        help_text=_("Zoals collega's je kennen, bijvoorbeeld 'Astrid van de Klift'."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["full_name", "email", "password1", "password2"]

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Vul je naam in."))
        return name

    def signup(self, request, user):
        """allauth calls this after saving; AccountAdapter.save_user already stored the name."""


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["full_name", "function", "bio"]
        labels = {"full_name": _("Volledige naam")}
        error_messages = {"full_name": {"required": _("Vul je naam in.")}}
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "bio": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Vul je naam in."))
        return name


class ChooseOrganisationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Bij welke organisatie werk je?"),
        queryset=Organisation.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Kies een organisatie."),
            "invalid_choice": _("Kies een van de organisaties in de lijst."),
        },
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            pk__in=[c.pk for c in candidates]
        )


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ik begrijp dat mijn account en gegevens definitief verdwijnen."),
        error_messages={"required": _("Vink aan dat je dit begrijpt.")},
    )
