"""Members' proposals in the admin, under "Begrippen": a list to read and two decisions.

Read-mostly on purpose: a proposal is what a member wrote, so editors do not edit it; they
accept it (it becomes a draft in review) or reject it with a reason, through the verbs in
glossary.proposals, which log the decision and mail the proposer.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from glossary import proposals
from glossary.models import Proposal
from members.admin_choosers import SnippetChooserViewSet

NAMESPACE = "glossary_proposal"


class AcceptForm(forms.Form):
    note = forms.CharField(
        label=_("Toelichting voor de indiener"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van afwijzen"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De indiener krijgt deze reden per mail."),
        error_messages={"required": _("Geef de reden waarom het voorstel wordt afgewezen.")},
    )


class ProposalIndexView(IndexView):
    """No adding, editing or deleting here; an open proposal offers its two decisions."""

    def get_add_url(self):
        return None

    def get_edit_url(self, instance):
        return None

    def get_copy_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if instance.is_open and self.user_has_permission("change"):
            for name, label in (("accept", _("Accepteren")), ("reject", _("Afwijzen"))):
                url = reverse(f"{NAMESPACE}:{name}", args=[instance.pk])
                buttons.append(ListingButton(label, url, priority=5))
        return buttons


class ProposalCreateView(CreateView):
    def dispatch(self, request, *args, **kwargs):
        messages.info(request, gettext("Voorstellen komen van leden, via de site."))
        return redirect(self.index_url_name)


class ProposalEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        return redirect(self.inspect_url_name, kwargs[self.pk_url_kwarg])


class DecisionView(WagtailAdminTemplateMixin, TemplateView):
    """Accept or reject one open proposal: a form, then the verb."""

    template_name = "glossary/admin/voorstel_besluit.html"
    header_icon = "help"
    form_class = None
    index_url_name = ""
    permission_policy = None

    def dispatch(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.proposal = get_object_or_404(Proposal.objects.select_related("concept"), pk=pk)
        if not self.proposal.is_open:
            messages.error(request, gettext("Over dit voorstel is al besloten."))
            return redirect(self.index_url_name)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.proposal)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(proposal=self.proposal, back_url=reverse(self.index_url_name))
        context.setdefault("form", self.form_class())
        return context

    def post(self, request, pk):
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                done = self.decide(form.cleaned_data)
            except proposals.ProposalError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, done)
                return redirect(self.index_url_name)
        return self.render_to_response(self.get_context_data(form=form))


class AcceptView(DecisionView):
    page_title = _("Voorstel accepteren")
    form_class = AcceptForm
    submit_label = _("Accepteren en ter beoordeling zetten")

    def decide(self, data):
        proposal = proposals.accept(self.proposal, self.request.user, data["note"])
        return gettext(
            "Het voorstel is geaccepteerd: '%(term)s' ligt als concept ter beoordeling. De "
            "indiener krijgt een mail."
        ) % {"term": proposal.concept.pref_label}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "submit_label": self.submit_label}


class RejectView(DecisionView):
    page_title = _("Voorstel afwijzen")
    form_class = RejectForm

    def decide(self, data):
        proposals.reject(self.proposal, self.request.user, data["reason"])
        return gettext("Het voorstel is afgewezen. De indiener krijgt een mail met de reden.")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "submit_label": _("Afwijzen")}


class ChoiceColumn(Column):
    """A choice field shown by its Dutch label."""

    def get_value(self, instance):
        return getattr(instance, f"get_{self.name}_display")()


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    chooser_viewset_class = SnippetChooserViewSet
    icon = "mail"
    menu_label = _("Voorstellen")
    menu_name = "begripvoorstellen"
    url_namespace = NAMESPACE
    index_view_class = ProposalIndexView
    add_view_class = ProposalCreateView
    edit_view_class = ProposalEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "__str__",
        ChoiceColumn("kind", label=_("soort")),
        ChoiceColumn("status", label=_("status")),
        "proposer",
        "created_at",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["pref_label", "definition", "reason"]
    inspect_view_fields = [
        "kind",
        "status",
        "concept",
        "pref_label",
        "definition",
        "explanation",
        "alt_labels",
        "reason",
        "proposer",
        "created_at",
        "decision_note",
        "decided_by",
        "decided_at",
    ]

    def get_queryset(self, request):
        # Each row shows the begrip's term (the title of a change) and the proposer.
        return Proposal.objects.select_related("concept", "proposer")

    def get_urlpatterns(self):
        common = {
            "index_url_name": self.get_url_name("list"),
            "permission_policy": self.permission_policy,
        }
        return [
            *super().get_urlpatterns(),
            path("accepteren/<int:pk>/", AcceptView.as_view(**common), name="accept"),
            path("afwijzen/<int:pk>/", RejectView.as_view(**common), name="reject"),
        ]
