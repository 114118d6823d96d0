"""The "Leden" admin menu: organisations, people, affiliations and unknown domains; and the
"Groepen" menu (groups, with their members on the inspect view)."""

from django.urls import path
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from members import admin_panels, admin_views, history
from members.admin_choosers import SnippetChooserViewSet
from members.models import Affiliation, Groep, Organisation, Person


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    chooser_viewset_class = SnippetChooserViewSet
    icon = "site"
    menu_label = _("Organisaties")
    index_view_class = admin_views.OrganisationIndexView
    list_display = ["name", "kind", "province", admin_views.member_now_column(), "cbs_code"]
    filterset_class = admin_views.OrganisationFilterSet
    # Turns the search box on; OrganisationIndexView searches the accent-folded name.
    search_fields = ["name"]
    inspect_view_enabled = True
    inspect_view_class = admin_views.OrganisationInspectView
    inspect_template_name = "members/admin/organisation_inspect.html"
    # A copy would clash with the original on its unique name and CBS code.
    copy_view_enabled = False

    def get_queryset(self, request):
        return Organisation.objects.with_membership_on(timezone.localdate())


class PersonViewSet(SnippetViewSet):
    model = Person
    chooser_viewset_class = SnippetChooserViewSet
    icon = "user"
    menu_label = _("Personen")
    list_display = [
        "name",
        "role",
        Column("organisation_display", label=_("Organisatie")),
        "board_role",
    ]
    list_filter = ["board_role"]

    def get_queryset(self, request):
        return Person.objects.select_related("organisation")


class AffiliationViewSet(ModelViewSet):
    """Read-mostly: changes go through members.affiliations, so no add, edit or delete."""

    model = Affiliation
    name = admin_views.AFFILIATIONS
    icon = "link"
    menu_label = _("Koppelingen")
    index_view_class = admin_views.AffiliationIndexView
    inspect_view_enabled = True
    inspect_view_class = admin_views.AffiliationView
    inspect_template_name = "members/admin/affiliation.html"
    filterset_class = admin_views.AffiliationFilterSet
    search_fields = ["user__email", "user__full_name"]
    search_backend_name = None
    ordering = ["needs_action", "-updated_at"]
    copy_view_enabled = False
    add_to_reference_index = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            confirm_url_name=self.get_url_name("confirm"), **kwargs
        )

    @property
    def confirm_view(self):
        return self.construct_view(
            admin_views.ConfirmAffiliationView, success_url_name=self.get_url_name("inspect")
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/bevestigen/", self.confirm_view, name="confirm"),
        ]

    @property
    def url_finder_class(self):
        # There is no edit view; the person's affiliation page is where staff act.
        finder = super().url_finder_class
        finder.edit_url_name = self.get_url_name("inspect")
        return finder

    def get_permissions_to_register(self):
        # Only "change" means anything here: confirming and linking by hand.
        return super().get_permissions_to_register().filter(codename="change_affiliation")


class UnknownDomainsViewSet(ViewSet):
    name = "onbekende-domeinen"
    icon = "warning"
    menu_label = _("Onbekende domeinen")

    def get_urlpatterns(self):
        kwargs = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
        }
        view = admin_views.UnknownDomainsView
        return [
            path("", view.as_view(**kwargs), name="index"),
            path("results/", view.as_view(results_only=True, **kwargs), name="index_results"),
        ]

    @cached_property
    def menu_item_class(self):
        class UnknownDomainsMenuItem(MenuItem):
            def is_shown(self, request):
                return request.user.has_perm("members.add_organisation")

        return UnknownDomainsMenuItem


class MembersViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Leden")
    menu_icon = "group"
    menu_name = "leden"
    menu_order = 250
    items = (OrganisationViewSet, PersonViewSet, AffiliationViewSet, UnknownDomainsViewSet)


class GroepInspectView(InspectView):
    """A group with who is in it: members and managers, and who asked to join."""

    def get_field_label(self, field_name, field):
        if field_name == "leden":
            return _("Leden en verzoeken")
        return super().get_field_label(field_name, field)

    def get_leden_display_value(self):
        rows = self.object.leden.select_related("user").order_by("status", "role", "user__email")
        return "; ".join(
            f"{lid.user.get_full_name() or lid.user.email} ({lid.get_role_display()}, "
            f"{lid.get_status_display()})"
            for lid in rows
        ) or _("nog niemand")


class GroepViewSet(SnippetViewSet):
    """Groups are made and described here; joining, leaving and managing happen on the site
    (members.groups), where the rules of the way in hold."""

    model = Groep
    chooser_viewset_class = SnippetChooserViewSet
    icon = "group"
    menu_label = _("Groepen")
    menu_name = "groepen"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "toegang", "slug"]
    list_filter = ["toegang"]
    search_fields = ["name"]
    search_backend_name = None
    form_fields = ["name", "slug", "description", "toegang"]
    inspect_view_enabled = True
    inspect_view_class = GroepInspectView
    inspect_view_fields = ["name", "slug", "description", "toegang", "created_at", "leden"]
    copy_view_enabled = False


register_snippet(MembersViewSetGroup)
register_snippet(GroepViewSet)
hooks.register("construct_homepage_panels", admin_panels.add_unknown_domains_panel)


@hooks.register("before_edit_snippet")
def record_baseline(request, instance):
    """People and organisations from before their history began get it on first edit."""
    if isinstance(instance, (Organisation, Person)):
        history.record_baseline(instance)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label in history.LABELS.items():
        actions.register_action(action, label, label)
