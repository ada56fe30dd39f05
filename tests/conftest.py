"""Shared fixtures: real files from data/, real stores (in memory or under tmp_path)."""
from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
GOLD = ROOT / "data" / "gold"
SEED = ARTICLES / "2024-03-11-indonesia-rso-consular-training.txt"
N_ARTICLES = sum(1 for p in ARTICLES.iterdir() if p.suffix in {".txt", ".html", ".md"})


@pytest.fixture(scope="session")
def built_store(tmp_path_factory):
    """A store built once from the bundled corpus (read it, do not change it)."""
    from kg.pipeline import ingest
    from kg.store import GraphStore
    path = tmp_path_factory.mktemp("store") / "store"
    store = GraphStore.on_disk(path)
    report = ingest([ARTICLES], store)
    assert report.ok, report.failed
    return store


@pytest.fixture
def articles_copy(tmp_path) -> Path:
    """A writable copy of the bundled articles."""
    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    return target


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.csv from the current code")


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTEFACTS = Path(os.environ.get("KG_TEST_ARTEFACTS", ROOT / "outputs" / "test-artefacts"))


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, driven by Playwright."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.fail("chromium is not installed: .ci/run installs it (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def wait_for(page, expression: str, timeout: float = 20.0) -> None:
    """Poll a JavaScript expression until it is true (Playwright's own wait evaluates strings,
    which the pages' Content-Security-Policy forbids)."""
    end = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > end:
            raise AssertionError(f"{expression} still false after {timeout} s")
        page.wait_for_timeout(30)


@pytest.fixture
def open_page(browser):
    """open(path or file:// address) -> (page, requests tried, console errors): the page opened at
    1400x900 with every network request refused and recorded."""
    contexts = []

    def opener(path: Path | str, ready: str = "window.kgNetwork !== undefined || window.kgReady === true"):
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        requests, errors = [], []
        context.route(re.compile(r"^(https?|wss?)://.*"),
                      lambda route: (requests.append(route.request.url), route.abort()))
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri() if isinstance(path, Path) else path)
        if ready:
            wait_for(page, ready)
        return page, requests, errors

    yield opener
    for context in contexts:
        context.close()


def keep_screenshot(page, name: str) -> Path:
    """A screenshot kept as a test artefact (outputs/test-artefacts, or $KG_TEST_ARTEFACTS)."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTEFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
