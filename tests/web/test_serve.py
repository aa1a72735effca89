"""`newsledger serve` as a user starts it: a real process on loopback, an ephemeral port."""
from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def _start(*args: str) -> tuple[subprocess.Popen, str]:
    exe = Path(sys.executable).parent / "newsledger"
    proc = subprocess.Popen([str(exe), "serve", "--port", "0", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)", line or "")
        if m:
            return proc, f"http://127.0.0.1:{m.group(1)}"
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError("the server did not start")


def _status(url: str, **kw) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, **kw), timeout=20) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def test_serve_with_token(ledger_path):
    proc, base = _start("--db", str(ledger_path), "--token", "let-me-in")
    try:
        assert _status(f"{base}/") == 200
        assert _status(f"{base}/commitments.json") == 200
        assert _status(f"{base}/ingest", data=b"{}", method="POST") == 403
        assert _status(f"{base}/ingest", data=b"[]", method="POST",
                       headers={"Authorization": "Bearer let-me-in"}) == 400  # no records
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_read_only_without_token(ledger_path):
    proc, base = _start("--db", str(ledger_path))
    try:
        assert _status(f"{base}/ingest", data=b"{}", method="POST") == 404
    finally:
        proc.terminate()
        proc.wait(timeout=20)
