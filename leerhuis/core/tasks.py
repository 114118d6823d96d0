"""Background work of the site core: sending queued mail."""

from django_tasks import task

from leerhuis.core import outbox


@task()
def send_outbox_message(pk: int) -> bool:
    return outbox.deliver(pk)
