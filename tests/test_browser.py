"""End to end in a real browser: Debian's chromium, driven by Playwright."""
from pathlib import Path

import pytest

from conftest import docx_text, pdf_text, squash

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium "
                                       "(apt-get install chromium)")


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(accept_downloads=True)
        yield context.new_page()
        context.close()
        browser.close()


def download(page, link_name: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def watch(page) -> list[str]:
    """Collect CSP violations, script errors and failed requests (a favicon aside)."""
    problems = []

    def console(message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(message.text)

    def response(response):
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            problems.append(f"{response.status} {response.url}")

    page.on("console", console)
    page.on("response", response)
    return problems


def test_a_customer_gets_a_dpa(live_server, page):
    problems = watch(page)
    page.goto(live_server + "/")
    label = lambda text: page.get_by_label(text, exact=True)  # noqa: E731
    label("Company legal name").fill("Zürich Ærø & Søn <AG>")
    label("Registered address").fill("Bahnhofstrasse 1, 8001 Zürich")
    label("Country of establishment").select_option(label="Switzerland")
    label("Privacy contact email").fill("privacy@zurich.example")
    label("Signatory name").fill("Anna Muster")
    label("Signatory title").fill("Geschäftsführerin")
    label("Signatory email").fill("anna@zurich.example")
    label("Processor (you process it on behalf of your own customers)").check()
    label("Effective date (optional; default today)").fill("2026-12-01")
    label("I am authorised to sign for this company").check()
    page.get_by_role("button", name="Create my DPA").click()

    page.wait_for_url("**/documents/*")
    summary = page.locator("main").inner_text()
    assert "Zürich Ærø & Søn <AG>" in summary and "Switzerland (CH)" in summary
    assert "adaptations required by the Swiss FDPIC" in summary and "Module Three" in summary

    docx_name, docx = download(page, "Download DOCX (for signature)")
    pdf_name, pdf = download(page, "Download PDF")
    assert docx_name.startswith("DPA-") and docx_name.endswith(".docx")
    assert pdf_name == docx_name.removesuffix(".docx") + ".pdf"
    for text in (docx_text(docx), squash(pdf_text(pdf))):
        assert "Zürich Ærø & Søn <AG>" in text and "Anna Muster" in text
    assert not problems, problems
