"""What an article page shows beside its text: its begrippen, meetings, the meeting it
reports on, and its schema.org data. A fixed number of queries, however many articles,
begrippen or meetings there are; meetings the visitor may not see are left out."""

from events.models import EventPage, linked_begrippen
from leerhuis.knowledge.structured_data import article_json_ld
from members.access import visible_to


def _meetings(page, user):
    """The related meetings that are live and visible to `user`, in the editor's order.
    Reads the page's own rows, so a preview shows those of the draft."""
    order = [link.meeting_id for link in page.related_meetings.all()]
    if not order:
        return []
    found = visible_to(user, EventPage.objects.live().filter(pk__in=order))
    by_pk = {meeting.pk: meeting for meeting in found.only("title", "url_path", "start", "end")}
    return [by_pk[pk] for pk in order if pk in by_pk]


def _report_of(page, user):
    if not page.meeting_id:
        return None
    found = visible_to(user, EventPage.objects.live().filter(pk=page.meeting_id))
    return found.only("title", "url_path", "start", "end").first()


def _kennisbank_url(page, request):
    parent = page.get_parent() if page.path else None
    return parent.get_url(request) if parent else ""


def context_for(page, request):
    begrippen = linked_begrippen(page)
    themes = list(page.themes.filter(live=True))
    return {
        "begrippen": begrippen,
        "themes": themes,
        "meetings": _meetings(page, request.user),
        "report_of": _report_of(page, request.user),
        "kennisbank_url": _kennisbank_url(page, request),
        "structured_data": article_json_ld(page, request, themes=themes, begrippen=begrippen),
    }
