from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

# A page that asks a visitor to sign up (an invitation, say) puts its own path here in the
# session; after verifying the address the visitor logs in and lands back on it. A link
# opened in another browser has no session: the visitor simply follows the first link again.
RETURN_AFTER_VERIFICATION = "members_return_after_verification"


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

    def get_email_verification_redirect_url(self, email_address):
        url = super().get_email_verification_redirect_url(email_address)
        back = self.request.session.get(RETURN_AFTER_VERIFICATION, "")
        if self.request.user.is_authenticated or not back:
            return url
        if not back.startswith("/") or not url_has_allowed_host_and_scheme(back, None):
            return url
        return f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': back})}"
