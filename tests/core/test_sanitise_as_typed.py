"""A member's text, stored as HTML, comes back into the text area as they typed it."""

from leerhuis.core.sanitise import as_typed, member_html


def test_paragraphs_and_a_list_come_back_as_typed_however_often_saved():
    typed = "Een opgave-manager met mandaat.\n\n- een kernteam\n- een bestuurlijk trekker\n\nKlaar."
    for _round in range(3):
        assert as_typed(member_html(typed)) == typed
        typed = as_typed(member_html(typed))
