"""The web page in a real browser: Debian's headless Chromium, driven by
Selenium through Debian's chromedriver (lighter than Playwright, which brings
its own driver: 46 MB against 173 MB installed). A person's walk through the
form at a phone's size and a desktop's, the pick and its first call in view
without scrolling on the desktop, Print to PDF, and axe-core (vendored from the
npm registry in tests/data/axe-core) on every kind of page, with no serious or
critical violation. Skipped, saying why, where no browser can be had."""

from __future__ import annotations

import base64
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import BROWSER, CHROMIUM_FLAGS

DRIVER = shutil.which("chromedriver")
AXE = Path(__file__).parent / "data" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
PHONE = (390, 844)
DESKTOP = (1280, 800)
WORDS = "My dad was just admitted to the hospital after a fall and I live far away."

try:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
except ImportError:  # pragma: no cover - the test extra installs it
    webdriver = None

pytestmark = pytest.mark.skipif(
    BROWSER is None or DRIVER is None or webdriver is None,
    reason="no headless Chromium with chromedriver and Selenium on this machine "
    "(Debian: apt-get install chromium chromium-driver)",
)


def data_env() -> dict[str, str]:
    """The knowledge base under test, for the server (started before any test's
    own environment is set)."""
    from helpers import is_bundled, knowledge_dir

    return {} if is_bundled() else {"ADVISOR_DATA": str(knowledge_dir())}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`advisor serve` itself, on a free port of 127.0.0.1; stopped with Ctrl-C."""
    process = subprocess.Popen(
        [sys.executable, "-m", "advisor", "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path_factory.mktemp("serve"),
        env={**os.environ, "COLUMNS": "100", **data_env()},
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url), url
    yield url.rstrip("/")
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) == 130


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(BROWSER)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('profile')}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(DRIVER)))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def size(driver: webdriver.Chrome, width_height: tuple[int, int]) -> None:
    """The viewport (not the window) at this size, as on the device."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": width_height[0],
            "height": width_height[1],
            "deviceScaleFactor": 1,
            "mobile": False,
        },
    )


def click_label(driver: webdriver.Chrome, question: str, option: str) -> None:
    """Click an answer's label, as a person picks it."""
    label = driver.find_element(By.CSS_SELECTOR, f"label[for='{question}-{option}']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
    label.click()


def press(driver: webdriver.Chrome, name: str, leads_to: str) -> None:
    """Press the button named `name` and wait for the page at `leads_to`."""
    from selenium.webdriver.support.ui import WebDriverWait

    button = driver.find_element(By.XPATH, f"//button[normalize-space()='{name}']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    WebDriverWait(driver, 30).until(
        lambda d: (
            leads_to in d.current_url
            and d.execute_script("return document.readyState") == "complete"
        )
    )


def walk_to_the_result(driver: webdriver.Chrome, base: str) -> None:
    """What a person does: say what is going on, answer what is asked (two needs,
    the first way to pay, "not sure" for the rest), review, see the result."""
    from helpers import questionnaire

    q = questionnaire()
    driver.get(base + "/")
    box = driver.find_element(By.ID, "describe")
    box.click()
    box.send_keys(WORDS)
    press(driver, "Next", "/ask?")
    assert "What I understood from your words" in driver.page_source
    for question in q.questions:
        if not driver.find_elements(By.NAME, question.flag):
            continue  # the words answered it
        if question.kind == "multi":
            for option in [o for o in question.options if o.id != q.unsure][:2]:
                click_label(driver, question.id, option.id)
        elif question.id == "payment":
            click_label(driver, question.id, question.options[0].id)
        else:
            click_label(driver, question.id, q.unsure)
    press(driver, "Next", "/review?")
    press(driver, "Show my result", "/recommend?")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1280x800"])
def test_a_person_reaches_the_result(
    browser: webdriver.Chrome, server: str, viewport: tuple[int, int]
) -> None:
    size(browser, viewport)
    walk_to_the_result(browser, server)
    pick = browser.find_element(By.CSS_SELECTOR, ".pick h2")
    assert pick.text.startswith("Recommended:")
    first_call = browser.find_element(By.CSS_SELECTOR, ".steps li")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= viewport[0], f"the page scrolls sideways: {width} px"
    if viewport == DESKTOP:
        browser.execute_script("window.scrollTo(0, 0)")
        height = browser.execute_script("return window.innerHeight")
        for element in (pick, first_call):
            box = browser.execute_script("return arguments[0].getBoundingClientRect()", element)
            assert box["top"] >= 0 and box["bottom"] <= height, (element.text, box)


@pytest.mark.bundled_data  # how long the plan is depends on the data
def test_the_plan_prints_to_one_pdf_page(browser: webdriver.Chrome, server: str) -> None:
    from selenium.webdriver.common.print_page_options import PrintOptions

    size(browser, DESKTOP)
    browser.get(server + "/recommend?for=someone&timeframe=ongoing&need=medications,rights")
    options = PrintOptions()
    options.background = False
    pdf = base64.b64decode(browser.print_page(options))
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"the plan prints on {pages} pages"


PAGES_FOR_AXE = [
    "/",
    "/ask",
    "/ask?for=someone",
    "/review?describe=My+mother+has+dementia+and+lives+alone",
    "/recommend?for=someone&timeframe=ongoing&need=medications,rights",
    "/recommend?need=placement",  # a tie
    "/recommend?for=not-sure&need=not-sure",  # undecided
    "/recommend?need=rights&details=1",
    "/roles",
    "/roles/care-manager",
    "/roles/navigator",
    "/compare",
    "/routes?need=rights",
    "/recommend?need=bogus",  # a 400 page
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390x844", "1280x800"])
def test_axe_finds_no_serious_or_critical_violation(
    browser: webdriver.Chrome, server: str, viewport: tuple[int, int]
) -> None:
    size(browser, viewport)
    axe = AXE.read_text(encoding="utf-8")
    found = {}
    # every kind of page on a desktop; on a phone, the ones whose layout changes most
    pages = PAGES_FOR_AXE if viewport == DESKTOP else [*PAGES_FOR_AXE[:5], "/compare"]
    for address in pages:
        browser.get(server + address)
        browser.execute_script(axe)
        checked = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
            " 'wcag22aa', 'best-practice']})"
            ".then(r => done({version: axe.version, passes: r.passes.length,"
            " violations: r.violations}));"
        )
        assert checked["version"] == AXE_VERSION and checked["passes"] > 10, address
        violations = checked["violations"]
        bad = [
            f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
        if bad:
            found[address] = bad
    assert not found, found
