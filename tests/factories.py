import datetime

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.contrib.auth import get_user_model

from leerhuis.core.models import StandardPage
from members.models import Membership, Organisation, OrganisationDomain, Person

PASSWORD = "Opgave-sturing-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@gemeente{n}.nl")
    full_name = factory.Faker("name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        """A verified primary address, as after following the link in the mail."""
        if not create:
            return
        user.save()  # keeps the password set just before
        if extracted is not False:
            address, _ = EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
            # What allauth sends when the link in the mail is followed: it links the
            # user to an organisation by domain.
            email_confirmed.send(sender=EmailAddress, request=None, email_address=address)


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Pagina {n}")
    intro = "Een korte inleiding."


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A member municipality with one domain, unless told otherwise.

    `OrganisationFactory(domain="x.nl", member=False)`; `member_from`/`member_until` set
    the membership's period.
    """

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Gemeente Voorbeeld {n}")
    kind = Organisation.Kind.GEMEENTE
    province = "utrecht"

    @factory.post_generation
    def domain(organisation, create, extracted, **kwargs):
        if create and extracted is not False:
            name = extracted or f"{organisation.name_folded.split()[-1]}-{organisation.pk}.nl"
            OrganisationDomain.objects.create(
                organisation=organisation,
                domain=name,
                include_subdomains=kwargs.get("subdomains", False),
            )

    @factory.post_generation
    def member(organisation, create, extracted, **kwargs):
        if create and extracted is not False:
            Membership.objects.create(
                organisation=organisation,
                category=kwargs.get("category", Membership.Category.REGULIER),
                valid_from=kwargs.get("from", datetime.date(2020, 1, 1)),
                valid_until=kwargs.get("until"),
            )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name", locale="nl_NL")
    role = "Projectleider"
