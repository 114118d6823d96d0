from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "leerhuis.community"
    label = "community"
    verbose_name = _("Gesprekken en groepen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from leerhuis.community import page_threads

        page_threads.connect()
