"""Reporting a post on the site (/gesprekken/bijdrage/<pk>/melden/): a small form, the verb
in services/moderation.py. Moderators answer reports in the admin (admin_moderation.py).

Who may report is rules.may_report; a post in a thread the person may not see answers 404,
so the form never tells that it exists.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from leerhuis.core.ratelimit import over_limit, too_many
from members.access import can_view, private

from . import rules
from .models import Post, Report
from .services.moderation import EXPLANATION_MAX, ModerationError, excerpt
from .services.moderation import report as report_post

# Enough for an honest reader on a bad day; a script stops here.
REPORT_LIMIT = 10
REPORT_WINDOW = 3600


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("Waarom meld je deze bijdrage?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Kies een reden voor je melding."),
            "invalid_choice": gettext_lazy("Kies een van de genoemde redenen."),
        },
    )
    explanation = forms.CharField(
        label=gettext_lazy("Toelichting"),
        help_text=gettext_lazy(
            "Niet verplicht. Alleen de moderatoren lezen dit; de auteur ziet niet wie meldde."
        ),
        required=False,
        max_length=EXPLANATION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": gettext_lazy(
                "Houd je toelichting korter dan %(limit_value)s tekens (nu %(show_value)s)."
            )
        },
    )


def _reportable_post(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread", "author"), pk=pk)
    if post.is_deleted or not can_view(request.user, post.thread):
        raise Http404
    if not rules.may_report(request.user, post):
        raise PermissionDenied(_("Je eigen bijdrage kun je niet melden."))
    return post


@login_required
@require_http_methods(["GET", "POST"])
def report_view(request, pk):
    post = _reportable_post(request, pk)
    if post.is_hidden:
        messages.info(request, _("Deze bijdrage is al verborgen door een moderator."))
        return redirect(post.thread.get_absolute_url())
    form = ReportForm()
    if request.method == "POST":
        if over_limit(request, "melden", limit=REPORT_LIMIT, window=REPORT_WINDOW):
            return too_many(request)
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                _report, created = report_post(
                    post,
                    request.user,
                    form.cleaned_data["reason"],
                    form.cleaned_data["explanation"],
                )
            except ModerationError as error:
                if error.code == "forbidden":
                    raise PermissionDenied(error.message) from error
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Dank je. Een moderator bekijkt je melding.")
                    if created
                    else _("Je had deze bijdrage al gemeld; een moderator bekijkt je melding."),
                )
                return redirect(post.get_absolute_url())
    return private(
        render(
            request,
            "community/melden.html",
            {"post": post, "excerpt": excerpt(post.body), "form": form, "thread": post.thread},
        )
    )
