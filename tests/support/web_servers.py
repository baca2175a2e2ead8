"""Starting casefile-web's processes for the Python e2e tests: waiting for a
port file, a free loopback port, and nginx in front of casefile-web through
scripts/web-proxy (the deployment the quickstart uses)."""
import os
import socket
import subprocess


def wait_for_file(path, process):
    """The port a server wrote to `path` once serving. casefiled and
    casefile-web write their port file when ready; a process that ends first
    has failed (its log says why)."""
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


def free_port():
    """A loopback port nothing listens on now (nginx cannot pick its own)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebProxy:
    """nginx on a free loopback port with TLS, in front of casefile-web
    (--behind_proxy) at `upstream_port`."""

    def __init__(self, source_dir, directory, upstream_port, cert, key, more_args=()):
        self.script = f"{source_dir}/scripts/web-proxy"
        self.dir = directory
        self.port = free_port()
        subprocess.run([self.script, "start", "--dir", directory, "--listen", f"127.0.0.1:{self.port}",
                        "--upstream", f"127.0.0.1:{upstream_port}", "--cert", cert, "--key", key, *more_args],
                       check=True, capture_output=True)
        self.url = f"https://127.0.0.1:{self.port}"

    def close(self):
        subprocess.run([self.script, "stop", "--dir", self.dir], check=True, capture_output=True)


class WebStack:
    """casefiled, casefile-web (--behind_proxy) and nginx in `directory`, as
    deployed. The caller has written `users`, `tokens` and `web-token` there
    (casefile-web's own token, a user in casefiled's tokens file); a
    self-signed certificate for 127.0.0.1 is made as web.pem / web.key.
    `log(name)` opens a log file for a process's output; `document_max_mb`,
    when given, is the document limit of all three."""

    def __init__(self, casefiled, web, source_dir, directory, log, document_max_mb=None):
        limit = [f"--document_max_mb={document_max_mb}"] if document_max_mb else []
        d = directory
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", f"{d}/web.key",
                        "-out", f"{d}/web.pem"], check=True, capture_output=True)
        os.chmod(f"{d}/web.key", 0o600)
        self.cert = f"{d}/web.pem"
        self.casefiled = subprocess.Popen(
            [casefiled, f"--data_dir={d}/data", "--listen=127.0.0.1:0", f"--port_file={d}/port",
             f"--tokens_file={d}/tokens", f"--users={d}/users", "--trusted_frontend_users=casefile-web", *limit],
            stdout=log("casefiled.log"), stderr=subprocess.STDOUT)
        self.server = f"127.0.0.1:{wait_for_file(f'{d}/port', self.casefiled)}"
        self.web = subprocess.Popen(
            [web, "--listen=127.0.0.1:0", f"--port_file={d}/web-port", f"--casefiled={self.server}",
             "--behind_proxy", f"--service_token_file={d}/web-token", *limit],
            stdout=log("web.log"), stderr=subprocess.STDOUT)
        self.proxy = WebProxy(source_dir, f"{d}/proxy", wait_for_file(f"{d}/web-port", self.web), f"{d}/web.pem",
                              f"{d}/web.key", ["--document-max-mb", str(document_max_mb)] if document_max_mb else [])
        self.url = self.proxy.url

    def close(self):
        self.proxy.close()
        for p in (self.web, self.casefiled):
            p.terminate()
            p.wait()
