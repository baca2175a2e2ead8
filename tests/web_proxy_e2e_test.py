#!/usr/bin/python3
"""casefile-web behind nginx (scripts/web-proxy), as the quickstart and
BUILD.md "Deployment" run it: the real casefiled, casefile-web --behind_proxy
and nginx, started here in a temporary folder. Checks that idle and slow
clients cannot keep others out, TLS with HTTP/2 and HSTS, and that the
browser's address casefiled records is the one nginx saw, whatever the
browser claims; and that a document limit other than 50 MB
(--document_max_mb of all three) is the one the attach form states and the
one that holds.

Usage: web_proxy_e2e_test.py CASEFILED CASEFILE_CLI CASEFILE_WEB SOURCE_DIR
"""
import http.cookiejar
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

CASEFILED, CLI, WEB, SOURCE = sys.argv[1:5]
del sys.argv[1:5]
sys.path.insert(0, os.path.join(SOURCE, "tests", "support"))
from web_servers import WebStack  # noqa: E402

PASSWORD = "correct horse battery staple"
# Generous: an answer either comes at once or, without the proxy, only after
# casefile-web's threads time out the idle connections one by one (minutes).
ANSWER_WITHIN_S = 60


class ProxyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = d = tempfile.mkdtemp(prefix="casefile-proxy-test-")
        cls.logs = []
        hashed = subprocess.run([CLI, "admin", "hash-password"], input=PASSWORD + "\n", capture_output=True,
                                text=True, check=True).stdout.strip()
        cls.write_private("users", f"edt1 {hashed} out_of_hours EDT Officer One\n"
                                   f"inv1 {hashed} investigator Investigator One\n")
        cls.write_private("tokens", "aud-token-0123456789 aud1 auditor Auditor One\n"
                                    "inv-token-0123456789 inv2 investigator Investigator Two\n"
                                    "web-token-0123456789 casefile-web operator casefile-web\n")
        cls.write_private("web-token", "web-token-0123456789\n")
        cls.stack = WebStack(CASEFILED, WEB, SOURCE, d, cls.log, document_max_mb=2)
        cls.server, cls.proxy = cls.stack.server, cls.stack.proxy
        cls.tls = ssl.create_default_context(cafile=f"{d}/web.pem")

    @classmethod
    def tearDownClass(cls):
        cls.stack.close()
        for f in cls.logs:
            f.close()
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def log(cls, name):
        f = open(f"{cls.dir}/{name}", "w")
        cls.logs.append(f)
        return f

    @classmethod
    def write_private(cls, name, text):
        with open(os.open(f"{cls.dir}/{name}", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(text)

    def opener(self):
        return urllib.request.build_opener(urllib.request.HTTPSHandler(context=self.tls),
                                           urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def test_sign_in_page_answers_while_a_thousand_idle_connections_are_open(self):
        # 1,000 connections that never send a TLS hello (casefile-web alone
        # answered nothing for 30 s with 64 of them), and 20 that send half a
        # request's headers and stop. Each holds a descriptor here and one in
        # nginx: the limits (ulimit -n, worker_connections 4096 of each of two
        # workers) are checked first, so that a machine that cannot open
        # them fails saying so rather than timing out.
        import resource
        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
        self.assertGreaterEqual(soft, 1100, "ulimit -n is too low to hold 1,000 connections")
        idle = [socket.create_connection(("127.0.0.1", self.proxy.port)) for _ in range(1000)]
        slow = []
        for _ in range(20):
            s = self.tls.wrap_socket(socket.create_connection(("127.0.0.1", self.proxy.port)),
                                     server_hostname="127.0.0.1")
            s.sendall(b"GET /signin HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            slow.append(s)
        try:
            started = time.monotonic()
            with self.opener().open(self.proxy.url + "/signin", timeout=ANSWER_WITHIN_S) as r:
                self.assertEqual(r.status, 200)
                self.assertIn("Sign in", r.read().decode())
            # Reported, not asserted (a loaded machine must not fail the
            # test); bench/README.md quotes it against issue 19's 1 s.
            print(f"sign-in page with 1,000 idle and 20 slow connections open: {time.monotonic() - started:.3f} s",
                  file=sys.stderr)
        finally:
            for s in idle + slow:
                s.close()

    def test_tls_offers_http2_and_every_answer_carries_hsts(self):
        context = ssl.create_default_context(cafile=f"{self.dir}/web.pem")
        context.set_alpn_protocols(["h2", "http/1.1"])
        with context.wrap_socket(socket.create_connection(("127.0.0.1", self.proxy.port)),
                                 server_hostname="127.0.0.1") as s:
            self.assertEqual(s.selected_alpn_protocol(), "h2")
        for path in ("/signin", "/no-such-page"):
            request = urllib.request.Request(self.proxy.url + path)
            try:
                r = self.opener().open(request, timeout=ANSWER_WITHIN_S)
            except urllib.error.HTTPError as e:
                r = e
            with r:
                self.assertEqual(r.headers["Strict-Transport-Security"], "max-age=63072000", path)
                self.assertEqual(r.headers["Server"], "nginx", path)  # no version given away
                self.assertEqual(r.headers["X-Content-Type-Options"], "nosniff", path)  # casefile-web's own

    def test_sign_in_records_the_address_nginx_saw_not_the_one_the_browser_claims(self):
        opener = self.opener()
        with opener.open(self.proxy.url + "/signin", timeout=ANSWER_WITHIN_S) as r:
            csrf = re.search(r'name="csrf" value="([^"]+)"', r.read().decode()).group(1)
        form = urllib.parse.urlencode({"csrf": csrf, "user": "edt1", "password": PASSWORD}).encode()
        request = urllib.request.Request(self.proxy.url + "/signin", data=form,
                                         headers={"X-Forwarded-For": "203.0.113.9"})
        with opener.open(request, timeout=ANSWER_WITHIN_S) as r:
            self.assertIn("Find a child or a case", r.read().decode())
        env = dict(os.environ, CASEFILE_SERVER=self.server, CASEFILE_TOKEN="aud-token-0123456789")
        env.pop("CASEFILE_CA", None)
        audit = subprocess.run([CLI, "audit", "list", "--kind", "SignIn", "--user", "edt1"], env=env,
                               capture_output=True, text=True, check=True).stdout
        self.assertRegex(audit, r"SignIn\s+OK\s+edt1 \(out_of_hours\)\s+127\.0\.0\.1 via ipv4:127\.0\.0\.1:\d+")
        self.assertNotIn("203.0.113.9", audit)

    def test_the_attach_form_states_the_document_limit_that_holds(self):
        env = dict(os.environ, CASEFILE_SERVER=self.server, CASEFILE_TOKEN="inv-token-0123456789")
        env.pop("CASEFILE_CA", None)
        subprocess.run([CLI, "case", "create", "--title", "Limit test", "--id", "CF-L1"], env=env, check=True,
                       capture_output=True)
        subprocess.run([CLI, "log", "CF-L1", "--text", "Referral received"], env=env, check=True, capture_output=True)
        opener = self.opener()
        with opener.open(self.proxy.url + "/signin", timeout=ANSWER_WITHIN_S) as r:
            csrf = re.search(r'name="csrf" value="([^"]+)"', r.read().decode()).group(1)
        form = urllib.parse.urlencode({"csrf": csrf, "user": "inv1", "password": PASSWORD}).encode()
        opener.open(urllib.request.Request(self.proxy.url + "/signin", data=form), timeout=ANSWER_WITHIN_S).close()
        with opener.open(self.proxy.url + "/cases/CF-L1/entries/1/attach", timeout=ANSWER_WITHIN_S) as r:
            page = r.read().decode()
        self.assertIn("plain text file, up to 2.1 MB (2,097,152 bytes).", page)
        # 2.5 MiB passes nginx and casefile-web (the limit and the form around
        # it) and is refused by casefiled at its limit, in the same words.
        fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
        boundary = "casefile-limit-test"
        body = b"".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            for name, value in fields.items())
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
                 f"Content-Type: text/plain\r\n\r\n").encode() + b"a" * (5 << 19) + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(self.proxy.url + "/cases/CF-L1/entries/1/attach", data=body,
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            opener.open(request, timeout=ANSWER_WITHIN_S)
        self.assertEqual(refused.exception.code, 400)
        self.assertIn("Larger than the limit of 2097152 bytes; nothing was stored", refused.exception.read().decode())
        with open(f"{self.dir}/proxy/nginx.conf") as f:
            self.assertIn("client_max_body_size 3m;", f.read())


if __name__ == "__main__":
    unittest.main(verbosity=2)
