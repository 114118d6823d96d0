"""Browser tests: Playwright driving Debian's Chromium, with axe-core on every page.

Never `playwright install`: the browser comes from the system (`apt-get install chromium`).
Where none is found the tests in this folder are skipped locally; in CI they must run.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the Django calls the tests
# make between browser steps are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--disable-gpu",
]
E2E_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    have_browser = CHROMIUM.exists()
    if not have_browser and os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(f"CI runs the browser tests, but there is no {CHROMIUM}.")
    skip = pytest.mark.skip(reason=f"geen Chromium op {CHROMIUM}")
    for item in items:
        if E2E_DIR in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if not have_browser:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    from tests.e2e.helpers import browser_page

    with browser_page(browser, live_server) as page:
        yield page
