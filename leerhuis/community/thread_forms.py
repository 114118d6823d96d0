"""The forms of one conversation: a reply (with what it quotes) and an edit. They only
carry what was typed; whether it may be stored is the posting service's to say."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PostTextForm(forms.Form):
    # Not required here: an empty or tags-only text gets the service's own Dutch message.
    tekst = forms.CharField(
        label=_("Je bijdrage"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Een lege regel begint een nieuwe alinea; regels die met “- ” beginnen worden "
            "een opsomming. Noem iemand met “@Volledige Naam”: die krijgt dan bericht."
        ),
    )


class ReplyForm(PostTextForm):
    citeer = forms.IntegerField(
        required=False,
        min_value=1,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": _("Die bijdrage kun je hier niet citeren."),
            "min_value": _("Die bijdrage kun je hier niet citeren."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tekst"].label = _("Je reactie")

    def add_error(self, field, error):
        # The quote is a hidden field: its error goes on top, where it can be read.
        super().add_error(None if field == "citeer" else field, error)
