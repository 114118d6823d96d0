"""The organisers' tools in the Wagtail admin: registrations per meeting with counts,
filters and exports, check-in, the waiting list, printable lists and badges, a message to
all confirmed attendees, and the finance export. events/wagtail_hooks.py wires them in."""
