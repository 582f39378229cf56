"""Browser tests: Playwright driving Debian's Chromium against a live server, with axe-core.

Without /usr/bin/chromium these tests are skipped and the run ends with a loud
banner; with QSITE_REQUIRE_BROWSER=1 (as in CI) a missing browser is an error.
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = Path(os.environ.get("QSITE_CHROMIUM", "/usr/bin/chromium"))
BROWSER_REQUIRED = os.environ.get("QSITE_REQUIRE_BROWSER") == "1"
WIDTHS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}
# WCAG 2.2 A and AA, with the 2.0 and 2.1 rules they include.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    e2e_dir = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(e2e_dir):
            item.add_marker(pytest.mark.e2e)
    if CHROMIUM.exists() or BROWSER_REQUIRED:
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: browser tests NOT run")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    if CHROMIUM.exists():
        return
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "browser tests NOT run" in str(r.longrepr)]
    if skipped:
        terminalreporter.write_sep("!", "BROWSER TESTS WERE NOT RUN", red=True, bold=True)
        terminalreporter.write_line(
            f"{len(skipped)} browser and accessibility tests were skipped because {CHROMIUM} is missing.\n"
            "Install it with: apt-get update && apt-get install -y chromium   (make test does this when it can)",
            red=True,
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is required (QSITE_REQUIRE_BROWSER=1) but {CHROMIUM} does not exist")
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
    }


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def viewport(request):
    return request.param, WIDTHS[request.param]


@pytest.fixture
def browser_context_args(browser_context_args, viewport):
    return {**browser_context_args, "viewport": viewport[1]}


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The demo frame (home, About, policies) served by a live server."""
    from demo.site import build_site
    from qsite.setup import setup_site

    site = setup_site()
    pages = build_site(site.root_page.specific)
    return {"url": live_server.url, **pages}


@pytest.fixture
def console_errors(page):
    """Console errors (CSP violations, script errors) seen by the page during the test."""
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


_axe = Axe()


def assert_accessible(page):
    """Fail with axe's report if the page breaks any WCAG 2.2 A/AA rule."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"axe found problems on {page.url}:\n{results.generate_report()}"
