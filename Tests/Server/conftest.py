"""Fixtures for the server tests: raw HTTP on loopback, and processes that
are always stopped."""
import http.client
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time

import pytest

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SPINESITE = os.path.join(REPOSITORY, ".build", "debug", "spinesite")


def request(port, path, method="GET", headers=None, address="127.0.0.1"):
    """One request with the path sent exactly as given (no normalising of
    '..' or percent-escapes, unlike urllib); returns (status, headers, body).
    A Host in `headers` replaces the one http.client would send."""
    connection = http.client.HTTPConnection(address, port, timeout=10)
    own_host = any(name.lower() == "host" for name in (headers or {}))
    connection.putrequest(method, path, skip_host=own_host, skip_accept_encoding=True)
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


class Preview:
    """`spinesite serve` on a copy of a fixture site (its `Content/` and the
    project's `Templates/`), on a free port. `arguments` replaces the default
    `--root FOLDER --drafts`; the server runs in the copy's folder."""

    def __init__(self, fixture, before_start=None, arguments=None):
        self.folder = tempfile.mkdtemp(prefix="spinesite-serve-")
        shutil.copytree(os.path.join(REPOSITORY, fixture, "Content"), os.path.join(self.folder, "Content"))
        shutil.copytree(os.path.join(REPOSITORY, "Templates"), os.path.join(self.folder, "Templates"))
        if before_start:
            before_start(self)
        self.process = subprocess.Popen(
            [SPINESITE, "serve", "--port", "0"] + (["--root", self.folder, "--drafts"] if arguments is None else arguments),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1, cwd=self.folder,
        )
        self.lines = []
        self.port = None
        self.wait_for_line(lambda line: line.startswith("Serving "))
        self.port = int(re.search(r" at http://\S+:(\d+)/ ", self.lines[-1]).group(1))
        self.wait_for_line(lambda line: line.startswith("Built "), start=0)

    def wait_for_line(self, matches, start=None, timeout=60):
        """Reads output until a line (from index `start`, default: new lines only) matches."""
        if start is not None and any(matches(line) for line in self.lines[start:]):
            return
        deadline = time.time() + timeout
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise AssertionError(f"spinesite serve stopped: {self.lines}")
            self.lines.append(line.rstrip("\n"))
            if matches(self.lines[-1]):
                return
        raise AssertionError(f"no matching line within {timeout}s: {self.lines}")

    def path(self, *parts):
        return os.path.join(self.folder, *parts)

    def built(self, *parts):
        """A file of the preview's own output folder (never Site/)."""
        return self.path(".spinesite-cache", "preview", *parts)

    def stop(self, sig=signal.SIGINT, timeout=15):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise
        return self.process.returncode

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def preview():
    server = Preview("Tests/Fixtures/basic")
    yield server
    server.close()
