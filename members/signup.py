"""allauth's forms that ask for an email address, asking for the address at work and saying
why.

Membership is recognised by the domain of a verified address (members/affiliations.py), so a
private address would cost a member their free places. The forms live apart from
members/forms.py because allauth's forms module imports that one (ACCOUNT_SIGNUP_FORM_CLASS).
"""

from allauth.account.forms import AddEmailForm, SignupForm
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext as _


def ask_for_work_address(field, label):
    field.label = label
    field.help_text = _(
        "We herkennen aan je werkmailadres of je organisatie lid is; dan zijn bijeenkomsten "
        "voor jou gratis. Je krijgt er een link op om het adres te bevestigen."
    )
    # Browsers fill in the saved address; no placeholder that looks like an answer.
    field.widget.attrs.pop("placeholder", None)
    field.widget.attrs.update({"autocomplete": "email", "inputmode": "email"})


class WorkAddressSignupForm(SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ask_for_work_address(self.fields["email"], _("E-mailadres op je werk"))
        self.fields["password1"].widget.attrs["autocomplete"] = "new-password"
        self.fields["password2"].widget.attrs["autocomplete"] = "new-password"

    def try_save(self, request):
        # A taken address gets a mail instead of an account (ACCOUNT_PREVENT_ENUMERATION),
        # the same answer as a new one; but a new account costs a password hash, a few
        # hundred milliseconds. Hash here too, so the time taken does not tell whether the
        # address has an account. The hash is thrown away.
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class WorkAddressChangeForm(AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        ask_for_work_address(self.fields["email"], _("Nieuw e-mailadres op je werk"))
