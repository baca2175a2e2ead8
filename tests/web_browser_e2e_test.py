#!/usr/bin/python3
"""casefile-web in a real browser: headless Chromium (chromium-driver,
python3-selenium) against the real casefiled and casefile-web, started here in
a temporary folder. Waits are on page content, never on time.

Usage: web_browser_e2e_test.py CASEFILED CASEFILE_CLI CASEFILE_WEB GENERATE_LEGACY SOURCE_DIR
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
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

CASEFILED, CLI, WEB, GENERATOR, SOURCE = sys.argv[1:6]
del sys.argv[1:6]
PASSWORD = "correct horse battery staple"
SCRIPT_TEXT = "<script>document.title='pwned'</script><b>not bold</b> \"quoted\" & <img src=x onerror=alert(1)>"


def wait_for_file(path, process):
    # casefiled and casefile-web write their port file once serving; a
    # process that ends first has failed (its log says why).
    def port():
        if not os.path.exists(path):
            return ""
        with open(path) as f:
            return f.read().strip()
    while not port():
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} ended with {process.returncode}")
        try:
            process.wait(timeout=0.05)
        except subprocess.TimeoutExpired:
            pass
    return int(port())


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
        ]) + "\n")
        self.write_private("tokens", "\n".join([
            "op-token-0123456789 op1 operator Operator One",
            "cait-token-0123456789 cait9 investigator:cait DC Cait Nine",
            "audit-token-0123456789 aud1 auditor Auditor One",
            "web-token-0123456789 casefile-web operator casefile-web",
        ]) + "\n")
        self.write_private("web-token", "web-token-0123456789\n")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", f"{d}/web.key",
                        "-out", f"{d}/web.pem"], check=True, capture_output=True)
        os.chmod(f"{d}/web.key", 0o600)
        self.casefiled = subprocess.Popen(
            [CASEFILED, f"--data_dir={d}/data", "--listen=127.0.0.1:0", f"--port_file={d}/port",
             f"--tokens_file={d}/tokens", f"--users={d}/users", "--trusted_frontend_users=casefile-web"],
            stdout=self.log("casefiled.log"), stderr=subprocess.STDOUT)
        self.server = f"127.0.0.1:{wait_for_file(f'{d}/port', self.casefiled)}"
        self.web = subprocess.Popen(
            [WEB, "--listen=127.0.0.1:0", f"--port_file={d}/web-port", f"--casefiled={self.server}",
             f"--tls_cert={d}/web.pem", f"--tls_key={d}/web.key", f"--service_token_file={d}/web-token"],
            stdout=self.log("web.log"), stderr=subprocess.STDOUT)
        self.url = f"https://127.0.0.1:{wait_for_file(f'{d}/web-port', self.web)}"
        # The sample legacy folder, with one more paper file whose text holds script and markup.
        shutil.copytree(f"{SOURCE}/tests/data/legacy/sample", f"{d}/legacy")
        with open(f"{d}/legacy/paper/HPVP_2014_0001.csv", "w") as f:
            f.write("file_ref,page,doc_type,entry_date,author,subjects,text\n")
            f.write('HPVP/2014/0001,1,Case note,03/03/2014,PC 1 SMITH,Xavier SCRIPTON (01/02/2009),"'
                    + SCRIPT_TEXT.replace('"', '""') + '"\n')
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

    def case_file(self, case_id):
        """Every entry of the case as GetCaseFile sends it (JSON lines of the CLI)."""
        out = self.cli("op-token-0123456789", "show", case_id, "--purpose", "test: expected texts", "--json")
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
        for p in (self.web, self.casefiled):
            p.terminate()
            p.wait()
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
