"""The moderators' tools in the admin (/admin/meldingen/): open reports grouped per post,
hidden posts, and hiding, restoring and dismissing. Every view asks rules.is_moderator
first (403 otherwise); the admin itself is behind MFA (members.middleware). The verbs and
their log entries are in services/moderation.py; these views only call them.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Min, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import rules
from .models import Post, Report
from .services import moderation
from .services.moderation import ModerationError

NAMESPACE = "meldingen"
PER_PAGE = 25


def url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


def open_report_count():
    return Report.objects.open().count()


def forbidden(request):
    """A plain 403 in the admin's layout: Wagtail would redirect to the dashboard."""
    return TemplateResponse(
        request,
        "community/admin/geen_toegang.html",
        {"page_title": _("Geen toegang"), "header_title": _("Geen toegang")},
        status=403,
    )


class ModeratorMixin(WagtailAdminTemplateMixin):
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": url("index"), "label": _("Meldingen")}]
        if self.page_title != _("Meldingen"):
            items.append({"url": "", "label": self.get_page_title()})
        return items

    def dispatch(self, request, *args, **kwargs):
        if not rules.is_moderator(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(reports_url=url("index"), hidden_url=url("hidden"))
        return context


def _page(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("p"))


class ReportsView(ModeratorMixin, TemplateView):
    """Open reports, one block per post, the longest waiting first; a fixed number of
    queries however many there are (one for the page of posts, one for their reports)."""

    template_name = "community/admin/meldingen.html"
    page_title = _("Meldingen")

    def get_context_data(self, **kwargs):
        posts = (
            Post.objects.filter(pk__in=Report.objects.open().values("post_id"))
            .annotate(
                first_reported=Min(
                    "reports__created_at", filter=Q(reports__resolved_at__isnull=True)
                )
            )
            .select_related("thread", "author", "hidden_by")
            .prefetch_related(
                Prefetch(
                    "reports",
                    queryset=Report.objects.open()
                    .select_related("reporter")
                    .order_by("created_at"),
                    to_attr="open_reports",
                )
            )
            .order_by("first_reported", "pk")
        )
        page = _page(self.request, posts)
        for post in page:
            post.excerpt = moderation.excerpt(post.body, 600)
        return super().get_context_data(page=page, **kwargs)


class HiddenView(ModeratorMixin, TemplateView):
    template_name = "community/admin/verborgen.html"
    page_title = _("Verborgen bijdragen")

    def get_context_data(self, **kwargs):
        posts = (
            Post.objects.filter(hidden_at__isnull=False)
            .select_related("thread", "author", "hidden_by")
            .order_by("-hidden_at", "-pk")
        )
        page = _page(self.request, posts)
        for post in page:
            post.excerpt = moderation.excerpt(post.body, 600)
        return super().get_context_data(page=page, **kwargs)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        help_text=_("De auteur krijgt deze reden per mail te lezen."),
        max_length=moderation.REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Geef een reden; de auteur krijgt die te lezen."),
            "max_length": _("Houd de reden korter dan %(limit_value)s tekens."),
        },
    )


class DecisionView(ModeratorMixin, TemplateView):
    """Asks for a reason, then calls the verb; a refusal comes back as an error message."""

    template_name = "community/admin/besluit.html"
    verb = None
    done = ""
    unchanged = ""

    def get_post(self, pk):
        return get_object_or_404(Post.objects.select_related("thread", "author"), pk=pk)

    def get(self, request, pk):
        post = self.get_post(pk)
        return self.render_to_response(self.get_context_data(post=post, form=ReasonForm()))

    def post(self, request, pk):
        post = self.get_post(pk)
        form = ReasonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(post=post, form=form))
        try:
            _post, changed = type(self).verb(post, request.user, form.cleaned_data["reason"])
        except ModerationError as error:
            form.add_error("reason", error.message)
            return self.render_to_response(self.get_context_data(post=post, form=form))
        if changed:
            messages.success(request, str(self.done))
        else:
            messages.warning(request, str(self.unchanged))
        return redirect(self.back_url)

    def get_context_data(self, **kwargs):
        post = kwargs["post"]
        post.excerpt = moderation.excerpt(post.body, 2000)
        return super().get_context_data(
            intro=self.intro, submit=self.submit, back_url=self.back_url, **kwargs
        )


class HideView(DecisionView):
    verb = moderation.hide
    page_title = _("Bijdrage verbergen")
    intro = _(
        "De bijdrage verdwijnt uit het gesprek; er blijft staan dat een moderator haar verborg. "
        "Open meldingen over deze bijdrage worden afgehandeld."
    )
    submit = _("Verbergen")
    done = _("De bijdrage is verborgen; de auteur krijgt de reden per mail.")
    unchanged = _("Deze bijdrage was al verborgen.")

    @property
    def back_url(self):
        return url("index")


class RestoreView(DecisionView):
    verb = moderation.restore
    page_title = _("Bijdrage terugzetten")
    intro = _("De bijdrage is weer te lezen voor iedereen die het gesprek mag zien.")
    submit = _("Terugzetten")
    done = _("De bijdrage is teruggezet; de auteur krijgt de reden per mail.")
    unchanged = _("Deze bijdrage was niet verborgen.")

    @property
    def back_url(self):
        return url("hidden")


class DismissView(ModeratorMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        report = get_object_or_404(Report, pk=pk)
        try:
            _report, changed = moderation.dismiss(report, request.user)
        except ModerationError as error:
            messages.error(request, error.message)
        else:
            if changed:
                messages.success(
                    request, gettext("De melding is afgewezen; de bijdrage blijft staan.")
                )
            else:
                messages.warning(request, gettext("Deze melding was al afgehandeld."))
        return redirect(url("index"))


def urlpatterns():
    return [
        path("", ReportsView.as_view(), name="index"),
        path("verborgen/", HiddenView.as_view(), name="hidden"),
        path("bijdrage/<int:pk>/verbergen/", HideView.as_view(), name="hide"),
        path("bijdrage/<int:pk>/terugzetten/", RestoreView.as_view(), name="restore"),
        path("<int:pk>/afwijzen/", DismissView.as_view(), name="dismiss"),
    ]
