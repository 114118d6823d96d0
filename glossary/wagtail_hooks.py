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
from wagtail.snippets.views.snippets import SnippetViewSet

from glossary.home import home_section
from glossary.models import Concept
from leerhuis.core import home


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "help"
    menu_label = _("Begrippen")
    menu_order = 250
    add_to_admin_menu = True
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
                [InlinePanel("sources", label=_("Bron"), heading=_("Bronnen"))],
                heading=_("Bronnen"),
            ),
            ObjectList([FieldPanel("slug")], heading=_("Adres")),
        ]
    )


register_snippet(ConceptViewSet)


# The begrip of the week on the home page (leerhuis/core/home.py offers the hook).
hooks.register(home.HOOK, home_section)
