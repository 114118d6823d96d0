from .choices import LANDELIJK, REGION_CHOICES, EventStatus, EventType, Form, RegistrationStatus
from .feeds import PersonalFeed
from .messages import AttendeeMessage
from .pages import EventIndexPage, EventPage, EventPageTheme, LearningTrackPageTheme
from .parts import EventSpeaker, ProgrammeSlot, Workshop
from .registrations import Registration
from .tracks import LearningTrackPage

__all__ = [
    "AttendeeMessage",
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
    "PersonalFeed",
    "ProgrammeSlot",
    "Registration",
    "RegistrationStatus",
    "Workshop",
]
