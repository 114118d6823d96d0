from .audit import AuditAction, AuditEntry
from .begrippen import EventBegrip, TrackBegrip, linked_begrippen
from .calendar_page import EventIndexPage
from .choices import LANDELIJK, REGION_CHOICES, EventStatus, EventType, Form, RegistrationStatus
from .development import (
    AccreditationScheme,
    DevelopmentGoal,
    EventAccreditation,
    ExternalLearning,
)
from .feeds import PersonalFeed
from .invitations import InvitationStatus, PlaceInvitation
from .messages import AttendeeMessage
from .pages import EventPage
from .parts import EventSpeaker, ProgrammeSlot, Workshop
from .registrations import Registration
from .tracks import LearningTrackPage, TrackProgress

__all__ = [
    "AccreditationScheme",
    "DevelopmentGoal",
    "EventAccreditation",
    "ExternalLearning",
    "AttendeeMessage",
    "AuditAction",
    "AuditEntry",
    "LANDELIJK",
    "REGION_CHOICES",
    "EventBegrip",
    "EventIndexPage",
    "EventPage",
    "EventSpeaker",
    "EventStatus",
    "EventType",
    "Form",
    "InvitationStatus",
    "LearningTrackPage",
    "PersonalFeed",
    "PlaceInvitation",
    "ProgrammeSlot",
    "Registration",
    "TrackBegrip",
    "TrackProgress",
    "RegistrationStatus",
    "Workshop",
    "linked_begrippen",
]
