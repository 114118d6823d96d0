"""The snippet chooser's buttons in the language of each request.

Wagtail's AdminSnippetChooser writes "Kies organisatie" / "Choose organisation" into the
widget when it is made, and a snippet's edit form class, with its widgets, is made once per
process: the language it was first made in stayed for everyone after, so staff who chose
English got Dutch buttons (and the other way round). These texts are worked out when the
button is drawn. Every snippet viewset of ours sets
`chooser_viewset_class = SnippetChooserViewSet` (tests/core/test_admin_language.py).
"""

from django.utils.functional import lazy
from django.utils.translation import gettext
from wagtail.snippets.views.chooser import SnippetChooserViewSet as WagtailChooserViewSet
from wagtail.snippets.widgets import AdminSnippetChooser


def _per_request(message, name):
    return lazy(lambda: gettext(message) % {"object": name}, str)()


class SnippetChooser(AdminSnippetChooser):
    def __init__(self, model=None, **kwargs):
        super().__init__(model=model, **kwargs)
        name = self.model._meta.verbose_name
        self.choose_one_text = _per_request("Choose %(object)s", name)
        self.choose_another_text = _per_request("Choose another %(object)s", name)
        self.link_to_chosen_text = _per_request("Edit this %(object)s", name)


class SnippetChooserViewSet(WagtailChooserViewSet):
    base_widget_class = SnippetChooser
