"""The web app in process (no browser): routes and their JSON twins, filters, errors, escaping,
ingest behind a token."""
from __future__ import annotations

import json

import pytest

from tests.web.conftest import DOTTED, HOSTILE


def test_home_page_and_twin(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert 'class="network"' in page.text and "Facets" in page.text
    data = client.get("/index.json").json()
    assert set(data["facets"]) == {"kind", "actor", "cameo_root", "month"}
    assert data["stats"]["articles"] == data["page"]["total"] >= 6
    assert client.get("/?format=json").json() == data


def test_article_ids_with_dots(client):
    aid = DOTTED["id"]
    page = client.get(f"/articles/{aid}")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert DOTTED["title"] in page.text
    twin = client.get(f"/articles/{aid}.json")
    assert twin.status_code == 200 and twin.json()["article"]["id"] == aid
    assert client.get(f"/articles/{aid}?format=json").json() == twin.json()
    assert client.get("/articles/APW19980807%2E0261.json").json()["article"]["id"] == aid
    # Not a prefix match: the id without its tail is another (missing) article.
    assert client.get("/articles/APW19980807.json").status_code == 404


def test_missing_things_are_404_in_both_forms(client):
    page = client.get("/articles/no-such-article")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert client.get("/articles/no-such-article.json").json()["status"] == 404
    assert client.get("/actors/no-such-actor.json").status_code == 404


def test_article_page_highlights_every_record(client, store):
    aid = DOTTED["id"]
    rec = client.get(f"/articles/{aid}.json").json()
    html = client.get(f"/articles/{aid}").text
    for kind, letter in (("statements", "s"), ("events", "e"), ("times", "t"), ("commitments", "c"),
                         ("actors", "a")):
        for i, _ in enumerate(rec[kind]):
            assert f'id="rec-{letter}{i}"' in html and f'id="w-{letter}{i}"' in html
    assert 'class="legend"' in html


def test_hostile_markup_is_text(client):
    r = client.get(f"/articles/{HOSTILE['id']}")
    assert r.status_code == 200
    body = r.text
    assert "<script>alert" not in body and "&lt;script&gt;alert" in body
    assert "<img src=x" not in body and "<svg onload" not in body
    assert 'href="javascript:' not in body.lower()
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    # The search snippet and the titles elsewhere are escaped too.
    s = client.get("/search", params={"q": "script"}).text
    assert "<script>alert" not in s
    assert "<script>alert" not in client.get("/").text


def _busiest_speaker(client) -> str:
    return client.get("/index.json").json()["facets"]["actor"][0]["value"]


def test_actor_page_sorts_records_by_role(client):
    aid = _busiest_speaker(client)
    data = client.get(f"/actors/{aid}.json").json()
    assert data["actor"]["id"] == aid and data["said"]
    assert all(s["speaker"] == aid for s in data["said"])
    assert all(aid in s["about"] and s["speaker"] != aid for s in data["said_about"])
    assert all(e["source"] == aid for e in data["events_as_source"])
    assert all(e["target"] == aid for e in data["events_as_target"])
    assert all(c["holder"] == aid for c in data["commitments_held"])
    assert all(c["counterparty"] == aid for c in data["commitments_owed"])
    html = client.get(f"/actors/{aid}").text
    assert 'class="strip"' in html and data["actor"]["name"] in html


def test_commitments_board_filters_and_order(client):
    rows = client.get("/commitments.json").json()["commitments"]
    assert rows, "the sample ledger has commitments"
    flags = [bool(c["overdue"]) for c in rows]
    assert flags == sorted(flags, reverse=True), "overdue first"
    status = rows[-1]["status"]
    only = client.get("/commitments.json", params={"status": status}).json()["commitments"]
    assert only and all(c["status"] == status for c in only)
    not_late = client.get("/commitments.json", params={"overdue": "false"}).json()["commitments"]
    assert all(not c["overdue"] for c in not_late)
    assert client.get("/commitments.json", params={"status": "bogus"}).status_code == 422
    assert client.get("/commitments.json", params={"due_before": "soon"}).status_code in (400, 422)
    html = client.get("/commitments").text
    assert "<details>" in html and "History" in html


def test_claims_contested(client):
    all_ = client.get("/claims.json").json()["claims"]
    contested = client.get("/claims.json", params={"contested": "true"}).json()["claims"]
    assert contested and len(contested) <= len(all_)
    assert all(c["deniers"] or c["disputers"] for c in contested)
    uncontested = client.get("/claims.json", params={"contested": "false"}).json()["claims"]
    assert not any(c["deniers"] or c["disputers"] for c in uncontested)


def test_timeline_filters(client):
    events = client.get("/timeline.json", params={"kind": "event", "limit": 500}).json()["items"]
    assert events and all(x["record"] == "event" for x in events)
    dates = [x["date"] for x in events if x["date"]]
    assert dates == sorted(dates, reverse=True)
    root = events[0]["code"][:2]
    coded = client.get("/timeline.json", params={"kind": "event", "code": root}).json()["items"]
    assert coded and all(x["code"].startswith(root) for x in coded)
    month = client.get("/timeline.json", params={"since": "1998-08", "until": "1998-08"}).json()["items"]
    assert month and all(x["date"].startswith("1998-08") for x in month)
    aid = _busiest_speaker(client)
    mine = client.get("/timeline.json", params={"actor": aid}).json()["items"]
    assert mine and all(aid in (x.get("speaker"), x.get("source"), x.get("target"), x.get("holder"),
                                x.get("counterparty")) for x in mine)
    assert client.get("/timeline.json", params={"actor": "nobody-at-all"}).json()["items"] == []
    assert client.get("/timeline", params={"since": "someday"}).status_code == 422
    assert client.get("/timeline", params={"since": "2025-13"}).status_code == 400


def test_search(client):
    hits = client.get("/search.json", params={"q": "aid"}).json()["hits"]
    assert any(h["article"] == DOTTED["id"] for h in hits)
    assert client.get("/search.json", params={"q": "zzzqqqxxy"}).json()["hits"] == []
    assert client.get("/search.json").json()["hits"] == []
    for odd in ('"unbalanced', "a OR", "-", "NEAR(", "*", "'; drop table articles; --"):
        assert client.get("/search.json", params={"q": odd}).status_code == 200
    assert "<mark>" in client.get("/search", params={"q": "aid"}).text


def test_pagination(client):
    first = client.get("/index.json", params={"limit": 2}).json()
    second = client.get("/index.json", params={"limit": 2, "offset": 2}).json()
    assert len(first["articles"]) == 2 and first["page"]["next"]
    assert {a["id"] for a in first["articles"]}.isdisjoint(a["id"] for a in second["articles"])
    assert client.get("/index.json", params={"limit": 0}).status_code == 422
    assert client.get("/index.json", params={"sort": "password"}).status_code == 422


def test_openapi_describes_pages_and_twins(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/", "/index.json", "/articles/{id}", "/articles/{id}.json", "/actors/{id}",
              "/commitments", "/commitments.json", "/claims.json", "/timeline.json", "/search.json"):
        assert p in paths, p
    assert "/ingest" not in paths  # read-only without a token


def test_network_svg(client):
    r = client.get("/network.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert r.text.startswith("<svg")


# ---- ingest -------------------------------------------------------------------------------------

def test_ingest_is_absent_without_a_token(client):
    assert client.post("/ingest", content=b"{}").status_code == 404


@pytest.fixture()
def ingest_client(tmp_path):
    from starlette.testclient import TestClient
    from newsledger.store import open_store
    from newsledger.web import create_app
    store = open_store(tmp_path / "empty.db")
    with TestClient(create_app(store, token="t0ken-for-tests")) as c:
        yield c
    store.close()


def test_ingest_needs_the_token(ingest_client):
    body = json.dumps(DOTTED)
    assert ingest_client.post("/ingest", content=body).status_code == 403
    assert ingest_client.post("/ingest", content=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert ingest_client.post("/ingest", content=body, headers={"Authorization": "Basic t0ken-for-tests"}).status_code == 403
    assert ingest_client.get("/articles/APW19980807.0261.json").status_code == 404


def test_ingest_records_and_articles(ingest_client, store):
    auth = {"Authorization": "Bearer t0ken-for-tests"}
    record = store.article(DOTTED["id"])  # a record as `extract` prints it: stored as is
    raw = {"id": "web-ingest-raw", "published": "2025-11-01",
           "text": "Germany pledged on Saturday to send more air defence systems to Ukraine."}
    body = json.dumps(record) + "\n" + json.dumps(raw) + "\n" + "not json\n"
    r = ingest_client.post("/ingest", content=body, headers=auth)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["added"] == 2 and out["skipped"] == 0 and len(out["errors"]) == 1
    again = ingest_client.post("/ingest", content=json.dumps([record]), headers=auth).json()
    assert again["added"] == 0 and again["skipped"] == 1
    got = ingest_client.get("/articles/web-ingest-raw.json").json()
    assert got["article"]["text"] == raw["text"]
    assert ingest_client.post("/ingest", content=b"", headers=auth).status_code == 400
    assert "/ingest" in ingest_client.get("/openapi.json").json()["paths"]


def test_ingest_refuses_a_record_an_extractor_failed_on(ingest_client, store):
    auth = {"Authorization": "Bearer t0ken-for-tests"}
    record = store.article(DOTTED["id"])
    broken = dict(record, article=dict(record["article"], id="web-ingest-broken"),
                  errors=["newsledger_events failed: RuntimeError: boom"])
    out = ingest_client.post("/ingest", content=json.dumps([broken, record]), headers=auth).json()
    assert out["added"] == 1 and out["articles"] == [DOTTED["id"]]
    assert len(out["errors"]) == 1 and out["errors"][0]["item"] == 1
    assert "web-ingest-broken" in out["errors"][0]["error"] and "boom" in out["errors"][0]["error"]
    assert ingest_client.get("/articles/web-ingest-broken.json").status_code == 404
    fixed = dict(broken)
    fixed.pop("errors")
    assert ingest_client.post("/ingest", content=json.dumps(fixed), headers=auth).json()["added"] == 1


@pytest.mark.parametrize("path", ["/actors", "/commitments", "/claims", "/timeline", "/search?q=aid",
                                  "/commitments?status=open", "/actors/kenya"])
def test_json_twin_equals_format_json(client, path):
    base, _, query = path.partition("?")
    twin = client.get(base + ".json" + (f"?{query}" if query else ""))
    fmt = client.get(path + ("&" if query else "?") + "format=json")
    assert twin.status_code == fmt.status_code == 200

    def data(r):  # the same data; the page links each keep their own form
        d = r.json()
        for k in ("next", "prev"):
            d.get("page", {}).pop(k, None)
        return d
    assert data(twin) == data(fmt)
    page = client.get(path)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert 'class="json-link"' in page.text


def test_api_explorer_is_served_from_the_package_not_a_cdn(client):
    page = client.get("/api")
    assert page.status_code == 200
    html = page.text
    assert "/api/assets/swagger-ui-bundle.js" in html and "/openapi.json" in html
    assert "http://" not in html and "https://" not in html      # works with no network
    assert "'self'" in page.headers["content-security-policy"]
    js = client.get("/api/assets/swagger-ui-bundle.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert "SwaggerUIBundle" in js.text[:2_000_000]
