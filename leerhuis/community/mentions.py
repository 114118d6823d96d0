"""@-mentions: "@Astrid van de Klift" in a post names a person, who is then told.

There are no user names here, only full names, and Dutch names have spaces and particles.
So a mention is "@" at the start of a word followed by up to five words, and the longest
run of those words that is someone's full name (case does not matter) is the person. One
query finds every candidate of a post at once. The mention is marked in the stored HTML
(<strong>) so readers see who was meant; being named never shows anyone more than they
may see: the notifications ask the access policy before they mail.
"""

import re

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.functions import Lower

MAX_WORDS = 5
# "@" at the start, or after a space, an opening tag or a bracket; not in "jan@veenendaal.nl".
_MENTION = re.compile(r"(?:(?<=^)|(?<=[\s>(]))@((?:[^\W\d_][\w'’\-]*)(?:[ \u00a0][\w'’\-]+){0,4})")


def _runs(words):
    """The candidate names of one mention, longest first."""
    return [" ".join(words[:n]) for n in range(min(len(words), MAX_WORDS), 0, -1)]


def find(markup):
    """The people mentioned in `markup` (stored HTML), in order, each once."""
    texts = _MENTION.findall(re.sub(r"<[^>]+>", ">", markup))
    if not texts:
        return []
    runs = {run for text in texts for run in _runs(text.split())}
    # The database lowers only ASCII letters on SQLite ("É" stays "É"): a name typed with
    # its own capitals is also found as typed; the comparison below is Python's.
    users = {
        user.full_name.lower(): user
        for user in get_user_model()
        .objects.filter(is_active=True)
        .annotate(name_lower=Lower("full_name"))
        .filter(Q(name_lower__in={run.lower() for run in runs}) | Q(full_name__in=runs))
        .order_by("pk")
    }
    found = []
    for text in texts:
        for run in _runs(text.split()):
            user = users.get(run.lower())
            if user is not None:
                if user not in found:
                    found.append(user)
                break
    return found


def mark(markup, people):
    """`markup` with each mention of `people` in <strong>, as the post is shown. Longest
    names first: "@Jan de Vries" is Jan de Vries, also when a Jan was named too."""
    for person in sorted(people, key=lambda person: -len(person.full_name)):
        name = re.escape(person.full_name).replace(r"\ ", r"[ \u00a0]")
        markup = re.sub(
            rf"(?:(?<=^)|(?<=[\s>(]))@({name})(?![\w'’\-])(?![^<]*</strong>)",
            lambda m: f"<strong>@{m.group(1)}</strong>",
            markup,
            flags=re.IGNORECASE,
        )
    return markup
