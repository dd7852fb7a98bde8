"""Uploads and downloads: check (as termbase check --json), extract, import, export; safe parsing and
the upload limit."""

import json
from pathlib import Path

from click.testing import CliRunner

from termbase.cli import main

from ..conftest import make_client

DATA = Path(__file__).resolve().parents[2] / "data" / "check"

ENTITIES = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body><tu><tuv xml:lang="en"><seg>&lol2;</seg></tuv>
<tuv xml:lang="ru"><seg>&lol2;</seg></tuv></tu></body></tmx>
"""


def test_check_of_an_uploaded_po_is_the_json_of_termbase_check(client, auth, termbase):
    po = (DATA / "apk.ru.po").read_bytes()
    r = client.post("/api/check", files={"file": ("apk.ru.po", po, "text/x-po")}, headers=auth["reader"])
    assert r.status_code == 200
    cli = CliRunner().invoke(main, ["--db", str(termbase[0]), "check", str(DATA / "apk.ru.po"), "--json"])
    expected = json.loads(cli.output)
    for finding in expected["findings"]:
        finding["file"] = "apk.ru.po"
    assert r.json() == expected
    assert {f["kind"] for f in r.json()["findings"]} >= {"missing-term", "deprecated-term"}


def test_an_upload_name_is_never_a_path(client, auth):
    po = (DATA / "apk.ru.po").read_bytes()
    r = client.post("/api/check", files={"file": ("../../etc/x.po", po, "text/x-po")}, headers=auth["reader"])
    assert r.status_code == 200 and {f["file"] for f in r.json()["findings"]} == {"x.po"}


def test_an_unreadable_upload_is_422_naming_it(client, auth):
    r = client.post("/api/check", files={"file": ("broken.xlf", (DATA / "broken.xlf").read_bytes())},
                    headers=auth["reader"])
    assert r.status_code == 422 and r.json()["error"]["code"] == "unreadable_file"
    assert r.json()["error"]["message"].startswith("broken.xlf")


def test_xml_with_entities_is_refused(client, auth):
    r = client.post("/api/check", files={"file": ("bomb.tmx", ENTITIES)}, headers=auth["reader"])
    assert r.status_code == 422
    assert r.json()["error"] == {"code": "unreadable_file",
                                 "message": "bomb.tmx: XML declares entities (<!ENTITY>); refused for safety"}
    r = client.post("/api/import", files={"file": ("bomb.tmx", ENTITIES)}, headers=auth["admin"])
    assert r.status_code == 422 and "refused for safety" in r.json()["error"]["message"]


def test_an_oversized_upload_is_413_and_nothing_is_stored(termbase, auth):
    with make_client(termbase[0], max_upload=1000) as client:
        big = b"en\tru\n" + b"Senate\t\xd0\xa1\xd0\xb5\xd0\xbd\xd0\xb0\xd1\x82\n" * 200
        r = client.post("/api/import", files={"file": ("big.tsv", big)}, headers=auth["admin"])
        assert r.status_code == 413
        assert r.json() == {"error": {"code": "too_large",
                                      "message": "the request body is larger than this server's limit of 1000 bytes"}}
        assert client.get("/api/memories", headers=auth["reader"]).json() == []

        def chunks():  # no Content-Length: refused once the body passes the limit
            for _ in range(10):
                yield b"x" * 500

        r = client.post("/api/check", content=chunks(), headers={**auth["reader"], "Content-Type": "multipart/form-data; boundary=b"})
        assert r.status_code == 413


def test_import_needs_an_admin_and_records_the_user(client, auth):
    tbx = b"""<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="senate"><langSec xml:lang="en"><termSec><term>Senate</term></termSec></langSec></conceptEntry>
</body></text></tbx>"""
    files = {"file": ("s.tbx", tbx)}
    assert client.post("/api/import", files=files, headers=auth["terminologist"]).status_code == 403
    r = client.post("/api/import", files=files, headers=auth["admin"])
    assert (r.status_code, r.json()) == (200, {"file": "s.tbx", "format": "tbx", "kind": "concepts", "added": 1,
                                               "skipped": 0, "replaced": 0, "unchanged": 0})
    history = client.get("/api/concepts/senate/history", headers=auth["reader"]).json()
    assert [(c["action"], c["actor"]) for c in history] == [("create", "admin")]
    r = client.post("/api/import", files=files, headers=auth["admin"])
    assert (r.status_code, r.json()["error"]["message"]) == (422, "s.tbx: concept 'senate' already exists; nothing imported")
    r = client.post("/api/import", files=files, data={"on_conflict": "skip"}, headers=auth["admin"])
    assert r.json()["skipped"] == 1


def test_memory_import_search_concordance_and_export(client, auth):
    tsv = "en\tru\nThe Senate met today.\tСенат собрался сегодня.\nThe Senate adopted the law.\tСенат принял закон.\n"
    r = client.post("/api/import", files={"file": ("news.tsv", tsv.encode())}, data={"tm": "news"}, headers=auth["admin"])
    assert r.json() == {"file": "news.tsv", "format": "tsv", "kind": "units", "added": 2, "skipped": 0, "memory": "news"}
    r = client.get("/api/memories/news/search", params={"q": "The Senate met yesterday."}, headers=auth["reader"])
    assert [(m["score"], m["targets"]) for m in r.json()["matches"]] == [(75, {"ru": "Сенат собрался сегодня."})]
    r = client.get("/api/memories/news/search", params={"q": "сената", "lang": "ru", "concordance": True},
                   headers=auth["reader"])
    assert len(r.json()["matches"]) == 2
    r = client.get("/api/export", params={"format": "tmx", "tm": "news"}, headers=auth["reader"])
    assert r.status_code == 200 and r.headers["x-termbase-count"] == "2"
    assert 'filename="news.tmx"' in r.headers["content-disposition"]
    assert "<seg>Сенат принял закон.</seg>" in r.text
    r = client.get("/api/export", params={"format": "csv"}, headers=auth["reader"])
    assert r.status_code == 200 and "Комитет национальной безопасности" in r.text
    r = client.get("/api/export", params={"format": "docx"}, headers=auth["reader"])
    assert r.status_code == 422 and r.json()["error"]["code"] == "unsupported_format"
    r = client.get("/api/memories/nope/search", params={"q": "x"}, headers=auth["reader"])
    assert r.status_code == 404


def test_extract_from_an_upload_adding_needs_a_translator(client, auth):
    text = "The Ministry of Energy of Kazakhstan met the National Security Committee. " * 3
    r = client.post("/api/extract", files={"file": ("n.txt", text.encode())}, data={"lang": "en"}, headers=auth["reader"])
    assert r.status_code == 200
    assert r.json()["files"] == ["n.txt"]
    found = {c["term"]: c for c in r.json()["candidates"]}
    assert found["National Security Committee"]["concept_id"] == "knb"
    assert found["Ministry of Energy of Kazakhstan"]["concept_id"] is None
    r = client.post("/api/extract", files={"file": ("n.txt", text.encode())}, data={"lang": "en", "add": "true"},
                    headers=auth["translator"])
    assert r.status_code == 200
    added = client.get("/api/concepts", params={"status": "proposed", "query": "energy"}, headers=auth["reader"]).json()
    assert [c["concept_id"] for c in added["concepts"]] == ["ministry-of-energy-of-kazakhstan"]
    history = client.get("/api/concepts/ministry-of-energy-of-kazakhstan/history", headers=auth["reader"]).json()
    assert history[0]["actor"] == "translator"
    r = client.post("/api/extract", files={"file": ("n.txt", text.encode())}, data={"add": "true"}, headers=auth["reader"])
    assert r.status_code == 403


def test_extract_adds_only_the_picked_candidates(client, auth):
    text = "The Ministry of Energy met the Supreme Audit Chamber. The Supreme Audit Chamber and the Ministry of Energy agreed."
    r = client.post("/api/extract", files={"file": ("n.txt", text.encode())},
                    data={"lang": "en", "add": "true", "pick": ["Supreme Audit Chamber", "Senate"]},
                    headers=auth["translator"])
    assert r.status_code == 200 and r.json()["added"] == ["supreme-audit-chamber"]
    assert client.get("/api/concepts/ministry-of-energy", headers=auth["reader"]).status_code == 404
