"""Text in a spreadsheet that Dutch Excel will open: every CSV (and XLSX) export of the site.

Excel runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, also
in a CSV file, so a definition or a name typed by a member could make the editor's Excel
fetch an address or run a command. `neutral()` puts a quote before such a text, which Excel
shows as text. A CSV that the site reads back (the begrippen import) calls `from_neutral()`,
so export followed by import gives exactly the text that was written.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text):
    # Quotes already before a formula character get one more too: from_neutral takes off
    # exactly one, so a text that really starts with "'=" survives the round trip.
    return text.lstrip("'").startswith(FORMULA_STARTS)


def neutral(text: str) -> str:
    """Text that Excel shows as text: a leading formula character gets a quote before it."""
    return f"'{text}" if _needs_quote(text) else text


def from_neutral(text: str) -> str:
    """The text that `neutral()` was given: the quote it added taken off again."""
    return text[1:] if text.startswith("'") and _needs_quote(text) else text
