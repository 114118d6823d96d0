"""The conversation under an article or case ("Gesprek over dit artikel").

The kennisbank ends its pages with core's `page_after_content` hook (leerhuis/core/
page_extras.py), so it never imports the community; page_hooks.py registers section() here.
The section shows the answer first (when the thread is a question with one), then the latest
LATEST posts, hidden and deleted ones as placeholders, with a link to the whole thread, and a
reply form that posts to pagina_reageren. That view calls posting.conversation_of, which
makes the thread on the first reply exactly as open as the page: the conversation is never
more open than what it is about, and the page's own access check is asked again here.

The page's HTML is not kept by any shared cache (core's enforce_visibility marks every
logged-in or restricted answer private, and public pages carry no validators), so a reply
shows for everyone on the next request.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from leerhuis.community import rules
from leerhuis.community.index_forms import PageReplyForm
from leerhuis.community.models import Thread
from leerhuis.community.services import posting
from leerhuis.core.ratelimit import over_limit, too_many
from leerhuis.knowledge.models import ArticlePage, CasePage
from members.access import can_view, deny, private
from members.dashboard import Section
from members.members_only import refusal
from members.membership import membership_on

LATEST = 10
WITH_AUTHOR = "author__affiliation__organisation"


def _may_write(user, thread):
    """What the verb will ask: a reply to the thread, or (no thread yet) starting it."""
    if thread is not None:
        return rules.may_reply(user, thread)
    return rules.may_write_in(user)


def _why_not(user, page, thread):
    if not user.is_authenticated:
        return "login"
    return "" if _may_write(user, thread) else "members"


def conversation(page, user):
    """The context of the section: a fixed number of queries however long the thread."""
    thread = Thread.objects.filter(page_id=page.pk).select_related(f"answer__{WITH_AUTHOR}").first()
    answer, posts = None, []
    if thread is not None:
        answer = thread.answer
        if answer is not None and (answer.is_hidden or answer.is_deleted):
            answer = None
        latest = thread.posts.select_related(WITH_AUTHOR).order_by("-created_at", "-pk")
        if answer is not None:
            latest = latest.exclude(pk=answer.pk)
        posts = list(latest[:LATEST])[::-1]
    total = thread.reply_count + 1 if thread is not None else 0
    return {
        "thread": thread,
        "answer": answer,
        "posts": posts,
        "total": total,
        "more": total > len(posts) + (1 if answer else 0),
        "why_not": _why_not(user, page, thread),
    }


def section(request, page):
    """The hook's answer for an article or case page; None for any other page."""
    if not isinstance(page, ArticlePage):
        return None
    context = conversation(page, request.user)
    context["form"] = PageReplyForm(auto_id="reactie_%s")
    if isinstance(page, CasePage):
        context["heading"] = _("Gesprek over deze praktijkcasus")
    else:
        context["heading"] = _("Gesprek over dit artikel")
    return Section(
        title=context["heading"],
        template="community/includes/page_conversation.html",
        context=context,
        order=10,
        slug="gesprek",
        stylesheets=("css/gesprekken.css",),
    )


def _page(page_id):
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if not isinstance(page, ArticlePage):
        raise Http404(_("Onder deze pagina kun je niet reageren."))
    return page


def _refused(request, page):
    return refusal(
        request,
        heading=_("Alleen leden reageren"),
        explanation=_(
            "Reageren onder artikelen en praktijkcasussen is voor leden van de vereniging."
        ),
        block=lambda user: (
            ""
            if _may_write(user, Thread.objects.filter(page_id=page.pk).first())
            else str(membership_on(user).message) or _("Je kunt hier niet reageren.")
        ),
        back_url=page.url,
        back_label=_("Terug naar het artikel"),
    )


@require_POST
def pagina_reageren(request, page_id):
    page = _page(page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    if not can_view(request.user, page):
        return deny(request, page)
    refused = _refused(request, page)
    if refused is not None:
        return refused
    form = PageReplyForm(request.POST, auto_id="reactie_%s")
    if form.is_valid():
        if over_limit(
            request, rules.POSTING_SCOPE, limit=rules.POSTING_LIMIT, window=rules.POSTING_WINDOW
        ):
            return too_many(request)
        try:
            post = posting.conversation_of(page, request.user, form.cleaned_data["text"])
        except posting.PostingError as error:
            form.add_error("text", error.message)
        else:
            messages.success(request, _("Je reactie staat onder het artikel."))
            return redirect(f"{page.url}#bijdrage-{post.pk}")
    context = {"page": page, "form": form}
    return private(render(request, "community/pagina_reageren.html", context))
