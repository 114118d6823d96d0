from django import forms
from django.utils.translation import gettext_lazy as _


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
