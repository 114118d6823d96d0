"""What people do on a group's page, each a POST that calls one verb of members.groups
(through group_mail where a mail goes with it) and returns to the group page.

Thin on purpose: the rules are the verbs'. A refusal (GroepError) becomes a Dutch message
on the page; a form with bad input is the group page again with its errors (200) and
nothing stored.
"""

import secrets

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.documents import get_document_model
from wagtail.models import Collection

from leerhuis.community import group_mail
from leerhuis.community.group_forms import DocumentForm, InviteForm, MotivationForm
from leerhuis.community.group_views import group_context, group_or_404
from leerhuis.core.ratelimit import over_limit, too_many
from members import groups
from members.access import Visibility, in_group, render_private

# Generous for a manager working through a batch of requests; a brake on scripts only.
POST_LIMIT = 60
POST_WINDOW = 60 * 60
COLLECTION_NAME = "Groepsdocumenten"


def _guarded(view):
    """Logged in, within the rate limit, and the group visible to this person."""

    def wrapped(request, slug, *args, **kwargs):
        if not request.user.is_authenticated:
            # Back to the group's page after logging in: the action itself is a POST.
            return redirect_to_login(reverse("groep", args=[slug]))
        groep = group_or_404(request, slug)
        if over_limit(request, "groepen", limit=POST_LIMIT, window=POST_WINDOW):
            return too_many(request)
        return view(request, groep, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return require_POST(wrapped)


def _back(groep, anchor=""):
    return redirect(groep.get_absolute_url() + (f"#{anchor}" if anchor else ""))


def _again(request, groep, status=200, **forms):
    return render_private(
        request, "community/groep.html", group_context(request, groep, **forms), status
    )


def _refused(request, groep, error):
    messages.error(request, error.message)
    return _back(groep)


@_guarded
def meedoen(request, groep):
    try:
        _lid, created = groups.join(groep, request.user)
    except groups.GroepError as error:
        return _refused(request, groep, error)
    if created:
        messages.success(request, _("Welkom in %(name)s.") % {"name": groep.name})
    return _back(groep)


@_guarded
def verzoek(request, groep):
    form = MotivationForm(request.POST)
    if not form.is_valid():
        return _again(request, groep, motivation_form=form)
    try:
        _lid, created = group_mail.request_to_join(
            groep, request.user, form.cleaned_data["motivation"]
        )
    except groups.GroepError as error:
        return _refused(request, groep, error)
    if created:
        messages.success(
            request,
            _("Je verzoek is verstuurd. Je krijgt een mail zodra een beheerder het bekijkt."),
        )
    return _back(groep)


@_guarded
def verlaten(request, groep):
    try:
        gone = groups.leave(groep, request.user)
    except groups.GroepError as error:
        return _refused(request, groep, error)
    if gone is not None:
        if gone.is_active:
            text = _("Je bent geen lid meer van %(name)s.")
        else:
            text = _("Je verzoek voor %(name)s is ingetrokken.")
        messages.success(request, text % {"name": groep.name})
    return redirect("groepen" if groep.is_hidden else groep.get_absolute_url())


@_guarded
def lid_actie(request, groep, pk, action):
    """accepteren, weigeren, verwijderen, beheerder: a manager about one person's row."""
    if not groups.may_manage(request.user, groep):
        return render_private(request, "403.html", {}, 403)
    lid = groep.leden.filter(pk=pk).select_related("user").first()
    if lid is None:
        messages.info(request, _("Dit verzoek of lid is er niet meer; er is niets veranderd."))
        return _back(groep, "beheer")
    verbs = {
        "accepteren": (group_mail.accept, _("%(name)s is nu lid.")),
        "weigeren": (group_mail.refuse, _("Het verzoek van %(name)s is afgewezen.")),
        "verwijderen": (groups.remove, _("%(name)s is geen lid meer.")),
        "beheerder": (groups.make_manager, _("%(name)s is nu beheerder.")),
    }
    verb, done = verbs[action]
    try:
        _lid, changed = verb(lid, request.user)
    except groups.GroepError as error:
        return _refused(request, groep, error)
    if changed:
        messages.success(request, done % {"name": lid.user.get_full_name() or lid.user.email})
    return _back(groep, "beheer")


@_guarded
def uitnodigen(request, groep):
    if not groups.may_manage(request.user, groep):
        return render_private(request, "403.html", {}, 403)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _again(request, groep, invite_form=form)
    try:
        invitation, created = group_mail.invite(groep, form.cleaned_data["email"], request.user)
    except groups.GroepError as error:
        form.add_error("email", error.message)
        return _again(request, groep, invite_form=form)
    if created:
        text = _("De uitnodiging aan %(email)s is verstuurd.")
    else:
        text = _("%(email)s heeft al een uitnodiging; die staat nog open.")
    messages.success(request, text % {"email": invitation.email})
    return _back(groep, "beheer")


@_guarded
def uitnodiging_intrekken(request, groep, pk):
    if not groups.may_manage(request.user, groep):
        return render_private(request, "403.html", {}, 403)
    invitation = get_object_or_404(groep.uitnodigingen, pk=pk)
    if groups.withdraw_invitation(invitation, request.user):
        text = _("De uitnodiging aan %(email)s is ingetrokken; de link werkt niet meer.")
        messages.success(request, text % {"email": invitation.email})
    return _back(groep, "beheer")


def _collection():
    found = Collection.objects.filter(name=COLLECTION_NAME).first()
    return found or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


@_guarded
def document(request, groep):
    """A document for the group only: its members (and staff) upload, its members read."""
    if not in_group(request.user, groep.pk):
        return render_private(request, "403.html", {}, 403)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _again(request, groep, document_form=form)
    upload = form.cleaned_data["file"]
    title = form.cleaned_data["title"]
    # A random part in the name: the file is never found by guessing, only through the view.
    name = slugify(title)[:40] or "document"
    upload.name = f"{name}-{secrets.token_hex(8)}.{upload.leerhuis_extension}"
    with transaction.atomic():
        document = get_document_model()(
            title=title,
            file=upload,
            collection=_collection(),
            uploaded_by_user=request.user,
            visibility=Visibility.GROUP,
            group=groep,
        )
        document._set_document_file_metadata()
        document.save()
    messages.success(request, _("Het document '%(title)s' staat bij de groep.") % {"title": title})
    return _back(groep, "documenten")


def lid_actie_view(action):
    def view(request, slug, pk):
        return lid_actie(request, slug, pk, action)

    view.__name__ = f"lid_{action}"
    return view
