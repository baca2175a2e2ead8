#!/usr/bin/python3
"""casefile-web in a real browser: headless Chromium (chromium-driver,
python3-selenium) against the real casefiled and casefile-web, started here in
a temporary folder. Waits are on page content, never on time.

Every kind of page is also checked with axe-core (the npm package, injected
into the page) against WCAG 2.2 AA: no violations.

Usage: web_browser_e2e_test.py CASEFILED CASEFILE_CLI CASEFILE_WEB GENERATE_LEGACY SOURCE_DIR AXE_MIN_JS
"""
import base64
import http.cookiejar
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
import unittest
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

CASEFILED, CLI, WEB, GENERATOR, SOURCE, AXE = sys.argv[1:7]
del sys.argv[1:7]
with open(AXE) as axe_file:  # scripts/install-npm-tools puts it there
    AXE_SOURCE = axe_file.read()
# The rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
sys.path.insert(0, os.path.join(SOURCE, "tests", "support"))
from web_servers import WebStack  # noqa: E402
PASSWORD = "correct horse battery staple"
# A referral of two children, each with the incident's impact on them, as typed
# into its form (the radios apart: fill_referral).
REFERRAL = {
    "referred_time-day": "13", "referred_time-month": "11", "referred_time-year": "2012",
    "reason": "Disclosure at school",
    "child_impacts-1-child-name": "Ellie WATSON", "child_impacts-1-child-date_of_birth-day": "3",
    "child_impacts-1-child-date_of_birth-month": "4", "child_impacts-1-child-date_of_birth-year": "2008",
    "child_impacts-1-impact": "Frightened to go home",
    "child_impacts-2-child-name": "Sam WATSON", "child_impacts-2-child-date_of_birth-year": "2010",
    "child_impacts-2-impact": "Witnessed the assault",
    "text": "Referred to CSC.",
}
SCRIPT_TEXT = "<script>document.title='pwned'</script><b>not bold</b> \"quoted\" & <img src=x onerror=alert(1)>"
REJECTED_TEXT = SCRIPT_TEXT + " rejected " + "long legacy text " * 40


class Fixture:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="casefile-web-test-")
        d = self.dir
        self.logs = []
        hashed = subprocess.run([CLI, "admin", "hash-password"], input=PASSWORD + "\n", capture_output=True,
                                text=True, check=True).stdout.strip()
        self.write_private("users", "\n".join([
            f"edt1 {hashed} out_of_hours EDT Officer One",
            f"cait1 {hashed} investigator:cait DC Cait One",
            f"east1 {hashed} investigator:pvp-east DC East One",
            f"sup1 {hashed} supervisor:cait DS Sup One",
            f"admin1 {hashed} admin Admin One",
            f"op2 {hashed} operator Operator Two",
        ]) + "\n")
        self.write_private("tokens", "\n".join([
            "op-token-0123456789 op1 operator Operator One",
            "cait-token-0123456789 cait9 investigator:cait DC Cait Nine",
            "audit-token-0123456789 aud1 auditor Auditor One",
            "web-token-0123456789 casefile-web operator casefile-web",
        ]) + "\n")
        self.write_private("web-token", "web-token-0123456789\n")
        # As deployed: casefile-web on loopback behind nginx (TLS, HTTP/2).
        self.stack = WebStack(CASEFILED, WEB, SOURCE, d, self.log)
        self.server, self.url = self.stack.server, self.stack.url
        # The sample legacy folder, with one more paper file whose text holds script and markup.
        shutil.copytree(f"{SOURCE}/tests/data/legacy/sample", f"{d}/legacy")
        with open(f"{d}/legacy/paper/HPVP_2014_0001.csv", "w") as f:
            f.write("file_ref,page,doc_type,entry_date,author,subjects,text\n")
            f.write('HPVP/2014/0001,1,Case note,03/03/2014,PC 1 SMITH,Xavier SCRIPTON (01/02/2009),"'
                    + SCRIPT_TEXT.replace('"', '""') + '"\n')
            # A row with no file reference: rejected, its hostile (and long) text kept as read.
            f.write(',2,Case note,04/03/2014,PC 1 SMITH,Xavier SCRIPTON (01/02/2009),"'
                    + REJECTED_TEXT.replace('"', '""') + '"\n')
        self.cli("op-token-0123456789", "import", f"{d}/legacy")
        # A folder from the project's own generator, as the benchmarks use: its
        # largest case is printed whole.
        subprocess.run([GENERATOR, f"--out={d}/generated", "--cases=200", "--seed=7"], check=True,
                       capture_output=True)
        self.cli("op-token-0123456789", "import", f"{d}/generated")
        self.amelia = self.case_of("HPVP/2011/8859")
        self.davies = self.case_of("HPVP/2013/6561")
        self.script_case = self.case_of("HPVP/2014/0001")
        self.cli("cait-token-0123456789", "restrict", self.davies, "--teams", "cait")
        # Live cases (created today, not imported): their subjects are persons at once.
        self.live = self.create_case("William NORTHCOTT", "William NORTHCOTT (14/03/2011)")
        self.live_restricted = self.create_case("Tobias QUENNELL", "Tobias QUENNELL (09/10/2012)", "--restrict-teams",
                                                "cait")
        # A referral to CSC of 12/11/2026 in the live case: the inspection report counts it.
        self.write_private("referral.json", json.dumps({"referral": {
            "toAgency": "AGENCY_CSC", "reason": "Domestic abuse at home", "riskGrade": "RISK_GRADE_HIGH",
            "significantHarmSuspected": True, "domesticAbuse": True,
            "referredTime": {"precision": "PRECISION_MINUTE", "year": 2026, "month": 11, "day": 12, "hour": 9,
                             "minute": 30},
            "childImpacts": [{"impact": "Frightened", "child": {"name": "William NORTHCOTT", "dateOfBirth": {
                "precision": "PRECISION_DAY", "year": 2011, "month": 3, "day": 14}}}]}}))
        self.cli("cait-token-0123456789", "log", self.live, "--kind", "referral", "--text", "Referral to CSC",
                 "--record", f"{d}/referral.json")

    def log(self, name):
        f = open(f"{self.dir}/{name}", "w")
        self.logs.append(f)
        return f

    def write_private(self, name, text):
        path = f"{self.dir}/{name}"
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(text)

    def cli(self, token, *args):
        env = dict(os.environ, CASEFILE_SERVER=self.server, CASEFILE_TOKEN=token)
        env.pop("CASEFILE_CA", None)
        return subprocess.run([CLI, *args], env=env, capture_output=True, text=True, check=True).stdout

    def case_of(self, ref):
        out = self.cli("op-token-0123456789", "cases", "--ref", ref, "--json")
        names = re.findall(r'"name":\s*"cases/([^"]+)"', out)
        assert len(names) == 1, out
        return names[0]

    def create_case(self, title, subject, *more):
        out = self.cli("cait-token-0123456789", "case", "create", "--title", title, "--subject", subject, *more,
                       "--json")
        return re.search(r'"name":\s*"cases/([^"]+)"', out).group(1)

    def case_file(self, case_id, token="op-token-0123456789"):
        """Every entry of the case as GetCaseFile sends it (JSON lines of the CLI)."""
        out = self.cli(token, "show", case_id, "--purpose", "test: expected texts", "--json")
        entries = []
        for line in out.splitlines():
            entries += json.loads(line).get("entries", [])
        return entries

    def largest_case(self):
        """The case with the most entries (the highest version)."""
        out = self.cli("op-token-0123456789", "cases", "--all", "--json")
        versions = {}
        for line in out.splitlines():
            for c in json.loads(line).get("cases", []):
                versions[c["name"][len("cases/"):]] = int(c.get("version", 0))
        return max(versions, key=lambda case_id: (versions[case_id], case_id))

    def close(self):
        self.stack.close()
        for f in self.logs:
            f.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def normalised(text):
    return " ".join(text.split())


class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.f = Fixture()

    @classmethod
    def tearDownClass(cls):
        cls.f.close()

    def setUp(self):
        options = webdriver.ChromeOptions()
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--ignore-certificate-errors",
                    f"--user-data-dir={tempfile.mkdtemp(dir=self.f.dir)}"):
            options.add_argument(arg)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=ChromeService(executable_path="/usr/bin/chromedriver"),
                                       options=options)
        self.wait = WebDriverWait(self.driver, 60)

    def tearDown(self):
        self.driver.quit()

    def body_text(self):
        """The page's text, or None while a navigation replaces the document
        (the element found may belong to the page being left)."""
        try:
            return self.driver.find_element(By.TAG_NAME, "body").text
        except WebDriverException:
            return None

    def text_appears(self, text):
        self.wait.until(lambda _: text in (self.body_text() or ""))

    def sign_in(self, user):
        self.driver.get(self.f.url + "/signin")
        self.driver.find_element(By.ID, "user").send_keys(user)
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.driver.find_element(By.ID, "signin").click()
        self.text_appears("Find a child or a case")

    def axe_violations(self):
        """axe-core's WCAG 2.2 AA violations on the page shown, one line each."""
        self.driver.execute_script(AXE_SOURCE)
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            "  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '"
            "                   + v.nodes.map(n => n.target.join(' ')).join(', '))))"
            "  .catch(e => done(['axe-core failed: ' + e]));", AXE_TAGS)
        return result

    def assert_accessible(self, page):
        self.assertEqual(self.axe_violations(), [], f"{page}: {self.driver.current_url}")

    def open_case(self, case_id, purpose):
        self.driver.get(f"{self.f.url}/cases/{case_id}")
        self.text_appears("Why are you looking")
        if purpose:
            self.driver.find_element(By.ID, "purpose").send_keys(purpose)
        self.driver.find_element(By.ID, "show").click()

    def test_sign_in_search_purpose_show_audit_print_sign_out(self):
        d = self.driver
        self.sign_in("edt1")
        # A typing slip in the surname: "Preese" for PREECE.
        d.find_element(By.ID, "q").send_keys("Amelia Preese")
        d.find_element(By.ID, "find").click()
        self.text_appears("Found for")
        link = d.find_element(By.CSS_SELECTOR, f"a[href='/cases/{self.f.amelia}']")
        link.click()
        self.text_appears("Why are you looking")
        # No purpose: casefiled refuses, the form says so, nothing of the file is shown.
        d.find_element(By.ID, "show").click()
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.error")))
        self.assertIn("purpose", d.find_element(By.CSS_SELECTOR, "p.error").text)
        self.assertEqual(d.find_elements(By.CSS_SELECTOR, "section.chronology"), [])
        # With a purpose: the whole file.
        d.find_element(By.ID, "purpose").send_keys("EDT call-out: child reported missing")
        d.find_element(By.ID, "show").click()
        self.text_appears("Chronology")
        page = normalised(d.find_element(By.TAG_NAME, "body").text)
        entries = self.f.case_file(self.f.amelia)
        self.assertGreater(len(entries), 0)
        for e in entries:
            self.assertIn(normalised(e["text"]), page)
        # The look is in the audit trail, with its purpose.
        audit = self.f.cli("audit-token-0123456789", "audit", "list", "--case", self.f.amelia, "--kind", "GetCaseFile",
                           "--user", "edt1", "--json")
        self.assertIn("EDT call-out: child reported missing", audit)
        # On paper: print to PDF, every entry's text is in it.
        pdf = os.path.join(self.f.dir, "amelia.pdf")
        with open(pdf, "wb") as out:
            out.write(base64.b64decode(d.print_page()))
        text = normalised(subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                                         check=True).stdout)
        for e in entries:
            # Long lines wrap in print; compare the first words of each entry.
            self.assertIn(" ".join(normalised(e["text"]).split()[:5]), text)
        self.assertIn("OFFICIAL-SENSITIVE", text)
        self.assertIn(f"Case {self.f.amelia}", text)
        self.assertRegex(text, r"Page 1 of \d+")
        # Sign out; back shows nothing of the file.
        d.find_element(By.ID, "signout").click()
        self.text_appears("Sign in to casefile")
        d.back()
        # Back at the case file's address: with no-store there is no kept page, and
        # Chrome would have to post the form again (it asks first).
        self.wait.until(lambda drv: drv.current_url.endswith(f"/cases/{self.f.amelia}") and self.body_text() is not None)
        body = self.body_text() or ""
        for e in entries:
            self.assertNotIn(normalised(e["text"])[:40], normalised(body))
        # And the case URL asks for sign-in again.
        d.get(f"{self.f.url}/cases/{self.f.amelia}")
        self.text_appears("Sign in to casefile")

    def test_person_link_from_a_case_page_asks_a_purpose_then_shows_the_persons_cases(self):
        d = self.driver
        self.sign_in("edt1")
        self.open_case(self.f.amelia, "EDT call-out: who is this child")
        self.text_appears("Chronology")
        links = d.find_elements(By.CSS_SELECTOR, "table.people a.person")
        self.assertGreater(len(links), 0)
        person = links[0].get_attribute("href").rsplit("/", 1)[1]
        links[0].click()
        self.text_appears("Why are you looking at this person")
        # No purpose: casefiled refuses and the form says so.
        d.find_element(By.ID, "show").click()
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.error")))
        self.assertIn("purpose", d.find_element(By.CSS_SELECTOR, "p.error").text)
        d.find_element(By.ID, "purpose").send_keys("EDT call-out: the child's other cases")
        d.find_element(By.ID, "show").click()
        self.text_appears("Safeguarding records")
        cases = [a.get_attribute("href").rsplit("/", 1)[1]
                 for a in d.find_elements(By.CSS_SELECTOR, "#person-cases a")]
        self.assertIn(self.f.amelia, cases)
        self.assertNotIn(self.f.davies, cases)  # restricted to cait; edt1 is in no team
        audit = self.f.cli("audit-token-0123456789", "audit", "list", "--kind", "GetPersonFile", "--user", "edt1",
                           "--json")
        self.assertIn("EDT call-out: the child's other cases", audit)
        self.assertIn(f"persons/{person}", audit)

    def test_every_page_passes_axe_core_with_no_violations(self):
        d = self.driver
        d.set_script_timeout(60)
        d.get(self.f.url + "/signin")
        self.text_appears("Sign in to casefile")
        self.assert_accessible("sign-in")
        d.find_element(By.ID, "user").send_keys("edt1")
        d.find_element(By.ID, "password").send_keys("not the password")
        d.find_element(By.ID, "signin").click()
        self.text_appears("wrong user name or password")
        self.assert_accessible("sign-in refused")
        self.sign_in("edt1")
        self.text_appears("My cases")
        self.assert_accessible("home (out-of-hours, no team)")
        d.get(f"{self.f.url}/search?q=Amelia+Preese")
        self.text_appears("Found for")
        self.assert_accessible("search results")
        d.get(f"{self.f.url}/search?q=01/01/1901")
        self.text_appears("Nothing found")
        self.assert_accessible("nothing found")
        d.get(f"{self.f.url}/cases/{self.f.amelia}")
        self.text_appears("Why are you looking")
        self.assert_accessible("purpose form")
        d.find_element(By.ID, "show").click()
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.error")))
        self.assert_accessible("purpose refused")
        d.find_element(By.ID, "purpose").send_keys("accessibility check")
        d.find_element(By.ID, "show").click()
        self.text_appears("Chronology")
        self.assert_accessible("case file")
        self.open_case(self.f.largest_case(), "accessibility check")
        self.text_appears("Chronology")
        self.assert_accessible("largest case file")
        d.get(f"{self.f.url}/cases/{self.f.amelia}")
        self.text_appears("Why are you looking")
        d.find_element(By.ID, "purpose").send_keys("accessibility check")
        d.find_element(By.ID, "show").click()
        self.text_appears("Chronology")
        d.find_elements(By.CSS_SELECTOR, "table.people a.person")[0].click()
        self.text_appears("Why are you looking at this person")
        self.assert_accessible("person purpose form")
        d.find_element(By.ID, "purpose").send_keys("accessibility check")
        d.find_element(By.ID, "show").click()
        self.text_appears("Safeguarding records")
        self.assert_accessible("person file")
        d.get(f"{self.f.url}/attention")
        self.text_appears("Attention")
        self.assert_accessible("attention")
        d.get(f"{self.f.url}/cases/NO-SUCH-CASE")
        self.text_appears("Not found")
        self.assert_accessible("not found")

    def tab_to(self, matches, what):
        """Presses Tab until the focused element satisfies `matches` (at most 40 times)."""
        for _ in range(40):
            ActionChains(self.driver).send_keys(Keys.TAB).perform()
            if matches(self.driver.switch_to.active_element):
                return
        self.fail(f"Tab never reached {what}")

    def test_sign_in_find_and_read_a_case_by_keyboard_alone(self):
        d = self.driver
        d.get(self.f.url + "/signin")
        self.text_appears("Sign in to casefile")
        self.tab_to(lambda e: e.get_attribute("id") == "user", "the user field")
        ActionChains(d).send_keys("edt1", Keys.TAB, PASSWORD, Keys.ENTER).perform()
        self.text_appears("Find a child or a case")
        self.tab_to(lambda e: e.get_attribute("id") == "q", "the search field")
        ActionChains(d).send_keys("Amelia Preese", Keys.ENTER).perform()
        self.text_appears("Found for")
        self.tab_to(lambda e: (e.get_attribute("href") or "").endswith(f"/cases/{self.f.amelia}"), "the case's link")
        ActionChains(d).send_keys(Keys.ENTER).perform()
        self.text_appears("Why are you looking")
        self.tab_to(lambda e: e.get_attribute("id") == "purpose", "the purpose field")
        ActionChains(d).send_keys("keyboard only").perform()
        self.tab_to(lambda e: e.get_attribute("id") == "show", "the show button")
        ActionChains(d).send_keys(Keys.ENTER).perform()
        self.text_appears("Chronology")

    def entry_form_fields(self):
        """The entry form's fields as the browser would send them."""
        form = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/entries']")
        fields = {}
        for e in form.find_elements(By.CSS_SELECTOR, "input, textarea"):
            name, kind = e.get_attribute("name"), e.get_attribute("type")
            if kind == "radio" and not e.is_selected():
                continue
            fields[name] = e.get_attribute("value")
        return fields

    def post_form(self, path, fields):
        """POSTs `fields` with the browser's session cookie; the answer's status and text."""
        session = self.driver.get_cookie("cf_session")["value"]
        request = urllib.request.Request(self.f.url + path, method="POST", data=urllib.parse.urlencode(fields).encode(),
                                         headers={"Cookie": f"cf_session={session}",
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        try:
            with urllib.request.urlopen(request, context=context) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def fill_entry(self, kind, day, month, year, time, text):
        d = self.driver
        d.find_element(By.CSS_SELECTOR, f"input[name=kind][value='{kind}']").click()
        for field, value in (("when-day", day), ("when-month", month), ("when-year", year), ("when-time", time),
                             ("text", text)):
            element = d.find_element(By.ID, field)
            element.clear()
            element.send_keys(value)

    def test_an_investigators_day_of_writing_loses_nothing_and_doubles_nothing(self):
        d = self.driver
        out = self.f.cli("cait-token-0123456789", "case", "create", "--title", "Browser writing day", "--json")
        case_id = re.search(r'"name":\s*"cases/([^"]+)"', out).group(1)
        self.sign_in("cait1")
        self.open_case(case_id, "writing up today's enquiries")
        self.text_appears("Chronology")
        # 1. An entry, written.
        d.find_element(By.ID, "add-entry-start").click()
        self.text_appears("What kind of entry is it?")
        self.assert_accessible("entry form")
        self.fill_entry("visit", "12", "11", "2012", "09:15", "Home visit with SW Jones.\nEllie seen alone.")
        d.find_element(By.ID, "add-entry").click()
        self.text_appears("Entry #1 is written")
        self.assert_accessible("entry written")
        # 2. A mistake: an error summary linking to the field, everything typed kept.
        d.find_element(By.ID, "add-another").click()
        self.text_appears("What kind of entry is it?")
        self.fill_entry("enquiry", "", "13", "2012", "", "School contacted re attendance.")
        d.find_element(By.ID, "add-entry").click()
        self.text_appears("There is a problem")
        self.assert_accessible("entry form with errors")
        summary_link = d.find_element(By.CSS_SELECTOR, ".error-summary a")
        self.assertEqual(summary_link.get_attribute("href").rsplit("#", 1)[1], "when-month")
        self.assertEqual(d.find_element(By.ID, "text").get_attribute("value"), "School contacted re attendance.")
        self.assertEqual(d.find_element(By.ID, "when-month").get_attribute("value"), "13")
        # "Nov 2012": month precision.
        self.fill_entry("enquiry", "", "Nov", "2012", "", "School contacted re attendance.")
        # 3. A double submit: the same form sent twice writes one entry.
        fields = self.entry_form_fields()
        first = self.post_form(f"/cases/{case_id}/entries", fields)
        second = self.post_form(f"/cases/{case_id}/entries", fields)
        self.assertEqual((first[0], second[0]), (200, 200))
        self.assertIn("Entry #2 is written", first[1])
        self.assertIn("Entry #2 is written", second[1])
        # 4. Someone else writes while this investigator types a referral: shown, nothing overwritten.
        self.start_record(case_id, "writing up today's enquiries", "referral")
        self.fill_referral(REFERRAL)
        self.f.cli("cait-token-0123456789", "log", case_id, "--kind", "note", "--occurred", "14/11/2012 10:00",
                   "--text", "Strategy discussion booked for Friday.")
        d.find_element(By.ID, "add-entry").click()
        self.text_appears("Written by others since you opened the form")
        self.assertIn("Strategy discussion booked for Friday.", d.find_element(By.ID, "written-meanwhile").text)
        self.assertEqual(self.values_of(REFERRAL), REFERRAL)
        self.assertTrue(d.find_element(By.ID, "significant_harm_suspected").is_selected())
        self.assert_accessible("referral form after a conflict")
        d.find_element(By.ID, "add-entry").click()
        self.text_appears("Entry #4 is written")
        # 5. The session ends in the middle of a long note: kept through sign-in, then written.
        d.find_element(By.ID, "add-another").click()
        self.text_appears("What kind of entry is it?")
        long_note = "Long note. " * 300
        self.fill_entry("note", "15", "11", "2012", "16:40", long_note)
        self.sign_out_elsewhere()
        d.find_element(By.ID, "add-entry").click()
        self.sign_in_again_keeping("sign-in keeping an entry")
        self.assertEqual(d.find_element(By.ID, "text").get_attribute("value"), long_note)
        d.find_element(By.ID, "add-entry").click()
        self.text_appears("Entry #5 is written")
        # 5b. The strategy discussion: its decisions and actions, on its own form.
        d.find_element(By.ID, "add-another").click()
        self.text_appears("Or record")
        d.find_element(By.ID, "record-strategy-discussion").click()
        self.text_appears(f"Add an entry to {case_id}: strategy discussion")
        self.type_into({
            "held_time-day": "16", "held_time-month": "11", "held_time-year": "2012", "held_time-time": "14:00",
            "attendees-1-name": "SW Jones", "attendees-1-agency": "AGENCY_CSC",
            "attendees-2-name": "DS Patel", "attendees-2-agency": "AGENCY_POLICE",
            "attendees-3-name": "Dr Rao", "attendees-3-agency": "AGENCY_HEALTH",
            "information_shared": "School reports bruising to Ellie's arm.",
            "decisions-1-text": "Section 47 enquiry to start",
            "actions-1-owner": "DS Patel", "actions-1-description": "Visit school",
            "actions-1-due-day": "17", "actions-1-due-month": "11", "actions-1-due-year": "2012",
            "children-1-name": "Ellie WATSON", "children-1-date_of_birth-day": "3",
            "children-1-date_of_birth-month": "4", "children-1-date_of_birth-year": "2008",
            "text": "Strategy discussion held at the station.",
        })
        d.find_element(By.ID, "format").click()  # a meeting
        d.find_element(By.ID, "section47_threshold").click()  # met
        d.find_element(By.ID, "add-entry").click()
        self.text_appears("Entry #6 is written")
        # 6. A correction from the case page: a reason is required; both entries stay.
        d.find_element(By.ID, "back-to-case").click()
        self.text_appears("Chronology")
        self.assert_accessible("case file for a writer")
        d.find_element(By.CSS_SELECTOR, "a[aria-label='Correct entry 1']").click()
        self.text_appears("Correct entry #1 of")
        self.assertEqual(d.find_element(By.ID, "text").get_attribute("value"),
                         "Home visit with SW Jones.\nEllie seen alone.")
        self.assertEqual(d.find_element(By.ID, "when-time").get_attribute("value"), "09:15")
        text = d.find_element(By.ID, "text")
        text.clear()
        text.send_keys("Home visit with SW Jones.\nEllie and her brother seen alone.")
        d.find_element(By.ID, "add-entry").click()
        self.text_appears("There is a problem")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, ".error-summary a").get_attribute("href").rsplit("#", 1)[1],
                         "reason")
        self.assertEqual(d.find_element(By.ID, "text").get_attribute("value"),
                         "Home visit with SW Jones.\nEllie and her brother seen alone.")
        self.assert_accessible("correction form with errors")
        d.find_element(By.ID, "reason").send_keys("Brother was present too")
        d.find_element(By.ID, "add-entry").click()
        self.text_appears("Entry #7 is written")
        self.text_appears("It corrects #1")
        # The case file, entry by entry, and the audit trail.
        entries = self.f.case_file(case_id)
        self.assertEqual([(e["kind"], e["author"], e["text"]) for e in entries], [
            ("ENTRY_KIND_VISIT", "cait1", "Home visit with SW Jones.\nEllie seen alone."),
            ("ENTRY_KIND_ENQUIRY", "cait1", "School contacted re attendance."),
            ("ENTRY_KIND_NOTE", "cait9", "Strategy discussion booked for Friday."),
            ("ENTRY_KIND_REFERRAL", "cait1", "Referred to CSC."),
            ("ENTRY_KIND_NOTE", "cait1", long_note),
            ("ENTRY_KIND_STRATEGY_DISCUSSION", "cait1", "Strategy discussion held at the station."),
            ("ENTRY_KIND_VISIT", "cait1", "Home visit with SW Jones.\nEllie and her brother seen alone."),
        ])
        self.assertEqual(entries[0]["supersededBy"], f"cases/{case_id}/entries/7")
        self.assertEqual((entries[6]["supersedes"], entries[6]["correctionReason"]),
                         (f"cases/{case_id}/entries/1", "Brother was present too"))
        self.assertEqual(entries[0]["occurTime"]["precision"], "PRECISION_MINUTE")
        self.assertEqual(entries[1]["occurTime"]["precision"], "PRECISION_MONTH")
        self.assertEqual(entries[3]["occurTime"]["precision"], "PRECISION_DAY")
        self.assertEqual([(c["child"]["name"], c["impact"]) for c in entries[3]["referral"]["childImpacts"]], [
            ("Ellie WATSON", "Frightened to go home"), ("Sam WATSON", "Witnessed the assault")])
        sd = entries[5]["strategyDiscussion"]
        self.assertEqual([a["agency"] for a in sd["attendees"]], ["AGENCY_CSC", "AGENCY_POLICE", "AGENCY_HEALTH"])
        self.assertEqual(sd["decisions"], ["Section 47 enquiry to start"])
        self.assertEqual([(a["owner"], a["description"], a["due"]["day"]) for a in sd["actions"]],
                         [("DS Patel", "Visit school", 17)])
        audit = self.f.cli("audit-token-0123456789", "audit", "list", "--case", case_id, "--kind", "AppendEntry",
                           "--json")
        # Every write is in the trail, the double submit's retry too (it wrote nothing more).
        events = json.loads(audit)["auditEvents"]
        self.assertEqual([(e["user"], e["resources"], e["outcome"]) for e in events], [
            ("cait1", [f"cases/{case_id}/entries/1"], "OK"),
            ("cait1", [f"cases/{case_id}/entries/2"], "OK"),
            ("cait1", [f"cases/{case_id}/entries/2"], "OK"),
            ("cait9", [f"cases/{case_id}/entries/3"], "OK"),
            ("cait1", [f"cases/{case_id}/entries/4"], "OK"),
            ("cait1", [f"cases/{case_id}/entries/5"], "OK"),
            ("cait1", [f"cases/{case_id}/entries/6"], "OK"),
        ])
        corrections = json.loads(self.f.cli("audit-token-0123456789", "audit", "list", "--case", case_id, "--kind",
                                            "CorrectEntry", "--json"))["auditEvents"]
        self.assertEqual([(e["user"], e["outcome"]) for e in corrections], [("cait1", "OK")])

    def type_into(self, values):
        """Types each value into the field of that id (a select: the option of that value)."""
        for field, value in values.items():
            element = self.driver.find_element(By.ID, field)
            if element.tag_name == "select":
                Select(element).select_by_value(value)
            else:
                element.clear()
                element.send_keys(value)

    def values_of(self, fields):
        return {field: self.driver.find_element(By.ID, field).get_attribute("value") for field in fields}

    def fill_referral(self, typed):
        """Types a referral's fields, and picks CSC, a high risk and significant harm suspected."""
        self.type_into(typed)
        self.driver.find_element(By.ID, "to_agency").click()  # children's social care
        self.driver.find_element(By.ID, "risk_grade-3").click()  # high
        self.driver.find_element(By.ID, "significant_harm_suspected").click()

    def sign_in_again_keeping(self, page, user="cait1"):
        """On the sign-in page that keeps an unsent form: signs `user` in, back to the form."""
        self.text_appears("What you typed is kept")
        self.assert_accessible(page)
        self.driver.find_element(By.ID, "user").send_keys(user)
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.driver.find_element(By.ID, "signin").click()
        self.text_appears("What you typed is below, not sent yet")

    def sign_out_elsewhere(self):
        """Ends the session on the server (as after 15 idle minutes; here signed
        out from another tab) while the page and its cookie stay."""
        nav_csrf = self.driver.find_element(By.CSS_SELECTOR, "form[action='/signout'] input[name=csrf]").get_attribute("value")
        self.assertEqual(self.post_form("/signout", {"csrf": nav_csrf})[0], 200)

    def start_record(self, case_id, purpose, kind):
        """Opens the case and the form of record `kind` from its "Add an entry" page."""
        self.open_case(case_id, purpose)
        self.text_appears("Chronology")
        self.driver.find_element(By.ID, "add-entry-start").click()
        self.text_appears("Or record")
        self.driver.find_element(By.ID, f"record-{kind}").click()
        self.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, f"input[name=record][value='{kind}']")))

    def test_a_strategy_discussion_and_a_referral_logged_in_the_browser_keep_every_row_when_refused(self):
        d = self.driver
        case_id = self.f.create_case("Ellie WATSON (records)", "Ellie WATSON (03/04/2008)")
        self.sign_in("cait1")
        self.start_record(case_id, "logging the strategy discussion", "strategy-discussion")
        self.text_appears(f"Add an entry to {case_id}: strategy discussion")
        # Three attendees, none from health and no reason why: casefiled refuses.
        typed = {
            "held_time-day": "12", "held_time-month": "11", "held_time-year": "2012", "held_time-time": "14:00",
            "attendees-1-name": "SW Jones", "attendees-1-agency": "AGENCY_CSC", "attendees-1-role": "Social worker",
            "attendees-2-name": "DS Patel", "attendees-2-agency": "AGENCY_POLICE",
            "attendees-3-name": "Mr Shah", "attendees-3-agency": "AGENCY_EDUCATION",
            "information_shared": "School reports bruising to Ellie's arm.",
            "decisions-1-text": "Section 47 enquiry to start",
            "decisions-2-text": "Joint visit tomorrow",
            "actions-1-owner": "DS Patel", "actions-1-description": "Visit school",
            "actions-1-due-day": "16", "actions-1-due-month": "11", "actions-1-due-year": "2012",
            "children-1-name": "Ellie WATSON", "children-1-date_of_birth-day": "3",
            "children-1-date_of_birth-month": "4", "children-1-date_of_birth-year": "2008",
            "text": "Strategy discussion held at the station.",
        }
        self.type_into(typed)
        d.find_element(By.ID, "format").click()  # a meeting
        d.find_element(By.ID, "section47_threshold").click()  # met
        # A fourth attendee: one more row, nothing written, everything kept.
        d.find_element(By.ID, "add-attendees").click()
        self.wait.until(EC.presence_of_element_located((By.ID, "attendees-4-name")))
        self.assertEqual(self.values_of(typed), typed)
        fourth = {"attendees-4-name": "Ms Green", "attendees-4-agency": "AGENCY_OTHER", "attendees-4-role": "Teacher"}
        self.type_into(fourth)
        typed.update(fourth)
        # Enter in a field submits the entry (it does not add a row).
        d.find_element(By.ID, "attendees-4-role").send_keys(Keys.ENTER)
        self.text_appears("There is a problem")
        self.assertEqual(d.find_elements(By.ID, "attendees-5-name"), [])
        self.assertEqual(d.find_element(By.CSS_SELECTOR, ".error-summary a").get_attribute("href").rsplit("#", 1)[1],
                         "attendees-1-name")
        self.assertIn("no attendee from health", d.find_element(By.ID, "attendees-1-name-error").text)
        self.assertEqual(self.values_of(typed), typed)
        self.assertTrue(d.find_element(By.ID, "format").is_selected())
        self.assert_accessible("strategy discussion refused by casefiled")
        # Health's absence explained: written.
        self.type_into({"absent_agencies-1-agency": "AGENCY_HEALTH",
                        "absent_agencies-1-reason": "GP unavailable; report sent"})
        d.find_element(By.ID, "add-entry").click()
        self.text_appears("Entry #1 is written")
        # A referral: the second child's impact with no child named is refused, kept, then written.
        d.find_element(By.ID, "back-to-case").click()
        self.text_appears("Chronology")
        d.find_element(By.ID, "add-entry-start").click()
        self.text_appears("Or record")
        d.find_element(By.ID, "record-referral").click()
        self.text_appears(f"Add an entry to {case_id}: referral")
        referral = {k: v for k, v in REFERRAL.items() if not k.startswith("child_impacts-2-child")}
        self.fill_referral(referral)
        d.find_element(By.ID, "add-entry").click()
        self.text_appears("There is a problem")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, ".error-summary a").get_attribute("href").rsplit("#", 1)[1],
                         "child_impacts-2-child-name")
        self.assertEqual(self.values_of(referral), referral)
        self.assertTrue(d.find_element(By.ID, "significant_harm_suspected").is_selected())
        self.assert_accessible("referral refused by casefiled")
        self.type_into({"child_impacts-2-child-name": "Sam WATSON", "child_impacts-2-child-date_of_birth-year": "2010"})
        d.find_element(By.ID, "add-entry").click()
        self.text_appears("Entry #2 is written")
        # The case file, exactly.
        entries = self.f.case_file(case_id)
        self.assertEqual([(e["kind"], e["author"], e["text"]) for e in entries], [
            ("ENTRY_KIND_STRATEGY_DISCUSSION", "cait1", "Strategy discussion held at the station."),
            ("ENTRY_KIND_REFERRAL", "cait1", "Referred to CSC."),
        ])
        sd = entries[0]["strategyDiscussion"]
        self.assertEqual([(a["name"], a["agency"]) for a in sd["attendees"]], [
            ("SW Jones", "AGENCY_CSC"), ("DS Patel", "AGENCY_POLICE"), ("Mr Shah", "AGENCY_EDUCATION"),
            ("Ms Green", "AGENCY_OTHER")])
        self.assertEqual(sd["absentAgencies"], [{"agency": "AGENCY_HEALTH", "reason": "GP unavailable; report sent"}])
        self.assertEqual(sd["decisions"], ["Section 47 enquiry to start", "Joint visit tomorrow"])
        self.assertEqual((sd["format"], sd["section47Threshold"]), ("FORMAT_MEETING", "SECTION47_THRESHOLD_MET"))
        self.assertEqual([(a["owner"], a["due"]["day"]) for a in sd["actions"]], [("DS Patel", 16)])
        self.assertEqual(entries[0]["occurTime"]["precision"], "PRECISION_MINUTE")
        ref = entries[1]["referral"]
        self.assertEqual([(c["child"]["name"], c["impact"]) for c in ref["childImpacts"]], [
            ("Ellie WATSON", "Frightened to go home"), ("Sam WATSON", "Witnessed the assault")])
        self.assertEqual((ref["toAgency"], ref["riskGrade"], ref["significantHarmSuspected"]),
                         ("AGENCY_CSC", "RISK_GRADE_HIGH", True))
        # And the case page shows both records.
        d.find_element(By.ID, "back-to-case").click()
        self.text_appears("Ms Green")
        self.text_appears("Witnessed the assault")

    def test_restrict_and_review_from_the_case_page(self):
        d = self.driver
        case_id = self.f.create_case("Kept to cait (browser)", "Ruby NASH (05/06/2011)")
        self.sign_in("east1")  # another team's investigator knows the case before it is restricted
        self.open_case(case_id, "checking before restriction")
        self.text_appears("Chronology")
        d.delete_all_cookies()
        self.sign_in("cait1")
        self.open_case(case_id, "restricting the case")
        self.text_appears("Chronology")
        d.find_element(By.ID, "restrict-start").click()
        self.text_appears(f"Restrict {case_id}")
        self.assert_accessible("restrict form")
        d.find_element(By.ID, "users").send_keys("cait9")
        d.find_element(By.ID, "save-action").click()
        self.text_appears("There is a problem")
        self.assertEqual([a.get_attribute("href").rsplit("#", 1)[1]
                          for a in d.find_elements(By.CSS_SELECTOR, ".error-summary a")], ["reason"])
        self.assertEqual(d.find_element(By.ID, "users").get_attribute("value"), "cait9")
        self.assert_accessible("restrict form with errors")
        d.find_element(By.ID, "teams").click()
        d.find_element(By.ID, "reason").send_keys("A relative of the suspect works in pvp-east")
        # Someone writes meanwhile: shown, nothing changed, the form kept.
        self.f.cli("cait-token-0123456789", "log", case_id, "--kind", "note", "--text", "Mother phoned the office.")
        d.find_element(By.ID, "save-action").click()
        self.text_appears("Written by others since you opened the form")
        self.assertIn("Mother phoned the office.", d.find_element(By.ID, "written-meanwhile").text)
        self.assertEqual(d.find_element(By.ID, "reason").get_attribute("value"),
                         "A relative of the suspect works in pvp-east")
        self.assertTrue(d.find_element(By.ID, "teams").is_selected())
        self.assert_accessible("restrict form after a conflict")
        d.find_element(By.ID, "save-action").click()
        self.text_appears(f"{case_id} is restricted")
        self.assertIn("Kept to team cait, user cait9.", d.find_element(By.ID, "done").text)
        audit = json.loads(self.f.cli("audit-token-0123456789", "audit", "list", "--case", case_id, "--kind",
                                      "SetCaseRestriction", "--json"))["auditEvents"]
        # The reason is kept in the trail (the refused attempt's record names no case).
        self.assertEqual([(e["user"], e["outcome"], e.get("purpose", "")) for e in audit], [
            ("cait1", "OK", "A relative of the suspect works in pvp-east")])
        # A retention review from the case page.
        d.find_element(By.ID, "back-to-case").click()
        self.text_appears("Chronology")
        d.find_element(By.ID, "review-start").click()
        self.text_appears(f"Review {case_id} for retention")
        self.assert_accessible("review form")
        d.find_element(By.ID, "decision").click()  # retain
        d.find_element(By.ID, "save-action").click()
        self.text_appears("There is a problem")
        self.assertEqual([a.get_attribute("href").rsplit("#", 1)[1]
                          for a in d.find_elements(By.CSS_SELECTOR, ".error-summary a")], ["next-day", "reason"])
        self.assert_accessible("review form with errors")
        review = {"next-day": "1", "next-month": "2", "next-year": "2099", "reason": "Enquiry still open"}
        self.type_into(review)
        # The session ends before it is sent: the review comes back as typed after signing in.
        self.sign_out_elsewhere()
        d.find_element(By.ID, "save-action").click()
        self.sign_in_again_keeping("sign-in keeping a review")
        self.text_appears(f"Review {case_id} for retention")
        self.assertEqual(self.values_of(review), review)
        self.assertTrue(d.find_element(By.ID, "decision").is_selected())
        self.assert_accessible("review form kept through sign-in")
        d.find_element(By.ID, "save-action").click()
        self.text_appears(f"The review of {case_id} is recorded")
        self.assertIn("Next review due 2099-02-01.", d.find_element(By.ID, "done").text)
        entries = self.f.case_file(case_id, "cait-token-0123456789")  # kept from the operator now
        self.assertEqual([(e["kind"], e["author"]) for e in entries], [("ENTRY_KIND_NOTE", "cait9"),
                                                                       ("ENTRY_KIND_REVIEW", "cait1")])
        # Another team's investigator: the case does not exist for them.
        d.delete_all_cookies()
        self.sign_in("east1")
        d.get(f"{self.f.url}/cases/{case_id}")
        self.text_appears("Not found")
        d.get(f"{self.f.url}/search?q={case_id}")
        self.text_appears("Nothing found")

    def test_every_record_form_passes_axe_core_with_and_without_errors(self):
        d = self.driver
        d.set_script_timeout(60)
        case_id = self.f.create_case("Accessibility of record forms", "Ada LOVELACE (10/12/2010)")
        self.sign_in("cait1")
        for kind in ("strategy-discussion", "referral", "referral-feedback", "section-47", "missing-episode", "custody", "assessment",
                     "action-completed", "dash", "dash-review"):
            self.start_record(case_id, "accessibility check", kind)
            self.assert_accessible(f"{kind} form")
            d.find_element(By.ID, "add-entry").click()
            self.text_appears("There is a problem")
            self.assert_accessible(f"{kind} form with errors")

    def test_approvals_close_and_the_tasking_agenda_in_the_browser(self):
        d = self.driver
        d.set_script_timeout(60)
        case_id = self.f.create_case("Approvals in the browser", "Ivy MARSH (01/05/2012)")
        record = f"{self.f.dir}/referral.json"
        with open(record, "w") as f:
            json.dump({"referral": {"toAgency": "AGENCY_CSC", "reason": "DA incident", "riskGrade": "RISK_GRADE_HIGH",
                                    "childImpacts": [{"child": {"name": "Ivy MARSH", "dateOfBirth": {
                                        "precision": "PRECISION_DAY", "year": 2012, "month": 5, "day": 1}},
                                        "impact": "Frightened, not sleeping"}]}}, f)
        self.f.cli("cait-token-0123456789", "log", case_id, "--kind", "referral", "--text", "Referral to CSC",
                   "--record", record)
        # The investigator asks approval of the referral, then of the closure.
        self.sign_in("cait1")
        self.open_case(case_id, "approvals test")
        self.text_appears("Chronology")
        self.assert_accessible("case page with approval controls")
        d.find_element(By.CSS_SELECTOR, "a[aria-label='Ask for approval of entry 1']").click()
        self.text_appears("Ask for approval of entry #1")
        self.assert_accessible("ask for approval")
        d.find_element(By.ID, "save-step").click()
        self.text_appears("There is a problem")
        self.assert_accessible("ask for approval with errors")
        d.find_element(By.ID, "text").send_keys("Impact recorded; please sign off.")
        d.find_element(By.ID, "save-step").click()
        self.text_appears(f"Recorded as entry #2 of {case_id}")
        self.assert_accessible("approval asked")
        # The entry's link carried the purpose given: the way back keeps it.
        d.find_element(By.ID, "back-to-case").click()
        self.text_appears("Chronology")
        self.assertIn("for: approvals test", self.body_text())
        d.find_element(By.ID, "close-start").click()
        self.wait.until(EC.presence_of_element_located((By.ID, "text"))).send_keys("No further action")
        d.find_element(By.ID, "save-step").click()
        self.text_appears("cannot be closed without an approved closure")
        self.assertEqual(d.find_element(By.ID, "text").get_attribute("value"), "No further action")  # kept
        self.assert_accessible("close refused")
        self.open_case(case_id, "approvals test")
        self.text_appears("Chronology")
        d.find_element(By.ID, "ask-closure-start").click()
        self.text_appears(f"Ask approval to close {case_id}")
        d.find_element(By.ID, "text").send_keys("All actions done")
        fields = {e.get_attribute("name"): e.get_attribute("value")
                  for e in d.find_elements(By.CSS_SELECTOR, "form.stack input")}
        fields["text"] = "All actions done"
        # A double submit asks once.
        first, second = (self.post_form(f"/cases/{case_id}/supervision", fields) for _ in range(2))
        self.assertIn(f"Recorded as entry #3 of {case_id}", first[1])
        self.assertIn(f"Recorded as entry #3 of {case_id}", second[1])
        # The supervisor: approvals waiting on the home page, the agenda, the decisions.
        d.delete_all_cookies()
        self.sign_in("sup1")
        self.text_appears("Approvals waiting")
        self.assert_accessible("supervisor's home page")
        d.get(f"{self.f.url}/tasking?team=cait")
        self.text_appears("Approvals waiting (2)")
        self.assertIn(case_id, d.find_element(By.ID, "came-in").find_element(By.XPATH, "..").text)
        self.assert_accessible("tasking agenda")
        # On paper, the meeting's agenda: every part, none of the forms, marked and numbered.
        pdf = os.path.join(self.f.dir, "tasking.pdf")
        with open(pdf, "wb") as out:
            out.write(base64.b64decode(d.print_page()))
        agenda = normalised(subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                                           check=True).stdout)
        for part in ("Tasking: team cait", "Came in since", "Approvals waiting (2)", "Needs attention", case_id,
                     "OFFICIAL-SENSITIVE"):
            self.assertIn(part, agenda)
        for form in ("Show the agenda", "Mark the meeting held now", "Approve or return"):
            self.assertNotIn(form, agenda)
        self.assertRegex(agenda, r"Page 1 of \d+")
        d.get(self.f.url + "/")
        d.find_element(By.ID, f"decide-{case_id}-3").click()
        self.text_appears("Approve or return request #3")
        # What is asked is on the form, and stays through a refusal.
        self.assertIn("All actions done", d.find_element(By.ID, "request").text)
        d.find_element(By.ID, "save-step").click()
        self.text_appears("There is a problem")
        self.assertIn("All actions done", d.find_element(By.ID, "request").text)
        self.assert_accessible("decision with errors")
        d.find_element(By.ID, "decision").click()  # approve
        d.find_element(By.ID, "text").send_keys("Agreed, close it.")
        d.find_element(By.ID, "save-step").click()
        self.text_appears(f"Recorded as entry #4 of {case_id}")
        d.get(self.f.url + "/")
        d.find_element(By.ID, f"decide-{case_id}-2").click()
        self.text_appears("Approve or return request #2")
        d.find_elements(By.CSS_SELECTOR, "input[name='decision']")[1].click()  # return
        d.find_element(By.ID, "text").send_keys("Add the school's view.")
        # The session ends before it is sent: the decision comes back as typed after signing in.
        self.sign_out_elsewhere()
        d.find_element(By.ID, "save-step").click()
        self.sign_in_again_keeping("sign-in keeping a decision", "sup1")
        self.text_appears("Approve or return request #2")
        self.assertEqual(d.find_element(By.ID, "text").get_attribute("value"), "Add the school's view.")
        self.assertTrue(d.find_elements(By.CSS_SELECTOR, "input[name='decision']")[1].is_selected())
        d.find_element(By.ID, "save-step").click()
        self.text_appears(f"Recorded as entry #5 of {case_id}")
        d.get(f"{self.f.url}/tasking?team=cait")
        self.text_appears("Approvals waiting (0)")
        d.find_element(By.ID, "mark-held").click()
        self.text_appears("(the last meeting)")
        # The investigator closes the case now.
        d.delete_all_cookies()
        self.sign_in("cait1")
        self.open_case(case_id, "approvals test")
        self.text_appears("Chronology")
        d.find_element(By.ID, "close-start").click()
        # The form is a new page: wait for it (under load the case page may still be shown).
        self.wait.until(EC.presence_of_element_located((By.ID, "text"))).send_keys("No further action")
        d.find_element(By.ID, "save-step").click()
        self.text_appears(f"{case_id} is now closed.")
        case = json.loads(self.f.cli("cait-token-0123456789", "case", "get", case_id, "--json"))
        self.assertEqual(case["state"], "CASE_STATE_CLOSED")
        self.assertEqual([(e["kind"], e["author"]) for e in self.f.case_file(case_id, "cait-token-0123456789")],
                         [("ENTRY_KIND_REFERRAL", "cait9"), ("ENTRY_KIND_APPROVAL_REQUEST", "cait1"),
                          ("ENTRY_KIND_APPROVAL_REQUEST", "cait1"), ("ENTRY_KIND_APPROVAL_DECISION", "sup1"),
                          ("ENTRY_KIND_APPROVAL_DECISION", "sup1"), ("ENTRY_KIND_CASE_STATE", "cait1")])
    def test_inspection_report_with_charts_and_the_cases_behind_each_figure(self):
        d = self.driver
        d.set_script_timeout(60)
        self.sign_in("cait1")
        d.get(f"{self.f.url}/report?from=2026-11-01&to=2026-11-30")
        self.text_appears("Not allowed")  # admins, and supervisors for their teams
        d.find_element(By.ID, "signout").click()
        self.sign_in("sup1")  # supervises cait
        d.find_element(By.ID, "report").click()
        self.text_appears("Show the report")
        d.get(f"{self.f.url}/report?from=2026-11-01&to=2026-11-30&team=pvp-east")
        self.text_appears("Not allowed")
        d.get(f"{self.f.url}/report?from=2026-11-01&to=2026-11-30&team=cait")
        self.text_appears("Significant-harm referrals with a strategy discussion within 24 hours")
        d.find_element(By.ID, "signout").click()
        self.sign_in("admin1")
        d.find_element(By.ID, "report").click()  # admins are offered the report in the bar at the top
        self.text_appears("Show the report")
        self.assert_accessible("report form")
        d.get(f"{self.f.url}/report?from=2026-11-31&to=2026-11-30")
        self.text_appears("There is a problem")
        self.assertEqual(d.find_element(By.ID, "to").get_attribute("value"), "2026-11-30")  # kept as typed
        self.assert_accessible("report refused")
        d.get(f"{self.f.url}/report?from=2026-11-01&to=2026-11-30&team=")
        self.text_appears("Significant-harm referrals with a strategy discussion within 24 hours")
        self.assertEqual(len(d.find_elements(By.CSS_SELECTOR, "svg.chart")), 7)
        self.assertIn("0 of 1 referrals with feedback (0%)", d.find_element(By.ID, "measure-4").text)
        self.assert_accessible("report")
        d.find_elements(By.CSS_SELECTOR, "#measure-4 > p a")[1].click()  # the 1 referral counted
        self.text_appears("1 counted")
        self.assertEqual([a.text for a in d.find_elements(By.CSS_SELECTOR, "#report-cases a")],
                         [f"{self.f.live} William NORTHCOTT"])
        self.assert_accessible("cases behind a figure")
        d.find_element(By.CSS_SELECTOR, "#report-cases a").click()
        self.text_appears("Why are you looking")  # the case asks its purpose as always

    def review_item_ids(self):
        """The items of the review queue page shown, in its order."""
        return [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, "#review-items tbody tr td:first-child a")]

    def decide_in_browser(self, radio_id):
        """Chooses on the item page shown and saves; the page the operator moves on to."""
        item = self.driver.find_element(By.TAG_NAME, "h1").text.split()[-1]
        self.driver.find_element(By.ID, radio_id).click()
        self.driver.find_element(By.ID, "save-decision").click()
        self.text_appears(f"Item {item}: ")  # the banner of the page moved on to (not the one left)
        return item

    def test_an_operator_reviews_uncertain_matches_and_reads_import_reports(self):
        d = self.driver
        d.set_script_timeout(60)
        # An investigator is refused the review queue and the imports.
        self.sign_in("cait1")
        session = d.get_cookie("cf_session")["value"]
        for path in ("/review", "/imports", "/imports/imp-000001", "/imports/imp-000001/rejected"):
            status, _, body = self.fetch(path, session)
            self.assertEqual(status, 403, path)
            self.assertIn(b"Not allowed", body)
        self.assertEqual(d.find_elements(By.ID, "review"), [])  # not offered in the bar
        d.delete_all_cookies()
        # The operator: offered both on the home page and in the bar.
        self.sign_in("op2")
        self.text_appears("Imports and review")
        # A page link edited by hand is a 400 naming what is wrong, not "casefiled did not answer".
        op_session = d.get_cookie("cf_session")["value"]
        for path, wrong in (("/review?page=x", b"page_token: not a token from a previous ListReviewItems"),
                            ("/imports?page=x", b"page_token: not a token from a previous ListImports"),
                            ("/imports/imp-000001/rejected?page=x",
                             b"page_token: not a token from a previous ListRejectedRecords")):
            status, _, body = self.fetch(path, op_session)
            self.assertEqual(status, 400, path)
            self.assertIn(wrong, body)
        self.assert_accessible("operator's home page")
        d.find_element(By.ID, "home-review").click()
        self.text_appears("Review queue")
        self.assert_accessible("review queue")
        queue = self.review_item_ids()
        self.assertGreaterEqual(len(queue), 4, "the generated lookalikes must give the operator work")
        scores = [float(td.text) for td in d.find_elements(By.CSS_SELECTOR, "#review-items tbody tr td:nth-child(3)")]
        self.assertEqual(scores, sorted(scores, reverse=True))  # strongest evidence first
        d.find_element(By.LINK_TEXT, queue[0]).click()
        self.text_appears(f"Review item {queue[0]}")
        sides = d.find_element(By.ID, "sides").text
        self.assertIn("First record", sides)
        self.assertIn("Second record", sides)
        self.assertIn("Read from", sides)
        item = json.loads(self.f.cli("op-token-0123456789", "review", "show", queue[0], "--json"))
        for side in ("left", "right"):  # both sides, every field
            self.assertIn(item[side]["locator"], sides)
            self.assertIn(normalised(item[side]["text"])[:40], normalised(sides))
        self.assertEqual(d.find_element(By.ID, "evidence").text, item["reason"])
        self.assert_accessible("review item")
        d.find_element(By.ID, "save-decision").click()
        self.text_appears("There is a problem")
        self.assert_accessible("review item with errors")
        # Merge the first; the operator is taken on to the next item waiting, and separates it.
        self.assertEqual(self.decide_in_browser("decision"), queue[0])
        self.assertIn(f"{queue[0]}: merged by op2", d.find_element(By.ID, "just-decided").text)
        self.assert_accessible("next review item after a decision")
        second = self.decide_in_browser("decision-2")
        self.assertNotEqual(second, queue[0])
        self.assertIn(f"{second}: kept apart by op2", d.find_element(By.ID, "just-decided").text)
        # A double submit decides once.
        third = d.find_element(By.TAG_NAME, "h1").text.split()[-1]
        fields = {e.get_attribute("name"): e.get_attribute("value")
                  for e in d.find_elements(By.CSS_SELECTOR, "form.stack input[type=hidden]")}
        fields["decision"] = "separate"
        first_post, second_post = (self.post_form(f"/review/{third}", fields) for _ in range(2))
        self.assertEqual((first_post[0], second_post[0]), (200, 200))  # each taken on to the next item
        self.assertIn(f"{third}</a>: kept apart by op2", first_post[1])
        decided = json.loads(self.f.cli("op-token-0123456789", "review", "show", third, "--json"))
        self.assertEqual((decided["decision"], decided["decidedBy"]), ("DECISION_SEPARATE", "op2"))
        # Two operators at once: the form drawn while the item was open; op1 decides first (the CLI).
        d.get(f"{self.f.url}/review")
        fourth = self.review_item_ids()[0]
        d.find_element(By.LINK_TEXT, fourth).click()
        self.text_appears(f"Review item {fourth}")
        self.f.cli("op-token-0123456789", "review", "merge", fourth)
        d.find_element(By.ID, "decision-2").click()
        d.find_element(By.ID, "save-decision").click()
        self.text_appears("Someone else decided this item while you had it open")
        self.assertIn("Decided: merged by op1", d.find_element(By.ID, "decided").text)
        self.assertEqual(d.find_elements(By.ID, "save-decision"), [])  # their decision stands
        self.assert_accessible("review item decided by someone else meanwhile")
        # The session ends before a choice is sent: it comes back after signing in, unsent.
        d.get(f"{self.f.url}/review")
        fifth = self.review_item_ids()[0]
        d.find_element(By.LINK_TEXT, fifth).click()
        self.text_appears(f"Review item {fifth}")
        d.find_element(By.ID, "decision-2").click()
        self.sign_out_elsewhere()
        d.find_element(By.ID, "save-decision").click()
        self.sign_in_again_keeping("sign-in keeping a review decision", "op2")
        self.text_appears(f"Review item {fifth}")
        self.assertTrue(d.find_element(By.ID, "decision-2").is_selected())
        self.assertEqual(json.loads(self.f.cli("op-token-0123456789", "review", "show", fifth, "--json")).get(
            "decision", "DECISION_UNSPECIFIED"), "DECISION_UNSPECIFIED")  # nothing sent yet
        # Decisions are remembered: after a re-import and a reload, each says who decided what.
        self.f.cli("op-token-0123456789", "import", f"{self.f.dir}/generated")
        for item_id, words in ((queue[0], "Decided: merged by op2"), (second, "Decided: kept apart by op2"),
                               (third, "Decided: kept apart by op2"), (fourth, "Decided: merged by op1")):
            d.get(f"{self.f.url}/review/{item_id}")
            self.text_appears(words)
            self.assertEqual(d.find_elements(By.ID, "save-decision"), [])
        d.refresh()
        self.text_appears("Importing them again does not ask again")
        self.assert_accessible("decided review item")
        d.get(f"{self.f.url}/review")
        self.text_appears("Review queue")
        self.assertFalse({queue[0], second, third, fourth} & set(self.review_item_ids()))
        # The imports: the list, a report, its rejected records with the hostile text inert.
        d.find_element(By.ID, "imports").click()
        self.text_appears("Records read")
        self.assert_accessible("imports")
        d.find_element(By.LINK_TEXT, "imp-000001").click()
        self.text_appears("Import imp-000001")
        self.assertIn("complete", d.find_element(By.ID, "import-state").text)
        self.assertIn("file_ref is empty", d.find_element(By.ID, "rejected").find_element(By.XPATH, "..").text)
        self.assert_accessible("import report")
        d.find_element(By.ID, "rejected-records").click()
        self.text_appears("Rejected records of import imp-000001")
        rejected = d.find_element(By.ID, "rejections")
        self.assertIn("file_ref is empty", rejected.text)
        summary = rejected.find_element(By.TAG_NAME, "summary")
        self.assertIn("show all", summary.text)
        self.assert_accessible("rejected records, folded")
        summary.click()
        self.assertIn(normalised(REJECTED_TEXT.replace('"', '""')), normalised(rejected.text))  # the row as read
        self.assertEqual(rejected.find_elements(By.CSS_SELECTOR, "script, img, b"), [])
        self.assertNotEqual(d.title, "pwned")
        self.assert_accessible("rejected records, unfolded")
        audit = self.f.cli("audit-token-0123456789", "audit", "list", "--user", "op2", "--all", "--json")
        for kind in ("ListReviewItems", "GetReviewItem", "ResolveReviewItem", "ListImports", "GetImport",
                     "ListRejectedRecords"):
            self.assertIn(f'"{kind}"', audit)

    def test_open_a_case_in_the_browser_with_subjects_and_need_to_know(self):
        d = self.driver
        self.sign_in("cait1")
        d.find_element(By.ID, "open-a-case").click()
        self.text_appears("Open a case")
        self.assert_accessible("open a case")
        d.find_element(By.ID, "title").send_keys("Zara QUINN (browser)")
        d.find_element(By.ID, "refs").send_keys("22/11111/26, HPVP/2026/0001")
        d.find_element(By.ID, "subject-1-forename").send_keys("Zara")
        d.find_element(By.ID, "subject-1-surname").send_keys("QUINN")
        for field, value in (("day", "3"), ("month", "4"), ("year", "2015")):
            d.find_element(By.ID, f"subject-1-born-{field}").send_keys(value)
        d.find_element(By.ID, "subject-2-forename").send_keys("Ty")  # no surname: refused
        for field, value in (("month", "Nov"), ("year", "2009")):
            d.find_element(By.ID, f"subject-2-born-{field}").send_keys(value)
        d.find_element(By.ID, "team-0").click()
        d.find_element(By.ID, "open-case").click()
        self.text_appears("There is a problem")
        self.assert_accessible("open a case with errors")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, ".error-summary a").get_attribute("href").rsplit("#", 1)[1],
                         "subject-2-surname")
        self.assertEqual(d.find_element(By.ID, "subject-2-born-month").get_attribute("value"), "Nov")
        self.assertTrue(d.find_element(By.ID, "team-0").is_selected())
        d.find_element(By.ID, "subject-2-surname").send_keys("QUINN")
        form = d.find_element(By.CSS_SELECTOR, "form[action='/cases']")
        fields = {e.get_attribute("name"): e.get_attribute("value")
                  for e in form.find_elements(By.CSS_SELECTOR, "input") if e.get_attribute("type") != "checkbox"
                  or e.is_selected()}
        # A double submit opens one case.
        first, second = self.post_form("/cases", fields), self.post_form("/cases", fields)
        opened = [re.search(r"Case (CF-\d+) is open", answer).group(1) for status, answer in (first, second)]
        self.assertEqual(opened[0], opened[1])
        case = json.loads(self.f.cli("cait-token-0123456789", "case", "get", opened[0], "--json"))
        self.assertEqual(case["title"], "Zara QUINN (browser)")
        self.assertEqual(case["legacyRefs"], ["22/11111/26", "HPVP/2026/0001"])
        self.assertEqual([(s["displayName"], s["dateOfBirth"]["precision"]) for s in case["subjects"]],
                         [("Zara QUINN (2015-04-03)", "PRECISION_DAY"), ("Ty QUINN (2009-11)", "PRECISION_MONTH")])
        self.assertEqual(case["restriction"]["teams"], ["cait"])
        self.assertEqual((case["owner"], case["team"]), ("cait1", "cait"))
        # Home: the case just opened is the first of "My cases" (most recently written first).
        d.get(self.f.url + "/")
        self.text_appears("My cases")
        self.assert_accessible("home")
        mine = d.find_elements(By.CSS_SELECTOR, "#my-cases tbody tr td:first-child a")
        self.assertEqual(mine[0].text, opened[0])
        self.assertIn(opened[0], [a.text for a in d.find_elements(By.CSS_SELECTOR, "#team-cases tbody a")])
        # Its page shows who it is with and lets the team's investigator assign it.
        mine[0].click()
        self.text_appears("Why are you looking")
        d.find_element(By.ID, "purpose").send_keys("assigning the case")
        d.find_element(By.ID, "show").click()
        self.text_appears("Chronology")
        self.assertIn("With owner cait1 · team cait", self.body_text())
        d.find_element(By.CSS_SELECTOR, "details.assign summary").click()
        self.assert_accessible("case page with the assign form open")
        owner = d.find_element(By.ID, "assign-owner")
        owner.clear()
        owner.send_keys("cait9")
        d.find_element(By.ID, "assign").click()  # no reason: refused, what was typed kept
        self.text_appears("There is a problem")
        self.assert_accessible("assign refused")
        self.assertEqual(d.find_element(By.ID, "assign-owner").get_attribute("value"), "cait9")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, ".error-summary a").get_attribute("href").rsplit("#", 1)[1],
                         "assign-reason")
        d.find_element(By.ID, "assign-reason").send_keys("cait9 takes the strategy discussion")
        d.find_element(By.ID, "assign").click()
        self.text_appears(f"Case {opened[0]} is assigned")
        self.assert_accessible("assigned")
        case = json.loads(self.f.cli("cait-token-0123456789", "case", "get", opened[0], "--json"))
        self.assertEqual((case["owner"], case["team"], case["version"]), ("cait9", "cait", "1"))
        shown = self.f.cli("cait-token-0123456789", "show", opened[0], "--purpose", "test: assignment", "--json")
        last = [e for line in shown.splitlines() for e in json.loads(line).get("entries", [])][-1]
        self.assertEqual((last["kind"], last["author"], last["correctionReason"]),
                         ("ENTRY_KIND_ASSIGNMENT", "cait1", "cait9 takes the strategy discussion"))
        d.get(self.f.url + "/")
        self.text_appears("My cases")
        self.assertNotIn(opened[0], [a.text for a in d.find_elements(By.CSS_SELECTOR, "#my-cases tbody a")])

    def test_largest_generated_case_prints_to_pdf_with_every_entry(self):
        case_id = self.f.largest_case()
        entries = self.f.case_file(case_id)
        self.assertGreaterEqual(len(entries), 30)  # the generator's largest cases hold 40 or so
        self.sign_in("edt1")
        self.open_case(case_id, "strategy meeting: the whole file on paper")
        self.text_appears("Chronology")
        pdf = os.path.join(self.f.dir, "largest.pdf")
        with open(pdf, "wb") as out:
            out.write(base64.b64decode(self.driver.print_page()))
        text = normalised(subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                                         check=True).stdout)
        pages = int(re.search(r"Page 1 of (\d+)", text).group(1))
        self.assertGreater(pages, 1)
        self.assertIn(f"Page {pages} of {pages}", text)
        for e in entries:
            number = int(e["name"].rsplit("/", 1)[1])
            self.assertIn(f"#{number} ", text)
            self.assertIn(" ".join(normalised(e["text"]).split()[:5]), text, e["name"])
        # The marking at the top and the foot of every page, and in the case's header.
        self.assertEqual(text.count("OFFICIAL-SENSITIVE"), 2 * pages + 1)

    def test_find_by_date_of_birth_and_by_legacy_reference(self):
        self.sign_in("edt1")
        # A slip in the forename, narrowed by the date of birth.
        # A whole date of birth alone finds everyone born that day.
        for query in ("Amelai 18/08/2008", "Amelia PREECE 18/08/2008", "18/08/2008", "HPVP/2011/8859", self.f.amelia):
            self.driver.get(f"{self.f.url}/search?q={urllib.parse.quote(query)}")
            self.text_appears("Found for")
            links = self.driver.find_elements(By.CSS_SELECTOR, f"a[href='/cases/{self.f.amelia}']")
            self.assertEqual(len(links), 1, query)
        # A date of birth no one has: nothing found, nothing else shown.
        self.driver.get(f"{self.f.url}/search?q=01/01/1901")
        self.text_appears("Nothing found")

    def test_find_a_live_subject_by_slips_nicknames_sound_and_dates(self):
        self.sign_in("edt1")
        for query in ("Wiliam Northcott", "Bill Northcott", "william northcot", "William NORTHCUT", "14/03/2011",
                      "Northcott Mar 2011", "bill northcot 14/03/2011"):
            self.assertEqual(self.links_found(query, self.f.live), 1, query)
        # The month of birth disagrees: not this child.
        self.assertEqual(self.links_found("Northcott Apr 2011", self.f.live), 0)
        # A live case restricted to cait: found by its team, by nobody else.
        for query in ("Tobias Quenell", "Tobias QUENNELL 09/10/2012", "09/10/2012"):
            self.assertEqual(self.links_found(query, self.f.live_restricted), 0, query)
        self.driver.delete_all_cookies()
        self.sign_in("cait1")
        for query in ("Tobias Quenell", "Tobias QUENNELL 09/10/2012", "09/10/2012"):
            self.assertEqual(self.links_found(query, self.f.live_restricted), 1, query)

    def links_found(self, query, case_id):
        """How many links to case_id the search for query shows."""
        self.driver.get(f"{self.f.url}/search?q={urllib.parse.quote(query)}")
        self.text_appears("Found for")
        return len(self.driver.find_elements(By.CSS_SELECTOR, f"a[href='/cases/{case_id}']"))

    def test_script_in_imported_text_is_shown_as_text_and_never_runs(self):
        self.sign_in("edt1")
        self.open_case(self.f.script_case, "checking an imported record")
        self.text_appears("Chronology")
        self.assertIn(normalised(SCRIPT_TEXT), normalised(self.driver.find_element(By.TAG_NAME, "body").text))
        self.assertNotEqual(self.driver.title, "pwned")
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "article script, article img, article b"), [])
        self.assertEqual([m for m in self.driver.get_log("browser") if "alert" in m.get("message", "")], [])

    def test_restricted_case_is_not_found_for_another_team_by_any_url(self):
        # The cait team sees it.
        self.sign_in("cait1")
        self.open_case(self.f.davies, "strategy meeting")
        self.text_appears("Chronology")
        self.driver.delete_all_cookies()
        # Another team: every URL is a plain not found, and search finds nothing.
        self.sign_in("east1")
        self.driver.get(f"{self.f.url}/cases/{self.f.davies}")
        self.text_appears("Not found")
        self.driver.get(f"{self.f.url}/search?q=HPVP/2013/6561")
        self.text_appears("Nothing found")
        self.driver.get(f"{self.f.url}/search?q={self.f.davies}")
        self.text_appears("Nothing found")
        # A forged POST with a valid CSRF token of this session: not found either.
        csrf = self.driver.find_element(By.CSS_SELECTOR, "input[name=csrf]").get_attribute("value")
        session = self.driver.get_cookie("cf_session")["value"]
        request = urllib.request.Request(
            f"{self.f.url}/cases/{self.f.davies}", method="POST",
            data=urllib.parse.urlencode({"csrf": csrf, "purpose": "curious"}).encode(),
            headers={"Cookie": f"cf_session={session}", "Content-Type": "application/x-www-form-urlencoded"})
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, context=context)
        self.assertEqual(refused.exception.code, 404)
        self.assertNotIn(b"Chronology", refused.exception.read())

    def fetch(self, path, session):
        """GET `path` with the session cookie: (status, headers, body)."""
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        request = urllib.request.Request(self.f.url + path, headers={"Cookie": f"cf_session={session}"})
        try:
            with urllib.request.urlopen(request, context=context) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as refused:
            return refused.code, refused.headers, refused.read()

    def attach(self, path):
        self.driver.find_element(By.ID, "file").send_keys(path)
        self.driver.find_element(By.ID, "attach").click()

    def test_documents_attach_list_view_download_and_refuse_active_content(self):
        d = self.driver
        d.set_script_timeout(60)
        case_id = self.f.live_restricted  # kept to team cait
        self.f.cli("cait-token-0123456789", "log", case_id, "--text", "School nurse's referral received")
        files = tempfile.mkdtemp(dir=self.f.dir)
        html_as_pdf, svg, png = f"{files}/referral.pdf", f"{files}/body-map.svg", f"{files}/bruise.png"
        with open(html_as_pdf, "w") as f:
            f.write("<!DOCTYPE html><html><body><script>alert(document.cookie)</script>Referral</body></html>\n")
        with open(svg, "w") as f:
            f.write('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>\n')
        import struct
        import zlib

        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        png_bytes = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + b"\xc0\x30\x30" * 8 for _ in range(8))))
                     + chunk(b"IEND", b""))
        with open(png, "wb") as f:
            f.write(png_bytes)

        self.sign_in("cait1")
        self.open_case(case_id, "adding the referral")
        self.text_appears("Chronology")
        d.find_element(By.CSS_SELECTOR, "a[aria-label='Attach a document to entry 1']").click()
        self.text_appears("Attach a document to entry #1")
        self.assert_accessible("attach form")
        # An HTML file named .pdf, and an SVG with a script: refused, naming what they are.
        self.attach(html_as_pdf)
        self.text_appears("HTML is not a document type casefile keeps")
        self.assertIn("There is a problem", self.body_text())
        self.assert_accessible("attach refused")
        self.attach(svg)
        self.text_appears("SVG is not a document type casefile keeps")
        # A PNG is kept.
        self.attach(png)
        self.text_appears("Document attached")
        self.assert_accessible("document attached")
        self.assertIn("bruise.png", self.body_text())
        # Listed under its entry, with type, size and SHA-256.
        self.open_case(case_id, "reading the referral")
        self.text_appears("1 document:")
        import hashlib
        listed = normalised(d.find_element(By.CSS_SELECTOR, "#entry-1 .documents").text)
        self.assertIn(f"bruise.png · PNG · {len(png_bytes)} bytes", listed)
        self.assertIn(hashlib.sha256(png_bytes).hexdigest(), listed)
        # The whole file with its documents: the image itself after the chronology, and on paper.
        d.find_element(By.ID, "view-whole-documents").click()
        self.text_appears("The 1 document of the entries above")
        appended = d.find_element(By.CSS_SELECTOR, "#documents #document-1-1")
        self.assertIn("Entry #1 · bruise.png", appended.text)
        self.assertIn(hashlib.sha256(png_bytes).hexdigest(), appended.text)
        image = appended.find_element(By.CSS_SELECTOR, "img.document-image")
        self.assertEqual(image.get_attribute("src"), "data:image/png;base64," + base64.b64encode(png_bytes).decode())
        self.assertEqual(d.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image), 8)
        self.assert_accessible("case file with its documents")
        printed = os.path.join(files, "with-documents.pdf")
        with open(printed, "wb") as out:
            out.write(base64.b64decode(d.print_page()))
        paper = normalised(subprocess.run(["pdftotext", "-layout", printed, "-"], capture_output=True, text=True,
                                          check=True).stdout)
        self.assertIn("Entry #1 · bruise.png", paper)
        self.assertIn(hashlib.sha256(png_bytes).hexdigest(), paper.replace(" ", ""))
        self.open_case(case_id, "reading the referral")
        self.text_appears("1 document:")
        # Its page shows it in a sandboxed frame, with a download link.
        d.find_element(By.LINK_TEXT, "bruise.png").click()
        self.text_appears("SHA-256")
        frame = d.find_element(By.ID, "document-frame")
        self.assertEqual(frame.get_attribute("sandbox"), "")
        self.assert_accessible("document page")
        download = d.find_element(By.ID, "download").get_attribute("href")
        path = download[len(self.f.url):]
        session = d.get_cookie("cf_session")["value"]
        status, headers, body = self.fetch(path, session)
        self.assertEqual(status, 200)
        self.assertEqual(body, png_bytes)
        self.assertTrue(headers["Content-Disposition"].startswith('attachment; filename="bruise.png"'))
        self.assertEqual(headers["X-Content-Type-Options"], "nosniff")
        self.assertIn("sandbox", headers["Content-Security-Policy"])
        self.assertIn("default-src 'none'", headers["Content-Security-Policy"])
        inline = frame.get_attribute("src")[len(self.f.url):]
        status, headers, body = self.fetch(inline, session)
        self.assertEqual((status, body), (200, png_bytes))
        self.assertTrue(headers["Content-Disposition"].startswith("inline"))
        self.assertIn("sandbox", headers["Content-Security-Policy"])
        # Another team's user gets a plain not found from every URL of it.
        d.delete_all_cookies()
        self.sign_in("east1")
        other = d.get_cookie("cf_session")["value"]
        for url in (path, inline, path.split("/download")[0] + "?purpose=curious"):
            status, _, body = self.fetch(url, other)
            self.assertEqual(status, 404, url)
            self.assertNotIn(png_bytes, body)
        d.get(self.f.url + path.split("/download")[0])
        self.text_appears("Why are you opening this document")
        self.assert_accessible("document purpose form")

    def test_headers_forbid_script_caching_and_framing(self):
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with urllib.request.urlopen(self.f.url + "/signin", context=context) as r:
            self.assertEqual(r.headers["Cache-Control"], "no-store")
            self.assertIn("default-src 'none'", r.headers["Content-Security-Policy"])
            self.assertIn("frame-ancestors 'none'", r.headers["Content-Security-Policy"])
            cookie = r.headers["Set-Cookie"]
            for part in ("Secure", "HttpOnly", "SameSite=Strict"):
                self.assertIn(part, cookie)
        # A POST without the form's token is refused.
        request = urllib.request.Request(self.f.url + "/signin", method="POST",
                                         data=b"user=edt1&password=x", headers={"Content-Type": "application/x-www-form-urlencoded"})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, context=context)
        self.assertEqual(refused.exception.code, 403)

    def test_wrong_password_stays_on_sign_in_with_casefileds_words(self):
        self.driver.get(self.f.url + "/signin")
        self.driver.find_element(By.ID, "user").send_keys("edt1")
        self.driver.find_element(By.ID, "password").send_keys("not the password")
        self.driver.find_element(By.ID, "signin").click()
        self.text_appears("wrong user name or password")
        self.assertIsNone(self.driver.get_cookie("cf_session"))
        self.driver.get(self.f.url + "/")
        self.text_appears("Sign in to casefile")


if __name__ == "__main__":
    unittest.main(verbosity=2)
