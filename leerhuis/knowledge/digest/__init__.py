"""The weekmail (issue 16's weekly digest): once a week, for whoever switched it on in
Mijn Leerhuis, what was newly published the week before and that they may see.

- ``sections``: the kennisbank's own share (new articles, new praktijkcasussen) of core's
  hook `weekly_digest_sections`; events adds new meetings the same way, later apps more.
- ``sending``: one mail per person per week through the outbox (`manage.py
  send_weekly_digest`), with RFC 8058 one-click unsubscribe headers.
- ``links``: the unsubscribe address, signed, so it works without logging in.
- ``views`` and ``dashboard``: switching it on and off in Mijn Leerhuis, and unsubscribing
  from a mail.
"""
