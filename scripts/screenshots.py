"""Screenshots of the explorer's pages for the README (docs/screenshots/*.png).

    kg build && python scripts/screenshots.py

Each page of outputs/ is opened from disk at 1400x900 in Debian's headless Chromium
(driven by Playwright) once it has drawn.
"""
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"index": "index.html", "network": "network.html", "states": "states.html", "timeline": "timeline.html",
         "map": "map.html", "charts": "charts.html", "profile": "profiles/state-IDN.html"}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main() -> None:
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        for name, file in PAGES.items():
            page.goto((ROOT / "outputs" / file).as_uri())
            end = time.monotonic() + 20
            while not page.evaluate("window.kgStable === true || window.kgReady === true || "
                                    "(document.readyState === 'complete' && !window.vis)"):
                if time.monotonic() > end:
                    raise SystemExit(f"{file} did not finish drawing")
                page.wait_for_timeout(50)
            page.screenshot(path=str(out / f"{name}.png"))
            print(f"wrote {out / name}.png")
        browser.close()


if __name__ == "__main__":
    main()
