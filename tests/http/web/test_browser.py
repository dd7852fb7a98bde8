"""The web interface in a real browser: Debian's chromium, headless, driven by selenium through
chromium-driver, against a real ``termbase serve``. Screenshots of the main pages go to
``$TERMBASE_SCREENSHOTS`` (``docs/screenshots`` for the README) or a temporary folder."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not (Path(CHROMEDRIVER).exists() and Path(CHROMIUM).exists()):  # .ci/run installs both
    pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)",
                allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def termbase(db, *args, input=None) -> str:
    done = subprocess.run([sys.executable, "-m", "termbase", "--db", str(db), *args], input=input,
                          capture_output=True, text=True, check=True)
    return done.stdout


# A two-unit three-language memory for the extraction page: the ministry in two Kazakh and Russian cases.
NEWS_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t"
 creationtoolversion="1" o-tmf="t"/><body>
<tu><tuv xml:lang="en"><seg>The Ministry of Energy of Kazakhstan signed the agreement.</seg></tuv>
<tuv xml:lang="kk"><seg>Қазақстан Энергетика министрлігі келісімге қол қойды.</seg></tuv>
<tuv xml:lang="ru"><seg>Министерство энергетики Казахстана подписало соглашение.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>A delegation of the Ministry of Energy of Kazakhstan arrived.</seg></tuv>
<tuv xml:lang="kk"><seg>Қазақстан Энергетика министрлігінің делегациясы келді.</seg></tuv>
<tuv xml:lang="ru"><seg>Прибыла делегация Министерства энергетики Казахстана.</seg></tuv></tu>
</body></tmx>
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web")
    db = tmp / "team.db"
    termbase(db, "init")
    tokens = {name: termbase(db, "token", "create", name, "--role", role).strip()
              for name, role in (("dana", "reader"), ("aigerim", "terminologist"), ("bolat", "terminologist"))}
    csv = tmp / "new.csv"
    csv.write_text("id,en,ru,ru_status,en_status,note\n"
                   "digital-agency,Agency for Digital Affairs,Агентство по цифровым делам,proposed,proposed,mined\n"
                   "xss,<script>alert(1)</script>,,,preferred,hostile term\n", encoding="utf-8")
    termbase(db, "import", str(csv))
    tmx = tmp / "news.tmx"
    tmx.write_text(NEWS_TMX, encoding="utf-8")
    termbase(db, "import", str(tmx), "--tm", "news")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "termbase", "--db", str(db), "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/api/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("termbase serve did not start: " + proc.stderr.read().decode()[-2000:])
            time.sleep(0.2)
    yield base, tokens
    proc.terminate()
    proc.wait(timeout=20)


def _browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=en-US"):
        options.add_argument(arg)
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    return driver


@pytest.fixture(scope="module")
def browsers():
    made = []

    def make():
        made.append(_browser())
        return made[-1]

    yield make
    for driver in made:
        driver.quit()


SHOTS = Path(os.environ.get("TERMBASE_SCREENSHOTS") or "")


def shot(driver, name, tmp_path):
    folder = SHOTS if str(SHOTS) not in ("", ".") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(folder / f"{name}.png"))


def sign_in(driver, base, token):
    driver.delete_all_cookies()
    driver.get(base + "/login")
    driver.find_element(By.ID, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 20).until(EC.presence_of_element_located((By.ID, "q")))


def wait(driver, seconds=20):
    return WebDriverWait(driver, seconds)


def test_search_an_inflected_kazakh_form_as_you_type_and_open_the_concept(server, browsers, tmp_path):
    base, tokens = server
    driver = browsers()
    sign_in(driver, base, tokens["dana"])
    driver.find_element(By.ID, "q").send_keys("Ассамблеясының")  # no Enter: results come as you type
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "count"), "for “Ассамблеясының”"))
    links = driver.find_elements(By.CSS_SELECTOR, "#results a.concept-link")
    assert links[0].text == "apk"
    shot(driver, "search", tmp_path)
    links[0].click()
    wait(driver).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "apk"))
    kk = driver.find_element(By.CSS_SELECTOR, "section.lang span.term[lang=kk]")
    assert kk.text.startswith("Қазақстан халқы Ассамблеясы")
    shot(driver, "concept", tmp_path)


def test_approve_a_proposed_concept_and_see_it_in_the_history(server, browsers, tmp_path):
    base, tokens = server
    driver = browsers()
    sign_in(driver, base, tokens["aigerim"])
    driver.get(base + "/review")
    assert driver.find_element(By.CSS_SELECTOR, "tr.item.current a").text == "digital-agency"
    shot(driver, "review", tmp_path)
    driver.find_element(By.TAG_NAME, "body").send_keys("e")  # keyboard: open the current concept
    wait(driver).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "digital-agency"))
    driver.find_element(By.ID, "approve").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Approved."))
    history = driver.find_element(By.CSS_SELECTOR, "ol.history li").text
    assert "update by aigerim" in history
    assert driver.find_element(By.CSS_SELECTOR, "span.term[lang=ru]").get_attribute("class") == "term st-preferred"


def test_two_reviewers_editing_one_concept_the_second_sees_the_conflict(server, browsers, tmp_path):
    base, tokens = server
    first, second = browsers(), browsers()
    sign_in(first, base, tokens["aigerim"])
    sign_in(second, base, tokens["bolat"])
    for driver in (first, second):
        driver.get(base + "/concepts/knb")
        driver.find_element(By.CSS_SELECTOR, "details summary").click()
    first.find_element(By.ID, "note").clear()
    first.find_element(By.ID, "note").send_keys("Checked against gov.kz by Aigerim.")
    first.find_element(By.ID, "save").click()
    wait(first).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "Saved."))
    second.find_element(By.ID, "note").clear()
    second.find_element(By.ID, "note").send_keys("Bolat's note.")
    second.find_element(By.ID, "save").click()
    conflict = wait(second).until(EC.presence_of_element_located((By.ID, "conflict")))
    assert conflict.text.startswith("aigerim changed this concept while you were working on it")
    assert "Checked against gov.kz by Aigerim." in second.find_element(By.CSS_SELECTOR, "dl.facts").text
    shot(second, "conflict", tmp_path)


def test_a_reader_sees_no_edit_buttons(server, browsers):
    base, tokens = server
    driver = browsers()
    sign_in(driver, base, tokens["dana"])
    driver.get(base + "/concepts/knb")
    assert driver.find_elements(By.CSS_SELECTOR, "main form") == []
    assert driver.find_elements(By.CSS_SELECTOR, "main button") == []
    driver.get(base + "/review")
    assert driver.find_elements(By.CSS_SELECTOR, "form.approve, form.reject") == []


def test_a_script_term_shows_as_text(server, browsers):
    base, tokens = server
    driver = browsers()
    sign_in(driver, base, tokens["dana"])
    driver.get(base + "/concepts/xss")
    term = driver.find_element(By.CSS_SELECTOR, "span.term[lang=en]")
    assert term.text.startswith("<script>alert(1)</script>")
    alerts = driver.execute_script("return typeof window.alert")  # the page runs; no alert was raised
    assert alerts == "function"
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text


def test_extract_terms_of_a_pasted_text_and_add_one(server, browsers, tmp_path):
    """Last in this module: the concept it adds comes first in the review queue (newest first)."""
    base, tokens = server
    driver = browsers()
    sign_in(driver, base, tokens["aigerim"])
    driver.find_element(By.LINK_TEXT, "Extract").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Extract terms"))
    driver.find_element(By.ID, "text").send_keys("The Ministry of Energy of Kazakhstan met the press. "
                                                 "The Ministry of Energy of Kazakhstan said <b>no</b>.")
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, "tm")).select_by_visible_text("news")
    driver.find_element(By.CSS_SELECTOR, "#extractform button[type=submit]").click()
    row = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.extract tbody tr")))
    assert row.find_element(By.CSS_SELECTOR, "span.cand").text == "Ministry of Energy of Kazakhstan"
    ru = row.find_element(By.CSS_SELECTOR, "td[data-lang=ru] .mined")
    assert ru.find_element(By.CSS_SELECTOR, ".mined-text").text == "~Министерство энергетики Казахстана"
    evidence = ru.find_element(By.CSS_SELECTOR, "ol.evidence")
    assert not evidence.is_displayed()
    ru.find_element(By.TAG_NAME, "summary").click()  # "2 unit(s)": the units it was mined from
    assert evidence.find_elements(By.TAG_NAME, "li")[1].text == (
        "#2 A delegation of the Ministry of Energy of Kazakhstan arrived.\n"
        "Прибыла делегация Министерства энергетики Казахстана.")
    driver.execute_script("window.scrollTo(0, 0)")
    shot(driver, "extract", tmp_path)
    row.find_element(By.CSS_SELECTOR, "input[name=pick]").click()
    driver.find_element(By.ID, "add").click()
    notice = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice")))
    assert notice.text == "Added 1 proposed concept(s): ministry-of-energy-of-kazakhstan."
    assert driver.find_element(By.CSS_SELECTOR, "tr.item.current a").text == "ministry-of-energy-of-kazakhstan"
