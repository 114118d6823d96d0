"""The forms of the conversations index: its filters (plain GET, never saved), starting a
thread, and replying under an article or case. They only check what was typed; whether the
person may write, and what is stored, is the posting verbs' (services/posting.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from leerhuis.community.models import Soort
from leerhuis.community.services.posting import MAX_TEXT, MAX_TITLE
from leerhuis.core.listing import ListFilterForm
from leerhuis.core.themes import Thema
from members.access import Visibility

TEXT_HELP = _(
    "Een lege regel begint een nieuwe alinea. Noem iemand met @ en de volledige naam "
    "(bijvoorbeeld @Petra Mulder); die krijgt dan bericht."
)
# Who may read a thread of the index; a group's thread is for its group, set by the group.
OPEN_LEVELS = [
    (Visibility.PUBLIC, _("iedereen")),
    (Visibility.LOGGED_IN, _("ingelogde bezoekers")),
    (Visibility.MEMBERS, _("alleen leden van de vereniging")),
]


def _invalid(message):
    return {"invalid_choice": message}


class GesprekkenFilterForm(ListFilterForm):
    thema = forms.ChoiceField(
        label=_("Thema"),
        required=False,
        error_messages=_invalid(_("Dit thema kennen we niet.")),
    )
    soort = forms.ChoiceField(
        label=_("Soort"),
        required=False,
        choices=[
            ("", _("Vragen en gesprekken")),
            (Soort.VRAAG, _("Vragen")),
            (Soort.GESPREK, _("Gesprekken")),
        ],
        error_messages=_invalid(_("Kies vragen of gesprekken.")),
    )
    open = forms.ChoiceField(
        label=_("Beantwoord"),
        required=False,
        choices=[("", _("Alle")), ("1", _("Alleen vragen zonder antwoord"))],
        error_messages=_invalid(_("Dit filter kent alleen 'vragen zonder antwoord'.")),
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("Alle thema's")), *themes]


class NewThreadForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=MAX_TITLE,
        error_messages={
            "required": _("Geef het gesprek een titel."),
            "max_length": _("De titel is te lang: hooguit 200 tekens."),
        },
    )
    soort = forms.ChoiceField(
        label=_("Wat begin je?"),
        choices=[
            (Soort.GESPREK, _("Een gesprek: ervaringen en meningen delen")),
            (Soort.VRAAG, _("Een vraag: je kiest later het antwoord dat je hielp")),
        ],
        initial=Soort.GESPREK,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies of je een gesprek of een vraag begint."),
            "invalid_choice": _("Kies of je een gesprek of een vraag begint."),
        },
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Thema.objects.live().order_by("name"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies thema's uit de lijst.")},
    )
    text = forms.CharField(
        label=_("Tekst"),
        help_text=TEXT_HELP,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": _("Schrijf eerst wat je wilt zeggen."),
            "max_length": _("Je tekst is te lang: hooguit 20.000 tekens."),
        },
    )
    visibility = forms.ChoiceField(
        label=_("Wie mag het gesprek lezen?"),
        choices=OPEN_LEVELS,
        initial=Visibility.PUBLIC,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wie het gesprek mag lezen."),
            "invalid_choice": _("Kies wie het gesprek mag lezen."),
        },
    )

    def __init__(self, *args, group=None, **kwargs):
        super().__init__(*args, **kwargs)
        if group is not None:
            del self.fields["visibility"]  # a group's thread is for the group


class PageReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Je reactie"),
        help_text=TEXT_HELP,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Schrijf eerst wat je wilt zeggen."),
            "max_length": _("Je tekst is te lang: hooguit 20.000 tekens."),
        },
    )
