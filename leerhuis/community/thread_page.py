"""What the thread page shows, worked out once per request: the opening, the chosen answer,
one page of replies (?pagina=), each post's text through core's rich-text hook, and what this
reader may do with each post (asked of leerhuis.community.rules, never decided here).

The number of queries does not grow with the thread: the posts come with their authors,
organisations and quotes in one query, rendering reads no database (the begrippen matcher
is cached per process), and the rules read only fields already loaded.
"""

from functools import cached_property

from django import forms
from django.utils.translation import gettext as _

from leerhuis.community import queries, rules
from leerhuis.community.models import Post
from leerhuis.community.thread_forms import ReplyForm
from leerhuis.core import rich_text
from leerhuis.core.listing import ListFilterForm, Listing
from members.access import Visibility
from members.membership import membership_on


class RepliesForm(ListFilterForm):
    pagina = forms.CharField(required=False)

    def clean_pagina(self):
        self.cleaned_data["page"] = self.cleaned_data.get("pagina")
        return self.clean_page()


class Replies(Listing):
    """The replies of one thread, 20 a page, `?pagina=` (page 1 is the plain URL)."""

    form_class = RepliesForm
    parameters = ("pagina",)
    per_page = queries.PER_PAGE

    def __init__(self, request, thread, last=False):
        super().__init__(request, thread.get_absolute_url())
        self.thread = thread
        self.last = last

    @cached_property
    def values(self):
        page = self.form.cleaned_data.get("pagina")
        if self.last:
            page = self.paginator.num_pages
        return {"page": page, "pagina": page}

    @cached_property
    def params(self):
        return {"pagina": self.values["pagina"]} if self.values["pagina"] else {}

    def page_url(self, number):
        return self.url(pagina=number if number > 1 else None)

    def get_items(self):
        return queries.replies_of(self.thread)


class ThreadPage:
    def __init__(self, request, thread, form=None, page_number=None):
        self.request = request
        self.user = request.user
        self.thread = thread
        self.form = form
        self.listing = Replies(request, thread, last=page_number == "last")
        self._may_report = {}

    # --- what each post shows and offers -------------------------------------------------

    def _prepare(self, post):
        post.thread = self.thread  # already loaded: the rules read it without a query
        user, thread = self.user, self.thread
        post.shows_text = not (post.is_deleted or post.is_hidden) or (
            post.is_hidden and not post.is_deleted and self.is_moderator
        )
        if post.shows_text:
            post.html = rich_text.render(post.body, page=thread, request=self.request)
        usable = not (post.is_deleted or post.is_hidden)
        post.may_cite = usable and self.may_reply
        post.may_edit = rules.may_edit(user, post)
        post.may_delete = rules.may_delete(user, post)
        post.may_choose = (
            usable and not post.is_opening and self.may_mark_answer and thread.answer_id != post.pk
        )
        post.may_withdraw = self.may_mark_answer and thread.answer_id == post.pk
        post.may_report = self._report(post)
        post.has_actions = (
            any((post.may_cite, post.may_edit, post.may_delete, post.may_choose, post.may_withdraw))
            or post.may_report
        )
        return post

    def _report(self, post):
        # On one page every post shares its thread, whose access the rule asks each time:
        # ask once per kind of post (own or not, deleted or not), not once per post.
        key = (post.author_id == self.user.pk, post.is_deleted)
        if key not in self._may_report:
            self._may_report[key] = rules.may_report(self.user, post)
        return self._may_report[key]

    @cached_property
    def is_moderator(self):
        return rules.is_moderator(self.user)

    @cached_property
    def may_reply(self):
        return rules.may_reply(self.user, self.thread)

    @cached_property
    def may_mark_answer(self):
        return rules.may_mark_answer(self.user, self.thread)

    @cached_property
    def why_not(self):
        """Why this reader cannot reply, in Dutch (empty when they can)."""
        if self.may_reply:
            return ""
        if not self.user.is_authenticated:
            return "login"
        if self.thread.visibility == Visibility.GROUP or self.thread.group_id:
            return _("Alleen de leden van de groep reageren in dit gesprek.")
        if not membership_on(self.user).is_member:
            return _(
                "Alleen medewerkers van organisaties die lid zijn van de vereniging reageren "
                "in gesprekken. Je account is (nog) niet gekoppeld aan zo'n organisatie."
            )
        return _("Je kunt in dit gesprek niet reageren.")

    # --- the page ------------------------------------------------------------------------

    def _cited(self):
        """The post a `?citeer=` link or the form quotes, shown above the reply form."""
        form = self.form
        pk = form["citeer"].value() if form is not None else None
        if not pk or not str(pk).isdigit():
            return None
        post = queries.with_people(Post.objects.filter(pk=int(pk), thread=self.thread)).first()
        if post is None or post.is_deleted or post.is_hidden:
            return None
        return post

    def context(self):
        thread = self.thread
        # In reading order, so a begrip is linked where the reader first meets it.
        opening = queries.opening_of(thread)
        opening = self._prepare(opening) if opening else None
        answer = queries.answer_of(thread)
        answer = self._prepare(answer) if answer else None
        replies = [self._prepare(post) for post in self.listing.page_obj.object_list]
        form = self.form
        if form is None and self.may_reply:
            form = ReplyForm()
        cited = self._cited() if self.may_reply else None
        if form is not None and self.form is not None and cited is None and not form.is_bound:
            form = ReplyForm()  # a ?citeer= of a post that cannot be quoted: a plain form
        # A moderator hid the opening: its title went with it, for all but moderators.
        title_hidden = opening is not None and opening.is_hidden and not self.is_moderator
        return {
            "thread": thread,
            "title_hidden": title_hidden,
            "heading": _("Verborgen gesprek") if title_hidden else thread.title,
            "themes": [thema for thema in thread.themes.all() if thema.live],
            "opening": opening,
            "answer": answer,
            "replies": replies,
            "listing": self.listing,
            "page_obj": self.listing.page_obj,
            "form": form if self.may_reply else None,
            "cited": cited,
            "why_not": self.why_not,
            "is_moderator": self.is_moderator,
            "login_next": thread.get_absolute_url() + "#reageren",
        }
