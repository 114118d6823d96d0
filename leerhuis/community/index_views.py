"""/gesprekken/ and /gesprekken/nieuw/: the conversations someone may see, and starting one.

The list is core's Listing: filters are plain GET parameters (`?thema=`, `?soort=`,
`?open=1`) in one fixed order, a value the form does not accept is reported in Dutch and
left out, and what is listed is narrowed by the one access policy (members.access). The
views are thin: who may write is rules.may_write_in, what is stored is posting.start_thread.
"""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from leerhuis.community import rules
from leerhuis.community.index_forms import GesprekkenFilterForm, NewThreadForm
from leerhuis.community.models import Thread
from leerhuis.community.services import following, posting
from leerhuis.core.listing import Listing, without_empty
from leerhuis.core.ratelimit import over_limit, too_many
from leerhuis.core.themes import Thema, having_theme, live_themes
from members.access import Visibility, private, visible_to
from members.members_only import refusal
from members.membership import membership_on
from members.models import Groep

PARAMETERS = ("thema", "soort", "open", "page")
FILTERS = ("thema", "soort", "open")
NEW_THREAD_LIMIT = 5
NEW_THREAD_WINDOW = 3600
FIELD_OF_CODE = {
    "no_title": "title",
    "too_long": "text",
    "empty": "text",
    "visibility": "visibility",
}


def visible_threads(user):
    """The index's threads `user` may see: not those under a page (they live there), nor
    those whose opening a moderator hid (their title is not listed)."""
    return visible_to(user, Thread.objects.standalone().shown())


def for_cards(threads):
    """What a card shows, in a fixed number of queries however many are listed."""
    return threads.select_related("author__affiliation__organisation", "group").prefetch_related(
        live_themes()
    )


class Gesprekken(Listing):
    form_class = GesprekkenFilterForm
    parameters = PARAMETERS
    filters = FILTERS

    def get_form_kwargs(self):
        # Every shared theme, used yet or not: `?thema=` is also where one follows a theme.
        return {"themes": list(Thema.objects.live().order_by("name").values_list("slug", "name"))}

    @cached_property
    def theme(self):
        # The theme itself (not only its name): one follows it from here.
        slug = self.values["thema"]
        return Thema.objects.live().filter(slug=slug).first() if slug else None

    def get_items(self):
        threads = visible_threads(self.request.user)
        values = self.values
        if values["thema"]:
            threads = having_theme(threads, values["thema"])
        if values["open"]:
            threads = threads.open_questions()
        elif values["soort"]:
            threads = threads.filter(soort=values["soort"])
        return for_cards(threads.order_by("-last_activity_at", "-pk"))


def _why_not_write(user):
    if not user.is_authenticated:
        return "login"
    return "" if rules.may_write_in(user) else "members"


def gesprekken(request):
    clean = without_empty(request)
    if clean is not None:
        return redirect(clean)
    listing = Gesprekken(request, reverse("gesprekken"))
    context = {"gesprekken": listing, "why_not_write": _why_not_write(request.user)}
    if listing.theme is not None:
        following.mark_seen(request.user, listing.theme)
        context["follow"] = following.follow_of(request.user, listing.theme)
    response = render(request, "community/gesprekken.html", context)
    if request.user.is_authenticated:
        private(response)  # narrowed to what this person may see
    return response


def _group(request):
    """The group of `?groep=`: a hidden group is unknown to those outside it (404)."""
    slug = request.GET.get("groep", "").strip()
    if not slug:
        return None
    if "\x00" in slug:  # PostgreSQL refuses NUL in text: no group has it
        raise Http404(_("Deze groep bestaat niet."))
    group = Groep.objects.listed_for(request.user).filter(slug=slug).first()
    if group is None:
        raise Http404(_("Deze groep bestaat niet."))
    return group


def _refused(request, group):
    """None when the person may start a thread here; else the Dutch 403 that says why."""
    if group is not None:
        heading = _("Alleen voor leden van de groep")
        explanation = _(
            "In de groep %(name)s beginnen alleen de leden van de groep een gesprek."
        ) % {"name": group.name}
        reason = _("Je bent (nog) geen lid van deze groep. Word lid op de pagina van de groep.")
        back_url, back_label = group.get_absolute_url(), _("Naar de groep")
    else:
        heading = _("Alleen leden beginnen een gesprek")
        explanation = _(
            "Gesprekken beginnen is voor leden van de vereniging: mensen van de aangesloten "
            "gemeenten en provincies. Lezen kan iedereen voor wie het gesprek open staat."
        )
        reason = ""
        back_url, back_label = reverse("gesprekken"), _("Terug naar de gesprekken")

    def block(user):
        if rules.may_write_in(user, group):
            return ""
        return reason or str(membership_on(user).message)

    return refusal(
        request,
        heading=heading,
        explanation=explanation,
        block=block,
        back_url=back_url,
        back_label=back_label,
    )


def _start(request, form, group):
    """The thread, or None with the refusal of the verb put on the form."""
    data = form.cleaned_data
    try:
        return posting.start_thread(
            request.user,
            title=data["title"],
            text=data["text"],
            soort=data["soort"],
            themes=list(data["themes"]),
            group=group,
            visibility=data.get("visibility") or Visibility.PUBLIC,
        )
    except posting.PostingError as error:
        form.add_error(FIELD_OF_CODE.get(error.code), error.message)
        return None


@login_required
def gesprek_nieuw(request):
    group = _group(request)
    refused = _refused(request, group)
    if refused is not None:
        return refused
    # From a theme's list (`?thema=`), that theme is already ticked.
    theme = request.GET.get("thema", "")[:100].replace("\x00", "")
    initial = {"themes": Thema.objects.live().filter(slug=theme)}
    form = NewThreadForm(request.POST or None, group=group, initial=initial)
    if request.method == "POST" and form.is_valid():
        # Counted once the form is in order: a typo is no reason to wait an hour.
        if over_limit(request, "gesprek-nieuw", limit=NEW_THREAD_LIMIT, window=NEW_THREAD_WINDOW):
            return too_many(request)
        thread = _start(request, form, group)
        if thread is not None:
            if thread.is_question:
                messages.success(request, _("Je vraag staat online."))
            else:
                messages.success(request, _("Je gesprek staat online."))
            return redirect(thread)
    context = {"form": form, "group": group}
    return private(render(request, "community/gesprek_nieuw.html", context))
