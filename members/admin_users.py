"""Wagtail's user admin for our user model: one full-name field, no passwords.

Passwords and email addresses change through allauth only, so verification and (later)
the organisation check always run.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

User = get_user_model()


class _FullNameMixin(forms.Form):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Volledige naam"), max_length=150)


class LeerhuisUserCreationForm(_FullNameMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = {"email", "full_name", "is_superuser", "groups"}


class LeerhuisUserEditForm(_FullNameMixin, UserEditForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An address changes only through allauth, where the new one is verified first.
        email = self.fields["email"]
        email.disabled = True
        email.help_text = _(
            "Een e-mailadres wijzigt de gebruiker zelf, via 'E-mailadres wijzigen'; het nieuwe "
            "adres moet eerst bevestigd worden."
        )

    class Meta(UserEditForm.Meta):
        fields = {"email", "full_name", "is_active", "is_superuser", "groups"}


class UserViewSet(WagtailUserViewSet):
    # Templates: templates/wagtailusers/users/members/user/ (the viewset looks there first).

    def get_form_class(self, for_update=False):
        return LeerhuisUserEditForm if for_update else LeerhuisUserCreationForm


class FullNameForm(forms.ModelForm):
    """The name panel of the admin's account page (email changes go through allauth)."""

    class Meta:
        model = User
        fields = ["full_name"]
