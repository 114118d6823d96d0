"""`manage.py send_weekly_digest`: to subscribers only, the week's news only, what each may
see, nothing when nothing is new, once per week, with one-click unsubscribe headers."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management.base import CommandError
from wagtail import hooks

from events.models import EventPage, EventStatus
from leerhuis.core import digest
from leerhuis.core.models import OutboxMessage
from leerhuis.knowledge.digest import links
from leerhuis.knowledge.models import ArticlePage, DigestSubscription
from tests.events_factories import guest, member
from tests.factories import OrganisationFactory
from tests.knowledge.digest_helpers import (
    NOW,
    WEEK,
    html_of,
    mail_to,
    new_article,
    new_case,
    new_meeting,
    on,
    subscribe,
)

pytestmark = pytest.mark.django_db


def test_subscribers_get_what_was_new_in_the_week_before_and_nothing_else(clock, send):
    reader = subscribe(member(full_name="Astrid van de Klift"))
    member()  # never switched it on
    switched_off = subscribe(member())
    DigestSubscription.switch(switched_off, False)
    veenendaal = OrganisationFactory(name="Gemeente Veenendaal", domain=False, member=False)

    new_article("Wat is een opgave?", organisation=veenendaal)
    new_case("Opgave-sturing in Veenendaal", organisation=veenendaal)
    new_meeting("Studiedag opgave-sturing")
    new_article("Van de week ervoor", published=on(1, 23))
    new_article("Van deze week", published=on(9, 0))
    new_meeting("Al voorbij", in_days=-1)
    new_meeting("Afgelast", status=EventStatus.GEANNULEERD)
    gone = new_article("Weer offline")
    ArticlePage.objects.filter(pk=gone.pk).update(live=False)
    unpublished = new_meeting("Teruggetrokken")
    EventPage.objects.filter(pk=unpublished.pk).update(live=False)

    assert send() == f"Week {WEEK}: 1 weekmail(s) klaargezet, 0 zonder nieuws overgeslagen.\n"

    [message] = mail.outbox
    assert message.to == [reader.email]
    assert message.subject == "Nieuw in het Digitale Leerhuis: 2 t/m 8 februari 2026"
    text, html = message.body, html_of(message)
    assert text.startswith("Beste Astrid van de Klift,")
    for shown in ["Wat is een opgave?", "Opgave-sturing in Veenendaal", "Studiedag opgave-sturing"]:
        assert shown in text and shown in html
    for hidden in ["Van de week ervoor", "Van deze week", "Al voorbij", "Afgelast", "Weer offline"]:
        assert hidden not in text and hidden not in html
    assert "Teruggetrokken" not in text
    # Meetings, then articles, then cases; a case is not also listed as an article.
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == ["Nieuwe activiteiten", "Nieuw in de kennisbank", "Nieuwe praktijkcasussen"]
    articles = html.split("<h2>Nieuw in de kennisbank</h2>")[1].split("<h2>")[0]
    assert "Opgave-sturing in Veenendaal" not in articles
    assert "Artikel · Gemeente Veenendaal" in text
    assert "woensdag 4 maart 2026, 10:00–13:00 uur · Stadhuis Veenendaal" in text
    # Every link leads back to the site from outside it.
    assert "http://testserver/kennisbank/" in text
    assert re.search(r'href="http://testserver/activiteiten/bijeenkomst-\d+/"', html)
    assert not re.search(r'href="/', html)


def test_a_members_only_article_is_never_in_a_non_members_weekmail(clock, send):
    outsider, insider = subscribe(guest(), member())
    new_article("Voor iedereen")
    new_article("Voor ingelogden", visibility="logged_in")
    new_article("Alleen voor leden", visibility="members")
    new_meeting("Ledenbijeenkomst", visibility="members")

    send()

    outsiders = mail_to(mail.outbox, outsider)
    assert "Voor iedereen" in outsiders.body and "Voor ingelogden" in outsiders.body
    for members_only in ["Alleen voor leden", "Ledenbijeenkomst"]:
        assert members_only not in outsiders.body and members_only not in html_of(outsiders)
    insiders = mail_to(mail.outbox, insider)
    assert "Alleen voor leden" in insiders.body and "Ledenbijeenkomst" in insiders.body


def test_nothing_new_means_no_mail_at_all(clock, send):
    subscribe(member())
    new_article("Oud nieuws", published=on(20, month=1))

    assert send() == f"Week {WEEK}: 0 weekmail(s) klaargezet, 1 zonder nieuws overgeslagen.\n"
    assert mail.outbox == [] and not OutboxMessage.objects.exists()


def test_only_members_only_news_means_no_mail_for_a_non_member(clock, send):
    subscribe(guest())
    new_article("Alleen voor leden", visibility="members")

    send()
    assert mail.outbox == []


def test_a_closed_account_gets_no_weekmail(clock, send):
    closed = subscribe(member())
    closed.is_active = False
    closed.save()
    new_article("Nieuw")

    send()
    assert mail.outbox == []


def test_running_twice_in_a_week_sends_once_and_the_next_week_again(clock, send):
    reader = subscribe(member())
    new_article("Nieuw in week 6")
    send()
    clock.move_to(NOW + datetime.timedelta(days=2, hours=8))  # Friday evening, same week
    new_article("Nieuw in week 7", published=on(12))

    assert send().startswith(f"Week {WEEK}: 0 weekmail(s)")
    assert len(mail.outbox) == 1

    clock.move_to(NOW + datetime.timedelta(days=6))  # Tuesday of week 8
    assert send().startswith("Week 2026-W07: 1 weekmail(s)")
    assert len(mail.outbox) == 2
    assert "Nieuw in week 7" in mail.outbox[1].body
    assert "Nieuw in week 6" not in mail.outbox[1].body
    assert set(OutboxMessage.objects.values_list("key", flat=True)) == {
        f"weekly-digest:{reader.pk}:2026-W06",
        f"weekly-digest:{reader.pk}:2026-W07",
    }


def test_a_long_week_lists_ten_per_section_and_points_to_the_rest(clock, send):
    subscribe(member())
    for n in range(12):
        new_article(f"Artikel nummer {n:02d}", published=on(2) + datetime.timedelta(hours=n))

    send()
    [message] = mail.outbox
    listed = re.findall(r"Artikel nummer (\d+)", message.body)
    assert listed == [f"{n:02d}" for n in range(11, 1, -1)]  # newest first, ten of them
    assert "Er is nog meer. Naar de kennisbank: http://testserver/kennisbank/" in message.body


def test_the_mail_carries_one_click_unsubscribe_headers_and_the_same_link(clock, send):
    reader = subscribe(member())
    new_article("Nieuw")

    send()
    [message] = mail.outbox
    url = links.unsubscribe_url(reader)
    assert url.startswith("http://testserver/mijn-leerhuis/weekmail/afmelden/")
    headers = message.message()
    assert headers["List-Unsubscribe"] == f"<{url}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body and f'href="{url}"' in html_of(message)
    assert "http://testserver/mijn-leerhuis/#weekmail" in message.body


def test_a_later_app_adds_its_own_section_through_the_hook(clock, send):
    """As the community will add active conversations: per person, in its own order."""
    reader = subscribe(member())
    asked = []

    def conversations(user, period):
        asked.append((user, period.label))
        item = digest.DigestItem("Wie stuurt de wijkaanpak?", "http://testserver/gesprekken/1/")
        return digest.DigestSection("Actieve gesprekken", [item], order=15)

    with hooks.register_temporarily(digest.HOOK, conversations):
        send()

    assert asked == [(reader, WEEK)]
    [message] = mail.outbox  # news of that app alone is news enough
    html = html_of(message)
    assert re.findall(r"<h2>(.*?)</h2>", html) == ["Actieve gesprekken"]
    assert '<a href="http://testserver/gesprekken/1/">Wie stuurt de wijkaanpak?</a>' in html


def test_one_persons_failing_mail_does_not_stop_the_others_and_cron_hears_of_it(
    clock, send, caplog
):
    broken, fine = subscribe(member(), member())
    new_article("Nieuw")

    def fails_for_one(user, period):
        if user == broken:
            raise RuntimeError("kapot")

    with hooks.register_temporarily(digest.HOOK, fails_for_one), pytest.raises(CommandError):
        send()
    assert [m.to for m in mail.outbox] == [[fine.email]]
    assert f"Weekmail for user {broken.pk} not queued" in caplog.text

    send()  # the next run that week makes up for it, once
    assert sorted(m.to[0] for m in mail.outbox) == sorted([broken.email, fine.email])
