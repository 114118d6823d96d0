"""The kennisbank's list (/kennisbank/): what it lists and the filters that narrow it.

Built on core's Listing like the calendar: filters are plain GET parameters (`?type=`,
`?thema=`, `?organisatie=`), combinable, in one fixed order in every URL, so a filtered view
can be shared. A value the form does not accept is reported in Dutch and left out, never a
500. Only the themes and organisations that at least one visible article carries are
offered, so no filter finds nothing by construction.
"""

from functools import cached_property

from django import forms
from django.db.models import F
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _

from leerhuis.core.listing import ListFilterForm, Listing
from leerhuis.core.themes import Thema, having_theme, live_themes
from members.access import visible_to
from members.models import Organisation

from .feeds import feed_url
from .models import ArticleKind, ArticlePage

PARAMETERS = ("type", "thema", "organisatie", "page")
FILTERS = ("type", "thema", "organisatie")
# What a card never shows; StreamField JSON can be large.
CARD_DEFERRED = ("body",)


def _invalid(message):
    return {"invalid_choice": message}


class OrganisationField(forms.ChoiceField):
    """An organisation by number (as the form writes it) or by its name as a slug
    (`gemeente-veenendaal`, as a person would type it)."""

    def __init__(self, *args, aliases=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.aliases = aliases or {}

    def to_python(self, value):
        value = super().to_python(value).strip()
        return self.aliases.get(value.lower(), value)


class KennisbankFilterForm(ListFilterForm):
    type = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        choices=[
            ("", _("Alle soorten")),
            *((value, capfirst(label)) for value, label in ArticleKind.choices),
        ],
        error_messages=_invalid(_("Deze soort kennen we niet in de kennisbank.")),
    )
    thema = forms.ChoiceField(
        label=_("Thema"),
        required=False,
        error_messages=_invalid(_("Dit thema komt bij geen enkel artikel voor.")),
    )
    organisatie = OrganisationField(
        label=_("Organisatie"),
        required=False,
        error_messages=_invalid(_("Van deze organisatie staat niets in de kennisbank.")),
    )

    def __init__(self, *args, themes=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("Alle thema's")), *themes]
        self.fields["organisatie"].choices = [
            ("", _("Alle organisaties")),
            *((str(pk), name) for pk, name in organisations),
        ]
        self.fields["organisatie"].aliases = {slugify(name): str(pk) for pk, name in organisations}


def live_articles(user):
    return visible_to(user, ArticlePage.objects.live())


def newest_first(articles):
    return articles.order_by(F("date").desc(nulls_last=True), "-first_published_at", "-pk")


def for_cards(articles):
    """What a card shows, in a fixed number of queries: the organisation joined, themes
    prefetched, the body left."""
    return (
        articles.defer(*CARD_DEFERRED)
        .select_related("organisation")
        .prefetch_related(live_themes())
    )


def newest_for(user, limit):
    """The newest articles `user` may see (the home page's section)."""
    return list(for_cards(newest_first(live_articles(user)))[:limit])


class Kennisbank(Listing):
    """One request's view of the kennisbank, filtered. Lazy: nothing is queried until a
    template asks."""

    form_class = KennisbankFilterForm
    parameters = PARAMETERS
    filters = FILTERS

    def __init__(self, page, request):
        super().__init__(request, page.get_url(request) or page.url, per_page=page.per_page)
        self.page = page

    @cached_property
    def articles(self):
        return live_articles(self.request.user).child_of(self.page)

    @cached_property
    def feeds(self):
        """The feeds of what is shown: of the chosen theme, if any (the feeds know no other
        filter), for the page's head and its visible link."""
        theme = self.values["thema"] or ""
        name = dict(self.form.fields["thema"].choices).get(theme, "") if theme else ""
        title = _("Kennisbank, thema %(theme)s") % {"theme": name} if name else _("Kennisbank")
        return {
            "title": title,
            "theme": name,
            "rss": feed_url("rss", theme),
            "atom": feed_url("atom", theme),
        }

    def get_form_kwargs(self):
        used = self.articles.order_by().values("organisation")
        return {
            "themes": list(Thema.objects.used_by(self.articles).values_list("slug", "name")),
            "organisations": list(
                Organisation.objects.live().filter(pk__in=used).values_list("pk", "name")
            ),
        }

    def get_items(self):
        articles = self.articles
        values = self.values
        if values["type"]:
            articles = articles.filter(kind=values["type"])
        if values["thema"]:
            articles = having_theme(articles, values["thema"])
        if values["organisatie"]:
            articles = articles.filter(organisation_id=values["organisatie"])
        return for_cards(newest_first(articles))
