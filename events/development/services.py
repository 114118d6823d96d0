"""The verbs of the record that a person performs on their own data: add, change and remove
learning elsewhere, and set or clear a year's goal.

Adding runs with the person's own row locked, so a double click (or a second tab sending
the same form) finds the first one made a moment ago and stores nothing twice. A proof
document that is replaced or removed leaves storage once the change is committed, as a
deleted row's proof does (events/signals.py remove_proof): never a file without a row, and
never a row whose file went with a rolled-back change.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from events.models import DevelopmentGoal, ExternalLearning

DOUBLE_CLICK = timedelta(seconds=30)


def add_external(user, learning):
    """Store `learning` (unsaved, from ExternalLearningForm) on `user`'s record.
    Returns (learning, created); the same form sent twice returns the first."""
    now = timezone.now()
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        same = (
            ExternalLearning.objects.filter(
                user=user,
                title=learning.title,
                organiser=learning.organiser,
                date=learning.date,
                hours=learning.hours,
                created_at__gte=now - DOUBLE_CLICK,
            )
            .order_by("-pk")
            .first()
        )
        if same is not None:
            return same, False
        learning.user = user
        learning.save()
    return learning, True


def _forget_file(storage, name):
    transaction.on_commit(lambda: storage.delete(name))


def change_external(learning, old_proof):
    """Save a changed `learning`; `old_proof` is the name of the proof it had before the
    form touched it ("" for none). A replaced or removed proof is deleted from storage."""
    with transaction.atomic():
        learning.save()
        if old_proof and learning.proof.name != old_proof:
            _forget_file(learning.proof.storage, old_proof)
    return learning


def remove_external(learning):
    """Delete it; its proof goes with it (the post_delete signal)."""
    with transaction.atomic():
        learning.delete()


def set_goal(user, year, hours, scheme, points):
    """The goal of `user` for `year`: one per year (the model's constraint), changed in
    place when there is one."""
    goal, _created = DevelopmentGoal.objects.update_or_create(
        user=user,
        year=year,
        defaults={"hours": hours, "scheme": scheme, "points": points if scheme else None},
    )
    return goal


def clear_goal(user, year):
    DevelopmentGoal.objects.filter(user=user, year=year).delete()
