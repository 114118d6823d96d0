from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from leerhuis.core import following, retention, search_types
from leerhuis.core.models import StandardPage
from leerhuis.core.themes import Thema
from members import history
from members.access import can_view, deny, is_restricted, private
from members.admin_choosers import SnippetChooserViewSet


class ThemaViewSet(SnippetViewSet):
    """Editors keep the one list of themes that every part of the site shares."""

    model = Thema
    chooser_viewset_class = SnippetChooserViewSet
    icon = "tag"
    menu_label = _("Thema's")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "slug", "description"]
    search_fields = ["name"]


register_snippet(ThemaViewSet)


@hooks.register("before_edit_snippet")
def record_baseline(request, instance):
    """Themes from before their history began get it on first edit (members.history)."""
    if isinstance(instance, Thema):
        history.record_baseline(instance)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(following.FOLLOWED)
    class VisibilityFollowed(LogFormatter):
        label = following.LABEL

        def format_message(self, log_entry):
            return following.describe(log_entry)


@hooks.register("on_serve_page")
def enforce_visibility(next_serve_page):
    """Every route of every page passes the access policy: the page itself and any
    sub-route a routable page adds (aanmelden/, agenda.ics, …), which skip Page.serve()."""

    def serve(page, request, args, kwargs):
        page = page.specific_deferred
        if not can_view(request.user, page):
            return deny(request, page)
        response = next_serve_page(page, request, args, kwargs)
        # A logged-in visitor's page is theirs alone: their name in the header, listings
        # narrowed to what they may see, their own sign-up state.
        if is_restricted(page) or request.user.is_authenticated:
            private(response)
        return response

    return serve


@hooks.register("before_serve_document")
def guard_document(document, request):
    """A restricted document gets the same answer as a restricted page."""
    if not can_view(request.user, document):
        return deny(request, document)
    if is_restricted(document):
        request.serve_privately = True  # read by core.views.serve_document
    return None


@hooks.register("before_delete_account")
def forget_mail(user):
    """Mails to a deleted account go too: their text holds the name and what they signed up
    for, and a mail still unsent should not reach an address that left."""
    from allauth.account.models import EmailAddress

    from leerhuis.core.models import OutboxMessage

    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    OutboxMessage.objects.filter(to__in=[a for a in addresses if a]).delete()


@hooks.register(search_types.HOOK)
def search_pages():
    """Standard pages, and every page type that no app claims for a type of its own."""
    return search_types.ResultType(
        "pagina", _("Pagina's"), _("pagina"), page_models=(StandardPage,), catch_all=True, order=90
    )


hooks.register(retention.HOOK, retention.purge_outbox)
hooks.register(retention.HOOK, retention.purge_sessions)


@hooks.register("mijn_leerhuis_export")
def export_mail(user):
    """The mails the site still holds for this person (privacy register: "Verstuurde
    e-mails"), until apply_retention removes them. Without their text: it repeats what the
    rest of the download holds, and an account mail's link (a reset, a confirmation) works
    as a key, which a download file should not carry around."""
    from allauth.account.models import EmailAddress

    from leerhuis.core.models import OutboxMessage

    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    mails = OutboxMessage.objects.filter(to__in=[a for a in addresses if a])
    return "e-mails", [
        {
            "aan": m.to,
            "onderwerp": m.subject,
            "geschreven_op": timezone.localtime(m.created_at).isoformat(),
            "verstuurd_op": m.sent_at and timezone.localtime(m.sent_at).isoformat(),
        }
        for m in mails.order_by("created_at", "pk")
    ]
