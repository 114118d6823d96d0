"""Views behind the "Leden" admin menu; members/wagtail_hooks.py wires them into viewsets.

Affiliations change only through members.affiliations: these views call its verbs and
never save an Affiliation themselves.
"""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.active_filters import (
    ActiveFilter,
    BaseFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseOperationView
from wagtail.admin.views.reports.base import ReportView
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.permissions import policy_registry
from wagtail.snippets.views import snippets as snippet_views

from members import affiliations
from members.membership import membership_on
from members.models import (
    Affiliation,
    AffiliationChange,
    AffiliationStatus,
    Membership,
    Organisation,
)
from members.models.organisations import PERSONAL_MAIL_DOMAINS

# URL namespace (and path under /admin/) of the affiliations viewset.
AFFILIATIONS = "koppelingen"


# --- Organisations -------------------------------------------------------------------


class YesNoFilterAdapter(BaseFilterAdapter):
    """The active-filter pill of a yes/no filter says "Ja"/"Nee" like its radio buttons;
    Wagtail would show Python's True/False."""

    def get_active_filters(self):
        choices = dict(self.bound_field.field.widget.choices)
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            choices["true" if self.value else "false"],
            self.get_url_without_filter_param(self.name),
        )


register_filter_adapter_class(django_filters.BooleanFilter, YesNoFilterAdapter)


class OrganisationFilterSet(WagtailFilterSet):
    # Filters on the is_member annotation that OrganisationViewSet.get_queryset() adds.
    lid_nu = django_filters.BooleanFilter(
        field_name="is_member", label=_("Lid nu"), widget=BooleanRadioSelect
    )

    class Meta:
        model = Organisation
        fields = ["kind", "province"]


def member_now_column():
    return StatusTagColumn(
        "is_member",
        label=_("Lid nu"),
        accessor=lambda org: gettext("ja") if org.is_member else gettext("nee"),
        primary=lambda org: org.is_member,
        sort_key="is_member",
    )


class OrganisationIndexView(snippet_views.IndexView):
    def search_queryset(self, queryset):
        # Organisation is not in the search index, and the ORM fallback compares accents
        # literally; the folded copy of the name lets "sudwest" find "Súdwest-Fryslân".
        if not self.is_searching:
            return queryset
        return queryset.search(self.search_query)


class OrganisationInspectView(snippet_views.InspectView):
    def get_fields_context(self):
        return []  # the template lays the facts out itself, with Dutch labels

    def get_context_data(self, **kwargs):
        organisation = self.object
        today = timezone.localdate()
        memberships = list(
            Membership.objects.filter(organisation=organisation).with_validity(today)
        )
        current = [m for m in memberships if m.is_valid]
        affiliations_url = None
        if self.request.user.has_perm("members.change_affiliation"):
            affiliations_url = f"{reverse(f'{AFFILIATIONS}:index')}?organisation={organisation.pk}"
        return super().get_context_data(
            is_member=bool(current),
            memberships=memberships,
            current_memberships=current,
            domains=list(organisation.domains.all()),
            predecessors=list(organisation.predecessors.order_by("name_folded")),
            people_count=organisation.people.count(),
            accounts_count=organisation.affiliations.filter(status__in=Affiliation.LINKED).count(),
            affiliations_url=affiliations_url,
            **kwargs,
        )


# --- Affiliations (koppelingen) ----------------------------------------------------------


class AffiliationFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisatie"), queryset=Organisation.objects.all(), empty_label=_("Alle")
    )
    email_domain = django_filters.CharFilter(label=_("E-maildomein"), lookup_expr="iexact")

    class Meta:
        model = Affiliation
        fields = ["status", "organisation", "email_domain"]


class AffiliationIndexView(generic.IndexView):
    # Looking at affiliations is of use only to whoever may act on them.
    any_permission_required = ["change"]

    def get_base_queryset(self):
        return Affiliation.objects.select_related("user", "organisation").needing_action_first()

    @cached_property
    def columns(self):
        title_column = self._get_title_column_class(TitleColumn)
        return [
            title_column(
                "name",
                label=_("Naam"),
                accessor=lambda a: a.user.full_name or a.user.email,
                get_url=self.get_inspect_url,
                sort_key="user__full_name",
            ),
            Column("user.email", label=_("E-mailadres"), sort_key="user__email"),
            Column("organisation", label=_("Organisatie"), sort_key="organisation__name_folded"),
            StatusTagColumn(
                "get_status_display",
                label=_("Status"),
                primary=lambda a: a.status == AffiliationStatus.PENDING,
                sort_key="status",
            ),
            Column("email_domain", label=_("E-maildomein"), sort_key="email_domain"),
            DateColumn("updated_at", label=_("Gewijzigd"), sort_key="updated_at"),
        ]


class ManualLinkForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.existing(),
        empty_label=_("Kies een organisatie"),
        error_messages={
            "required": _("Kies een organisatie."),
            "invalid_choice": _("Kies een organisatie uit de lijst."),
        },
    )
    reason = forms.CharField(
        label=_("Reden"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijv. 'Gedetacheerd bij de gemeente, mailt vanaf het adres van zijn bureau.'"),
        error_messages={"required": _("Geef een reden voor de koppeling.")},
    )


class AffiliationView(generic.InspectView):
    """One person's affiliation: the facts, confirm or link by hand, and the history."""

    permission_required = "change"
    page_title = _("Koppeling")
    confirm_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(
            Affiliation.objects.select_related("user", "organisation", "decided_by"),
            pk=self.pk,
        )

    def get_page_subtitle(self):
        return str(self.object.user)

    def get_fields_context(self):
        return []  # the template lays the facts out itself, with Dutch labels

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return ManualLinkForm(data, initial={"organisation": self.object.organisation_id})

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            organisation = form.cleaned_data["organisation"]
            try:
                affiliations.link_manually(
                    self.object.user, organisation, form.cleaned_data["reason"], by=request.user
                )
            except affiliations.AffiliationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    gettext("%(person)s is gekoppeld aan %(organisation)s.")
                    % {"person": self.object.user, "organisation": organisation},
                )
                return redirect(request.path)
        messages.validation_error(
            request, gettext("De koppeling is niet gemaakt; zie de fout hieronder."), form
        )
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        affiliation = self.object
        kwargs.setdefault("form", self.get_form())
        if affiliation.status == AffiliationStatus.PENDING and affiliation.organisation_id:
            kwargs["confirm_url"] = reverse(self.confirm_url_name, args=[quote(affiliation.pk)])
        return super().get_context_data(
            affiliation=affiliation,
            is_member=membership_on(affiliation.user).is_member,
            history=AffiliationChange.objects.filter(user_id=affiliation.user_id).select_related(
                "by"
            ),
            **kwargs,
        )


class ConfirmAffiliationView(generic.PermissionCheckedMixin, BaseOperationView):
    """POST only: staff confirm the organisation someone chose among those of their domain."""

    model = Affiliation
    permission_required = "change"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            affiliations.confirm(self.object, by=request.user)
        except affiliations.AffiliationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                gettext("De keuze van %(person)s voor %(organisation)s is bevestigd.")
                % {"person": self.object.user, "organisation": self.object.organisation},
            )
        return redirect(self.get_success_url())


# --- Unknown domains -----------------------------------------------------------------------


def unknown_domain_accounts():
    """Accounts whose email domain no organisation claims. Personal mail domains (gmail.com)
    never belong to one organisation: they are linked by hand, not counted here."""
    return Affiliation.objects.filter(status=AffiliationStatus.UNKNOWN_DOMAIN).exclude(
        email_domain__in=["", *PERSONAL_MAIL_DOMAINS]
    )


def unknown_domains():
    """One grouped query, however many domains there are; the report and the dashboard."""
    return (
        unknown_domain_accounts()
        .values("email_domain")
        .annotate(people=Count("pk"))
        .order_by("-people", "email_domain")
    )


class UnknownDomainActionsColumn(Column):
    """Links to register the organisation behind a domain, and to the people using it."""

    cell_template_name = "members/admin/unknown_domain_actions_cell.html"

    def __init__(self, name, add_url, people_url=None, **kwargs):
        super().__init__(name, **kwargs)
        self.add_url = add_url
        self.people_url = people_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["add_url"] = self.add_url
        if self.people_url:
            query = {
                "status": AffiliationStatus.UNKNOWN_DOMAIN,
                "email_domain": instance["email_domain"],
            }
            context["people_url"] = f"{self.people_url}?{urlencode(query)}"
        return context


class DomainPaginator(WagtailPaginator):
    # The rows are domains, not the affiliations the query groups.
    verbose_name = _("domein")
    verbose_name_plural = _("domeinen")


class UnknownDomainsView(ReportView):
    """Email domains of people whose organisation is not registered yet, most used first."""

    page_title = _("Onbekende domeinen")
    header_icon = "warning"
    template_name = "members/admin/unknown_domains.html"
    permission_required = "add"
    paginate_by = 50
    paginator_class = DomainPaginator
    verbose_name_plural = _("onbekende domeinen")

    @cached_property
    def permission_policy(self):
        # Listed are affiliations, but what staff do about them is add an organisation.
        return policy_registry.get_by_type(Organisation)

    def get_queryset(self):
        return unknown_domains()

    @cached_property
    def columns(self):
        people_url = None
        if self.request.user.has_perm("members.change_affiliation"):
            people_url = reverse(f"{AFFILIATIONS}:index")
        return [
            Column("email_domain", label=_("E-maildomein")),
            Column("people", label=_("Personen")),
            UnknownDomainActionsColumn(
                "actions",
                accessor="email_domain",
                label=_("Acties"),
                add_url=reverse(Organisation.snippet_viewset.get_url_name("add")),
                people_url=people_url,
            ),
        ]
