"""Text that a member typed is never run by Excel as a formula, and a CSV the site reads back
gives exactly the text that was written."""

import pytest

from leerhuis.core.spreadsheet import from_neutral, neutral


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("https://evil.example")', "+31 6 1234", "-5", "@SUM(A1)", "\tx", "\rx"],
)
def test_a_text_that_excel_would_run_as_a_formula_gets_a_quote_before_it(text):
    assert neutral(text) == "'" + text


@pytest.mark.parametrize("text", ["Opgave", "", "'t Gooi", "3 = drie", "e-mail"])
def test_an_ordinary_text_is_written_as_it_is(text):
    assert neutral(text) == text
    assert from_neutral(text) == text


@pytest.mark.parametrize(
    "text",
    ["=1+1", "-5", "+x", "'=1+1", "''-5", "'t Gooi", "'", "''", "Opgave", ""],
)
def test_reading_back_what_was_written_gives_the_text_itself(text):
    assert from_neutral(neutral(text)) == text
