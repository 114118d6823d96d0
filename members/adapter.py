from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


@dataclass(frozen=True)
class MailSite:
    """What allauth's mail templates call current_site: our name, not the request's host."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        # Email is the login; there is no username to fill.
        return None

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data.get("full_name", user.full_name)
        user.email = user.email.lower()
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        site = MailSite(settings.WAGTAIL_SITE_NAME, urlsplit(settings.BASE_URL).netloc)
        super().send_mail(template_prefix, email, {"current_site": site, **context})
