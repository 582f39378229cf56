"""Screenshot pages at phone and desktop widths with Debian's Chromium.

    python scripts/screenshot.py http://127.0.0.1:8000/en/ [more URLs] --out /tmp/shots

Writes <out>/<n>-phone.png and <out>/<n>-desktop.png for each URL, for a person to look at.
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"]
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--out", default="test-results/shots")
    parser.add_argument("--viewport-only", action="store_true", help="Capture the first screen only.")
    options = parser.parse_args()
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n, url in enumerate(options.urls, start=1):
            for name, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(url, wait_until="networkidle")
                if not options.viewport_only:
                    # Bring lazy images into view so the full-page picture shows them.
                    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
                    page.wait_for_load_state("networkidle")
                path = out / f"{n}-{name}.png"
                page.screenshot(path=str(path), full_page=not options.viewport_only)
                print(path)
                page.close()
        browser.close()


if __name__ == "__main__":
    main()
