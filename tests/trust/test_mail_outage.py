"""A mail server that is down fails no request (issue 22, defect b), and every mail it did
not take is sent once when it is back.

The mail server is real SMTP at a closed port: Django's own SMTP backend, as production
uses it, gets "connection refused".
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives, mail_admins
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from leerhuis.core import outbox
from leerhuis.core.models import OutboxMessage
from tests.events_factories import EventPageFactory
from tests.events_factories import member as events_member
from tests.factories import PASSWORD, StandardPageFactory, UserFactory
from tests.trust.ports import closed_port

SMTP = "django.core.mail.backends.smtp.EmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def mail_server_down(settings):
    settings.OUTBOX_EMAIL_BACKEND = SMTP
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 2
    return settings


def mail_server_back(settings):
    settings.OUTBOX_EMAIL_BACKEND = LOCMEM


def send_outbox():
    out = io.StringIO()
    call_command("send_outbox", stdout=out)
    return out.getvalue()


@pytest.mark.mail_after_commit  # real commits: the task runs as in production
@pytest.mark.django_db(transaction=True)
def test_sign_up_password_reset_and_a_meeting_answer_normally_with_the_mail_server_down(
    client, mail_server_down
):
    member = UserFactory(email="lid@veenendaal.nl")
    attendee, event = events_member(), EventPageFactory(title="Themadag zorg")

    signup = client.post(
        "/accounts/signup/",
        {
            "full_name": "Ruud de Smit",
            "email": "ruud@sudwestfryslan.nl",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    reset = client.post("/accounts/password/reset/", {"email": member.email})
    client.force_login(attendee)
    registration = client.post(f"{event.url}aanmelden/", {"on_attendee_list": "on"})

    assert signup.status_code == 302 and signup["Location"] == "/accounts/confirm-email/"
    assert reset.status_code == 302 and reset["Location"] == "/accounts/password/reset/done/"
    assert registration.status_code == 302
    assert registration["Location"] == f"{event.url}aanmelden/klaar/"
    assert get_user_model().objects.filter(email="ruud@sudwestfryslan.nl").exists()
    waiting = OutboxMessage.objects.order_by("pk")
    assert [row.to for row in waiting] == ["ruud@sudwestfryslan.nl", member.email, attendee.email]
    for row in waiting:
        # The task tried once, right after the commit, and kept the mail with its error.
        assert row.sent_at is None and row.attempts == 1
        assert "refused" in row.last_error.lower() or "111" in row.last_error
    assert mail.outbox == []

    mail_server_back(mail_server_down)
    assert send_outbox() == "3 bericht(en) verstuurd.\n"
    assert send_outbox() == "0 bericht(en) verstuurd.\n"

    assert [message.to for message in mail.outbox] == [
        ["ruud@sudwestfryslan.nl"],
        [member.email],
        [attendee.email],
    ]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert "/accounts/password/reset/key/" in mail.outbox[1].body
    assert "Themadag zorg" in mail.outbox[2].subject + mail.outbox[2].body
    for row in OutboxMessage.objects.filter(key__startswith=outbox.HANDED_OVER):
        assert row.sent_at and row.last_error == ""
        # Sent, the row no longer holds the confirmation or reset link.
        assert (row.text, row.html) == ("", "") and "/accounts/" not in str(row.attachments)


@pytest.mark.django_db
def test_a_mail_handed_over_the_django_way_arrives_as_it_was_given(client, mail_server_down):
    html_only = EmailMessage("Alleen HTML", "<p>Hallo</p>", to=["a@gemeente.nl"])
    html_only.content_subtype = "html"
    full = EmailMultiAlternatives(
        "Alles erin",
        "Platte tekst",
        "Redactie <redactie@leerhuis.example>",
        to=["a@gemeente.nl", "b@gemeente.nl"],
        cc=["c@gemeente.nl"],
        bcc=["d@gemeente.nl"],
        reply_to=["antwoord@leerhuis.example"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    full.attach_alternative("<p>HTML-tekst</p>", "text/html")
    full.attach("verslag.pdf", b"%PDF-1.7\x00\xff", "application/pdf")
    full.attach("notitie.txt", "Gewone tekst", "text/plain")

    assert full.send() == 1 and html_only.send() == 1  # queued, though the server is down
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 2
    mail_server_back(mail_server_down)
    assert send_outbox() == "2 bericht(en) verstuurd.\n"

    sent, sent_html = mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == (
        "Alles erin",
        "Platte tekst",
        "Redactie <redactie@leerhuis.example>",
    )
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (
        ["a@gemeente.nl", "b@gemeente.nl"],
        ["c@gemeente.nl"],
        ["d@gemeente.nl"],
        ["antwoord@leerhuis.example"],
    )
    assert sent.alternatives == [("<p>HTML-tekst</p>", "text/html")]
    assert sent.attachments == [
        ("verslag.pdf", b"%PDF-1.7\x00\xff", "application/pdf"),
        ("notitie.txt", "Gewone tekst", "text/plain"),
    ]
    assert sent.message()["Auto-Submitted"] == "auto-generated"
    assert (sent_html.content_subtype, sent_html.body) == ("html", "<p>Hallo</p>")


@pytest.mark.django_db
def test_a_wagtail_workflow_notification_waits_in_the_outbox(home_page, mail_server_down):
    """Wagtail mails the reviewers of a page submitted for review; that mail is queued too."""
    from django.contrib.auth.models import Group

    reviewers = Group.objects.create(name="Beoordelaars")
    reviewer = UserFactory(email="beoordelaar@leerhuis.example", is_staff=True)
    reviewer.groups.add(reviewers)
    author = UserFactory(email="auteur@leerhuis.example", is_staff=True)
    workflow = Workflow.objects.create(name="Beoordeling")
    task = GroupApprovalTask.objects.create(name="Beoordeling")
    task.groups.set([reviewers])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    page = StandardPageFactory(parent=home_page, title="Nieuwe pagina")
    page.save_revision(user=author)

    workflow.start(page, author)

    [row] = OutboxMessage.objects.filter(to=reviewer.email)
    assert "Nieuwe pagina" in row.subject and row.sent_at is None and row.attempts == 1
    mail_server_back(mail_server_down)
    assert send_outbox() == "1 bericht(en) verstuurd.\n"
    assert [message.to for message in mail.outbox] == [[reviewer.email]]


@pytest.mark.django_db
def test_mail_to_the_admins_is_queued_for_all_of_them(settings, mail_server_down):
    settings.ADMINS = [("Beheer", "beheer@leerhuis.example"), ("Wacht", "wacht@leerhuis.example")]

    mail_admins("Storing", "De taakverwerker staat stil.")

    mail_server_back(mail_server_down)
    assert send_outbox() == "1 bericht(en) verstuurd.\n"
    [sent] = mail.outbox
    assert sent.to == ["beheer@leerhuis.example", "wacht@leerhuis.example"]
    assert sent.subject.endswith("Storing")
