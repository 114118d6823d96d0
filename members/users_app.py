from wagtail.users.apps import WagtailUsersAppConfig


class LeerhuisUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, for a user model with one full-name field."""

    user_viewset = "members.admin_users.UserViewSet"

    def ready(self):
        super().ready()
        from wagtail.admin.views import account

        from .admin_users import FullNameForm

        # Wagtail's name panel edits first_name/last_name, which our user model does not
        # have; Wagtail offers no hook to replace the panel's form, only this attribute.
        account.NameEmailSettingsPanel.form_class = FullNameForm
