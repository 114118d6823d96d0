from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "leerhuis.core"
    label = "core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import post_page_move

        from leerhuis.core import navigation_cache, page_cache_signals
        from leerhuis.core.models import page_moved

        post_page_move.connect(page_moved, dispatch_uid="core.page_moved")
        page_cache_signals.connect()
        navigation_cache.connect()
