"""/gesprekken/<slug>/: one conversation, and writing in it (reply, edit, delete, choose the
answer).

Thin: who may see is the access policy's (members/access.py), who may do what is
leerhuis.community.rules, and every change is a verb of services/posting.py; a refusal of a
verb (PostingError) is shown with the form again, everything typed kept. A thread in a
hidden group is a 404 for those outside it, as if it did not exist; other restricted threads
say why (members.access.deny). A post in a thread the person may not see is a 404 too.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from leerhuis.community import queries, rules
from leerhuis.community.models import Post, Thread
from leerhuis.community.services import following, posting
from leerhuis.community.services.posting import PostingError
from leerhuis.community.thread_forms import PostTextForm, ReplyForm
from leerhuis.community.thread_page import ThreadPage
from leerhuis.core.ratelimit import over_limit, too_many
from leerhuis.core.sanitise import as_typed
from members.access import Visibility, can_view, deny, private, render_private

POST_LIMIT = rules.POSTING_LIMIT
POST_WINDOW = rules.POSTING_WINDOW


def _forbidden(request, message):
    return render_private(
        request, "community/gesprek_niet_toegestaan.html", {"message": message}, 403
    )


def _visible_thread(request, slug):
    """(thread, refusal): the thread this person may read, or the answer that they may not."""
    thread = get_object_or_404(
        Thread.objects.select_related("group").prefetch_related("themes"), slug=slug
    )
    if can_view(request.user, thread):
        return thread, None
    if rules.is_secret(thread):
        raise Http404
    return thread, deny(request, thread)


def _own_visible_post(request, pk):
    """A post (with its thread) in a thread this person may read; otherwise a 404."""
    post = get_object_or_404(Post.objects.select_related("thread", "thread__group"), pk=pk)
    if not can_view(request.user, post.thread):
        raise Http404
    return post


def _login(request, thread=None):
    return redirect_to_login(thread.get_absolute_url() if thread else request.get_full_path())


@require_GET
def thread_page(request, slug):
    thread, refusal = _visible_thread(request, slug)
    if refusal is not None:
        return refusal
    wanted = request.GET.get("bijdrage")
    if wanted is not None:
        return _to_post(thread, wanted)
    following.mark_seen(request.user, thread)
    form = None
    quote_pk = request.GET.get("citeer", "")
    if quote_pk:
        form = ReplyForm(initial={"citeer": quote_pk})
    return _show(request, thread, form)


def _to_post(thread, wanted):
    """?bijdrage=<pk>: the page of the thread that holds it, at its place."""
    if not (wanted.isascii() and wanted.isdigit()):
        raise Http404
    post = get_object_or_404(Post, pk=int(wanted), thread=thread)
    number = queries.page_number_of(post)
    query = f"?pagina={number}" if number > 1 else ""
    return redirect(f"{thread.get_absolute_url()}{query}#bijdrage-{post.pk}")


def _show(request, thread, form=None, status=200, page_number=None):
    """Private for a logged-in reader (their form, their actions) and for a restricted
    thread. A public thread's page for visitors may be stored, but is asked for again each
    time (a reply or an edit changes it at once); no shared cache keeps an old one."""
    page = ThreadPage(request, thread, form, page_number=page_number)
    context = {**page.context(), "follow": following.follow_of(request.user, thread)}
    response = TemplateResponse(request, "community/gesprek.html", context, status=status)
    if request.user.is_authenticated or thread.visibility != Visibility.PUBLIC:
        return private(response)
    patch_cache_control(response, no_cache=True)
    return response


@require_POST
def reply(request, slug):
    thread, refusal = _visible_thread(request, slug)
    if not request.user.is_authenticated:
        return _login(request, thread)
    if refusal is not None:
        return refusal
    if not rules.may_reply(request.user, thread):
        return _forbidden(request, _("Je kunt in dit gesprek niet reageren."))
    if over_limit(request, rules.POSTING_SCOPE, limit=POST_LIMIT, window=POST_WINDOW):
        return too_many(request)
    form = ReplyForm(request.POST)
    if form.is_valid():
        quote = None
        quote_pk = form.cleaned_data["citeer"]
        if quote_pk:
            quote = Post.objects.filter(pk=quote_pk).first()
        try:
            if quote_pk and quote is None:
                raise PostingError(_("Die bijdrage kun je hier niet citeren."), "quote")
            post = posting.reply(thread, request.user, form.cleaned_data["tekst"], quote=quote)
        except PostingError as refused:
            if refused.code == "forbidden":
                return _forbidden(request, refused.message)
            form.add_error("citeer" if refused.code == "quote" else "tekst", refused.message)
        else:
            messages.success(request, _("Je reactie is geplaatst."))
            return redirect(post.get_absolute_url())
    return _show(request, thread, form, page_number="last")


@require_http_methods(["GET", "POST"])
def edit(request, pk):
    if not request.user.is_authenticated:
        return _login(request)
    post = _own_visible_post(request, pk)
    if not rules.may_edit(request.user, post):
        return _forbidden(
            request,
            _(
                "Je kunt deze bijdrage niet (meer) bewerken: dat kan de auteur tot een uur "
                "na plaatsen."
            ),
        )
    if request.method == "POST":
        if over_limit(request, rules.POSTING_SCOPE, limit=POST_LIMIT, window=POST_WINDOW):
            return too_many(request)
        form = PostTextForm(request.POST)
        if form.is_valid():
            try:
                posting.edit(post, request.user, form.cleaned_data["tekst"])
            except PostingError as refused:
                if refused.code == "forbidden":
                    return _forbidden(request, refused.message)
                form.add_error("tekst", refused.message)
            else:
                messages.success(request, _("Je bijdrage is bijgewerkt."))
                return redirect(post.get_absolute_url())
    else:
        form = PostTextForm(initial={"tekst": as_typed(post.body)})
    return render_private(
        request,
        "community/gesprek_bewerken.html",
        {"form": form, "post": post, "thread": post.thread},
    )


@require_http_methods(["GET", "POST"])
def delete(request, pk):
    if not request.user.is_authenticated:
        return _login(request)
    post = _own_visible_post(request, pk)
    if not rules.may_delete(request.user, post):
        return _forbidden(request, _("Alleen de auteur kan deze bijdrage verwijderen."))
    if request.method == "POST":
        try:
            posting.delete(post, request.user)
        except PostingError as refused:
            return _forbidden(request, refused.message)
        messages.success(request, _("Je bijdrage is verwijderd."))
        return redirect(post.get_absolute_url())
    return render_private(
        request, "community/gesprek_verwijderen.html", {"post": post, "thread": post.thread}
    )


@require_POST
def answer(request, slug):
    thread, refusal = _visible_thread(request, slug)
    if not request.user.is_authenticated:
        return _login(request, thread)
    if refusal is not None:
        return refusal
    if not rules.may_mark_answer(request.user, thread):
        return _forbidden(request, _("Alleen wie de vraag stelde, kiest het antwoord."))
    if "intrekken" in request.POST:
        posting.unmark_answer(thread, request.user)
        messages.success(request, _("Het antwoord is ingetrokken; de vraag staat weer open."))
        return redirect(thread.get_absolute_url())
    wanted = request.POST.get("post", "")
    if not (wanted.isascii() and wanted.isdigit()):
        raise Http404
    post = get_object_or_404(Post, pk=int(wanted), thread=thread)
    try:
        posting.mark_answer(thread, request.user, post)
    except PostingError as refused:
        messages.error(request, refused.message)
        return redirect(thread.get_absolute_url())
    messages.success(request, _("Je hebt deze reactie als antwoord gekozen."))
    return redirect(thread.get_absolute_url())
