"""allauth in the house style: mails signed with the site's name, with the subject as their
heading (includes/mail_layout.html), addressed by name, and naming the device a change
came from rather than quoting its User-Agent header."""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

from members import devices, security_log
from members.client_ip import client_ip

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
    def get_client_ip(self, request):
        # allauth's limits key on this; ours too (members/client_ip.py), so both agree.
        return client_ip(request)

    def pre_authenticate(self, request, **credentials):
        # allauth refuses a login after too many failures with a form error, not a 429:
        # the security log must see that limit reached too.
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            login = security_log.mask_email(credentials.get("email"))
            security_log.event(request, "limiet-bereikt", limiet="login_failed", login=login)
            raise

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
        # allauth's own asks the request for the site, which a mail sent after the commit
        # (allauth's MFA notices) or from a task does not have; the site is in the settings.
        ctx = {
            "request": allauth_context.request,
            "email": email,
            "current_site": MailSite(
                settings.WAGTAIL_SITE_NAME, urlsplit(settings.BASE_URL).netloc
            ),
            "base_url": settings.BASE_URL,
            **context,
        }
        if "user_agent" in ctx:
            ctx["device"] = devices.describe(ctx["user_agent"])
        # send() only writes the mail to the outbox (EMAIL_BACKEND): the mail server is
        # never asked during the request, so its outage fails no sign-up or reset.
        self.render_mail(template_prefix, email, ctx).send()

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        # allauth leaves the user out of a notification's context; the greeting needs the name.
        super().send_notification_mail(
            template_prefix, user, {"user": user, **(context or {})}, email
        )

    def render_mail(self, template_prefix, email, context, headers=None):
        # The HTML part shows the subject as its heading, as the meeting mails do.
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        context = {**context, "subject": " ".join(subject.splitlines()).strip()}
        return super().render_mail(template_prefix, email, context, headers)

    def get_email_verification_redirect_url(self, email_address):
        url = super().get_email_verification_redirect_url(email_address)
        back = self.request.session.get(RETURN_AFTER_VERIFICATION, "")
        if self.request.user.is_authenticated or not back:
            return url
        if not back.startswith("/") or not url_has_allowed_host_and_scheme(back, None):
            return url
        return f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': back})}"
