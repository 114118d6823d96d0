"""The pages of groups: the list (/groepen/), one group, and the page behind the link in an
invitation.

Who belongs is members.groups's; what a member sees of a group (its conversations,
documents and meetings) goes through the one access policy. Outsiders see a group's
description and its way in, never its content or its members; a hidden group is a 404 to
them, not even its existence shows. The actions (join, ask, leave, manage, upload) are in
group_actions.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.documents import get_document_model

from events.models import EventPage
from leerhuis.community.group_forms import DocumentForm, InviteForm, MotivationForm
from leerhuis.community.models import Thread
from leerhuis.community.services import following
from members import groups
from members.access import Visibility, in_group, render_private, visible_to
from members.models import Groep, Groepslid, GroepUitnodiging, Toegang

# A group page shows the latest of each; the conversations index has them all.
LATEST_THREADS = 20
LATEST_DOCUMENTS = 50


def listed(request):
    return Groep.objects.listed_for(request.user)


def group_or_404(request, slug):
    # A hidden group is a 404 to those outside it: not even its existence shows.
    return get_object_or_404(listed(request), slug=slug)


@require_GET
def groepen(request):
    user = request.user
    queryset = listed(request).annotate(
        member_count=Count("leden", filter=Q(leden__status=Groepslid.Status.ACTIEF))
    )
    if user.is_authenticated:
        mine = Groepslid.objects.filter(groep=OuterRef("pk"), user=user)
        queryset = queryset.annotate(
            is_mine=Exists(mine.filter(status=Groepslid.Status.ACTIEF)),
            is_requested=Exists(mine.filter(status=Groepslid.Status.AANGEVRAAGD)),
        )
    return render_private(request, "community/groepen.html", {"groepen": list(queryset)})


def documents_of(groep):
    return (
        get_document_model()
        .objects.filter(visibility=Visibility.GROUP, group=groep)
        .order_by("-created_at")
    )


def group_context(request, groep, **forms):
    """Everything the group page shows this visitor; forms with errors come in `forms`."""
    user = request.user
    lid = groep.membership_of(user)
    sees_content = in_group(user, groep.pk)  # members, and staff (who see everything)
    manages = groups.may_manage(user, groep)
    context = {
        "groep": groep,
        "lid": lid,
        "is_member": lid is not None and lid.is_active,
        "is_requested": lid is not None and not lid.is_active,
        "sees_content": sees_content,
        "manages": manages,
        "managers": list(groep.leden.managers().select_related("user")),
        "Toegang": Toegang,
        "motivation_form": forms.get("motivation_form") or MotivationForm(),
    }
    if sees_content:
        threads = Thread.objects.standalone().shown().filter(group=groep).select_related("author")
        meetings = EventPage.objects.live().filter(group=groep).upcoming(timezone.now())
        context.update(
            members=list(groep.leden.active().select_related("user")),
            threads=list(visible_to(user, threads)[:LATEST_THREADS]),
            documents=list(documents_of(groep)[:LATEST_DOCUMENTS]),
            meetings=list(visible_to(user, meetings)),
            document_form=forms.get("document_form") or DocumentForm(),
            new_thread_url=f"/gesprekken/nieuw/?groep={groep.slug}",
        )
    if manages:
        context.update(
            requests=list(groep.leden.requested().select_related("user")),
            invitations=list(groep.uitnodigingen.filter(accepted_at__isnull=True)),
            invite_form=forms.get("invite_form") or InviteForm(),
        )
    return context


@require_GET
def groep(request, slug):
    group = group_or_404(request, slug)
    following.mark_seen(request.user, group)
    context = {**group_context(request, group), "follow": following.follow_of(request.user, group)}
    return render_private(request, "community/groep.html", context)


@require_http_methods(["GET", "POST"])
def uitnodiging(request, token):
    """The link in an invitation: see the group, log in, accept. A GET changes nothing."""
    if "\x00" in token:  # PostgreSQL refuses NUL in text: no invitation has it
        raise Http404
    invitation = get_object_or_404(GroepUitnodiging.objects.select_related("groep"), token=token)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    context = {"invitation": invitation, "groep": invitation.groep}
    if request.method == "POST":
        try:
            groups.accept_invitation(invitation, request.user)
        except groups.GroepError as error:
            return render_private(
                request, "community/groep_uitnodiging.html", {**context, "error": error}, 409
            )
        messages.success(
            request, _("Welkom in %(name)s: je bent nu lid.") % {"name": invitation.groep.name}
        )
        return redirect(invitation.groep.get_absolute_url())
    return render_private(request, "community/groep_uitnodiging.html", context)
