"""axe-core (bundled in the axe-playwright-python package; no CDN) as a test assertion."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2, levels A and AA. axe 4.12 has no "wcag22a" tag (2.2 added no A
# criterion it can test); "wcag22aa" brings target-size (2.5.8), off by default in axe.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
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
    """Fail on any WCAG 2.2 A/AA violation axe finds on the page as it is now."""
    found = violations(page)
    if found:
        lines = [f"axe: {len(found)} WCAG-overtreding(en) op {label or page.url}:"]
        for violation in found:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"][:5]:
                lines.append(f"    {', '.join(map(str, node['target']))}")
        raise AccessibilityError("\n".join(lines))
