from django import forms
from django.utils.translation import gettext_lazy as _


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        max_length=200,
        required=False,
        help_text=_("Voor het overzicht, bijv. 'belde af wegens ziekte'."),
        error_messages={"max_length": _("Houd de reden korter dan %(limit_value)d tekens.")},
    )


class MessageForm(forms.Form):
    subject = forms.CharField(
        label=_("Onderwerp"),
        max_length=200,
        error_messages={
            "required": _("Vul een onderwerp in."),
            "max_length": _("Houd het onderwerp korter dan %(limit_value)d tekens."),
        },
    )
    body = forms.CharField(
        label=_("Bericht"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Platte tekst. De aanhef ('Beste …,') en de gegevens van de activiteit komen er "
            "vanzelf bij."
        ),
        error_messages={
            "required": _("Schrijf het bericht."),
            "max_length": _("Houd het bericht korter dan %(limit_value)d tekens."),
        },
    )
    # Made when the preview is shown; the same token sent twice is one message.
    token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def clean_subject(self):
        # A line break in a subject would break the mail's headers.
        return " ".join(self.cleaned_data["subject"].split())
