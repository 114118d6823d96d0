"""The four roles of the association's staff, in one place: what each may do in the admin.

A role is a Django group. Only these four exist (migration 0001_roles made them from the
groups before), and a staff member gets exactly the rights of the roles they are in:
- Redactie: the content — every page, images, documents, themes, people (speakers and
  board), begrippen and the accreditation schemes. No attendee data, no organisations.
- Evenementen: meetings and their registrations — the pages of the activity calendar, the
  attendee data (names, answers, exports, check-in, badges, invoicing) and its audit log.
- Moderatie: reported posts, groups and their join requests, the review of begrippen and
  of praktijkcasussen (the workflows' review tasks name this group; approving publishes,
  which the approval itself allows: leerhuis.core.approval — no page rights).
- Ledenbeheer: member organisations, people, affiliations and unknown domains.

Permissions are "app_label.codename"; one that does not exist (yet) is skipped.
"""

from dataclasses import dataclass

REDACTIE = "Redactie"
EVENEMENTEN = "Evenementen"
MODERATIE = "Moderatie"
LEDENBEHEER = "Ledenbeheer"

# The groups before the roles, and the role that took each in (with its members and the
# workflow tasks it reviewed). "Moderatie" and "Ledenbeheer" kept their names.
FORMER = {"Editors": REDACTIE, "Organisatoren": EVENEMENTEN, "Moderators": MODERATIE}

PAGE_RIGHTS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# Where page rights are given: the root (every page), or every page of a type (the rights
# hold for it and the pages below it), also one made later (signals.py).
ROOT = "root"
CALENDAR = "events.EventIndexPage"

ADMIN = ("wagtailadmin.access_admin",)
IMAGES_ADD = ("wagtailimages.add_image", "wagtailimages.choose_image")
IMAGES_ALL = (*IMAGES_ADD, "wagtailimages.change_image", "wagtailimages.delete_image")
# The house's document model is core.LeerhuisDocument; Wagtail's own model keeps "choose".
DOCUMENTS_ADD = (
    "core.add_leerhuisdocument",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)
DOCUMENTS_ALL = (
    *DOCUMENTS_ADD,
    "core.change_leerhuisdocument",
    "core.delete_leerhuisdocument",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
)
SCHEMES = tuple(
    f"events.{verb}_accreditationscheme" for verb in ("add", "change", "delete", "view")
)
CONCEPTS = (
    "glossary.add_concept",
    "glossary.change_concept",
    "glossary.delete_concept",
    "glossary.view_concept",
    "glossary.change_proposal",
    "glossary.view_proposal",
)
PEOPLE = ("members.add_person", "members.change_person", "members.view_person")
# People, organisations and themes have drafts and locks like pages (members 0005, core 0010).
PEOPLE_HISTORY = ("members.publish_person", "members.lock_person", "members.unlock_person")
# Reading the log of who saw attendee data is for whoever may see those data themselves:
# they account for it to each other, and the people in it are theirs to protect.
ATTENDEES = ("events.view_attendees", "events.manage_attendees", "events.view_auditentry")


@dataclass(frozen=True)
class Role:
    name: str
    permissions: tuple
    # (where, page rights): ROOT or the "app_label.Model" of the pages they are given on.
    pages: tuple = ()


ROLES = (
    Role(
        REDACTIE,
        (
            *ADMIN,
            *IMAGES_ALL,
            *DOCUMENTS_ALL,
            "core.add_thema",
            "core.change_thema",
            "core.view_thema",
            "core.publish_thema",
            "core.lock_thema",
            "core.unlock_thema",
            *PEOPLE,
            *PEOPLE_HISTORY,
            *CONCEPTS,
            *SCHEMES,
        ),
        pages=((ROOT, PAGE_RIGHTS),),
    ),
    Role(
        EVENEMENTEN,
        (
            *ADMIN,
            *ATTENDEES,
            *SCHEMES,
            *IMAGES_ADD,
            *DOCUMENTS_ADD,
            # To pick a meeting's speakers and contact person in the page editor.
            "members.view_person",
        ),
        pages=((CALENDAR, PAGE_RIGHTS),),
    ),
    Role(
        MODERATIE,
        (
            *ADMIN,
            "community.moderate_post",
            "community.view_post",
            "community.view_report",
            "community.change_report",
            "community.view_thread",
            "members.view_groep",
            "members.change_groep",
            "members.view_groepslid",
            "members.change_groepslid",
            *CONCEPTS,
            "glossary.publish_concept",
        ),
    ),
    Role(
        LEDENBEHEER,
        (
            *ADMIN,
            "members.add_organisation",
            "members.change_organisation",
            "members.view_organisation",
            "members.publish_organisation",
            "members.lock_organisation",
            "members.unlock_organisation",
            *PEOPLE,
            *PEOPLE_HISTORY,
            "members.change_affiliation",
            "members.view_affiliation",
        ),
    ),
)

NAMES = tuple(role.name for role in ROLES)


def role(name):
    return next(each for each in ROLES if each.name == name)
