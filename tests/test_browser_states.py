"""The form's empty, error, pending and success states, and the staff pages, in Chromium at
1280 and 390 px: nothing wider than the screen, focus on the first problem, and axe-core
(shipped inside axe-playwright-python, so no network) finding no serious violation.

DPA_SCREENSHOTS=docs/screens writes the PNGs the README shows."""
import os
from pathlib import Path

import pytest
from test_browser import ARGS, CHROMIUM

from conftest import PASSWORD, make_user

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
WIDTHS = (1280, 390)
FORM = "document.querySelector('form[data-pending-text]')"
STAFF_PAGES = ("/subprocessors", "/staff/documents", "/legal/", "/legal/stale")


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def check(page, name: str, width: int) -> None:
    """Fits the width, and axe finds nothing serious or critical; a screenshot if asked."""
    from axe_playwright_python.sync_playwright import Axe

    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    serious = [v["id"] for v in Axe().run(page).response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert not serious, (name, width, serious)
    folder = os.environ.get("DPA_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}-{width}.png")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_form_in_each_state(live_server, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(live_server + "/")
    check(page, "form-empty", width)
    page.get_by_role("button", name="Create my DPA").click()
    page.wait_for_load_state()
    assert page.evaluate("document.activeElement.id") == "legal_name"
    check(page, "form-errors", width)
    label = lambda text: page.get_by_label(text, exact=True)  # noqa: E731
    label("Company legal name").fill("Müller Maschinenbau GmbH")
    label("Registered address").fill("Hauptstraße 5, 70173 Stuttgart")
    label("Country of establishment").select_option("DE")
    label("Privacy contact email").fill("datenschutz@mueller.example")
    label("Signatory name").fill("Erika Müller")
    label("Signatory title").fill("Geschäftsführerin")
    label("Signatory email").fill("erika@mueller.example")
    label("I am authorised to sign for this company").check()
    # A listener after the page's own keeps the browser from sending, so that the
    # pending state stays on screen to be checked; then the form is sent for real.
    page.evaluate(f"{FORM}.addEventListener('submit', event => event.preventDefault())")
    page.get_by_role("button", name="Create my DPA").click()
    assert page.get_by_role("button", name="Create my DPA").is_disabled()
    assert "Creating your DPA" in page.locator("#pending").inner_text()
    check(page, "form-pending", width)
    page.evaluate(f"{FORM}.submit()")
    page.wait_for_url("**/documents/*")
    assert "Your DPA with Helptal is ready" in page.locator("main").inner_text()
    check(page, "summary", width)


def test_staff_pages_fit_a_phone(app, live_server, browser):
    user = make_user(app, "admin")
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(live_server + "/staff/login")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    for path in STAFF_PAGES:
        page.goto(live_server + path)
        check(page, path.strip("/").replace("/", "-"), 390)
