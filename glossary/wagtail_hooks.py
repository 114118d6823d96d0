"""The begrippenkader in the admin: begrippen as snippets with drafts, history and review."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from glossary import dashboard, linking, review, search  # noqa: F401 (dashboard registers hooks)
from glossary.admin_proposals import ProposalViewSet
from glossary.admin_views import (
    ConceptCreateView,
    ConceptEditView,
    ConceptWorkflowActionView,
    hide_direct_publish,
)
from glossary.home import home_section
from glossary.models import Concept
from leerhuis.core import home, rich_text, search_types
from members.admin_choosers import SnippetChooserViewSet


class ConceptViewSet(SnippetViewSet):
    model = Concept
    chooser_viewset_class = SnippetChooserViewSet
    icon = "help"
    menu_label = _("Begrippen")
    add_view_class = ConceptCreateView
    edit_view_class = ConceptEditView
    workflow_action_view_class = ConceptWorkflowActionView
    list_display = ["pref_label", "status", "definition", "live"]
    list_filter = ["status", "live", "themes"]
    search_fields = ["pref_label", "alt_labels", "hidden_labels", "definition"]
    ordering = ["sort_key"]
    inspect_view_enabled = True
    # A copy would clash with the original on its unique term and address.
    copy_view_enabled = False

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("pref_label"),
                    FieldPanel("definition"),
                    FieldPanel("explanation"),
                    FieldPanel("scope_note"),
                    FieldPanel("examples"),
                    FieldRowPanel([FieldPanel("alt_labels"), FieldPanel("hidden_labels")]),
                ],
                heading=_("Begrip"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [FieldPanel("status"), FieldPanel("replaced_by")],
                        heading=_("Status"),
                    ),
                    FieldPanel("broader"),
                    FieldPanel("related"),
                    FieldPanel("themes"),
                ],
                heading=_("Samenhang"),
            ),
            ObjectList(
                [InlinePanel("sources", label=_("bron"), heading=_("Bronnen"))],
                heading=_("Bronnen"),
            ),
            ObjectList([FieldPanel("slug")], heading=_("Adres")),
        ]
    )


class GlossaryViewSetGroup(SnippetViewSetGroup):
    """The "Begrippen" menu: the begrippen themselves and members' proposals."""

    items = (ConceptViewSet, ProposalViewSet)
    menu_label = _("Begrippen")
    menu_icon = "help"
    menu_order = 250


register_snippet(GlossaryViewSetGroup)

# A change to a vastgesteld begrip goes live through review only (glossary.review).
hooks.register("construct_snippet_action_menu", hide_direct_publish)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, label in review.LABELS.items():
        actions.register_action(action, label, label)


# Every rich text of the site links the begrippen it mentions (leerhuis/core/rich_text.py).
hooks.register(rich_text.HOOK, linking.link_begrippen)


# The begrip of the week on the home page (leerhuis/core/home.py offers the hook).
hooks.register(home.HOOK, home_section)

# Site search finds begrippen by their labels (glossary/search.py).
hooks.register(search_types.HOOK, search.result_type)
