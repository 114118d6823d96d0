import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, so "sudwest" finds "Súdwest-Fryslân" on every database.

    PostgreSQL keeps accents where SQLite ignores them; searching a folded copy behaves the
    same on both.
    """
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()
