"""A sample ledger for the web tests, built once per session from project files and articles we
write here, plus the reference article from ../shared when present; and a live server on
loopback for the browser tests."""
from __future__ import annotations

import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES, SHARED

SEED = SHARED / "corpus/seed/putin-understandings.jsonl"

# Written for these tests: markup that must show as text and run nothing.
HOSTILE = {
    "id": "hostile-markup",
    "title": "Minister <script>alert('title')</script> warns <img src=x onerror=alert('t2')>",
    "published": "2025-10-20",
    "url": "javascript:alert('url')",
    "text": ("Foreign Minister Anna Berg of Norway said on Monday that the talks with Sweden would resume "
             "<script>alert('xss')</script> next week.\n"
             "Berg warned that <img src=x onerror=\"alert('img')\"> Norway would impose sanctions on "
             "Sweden if the border stayed closed.\n"
             "Readers may <a href=\"javascript:alert('link')\" onclick=\"alert('click')\">click here</a> "
             "or <svg onload=alert('svg')></svg> see the statement, the ministry said."),
}
# An id with dots, as TimeBank's: its page and its JSON must not be confused.
DOTTED = {
    "id": "APW19980807.0261",
    "title": "UN pledges aid to Kenya",
    "published": "1998-08-07",
    "text": ("The United Nations said on Friday it would send emergency aid to Kenya within a week, "
             "after the bombing of the US embassy in Nairobi. Kenya's president Daniel arap Moi "
             "thanked the organisation."),
}


def _articles(paths: list[Path], extra: list[dict]):
    from newsledger.ingest.jsonl import read_jsonl_lines
    for p in paths:
        for a in read_jsonl_lines(p.read_text(encoding="utf-8").splitlines(), str(p)):
            if hasattr(a, "text"):
                yield a
    for obj in extra:
        yield from read_jsonl_lines([json.dumps(obj)], "tests/web")


@pytest.fixture(scope="session")
def has_seed() -> bool:
    return SEED.is_file()


@pytest.fixture(scope="session")
def ledger_path(tmp_path_factory, nlp) -> Path:
    """The ledger: the reference article (if ../shared is there), the follow-ups, the examples,
    and our hostile and dotted-id articles, ingested and linked as `newsledger ingest` does."""
    from newsledger import track
    from newsledger.extraction import extract_articles
    from newsledger.store import open_store
    path = tmp_path_factory.mktemp("web") / "ledger.db"
    paths = ([SEED] if SEED.is_file() else []) + [FIXTURES / "followups/followups.jsonl",
                                                  EXAMPLES / "articles.jsonl"]
    with open_store(path) as store:
        for ledger in extract_articles(_articles(paths, [HOSTILE, DOTTED]), nlp=nlp):
            record = ledger.to_dict()
            if store.add(record):
                track.link_article(store, record)
    return path


@pytest.fixture(scope="session")
def store(ledger_path):
    from newsledger.store import open_store
    s = open_store(ledger_path, must_exist=True)
    yield s
    s.close()


@pytest.fixture(scope="session")
def app(store):
    from newsledger.web import create_app
    return create_app(store)


@pytest.fixture(scope="session")
def client(app):
    from starlette.testclient import TestClient
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def live_server(store) -> str:
    """The app served by uvicorn on 127.0.0.1, an ephemeral port, in a thread."""
    import uvicorn
    from newsledger.web import create_app
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "the web server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the browser tests leave a screenshot of each page (git-ignored)."""
    out = Path(os.environ.get("NEWSLEDGER_SCREENSHOTS") or Path(__file__).resolve().parents[2] / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out
