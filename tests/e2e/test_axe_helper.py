"""The axe helper itself: it must fail on a real violation, or it proves nothing."""

import pytest

from tests.e2e.axe import AccessibilityError, assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

SHELL = (
    '<!DOCTYPE html><html lang="nl"><head><title>Test</title></head>'
    "<body><main><h1>Test</h1>{}</main></body></html>"
)


def test_helper_fails_on_an_unlabelled_input(page):
    page.set_content(SHELL.format('<form><input type="text" name="naam"></form>'))
    with pytest.raises(AccessibilityError) as excinfo:
        assert_accessible(page, "zelftest")
    assert "label" in str(excinfo.value)


def test_helper_fails_on_low_contrast(page):
    page.set_content(SHELL.format('<p style="color:#bbb;background:#fff">Grijs op wit</p>'))
    with pytest.raises(AccessibilityError, match="color-contrast"):
        assert_accessible(page, "zelftest")


def test_helper_passes_a_labelled_input(page):
    page.set_content(
        SHELL.format('<form><label for="naam">Naam</label><input id="naam" name="naam"></form>')
    )
    assert_accessible(page, "zelftest")
