from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "glossary"
    verbose_name = _("Begrippenkader")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from glossary import signals

        signals.connect()
