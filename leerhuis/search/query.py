"""What a visitor typed, made safe to search with.

Anything may arrive in ?q=: a thousand characters, NUL bytes (`%00`), control characters,
emoji, right-to-left marks, only punctuation. Each must give a normal page, never a 500 on
SQLite or PostgreSQL. So the text shown back is cleaned and cut to MAX_LENGTH, and the
database only ever sees plain words (letters and digits), at most MAX_WORDS of them:
punctuation has a meaning in SQLite's FTS5 query syntax and PostgreSQL's tsquery that a
visitor never intends.
"""

import re
import unicodedata

MAX_LENGTH = 200
MAX_WORDS = 12
MAX_WORD_LENGTH = 60
_WORD = re.compile(r"[^\W_]+")


def clean_query(text) -> str:
    """The query as shown back: no control or unprintable characters, single spaces, at most
    MAX_LENGTH characters."""
    text = "".join(
        " " if unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp") else c
        for c in str(text or "")[: MAX_LENGTH * 4]
    )
    return " ".join(text.split())[:MAX_LENGTH].strip()


def search_words(query) -> list[str]:
    """The words the database searches for; empty when the query holds none."""
    return [word[:MAX_WORD_LENGTH] for word in _WORD.findall(query or "")][:MAX_WORDS]
