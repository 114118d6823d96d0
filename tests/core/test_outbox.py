"""The outbox: a mail is written with its cause, sent after commit, and never twice."""

import io
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from leerhuis.core import outbox
from leerhuis.core.models import OutboxMessage
from leerhuis.core.tasks import send_outbox_message

pytestmark = pytest.mark.django_db
TEMPLATE = "events/mail/afgemeld"  # any pair of .txt/.html templates will do


class FlakyBackend(EmailBackend):
    """A mail server that refuses every address with 'kapot' in it."""

    def send_messages(self, messages):
        if any("kapot" in address for message in messages for address in message.to):
            raise smtplib.SMTPRecipientsRefused({"kapot": (550, b"mailbox unavailable")})
        return super().send_messages(messages)


FLAKY = f"{__name__}.FlakyBackend"


def write(key, to="iemand@gemeente.nl", **kwargs):
    context = {"event": {"title": "Testbijeenkomst"}, "registration": {"name": "Iemand"}}
    return outbox.queue(key, to, f"Onderwerp {key}", TEMPLATE, context, **kwargs)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    def call(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return call


def test_a_queued_mail_goes_out_after_commit_with_text_html_and_attachments(
    django_capture_on_commit_callbacks,
):
    attachment = {"filename": "x.ics", "mimetype": "text/calendar", "content": "BEGIN:VCALENDAR"}
    with django_capture_on_commit_callbacks() as callbacks:
        message, created = write("a", attachments=[attachment])
    assert created and mail.outbox == []  # nothing leaves before the commit

    for callback in callbacks:
        callback()

    [sent] = mail.outbox
    assert sent.to == ["iemand@gemeente.nl"] and sent.subject == "Onderwerp a"
    assert sent.alternatives[0][1] == "text/html"
    assert sent.attachments == [("x.ics", "BEGIN:VCALENDAR", "text/calendar")]
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 1


def test_an_image_travels_through_the_json_row_as_base64_and_arrives_as_bytes(commit):
    image = {
        "filename": "qr.png",
        "mimetype": "image/png",
        "content": "iVBORw0KGgo=",  # the PNG signature
        "encoding": "base64",
    }
    commit(write, "png", attachments=[image])

    [sent] = mail.outbox
    assert sent.attachments == [("qr.png", b"\x89PNG\r\n\x1a\n", "image/png")]


def test_header_lines_are_kept_with_the_row_and_sent_also_on_a_retry(commit, settings):
    headers = {"List-Unsubscribe": "<https://leerhuis.example/afmelden/x/>"}
    settings.OUTBOX_EMAIL_BACKEND = FLAKY
    message, _ = commit(write, "met-kop", to="kapot@gemeente.nl", headers=headers)
    assert mail.outbox == []  # the first attempt failed; the row keeps its headers

    OutboxMessage.objects.filter(pk=message.pk).update(to="heel@gemeente.nl")
    assert outbox.deliver_pending() == 1
    [sent] = mail.outbox
    assert sent.extra_headers == headers
    assert sent.message()["List-Unsubscribe"] == headers["List-Unsubscribe"]


def test_a_mail_without_header_lines_has_none_extra(commit):
    commit(write, "zonder-kop")
    assert mail.outbox[0].extra_headers == {}


def test_the_same_key_is_written_and_sent_once(commit):
    first = commit(write, "zelfde")
    second = commit(write, "zelfde", to="ander@gemeente.nl")

    assert first[1] is True and second[1] is False
    assert OutboxMessage.objects.count() == 1 and len(mail.outbox) == 1


def test_a_rolled_back_cause_leaves_no_row_and_no_mail(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        write("teruggedraaid")
        raise RuntimeError("de aanmelding mislukt")

    assert callbacks == []
    assert not OutboxMessage.objects.exists() and mail.outbox == []


def test_delivering_or_retrying_the_task_twice_sends_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():  # written, not yet handed to the task
        message, _ = write("dubbel")

    assert outbox.deliver(message.pk) is True
    assert outbox.deliver(message.pk) is False
    send_outbox_message.enqueue(message.pk)  # a retried task
    assert len(mail.outbox) == 1


def test_send_outbox_retries_exactly_the_mails_that_failed(commit):
    with override_settings(OUTBOX_EMAIL_BACKEND=FLAKY):
        commit(write, "goed-1")
        commit(write, "fout", to="kapot@gemeente.nl")
        commit(write, "goed-2")

    assert sorted(m.subject for m in mail.outbox) == ["Onderwerp goed-1", "Onderwerp goed-2"]
    failed = OutboxMessage.objects.get(key="fout")
    assert failed.sent_at is None and failed.attempts == 1 and "550" in failed.last_error

    out = io.StringIO()
    call_command("send_outbox", stdout=out)

    assert out.getvalue() == "1 bericht(en) verstuurd.\n"
    assert [m.subject for m in mail.outbox[2:]] == ["Onderwerp fout"]
    failed.refresh_from_db()
    assert failed.sent_at is not None and failed.attempts == 2 and failed.last_error == ""

    call_command("send_outbox", stdout=io.StringIO())
    assert len(mail.outbox) == 3


def test_a_mail_that_keeps_failing_is_given_up_after_ten_attempts(commit):
    with override_settings(OUTBOX_EMAIL_BACKEND=FLAKY):
        commit(write, "fout", to="kapot@gemeente.nl")
        for _ in range(12):
            outbox.deliver_pending()

    assert OutboxMessage.objects.get(key="fout").attempts == 10


def test_deleting_an_account_forgets_its_mails(db):
    from members.privacy import delete_account
    from tests.factories import UserFactory

    leaving, staying = UserFactory(), UserFactory()
    for user in (leaving, staying):
        write(f"test:{user.pk}", to=user.email)

    delete_account(leaving)

    assert list(OutboxMessage.objects.values_list("to", flat=True)) == [staying.email]


def greeting(subject, name):
    """A renderer as an app registers one: what the row's recipe names, drawn on delivery."""
    from django.utils.translation import get_language

    return {"text": f"{subject}: {name} ({get_language()})", "html": "", "attachments": []}


def test_a_recipe_is_drawn_on_delivery_in_the_sites_language(db):
    from django.utils import translation
    from wagtail import hooks

    with hooks.register_temporarily(outbox.RENDERERS_HOOK, lambda: {"test.groet": greeting}):
        params = {"name": "Iemand"}
        message, _ = outbox.queue_recipe(
            "recept", "iemand@gemeente.nl", "Hallo", "test.groet", params
        )
        assert not message.is_rendered and message.text == ""
        with translation.override("en"):
            assert outbox.deliver(message.pk) is True

    [sent] = mail.outbox
    assert sent.subject == "Hallo" and sent.body == "Hallo: Iemand (nl)"
    message.refresh_from_db()
    assert message.is_rendered and message.text == sent.body


def test_a_recipe_nobody_can_draw_stays_unsent_with_its_error(commit):
    message, _ = commit(outbox.queue_recipe, "onbekend", "iemand@gemeente.nl", "Hallo", "weg", {})

    assert mail.outbox == []
    message.refresh_from_db()
    assert message.sent_at is None and message.attempts == 1 and "weg" in message.last_error
