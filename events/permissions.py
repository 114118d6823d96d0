"""Who is an organiser: who may see registrations, and who may act on them.

Personal data (names, addresses, answers) need events.view_attendees; checking in,
giving a place, cancelling for someone and mailing attendees need events.manage_attendees
as well, since each acts on a list the organiser has to see. Superusers have both. The
services, the admin views and its menus all ask these two functions.
"""

VIEW = "events.view_attendees"
MANAGE = "events.manage_attendees"


def may_view_attendees(user):
    return user is not None and user.has_perm(VIEW)


def may_manage_attendees(user):
    return may_view_attendees(user) and user.has_perm(MANAGE)
