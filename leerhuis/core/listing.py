"""List pages with filters: the calendar, and next the kennisbank, search and conversations.

Everything comes from GET parameters, so a filtered view is a URL that can be shared,
bookmarked and subscribed to; nothing is kept in the session. A value the form does not
accept (a hand-edited or outdated link) is reported and left out, never a 500. URLs are
written with the parameters in one fixed order and without empty ones, so one view has
one URL.
"""

from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.utils.translation import gettext_lazy as _


def without_empty(request):
    """This address without its empty parameters, or None when it has none.

    A GET form sends every field, also those left at "all" (`?thema=&type=webinar`); the
    list answers such an address with a redirect to its clean form (`?type=webinar`), so a
    view has one URL with or without the script that leaves empty fields out.
    """
    pairs = [(name, value) for name, values in request.GET.lists() for value in values]
    kept = [(name, value) for name, value in pairs if value.strip()]
    if len(kept) == len(pairs):
        return None
    return f"{request.path}?{urlencode(kept)}" if kept else request.path


class ListFilterForm(forms.Form):
    """The filters of a list, bound to request.GET and never saved.

    `page` is never an error the visitor must fix: a wrong one shows page 1 (and says so).
    Errors of fields in `errors_on_top` (hidden fields, set by links rather than by the
    form) go to the top of the form, where they can be read.
    """

    errors_on_top = ()
    page = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_invalid = False

    def add_error(self, field, error):
        if field in self.errors_on_top:
            # What was not accepted is left out, as add_error(field) would do.
            getattr(self, "cleaned_data", {}).pop(field, None)
            field = None
        super().add_error(field, error)

    def clean_page(self):
        value = self.cleaned_data["page"].strip()
        if not value:
            return None
        if value.isascii() and value.isdigit() and int(value) >= 1:
            return int(value)
        self.page_invalid = True
        return None


class Listing:
    """One request's view of a filtered, paginated list. Lazy: nothing is queried until a
    template asks.

    Subclasses set `form_class`, `parameters` (every GET parameter, in URL order, `page`
    last), `filters` (those that narrow the list: shown as active filters, dropped by
    clear_url) and implement get_items().
    """

    form_class = ListFilterForm
    parameters = ("page",)
    filters = ()
    per_page = 20

    def __init__(self, request, base_url, *, per_page=None):
        self.request = request
        self.base_url = base_url
        if per_page:
            self.per_page = per_page

    # --- what was asked -------------------------------------------------------------

    def get_form_kwargs(self):
        return {}

    @cached_property
    def form(self):
        form = self.form_class(self.request.GET, **self.get_form_kwargs())
        form.is_valid()
        return form

    @cached_property
    def values(self):
        """The accepted values (None where nothing, or nothing valid, was given)."""
        data = self.form.cleaned_data
        return {name: data.get(name) or None for name in self.parameters}

    def serialise(self, name, value):
        """A cleaned value as it goes into a URL."""
        return value

    @cached_property
    def params(self):
        return {name: self.serialise(name, value) for name, value in self.values.items() if value}

    def url(self, **changes):
        """This list's URL with `changes` (None drops a parameter)."""
        params = {**self.params, **changes}
        query = urlencode([(name, params[name]) for name in self.parameters if params.get(name)])
        return f"{self.base_url}?{query}" if query else self.base_url

    @cached_property
    def active_filters(self):
        """What narrows the list now, each with a link that drops just that filter."""
        return [
            {
                "label": self.form[name].label,
                "value": dict(getattr(self.form.fields[name], "choices", ())).get(value, value),
                "remove_url": self.url(**{name: None, "page": None}),
            }
            for name in self.filters
            if (value := self.params.get(name))
        ]

    @property
    def clear_url(self):
        """Without the filters, and otherwise as it is."""
        return self.url(**dict.fromkeys(self.filters), page=None)

    # --- what is listed ---------------------------------------------------------------

    def get_items(self):
        raise NotImplementedError

    @cached_property
    def paginator(self):
        return Paginator(self.get_items(), self.per_page)

    @cached_property
    def page_obj(self):
        try:
            return self.paginator.page(self.values["page"] or 1)
        except EmptyPage:
            return self.paginator.page(self.paginator.num_pages)

    @property
    def page_notice(self):
        """A page that does not exist (any more) shows the nearest one, and says so."""
        asked = self.values["page"]
        if self.form.page_invalid:
            return _("Dat paginanummer bestaat niet; je ziet de eerste pagina.")
        if asked and asked != self.page_obj.number:
            return _("Pagina %(asked)s bestaat niet (meer); je ziet pagina %(shown)s.") % {
                "asked": asked,
                "shown": self.page_obj.number,
            }
        return ""

    def page_url(self, number):
        return self.url(page=number if number > 1 else None)  # page 1 is the plain URL

    @property
    def page_links(self):
        if self.paginator.num_pages < 2:
            return []
        current = self.page_obj.number
        return [
            {"ellipsis": True}
            if number == Paginator.ELLIPSIS
            else {"number": number, "url": self.page_url(number), "current": number == current}
            for number in self.paginator.get_elided_page_range(current, on_each_side=2)
        ]

    @property
    def previous_page_url(self):
        page = self.page_obj
        return self.page_url(page.previous_page_number()) if page.has_previous() else None

    @property
    def next_page_url(self):
        page = self.page_obj
        return self.page_url(page.next_page_number()) if page.has_next() else None
