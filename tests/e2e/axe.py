"""axe-core (bundled in the axe-playwright-python package; no CDN) as a test assertion."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_axe = Axe()


class AccessibilityError(AssertionError):
    pass


def violations(page):
    results = _axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return results.response["violations"]


def assert_accessible(page, label=None):
    """Fail on any WCAG 2.1 A/AA violation axe finds on the page as it is now."""
    found = violations(page)
    if found:
        lines = [f"axe: {len(found)} WCAG-overtreding(en) op {label or page.url}:"]
        for violation in found:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"][:5]:
                lines.append(f"    {', '.join(map(str, node['target']))}")
        raise AccessibilityError("\n".join(lines))
