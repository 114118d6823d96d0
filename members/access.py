"""The one access policy: who may see what.

Pages, listings, search, feeds and sitemaps all ask can_view() or visible_to(); nothing
else decides, and hiding a link is never the protection.

Four levels, from open to closed: everyone, logged-in visitors, members, and the members of
one group. Content that can be for a group only carries a `group` field (group_field())
beside its visibility; this module reads those two fields and knows nothing else of what
the content is.
"""

import functools

from django.db import models
from django.db.models import Q
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from members.membership import membership_on


class Visibility(models.TextChoices):
    PUBLIC = "public", _("iedereen")
    LOGGED_IN = "logged_in", _("ingelogde bezoekers")
    MEMBERS = "members", _("leden")
    GROUP = "group", _("leden van de groep")


ALL = frozenset(Visibility.values)
# The levels a reader can be offered for content that is not a group's (a case, a thread).
SITE_LEVELS = [Visibility.PUBLIC, Visibility.LOGGED_IN, Visibility.MEMBERS]
SITE_CHOICES = [(level.value, level.label) for level in SITE_LEVELS]
# From open to closed: content below a page is never more open than the page itself.
ORDER = [Visibility.PUBLIC, Visibility.LOGGED_IN, Visibility.MEMBERS, Visibility.GROUP]


def strictest(*levels) -> str:
    return max((level or Visibility.PUBLIC for level in levels), key=ORDER.index)


def more_open_than(level) -> list[str]:
    return ORDER[: ORDER.index(level)]


def visibility_field():
    return models.CharField(
        _("zichtbaar voor"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        db_index=True,
        help_text=_("Wie deze inhoud mag zien. Medewerkers zien altijd alles."),
    )


def group_field():
    """The group that content at the level `Visibility.GROUP` is for.

    Deleting a group leaves its content at that level without a group: then only staff see
    it, never everyone.
    """
    return models.ForeignKey(
        "members.Groep",
        verbose_name=_("groep"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Alleen bij 'zichtbaar voor leden van de groep': welke groep."),
    )


def allowed_visibilities(user) -> frozenset:
    """The levels open to `user` for any content; a group's level is decided per group."""
    if user is None or not user.is_authenticated:
        return frozenset({Visibility.PUBLIC})
    if user.is_staff:
        return ALL
    if membership_on(user).is_member:
        return frozenset({Visibility.PUBLIC, Visibility.LOGGED_IN, Visibility.MEMBERS})
    return frozenset({Visibility.PUBLIC, Visibility.LOGGED_IN})


def groups_of(user):
    """The ids of the groups `user` belongs to, as a subquery (no query of its own)."""
    from members.models import Groepslid

    return Groepslid.objects.active().filter(user=user).values("groep_id")


def in_group(user, group_id) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff:
        return True  # also for content whose group was deleted (group_field())
    if group_id is None:
        return False
    return groups_of(user).filter(groep_id=group_id).exists()


def can_view(user, obj) -> bool:
    if not hasattr(obj, "visibility") and hasattr(obj, "specific_deferred"):
        obj = obj.specific_deferred  # a generic Page: the field lives on its page type
    visibility = getattr(obj, "visibility", Visibility.PUBLIC)
    if visibility == Visibility.PUBLIC:
        return True  # no membership lookup for the common case
    if visibility == Visibility.GROUP:
        return in_group(user, getattr(obj, "group_id", None))
    return visibility in allowed_visibilities(user)


def is_restricted(obj) -> bool:
    """Not for everyone: its answers must never be kept by a shared cache."""
    return getattr(obj, "visibility", Visibility.PUBLIC) != Visibility.PUBLIC


@functools.cache
def visibility_models(model):
    """Concrete models under `model` that carry a visibility field (page types, say).

    Fixed once the apps are loaded, so it is worked out once per process, not per request.
    """
    from django.apps import apps

    return [
        m
        for m in apps.get_models()
        if issubclass(m, model)
        and m is not model
        and not m._meta.proxy
        and any(f.name == "visibility" for f in m._meta.local_fields)
    ]


def visible_to(user, queryset):
    """Narrow a queryset to what `user` may see, in the same single query.

    Works on a model with its own visibility field, and on a generic parent such as
    Wagtail's Page, where each page type keeps the field in its own table.
    """
    allowed = allowed_visibilities(user)
    if allowed == ALL:
        return queryset
    logged_in = user is not None and user.is_authenticated
    model = queryset.model
    if any(f.name == "visibility" for f in model._meta.get_fields()):
        seen = Q(visibility__in=allowed)
        if logged_in and _has_group(model):
            seen |= Q(visibility=Visibility.GROUP, group__in=groups_of(user))
        return queryset.filter(seen)
    for submodel in visibility_models(model):
        hidden = submodel._base_manager.exclude(visibility__in=allowed)
        if logged_in and _has_group(submodel):
            hidden = hidden.exclude(visibility=Visibility.GROUP, group__in=groups_of(user))
        queryset = queryset.exclude(pk__in=hidden.values("pk"))
    return queryset


def _has_group(model) -> bool:
    return any(f.name == "group" for f in model._meta.get_fields())


def deny(request, obj=None):
    """The Dutch explanation instead of the content: log in, or how to become a member."""
    visibility = getattr(obj, "visibility", Visibility.MEMBERS)
    group = getattr(obj, "group", None) if visibility == Visibility.GROUP else None
    context = {
        "visibility": visibility,
        "members_only": visibility == Visibility.MEMBERS,
        "group_only": visibility == Visibility.GROUP,
        # A hidden group is not named to those outside it.
        "group": None if group is None or group.is_hidden else group,
        "status": membership_on(request.user),
        "login_next": request.get_full_path(),
    }
    response = render(request, "members/geen_toegang.html", context, status=403)
    return private(response)


def private(response):
    """Restricted answers are for this visitor only: never kept by a shared cache."""
    patch_cache_control(response, private=True, no_cache=True)
    return response


def render_private(request, template, context, status=200):
    """A page that depends on who asks, answered privately."""
    return private(TemplateResponse(request, template, context, status=status))
