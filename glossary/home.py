"""Begrip van de week: one begrip on the home page, the same for everyone all week.

The pick is arithmetic, not stored: the number of the week (counted from a fixed Monday,
so it runs on across New Year) modulo the number of begrippen, in a fixed order. Every
process and every visitor therefore agrees, the begrip changes each Monday, and in turn
every begrip gets its week. Only begrippen that are live and vastgesteld take part: the
home page shows what the association stands for, not proposals or withdrawn terms.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from glossary.models import Concept, ConceptStatus
from members.dashboard import Section


def week_number(day: datetime.date) -> int:
    """Weeks since Monday 1 January of year 1: one more each Monday, never back to 1."""
    monday = day - datetime.timedelta(days=day.weekday())
    return (monday.toordinal() - 1) // 7


def begrip_of_the_week(day: datetime.date | None = None):
    """The begrip for the ISO week of `day` (today in Amsterdam); None when there is none.
    Two queries: how many there are, and the one at the week's place."""
    day = day or timezone.localdate()
    candidates = Concept.objects.live().filter(status=ConceptStatus.VASTGESTELD).order_by("pk")
    count = candidates.count()
    if not count:
        return None
    # A begrip withdrawn between the two queries leaves the list one shorter: take the first.
    found = candidates.only("pref_label", "slug", "definition")
    return found[week_number(day) % count : week_number(day) % count + 1].first() or found.first()


def home_section(request):
    """The home page's section (hook home_page_sections, registered in wagtail_hooks)."""
    concept = begrip_of_the_week()
    if concept is None:
        return None
    return Section(
        title=_("Begrip van de week"),
        template="glossary/home_begrip.html",
        context={"concept": concept},
        order=30,
    )
