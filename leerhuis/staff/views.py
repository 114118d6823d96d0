"""The administrator's MFA reset of a colleague: a confirmation page, then a POST."""

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from leerhuis.staff.mfa import reset_mfa


def may_reset_mfa(user, colleague=None):
    """Superusers only, and not for themselves (their own is under "Mijn account")."""
    return user.is_superuser and (colleague is None or colleague.pk != user.pk)


class MFAResetView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "staff/mfa_herstellen.html"
    page_title = _("Tweestapsverificatie herstellen")
    header_icon = "key"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not may_reset_mfa(request.user):
            raise PermissionDenied  # Wagtail sends them to the dashboard
        self.colleague = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        if not may_reset_mfa(request.user, self.colleague):
            messages.error(
                request,
                gettext("Je eigen tweestapsverificatie beheer je onder 'Mijn account'."),
            )
            return redirect(self.back_url)
        return super().dispatch(request, *args, **kwargs)

    @property
    def back_url(self):
        return reverse("wagtailusers_users:edit", args=[self.colleague.pk])

    def colleague_name(self):
        return self.colleague.get_full_name() or self.colleague.email

    def get_page_subtitle(self):
        return self.colleague_name()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            colleague_name=self.colleague_name(),
            count=Authenticator.objects.filter(user=self.colleague).count(),
            back_url=self.back_url,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        reset_mfa(self.colleague, request.user)
        messages.success(
            request,
            gettext(
                "De tweestapsverificatie van %(name)s is hersteld. Bij de volgende keer "
                "inloggen stelt de collega een nieuwe authenticator-app in."
            )
            % {"name": self.colleague_name()},
        )
        return redirect(self.back_url)
