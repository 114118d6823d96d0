from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Een e-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class Function(models.TextChoices):
    PROJECTLEIDER = "projectleider", _("Projectleider")
    PROCESREGISSEUR = "procesregisseur", _("Procesregisseur")
    PROGRAMMAMANAGER = "programmamanager", _("Programmamanager")
    OPGAVE_MANAGER = "opgave-manager", _("Opgave-manager")
    ANDERS = "anders", _("Anders")


class User(AbstractBaseUser, PermissionsMixin):
    """An account: the email address is the login, the name is one field.

    Dutch names ("Astrid van de Klift") do not split cleanly into first and last name.
    """

    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("volledige naam"), max_length=150)
    is_staff = models.BooleanField(
        _("medewerker"),
        default=False,
        help_text=_("Medewerkers van de vereniging (redactie, organisatoren, beheer)."),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    date_joined = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    function = models.CharField(_("functie"), max_length=20, choices=Function.choices, blank=True)
    bio = models.TextField(
        _("korte introductie"),
        blank=True,
        max_length=600,
        help_text=_("Wie je bent en waar je aan werkt, in een paar zinnen."),
    )

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email
