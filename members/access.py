"""The one access policy: who may see what.

Pages, listings, search, feeds and sitemaps all ask can_view() or visible_to(); nothing
else decides, and hiding a link is never the protection.
"""

import functools

from django.db import models
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from members.membership import membership_on


class Visibility(models.TextChoices):
    PUBLIC = "public", _("iedereen")
    LOGGED_IN = "logged_in", _("ingelogde bezoekers")
    MEMBERS = "members", _("leden")


ALL = frozenset(Visibility.values)
# From open to closed: content below a page is never more open than the page itself.
ORDER = [Visibility.PUBLIC, Visibility.LOGGED_IN, Visibility.MEMBERS]


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


def allowed_visibilities(user) -> frozenset:
    if user is None or not user.is_authenticated:
        return frozenset({Visibility.PUBLIC})
    if user.is_staff or membership_on(user).is_member:
        return ALL
    return frozenset({Visibility.PUBLIC, Visibility.LOGGED_IN})


def can_view(user, obj) -> bool:
    if not hasattr(obj, "visibility") and hasattr(obj, "specific_deferred"):
        obj = obj.specific_deferred  # a generic Page: the field lives on its page type
    visibility = getattr(obj, "visibility", Visibility.PUBLIC)
    if visibility == Visibility.PUBLIC:
        return True  # no membership lookup for the common case
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
    model = queryset.model
    if any(f.name == "visibility" for f in model._meta.get_fields()):
        return queryset.filter(visibility__in=allowed)
    for submodel in visibility_models(model):
        hidden = submodel._base_manager.exclude(visibility__in=allowed).values("pk")
        queryset = queryset.exclude(pk__in=hidden)
    return queryset


def deny(request, obj=None):
    """The Dutch explanation instead of the content: log in, or how to become a member."""
    visibility = getattr(obj, "visibility", Visibility.MEMBERS)
    context = {
        "visibility": visibility,
        "members_only": visibility == Visibility.MEMBERS,
        "status": membership_on(request.user),
        "login_next": request.get_full_path(),
    }
    response = render(request, "members/geen_toegang.html", context, status=403)
    return private(response)


def private(response):
    """Restricted answers are for this visitor only: never kept by a shared cache."""
    patch_cache_control(response, private=True, no_cache=True)
    return response
