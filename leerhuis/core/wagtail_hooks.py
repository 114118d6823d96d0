from wagtail import hooks

from members.access import can_view, deny, is_restricted, private


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
