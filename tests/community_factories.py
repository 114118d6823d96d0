"""Factories for the community (threads, posts, groups), shared by tests/community/ and the
browser tests. They write rows directly; tests of the verbs call the services."""

import factory
from django.utils import timezone

from leerhuis.community.models import Follow, Post, Report, Thread
from members.models import Groep, Groepslid
from tests.factories import UserFactory


class GroepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Groep

    name = factory.Sequence(lambda n: f"Werkgroep {n}")
    slug = factory.Sequence(lambda n: f"werkgroep-{n}")
    description = "Een werkgroep van opgave-managers."
    toegang = Groep._meta.get_field("toegang").default


class GroepslidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Groepslid

    groep = factory.SubFactory(GroepFactory)
    user = factory.SubFactory(UserFactory)
    status = Groepslid.Status.ACTIEF
    joined_at = factory.LazyFunction(timezone.now)


class ThreadFactory(factory.django.DjangoModelFactory):
    """A public conversation with its opening post."""

    class Meta:
        model = Thread
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Hoe mandateer je een opgave-manager? ({n})")
    slug = factory.Sequence(lambda n: f"gesprek-{n}")
    author = factory.SubFactory(UserFactory)
    opening = factory.RelatedFactory(
        "tests.community_factories.PostFactory",
        factory_related_name="thread",
        is_opening=True,
        author=factory.SelfAttribute("..author"),
    )


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = "<p>Bij ons krijgt de opgave-manager een mandaat van het college.</p>"


class FollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Follow

    user = factory.SubFactory(UserFactory)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    post = factory.SubFactory(PostFactory)
    reporter = factory.SubFactory(UserFactory)
    reason = Report.Reason.ONGEPAST
