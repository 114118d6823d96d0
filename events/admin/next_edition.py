"""Next year's edition of a meeting: a copy with its programme, speakers, workshops and
begrippen, every date moved by the same step, and nothing that belonged to this year's
edition: no registrations (they are not part of the page), no accreditations (a scheme
recognises one edition: EventPage.exclude_fields_in_copy), no materials afterwards, no
cancellation. The copy is a draft for the editor to check and publish.

Wagtail's CopyPageAction does the copying and its check() the permission (may this user
add a page under the calendar?); this view only asks what the new edition is called and
when it is.
"""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.actions.copy_page import CopyPageAction, CopyPagePermissionError
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from events.models import EventPage, EventStatus

# Fifty-two weeks: next year's edition falls on the same weekday.
A_YEAR_ON = datetime.timedelta(weeks=52)
MOVED = ("start", "end", "registration_opens", "registration_closes", "cancellation_deadline")


def next_title(title, start):
    """'Studiedag 2026' → 'Studiedag 2027' when the year is in the title; else the same."""
    year = str(timezone.localtime(start).year)
    return title.replace(year, str(int(year) + 1)) if year in title else title


class NextEditionForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=255)
    slug = forms.SlugField(
        label=_("Korte naam in het adres"),
        max_length=255,
        allow_unicode=True,
        help_text=_("Het adres wordt /activiteiten/<korte naam>/."),
    )
    start = forms.DateTimeField(
        label=_("Begin"),
        help_text=_("Het einde en de data van aanmelden en afmelden schuiven evenveel mee."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, original, **kwargs):
        super().__init__(*args, **kwargs)
        self.original = original

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        siblings = self.original.get_parent().get_children()
        if siblings.filter(slug=slug).exists():
            raise forms.ValidationError(
                gettext("Er staat al een activiteit op dit adres; kies een andere korte naam.")
            )
        return slug

    def clean_start(self):
        start = self.cleaned_data["start"]
        if start <= self.original.start:
            raise forms.ValidationError(
                gettext("De volgende editie begint na deze (%(date)s).")
                % {"date": timezone.localtime(self.original.start).strftime("%d-%m-%Y")}
            )
        return start


class NextEditionView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/volgende_editie.html"
    page_title = _("Volgende editie")
    header_icon = "copy"
    http_method_names = ["get", "post"]

    def dispatch(self, request, page_id):
        self.original = get_object_or_404(EventPage, pk=page_id).specific
        self.action = CopyPageAction(
            self.original, to=self.original.get_parent(), user=request.user
        )
        try:
            self.action.check()
        except CopyPagePermissionError as refusal:
            raise PermissionDenied(str(refusal)) from refusal
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.original.title

    def initial(self):
        start = self.original.start + A_YEAR_ON
        title = next_title(self.original.title, self.original.start)
        return {
            "title": title,
            "slug": slugify(title, allow_unicode=True) or f"{self.original.slug}-2",
            "start": timezone.localtime(start).replace(tzinfo=None),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(original=self.original, **kwargs)

    def get(self, request, *args, **kwargs):
        form = NextEditionForm(initial=self.initial(), original=self.original)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = NextEditionForm(request.POST, original=self.original)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        copy = self.copy(form.cleaned_data)
        messages.success(
            request,
            gettext(
                "‘%(title)s’ staat klaar als concept. Kijk het programma, de sprekers en de "
                "prijzen na, vraag opnieuw accreditatie aan en publiceer."
            )
            % {"title": copy.title},
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)

    def copy(self, data):
        step = data["start"] - self.original.start
        moved = {
            name: getattr(self.original, name) + step
            for name in MOVED
            if getattr(self.original, name) is not None
        }
        action = CopyPageAction(
            self.original,
            to=self.original.get_parent(),
            update_attrs={
                **moved,
                "title": data["title"],
                "draft_title": data["title"],
                "slug": data["slug"],
                "status": EventStatus.GEPLAND,
                "status_note": "",
                "materials": [],
            },
            keep_live=False,
            copy_revisions=False,
            user=self.request.user,
        )
        return action.execute(skip_permission_checks=True)
