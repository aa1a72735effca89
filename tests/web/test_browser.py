"""End to end in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright):
what a reader sees and clicks. Screenshots of each page go to $NEWSLEDGER_SCREENSHOTS
(default ./screenshots, git-ignored)."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.web.conftest import DOTTED, HOSTILE

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        msg = f"{CHROMIUM} not found: run `make browser` (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page plus what it did behind our back: dialogs opened and script errors."""

    def __init__(self, page):
        self.page, self.dialogs, self.errors = page, [], []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture()
def tab(browser, live_server):
    ctx = browser.new_context(base_url=live_server, viewport={"width": 1360, "height": 900})
    ctx.set_default_timeout(TIMEOUT_MS)
    w = Watched(ctx.new_page())
    yield w
    ctx.close()
    assert not w.errors, f"script errors on the page: {w.errors}"


def shot(tab, screenshots: Path, name: str) -> None:
    tab.page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)


def test_reference_article_highlight_record_and_speaker(tab, client, has_seed, screenshots):
    if not has_seed:
        pytest.skip("the reference article (../shared/corpus/seed) is absent")
    aid = "putin-understandings"
    record = client.get(f"/articles/{aid}.json").json()
    page = tab.page
    page.goto(f"/articles/{aid}")
    assert page.locator("h1").inner_text() == record["article"]["title"]
    assert page.locator("#legend .key").count() == 5
    shot(tab, screenshots, "article")
    # Click the words of the first statement that names its speaker: its card is selected.
    i = next(n for n, s in enumerate(record["statements"]) if s["speaker"])
    words = page.locator(f'.hl.k-statement[data-r~="s{i}"]').first
    words.click()
    card = page.locator(f"#rec-s{i}")
    assert "selected" in card.get_attribute("class")
    assert card.is_visible()
    assert record["statements"][i]["kind"] in card.inner_text()
    shot(tab, screenshots, "article-selected")
    # A record's card leads back to its words.
    page.locator("#rec-e0").click() if record["events"] else None
    if record["events"]:
        assert page.locator('.hl.flash[data-r~="e0"]').count() >= 1
    # Follow the speaker to the actor page.
    speaker = record["statements"][i]["speaker"]
    name = client.get(f"/actors/{speaker}.json").json()["actor"]["name"]
    card.locator(".speaker a").click()
    page.wait_for_url(f"**/actors/{quote(speaker, safe='')}")
    assert page.locator("h1").inner_text() == name
    said = page.locator("section", has=page.locator(f"h2:text-is('What {name} said')"))
    assert said.locator(".rec").count() >= 1
    assert page.locator("svg.strip circle").count() >= 1
    shot(tab, screenshots, "actor")


def test_commitments_board_filter_and_history(tab, client, screenshots):
    rows = client.get("/commitments.json").json()["commitments"]
    assert rows
    wanted = rows[-1]["status"]
    expected = [c["id"] for c in rows if c["status"] == wanted]
    page = tab.page
    page.goto("/commitments")
    assert page.locator("table.board tbody.row").count() == len(rows)
    shot(tab, screenshots, "commitments")
    page.select_option("#f-status", wanted)
    page.click("#f-apply")
    page.wait_for_url(f"**/commitments?*status={wanted}*")
    shown = page.locator("table.board tbody.row")
    assert shown.count() == len(expected)
    assert {t.strip() for t in page.locator("table.board tbody.row td.status .badge").all_inner_texts()} == {wanted}
    # A click on a row opens its history.
    first = shown.first
    first.locator("td").nth(3).click()
    assert first.locator("details").get_attribute("open") is not None
    assert first.locator("ol.history li").first.is_visible()
    shot(tab, screenshots, "commitments-filtered")


def test_search_for_a_word(tab, screenshots):
    page = tab.page
    page.goto("/")
    page.fill("header .search input", "aid")
    page.press("header .search input", "Enter")
    page.wait_for_url("**/search?q=aid")
    hits = page.locator("ol.hits li.hit")
    assert hits.count() >= 1
    assert page.locator("ol.hits mark").first.inner_text().lower() == "aid"
    assert page.get_by_role("link", name=DOTTED["title"]).count() >= 1
    shot(tab, screenshots, "search")


def test_hostile_article_shows_markup_as_text_and_runs_nothing(tab, screenshots):
    page = tab.page
    page.goto(f"/articles/{HOSTILE['id']}")
    page.wait_for_load_state("load")
    text = page.locator("#text").inner_text()
    assert "<script>alert('xss')</script>" in text and "javascript:alert('link')" in text
    assert page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))") == ["/static/app.js"]
    assert page.evaluate("document.querySelectorAll('[onerror],[onclick],[onload]').length") == 0
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript:\" i], img, iframe').length") == 0
    assert "Minister <script>" in page.title()
    # Clicking the would-be link does nothing either.
    page.get_by_text("click here").first.click()
    page.wait_for_timeout(200)
    assert tab.dialogs == []
    shot(tab, screenshots, "hostile")


@pytest.mark.parametrize("path,name", [("/", "home"), ("/timeline", "timeline"), ("/claims", "claims"),
                                       ("/actors", "actors"), ("/timeline?kind=event", "timeline-events"),
                                       (f"/articles/{DOTTED['id']}", "article-dotted")])
def test_every_page_renders(tab, screenshots, path, name):
    page = tab.page
    resp = page.goto(path)
    assert resp.status == 200
    assert page.locator("h1").first.is_visible()
    assert page.locator("header nav a").count() == 5
    shot(tab, screenshots, name)


def test_api_explorer_lists_the_endpoints_offline(tab, screenshots):
    # every request the page makes must stay on the server: the explorer works with no network
    hosts = []
    tab.page.on("request", lambda r: hosts.append(r.url.split("/")[2]))
    tab.page.goto("/api")
    tab.page.wait_for_selector(".opblock-summary-path", timeout=TIMEOUT_MS)
    paths = tab.page.locator(".opblock-summary-path").all_inner_texts()
    assert "/commitments.json" in paths and "/actors/{id}.json" in paths, paths
    assert len(set(hosts)) == 1, set(hosts)
    shot(tab, screenshots, "api")
