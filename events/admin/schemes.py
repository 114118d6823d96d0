"""Accreditation schemes in the admin: editors keep the list (IPMA, PMI, a municipality's
own) that meetings award points in and people record their learning elsewhere against.

A scheme that meetings use, or that someone's own learning elsewhere or goal names, cannot
go: those foreign keys are PROTECT, since a person's record and their verified statements
name it. The database would answer the
deletion with a ProtectedError (a 500); the before_delete_snippet hook refuses first, on
the delete view and on the bulk action alike, and says which meetings hold it.
"""

from django.db.models import Count
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import AccreditationScheme, DevelopmentGoal, EventPage, ExternalLearning
from members.admin_choosers import SnippetChooserViewSet

NAMED = 5  # meetings a refusal names; the rest are counted


class AccreditationSchemeViewSet(SnippetViewSet):
    model = AccreditationScheme
    chooser_viewset_class = SnippetChooserViewSet
    icon = "success"
    menu_label = gettext_lazy("Accreditatieregelingen")
    menu_order = 215
    add_to_admin_menu = True
    list_display = [
        "name",
        "category",
        "unit",
        Column("meeting_count", label=gettext_lazy("Activiteiten")),
    ]
    search_fields = ["name", "category"]
    # A copy would clash with the original on its name and category.
    copy_view_enabled = False

    def get_queryset(self, request):
        return AccreditationScheme.objects.annotate(
            meeting_count=Count("accreditations__page", distinct=True)
        )


def _people_using(schemes):
    """How many people record learning elsewhere or a goal in one of `schemes` (not who:
    that is their own business)."""
    elsewhere = ExternalLearning.objects.filter(scheme__in=schemes).values_list("user_id")
    goals = DevelopmentGoal.objects.filter(scheme__in=schemes).values_list("user_id")
    return len(set(elsewhere.order_by().union(goals.order_by())))


def refuse_delete_in_use(request, instances):
    """before_delete_snippet: no scheme goes while a meeting awards points in it, or while
    someone's own record names it (both are PROTECT)."""
    schemes = [obj for obj in instances if isinstance(obj, AccreditationScheme)]
    if not schemes:
        return None
    meetings = EventPage.objects.filter(accreditations__scheme__in=schemes).distinct()
    first = list(meetings.order_by("-start", "pk")[: NAMED + 1])
    if not first:
        people = _people_using(schemes)
        if not people:
            return None
        messages.error(
            request,
            ngettext(
                "Niet verwijderd: %(count)s persoon heeft punten in deze regeling in het eigen "
                "ontwikkeloverzicht gezet. Laat de regeling staan; wijzig eventueel de naam.",
                "Niet verwijderd: %(count)s mensen hebben punten in deze regeling in hun eigen "
                "ontwikkeloverzicht gezet. Laat de regeling staan; wijzig eventueel de naam.",
                people,
            )
            % {"count": people},
        )
        return _back(request)
    names = [f"“{page.title}”" for page in first[:NAMED]]
    if len(first) > NAMED:
        names.append(_("nog %(count)s andere") % {"count": meetings.count() - NAMED})
    messages.error(
        request,
        _(
            "Niet verwijderd: deze regeling geeft punten bij %(names)s, en de "
            "ontwikkeloverzichten van wie erbij was noemen haar. Haal de accreditatie eerst "
            "bij die activiteiten weg, of laat de regeling staan."
        )
        % {"names": get_text_list(names, _("en"))},
    )
    return _back(request)


def _back(request):
    index = AccreditationScheme.snippet_viewset.get_url_name("list")
    return redirect(get_valid_next_url_from_request(request) or reverse(index))
