from .choices import LANDELIJK, REGION_CHOICES, EventStatus, EventType, Form
from .pages import (
    EventIndexPage,
    EventPage,
    EventPageTheme,
    EventSpeaker,
    LearningTrackPage,
    LearningTrackPageTheme,
    ProgrammeSlot,
    Workshop,
)
from .registrations import Registration

__all__ = [
    "LANDELIJK",
    "REGION_CHOICES",
    "EventIndexPage",
    "EventPage",
    "EventPageTheme",
    "EventSpeaker",
    "EventStatus",
    "EventType",
    "Form",
    "LearningTrackPage",
    "LearningTrackPageTheme",
    "ProgrammeSlot",
    "Registration",
    "Workshop",
]
