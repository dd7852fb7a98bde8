"""Concepts over HTTP: the JSON of the command line's --json, ETags and 412, roles, history names."""

import json

from click.testing import CliRunner

from termbase.cli import main
from termbase.services import lookup


def cli_json(location, *args):
    result = CliRunner().invoke(main, ["--db", str(location), *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_lookup_is_the_json_of_termbase_lookup(client, auth, termbase):
    r = client.get("/api/lookup", params={"q": "Қазақстан халқы Ассамблеясының"}, headers=auth["reader"])
    assert r.status_code == 200
    assert r.json() == cli_json(termbase[0], "lookup", "Қазақстан халқы Ассамблеясының")
    assert r.json()["matches"][0]["concept_id"] == "apk"
    assert r.json()["matches"][0]["matched"] == {"lang": "kk", "text": "Қазақстан халқы Ассамблеясы", "how": "inflected"}


def test_lookup_in_one_language_and_an_empty_or_missing_query(client, auth):
    r = client.get("/api/lookup", params={"q": "КНБ", "lang": "ru"}, headers=auth["reader"])
    assert [m["concept_id"] for m in r.json()["matches"]] == ["knb"]
    r = client.get("/api/lookup", params={"q": " "}, headers=auth["reader"])
    assert (r.status_code, r.json()) == (422, {"error": {"code": "invalid", "message": "nothing to look up: the query is empty"}})
    r = client.get("/api/lookup", headers=auth["reader"])
    assert (r.status_code, r.json()) == (422, {"error": {"code": "invalid", "message": "query q: Field required"}})
    r = client.get("/api/lookup", params={"q": "KNB", "lang": "xx"}, headers=auth["reader"])
    assert r.status_code == 400 and r.json()["error"]["code"] == "unknown_language"


def test_get_is_show_json_with_the_version_and_an_etag(client, auth, termbase):
    r = client.get("/api/concepts/knb", headers=auth["reader"])
    assert r.status_code == 200 and r.headers["etag"] == '"1"'
    assert r.json() == cli_json(termbase[0], "show", "knb")
    assert r.json()["version"] == 1
    r = client.get("/api/concepts/nope", headers=auth["reader"])
    assert (r.status_code, r.json()["error"]["code"]) == (404, "not_found")
    assert "no concept 'nope'" in r.json()["error"]["message"]


def test_patch_with_the_etag_changes_and_gives_the_next_one_a_stale_one_is_412(client, auth):
    etag = client.get("/api/concepts/knb", headers=auth["reader"]).headers["etag"]
    r = client.patch("/api/concepts/knb", json={"note": "since 1992"}, headers={**auth["terminologist"], "If-Match": etag})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'
    assert r.json()["note"] == "since 1992" and r.json()["version"] == 2
    r = client.patch("/api/concepts/knb", json={"note": "lost?"}, headers={**auth["terminologist"], "If-Match": etag})
    assert r.status_code == 412 and r.headers["etag"] == '"2"'
    assert r.json() == {"error": {"code": "version_conflict", "current_version": 2, "message":
                        "concept 'knb' was changed meanwhile (version 2, not 1); read it again and redo the change"}}
    assert client.get("/api/concepts/knb", headers=auth["reader"]).json()["note"] == "since 1992"


def test_patch_terms_and_fields_and_bad_bodies(client, auth):
    h = auth["terminologist"]
    r = client.patch("/api/concepts/knb", json={"terms": {"kk": "ҰҚК | Ұлттық қауіпсіздік комитеті {admitted}"},
                                                "subject": None}, headers=h)
    assert r.status_code == 200
    assert [(t["text"], t["status"]) for t in r.json()["terms"]["kk"]] == [
        ("ҰҚК", "preferred"), ("Ұлттық қауіпсіздік комитеті", "admitted")]
    assert r.json()["subject"] is None
    r = client.patch("/api/concepts/knb", json={"colour": "red"}, headers=h)
    assert (r.status_code, r.json()["error"]["message"]) == (
        422, "unknown concept field 'colour'; fields: subject, definition, note, source, scope")
    r = client.patch("/api/concepts/knb", json={"note": 5}, headers=h)
    assert (r.status_code, r.json()["error"]["message"]) == (422, "note must be text or null")
    r = client.patch("/api/concepts/knb", json=["note"], headers=h)
    assert r.status_code == 422
    r = client.patch("/api/concepts/knb", content=b"{", headers={**h, "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_request"
    r = client.patch("/api/concepts/knb", json={"note": "x"}, headers={**h, "If-Match": "yesterday"})
    assert (r.status_code, r.json()["error"]["message"]) == (
        400, "If-Match must be a concept's ETag, like \"3\", not 'yesterday'")


def test_create_list_delete_and_the_history_names_the_token_user(client, auth, termbase):
    h = auth["terminologist"]
    r = client.post("/api/concepts", json={"terms": {"en": "Senate", "kk": [{"text": "Сенат"}], "ru": "Сенат"},
                                           "subject": "parliament"}, headers=h)
    assert r.status_code == 201 and r.headers["location"] == "/api/concepts/senate" and r.headers["etag"] == '"1"'
    assert r.json()["terms"]["kk"][0]["status"] == "preferred"
    r = client.post("/api/concepts", json={"terms": {"en": "KNB"}}, headers=h)
    assert (r.status_code, r.json()["error"]["code"]) == (409, "already_exists")
    assert r.json()["error"]["message"] == "en term 'KNB' is already in concept 'knb'; edit that concept instead"
    r = client.get("/api/concepts", params={"subject": "parliament"}, headers=auth["reader"])
    assert r.json() == cli_json(termbase[0], "list", "--subject", "parliament")
    assert [c["concept_id"] for c in r.json()["concepts"]] == ["senate"]
    r = client.get("/api/concepts", params={"limit": 1, "offset": 1}, headers=auth["reader"])
    assert (r.json()["total"], r.json()["offset"], [c["concept_id"] for c in r.json()["concepts"]]) == (4, 1, ["digital-ministry"])
    r = client.delete("/api/concepts/senate", headers={**h, "If-Match": '"7"'})
    assert r.status_code == 412
    r = client.delete("/api/concepts/senate", headers={**h, "If-Match": '"1"'})
    assert (r.status_code, r.json()) == (200, {"removed": ["senate"]})
    r = client.get("/api/concepts/senate/history", headers=auth["reader"])
    assert r.json() == cli_json(termbase[0], "history", "senate")
    assert [(c["action"], c["actor"]) for c in r.json()] == [("create", "terminologist"), ("delete", "terminologist")]


def test_term_edits(client, auth):
    h = auth["terminologist"]
    r = client.post("/api/concepts/knb/terms", json={"lang": "en", "terms": "Committee for National Security"}, headers=h)
    assert [(t["text"], t["status"]) for t in r.json()["terms"]["en"]][-1] == ("Committee for National Security", "admitted")
    r = client.patch("/api/concepts/knb/terms", json={"lang": "en", "text": "Committee for National Security",
                                                      "status": "deprecated", "new_text": "Committee of National Security"},
                     headers=h)
    assert r.status_code == 200 and r.json()["version"] == 4
    assert r.json()["terms"]["en"][-1]["text"] == "Committee of National Security"
    assert r.json()["terms"]["en"][-1]["status"] == "deprecated"
    r = client.delete("/api/concepts/knb/terms", params={"lang": "en", "text": "Committee of National Security"},
                      headers={**h, "If-Match": r.headers["etag"]})
    assert r.status_code == 200 and len(r.json()["terms"]["en"]) == 2
    r = client.delete("/api/concepts/knb/terms", params={"lang": "en", "text": "Nope"}, headers=h)
    assert r.status_code == 404


def test_translators_propose_terminologists_approve_and_reject(client, auth):
    r = client.post("/api/proposals", json={"terms": {"en": "Ministry of Energy", "ru": "Министерство энергетики"}},
                    headers=auth["translator"])
    assert r.status_code == 201
    assert {t["status"] for ts in r.json()["terms"].values() for t in ts} == {"proposed"}
    r = client.post("/api/concepts/knb/proposals", json={"lang": "kk", "terms": "ҰҚК комитеті {preferred}"},
                    headers=auth["translator"])
    assert r.json()["terms"]["kk"][-1] == {**r.json()["terms"]["kk"][-1], "text": "ҰҚК комитеті", "status": "proposed"}
    r = client.post("/api/concepts/ministry-of-energy/approve", headers=auth["translator"])
    assert r.status_code == 403
    r = client.post("/api/concepts/ministry-of-energy/approve", json={"lang": "en"}, headers=auth["terminologist"])
    assert [(t["text"], t["status"]) for t in r.json()["terms"]["en"]] == [("Ministry of Energy", "preferred")]
    assert r.json()["terms"]["ru"][0]["status"] == "proposed"
    r = client.post("/api/concepts/digital-ministry/reject", json={"reason": "duplicate"}, headers=auth["terminologist"])
    assert (r.status_code, r.json()) == (200, {"rejected": "digital-ministry"})
    history = client.get("/api/concepts/digital-ministry/history", headers=auth["reader"]).json()
    assert [(c["action"], c["actor"]) for c in history] == [("create", None), ("update", "terminologist"),
                                                            ("delete", "terminologist")]
    assert history[-1]["before"]["note"] == "Rejected: duplicate"
    r = client.post("/api/concepts/digital-ministry/restore", headers=auth["terminologist"])
    assert r.status_code == 201 and r.json()["note"] is None  # the reason stays in the history


def test_roles(client, auth):
    assert client.patch("/api/concepts/knb", json={"note": "x"}, headers=auth["reader"]).status_code == 403
    assert client.patch("/api/concepts/knb", json={"note": "x"}, headers=auth["translator"]).status_code == 403
    r = client.post("/api/proposals", json={"terms": {"en": "Ministry of Energy"}}, headers=auth["reader"])
    assert r.json() == {"error": {"code": "forbidden", "message":
                                  "this needs the role translator or higher; 'reader' is a reader"}}
    assert client.delete("/api/concepts/knb", headers=auth["admin"]).status_code == 200


def test_a_plain_lookup_takes_the_short_way_with_the_same_answer(client, auth, monkeypatch):
    """GET /api/lookup with plain parameters is answered before FastAPI's routing (termbase.http.fast)
    by the route's own function; the same request with anything more goes the ordinary way: the
    answers are the same bytes, and every error is the ordinary one. A failed lookup runs once."""
    from termbase.http import fast
    from termbase.http.routes import concepts as routes

    calls, routed = [], []
    monkeypatch.setattr(routes, "lookup", lambda *a, **k: calls.append(a[1]) or lookup(*a, **k))
    route = routes.lookup_route  # (fast.concepts is routes: the route FastAPI has is this one)
    monkeypatch.setattr(fast.concepts, "lookup_route", lambda *a, **k: routed.append(k["q"]) or route(*a, **k))
    for params in ({"q": "Ассамблеясының"}, {"q": "KNB", "lang": "en"}, {"q": "Nationl Security", "limit": "1"}):
        short = client.get("/api/lookup", params=params, headers=auth["reader"])
        ordinary = client.get("/api/lookup", params={**params, "other": "1"}, headers=auth["reader"])
        assert short.status_code == ordinary.status_code == 200 and short.content == ordinary.content
        assert short.headers == ordinary.headers
    assert routed == ["Ассамблеясының", "KNB", "Nationl Security"]
    assert calls == ["Ассамблеясының", "Ассамблеясының", "KNB", "KNB", "Nationl Security", "Nationl Security"]
    calls.clear()
    for params, expected in (
        ({"q": "KNB", "limit": "0"}, (422, "query limit: Input should be greater than or equal to 1")),
        ({"q": "KNB", "limit": "101"}, (422, "query limit: Input should be less than or equal to 100")),
        ({"q": "KNB", "limit": "x"}, (422, "query limit: Input should be a valid integer, unable to parse string as an integer")),
        ({"q": " "}, (422, "nothing to look up: the query is empty")),
        ({"q": "KNB", "lang": "xx"}, (400, "unknown language 'xx': termbase supports en, kk, ru (and kk-Latn)")),
    ):
        r = client.get("/api/lookup", params=params, headers=auth["reader"])
        assert (r.status_code, r.json()["error"]["message"]) == expected
        ordinary = client.get("/api/lookup", params={**params, "other": "1"}, headers=auth["reader"])
        assert (ordinary.status_code, ordinary.content, ordinary.headers) == (r.status_code, r.content, r.headers)
    assert calls == [" ", " ", "KNB", "KNB"]  # the short way and the ordinary one: each once
    for headers in ({}, auth["admin"] | {"Authorization": "Bearer tb_unknown"}):
        r = client.get("/api/lookup", params={"q": "KNB"}, headers=headers)
        ordinary = client.get("/api/lookup", params={"q": "KNB", "other": "1"}, headers=headers)
        assert r.status_code == 401 and (r.content, r.headers) == (ordinary.content, ordinary.headers)


def test_a_concept_get_takes_the_short_way_with_the_same_answer(client, auth, monkeypatch):
    """GET /api/concepts/ID without a query string is answered by the route's own function before
    FastAPI's routing, with the same bytes, headers and errors as the ordinary way (here: the same
    request with a query string, which the route ignores)."""
    from termbase.http import fast
    from termbase.http.routes import concepts as routes

    routed = []
    route = routes.get_route  # (fast.concepts is routes: the route FastAPI has is this one)
    monkeypatch.setattr(fast.concepts, "get_route", lambda *a: routed.append(a[1]) or route(*a))
    for cid, headers in (("knb", auth["reader"]), ("apk", auth["admin"]), ("senate", auth["reader"]),
                         ("knb", {}), ("knb", {"Authorization": "Basic x"})):
        short = client.get(f"/api/concepts/{cid}", headers=headers)
        ordinary = client.get(f"/api/concepts/{cid}?x=1", headers=headers)
        assert (short.status_code, short.content, short.headers) == (ordinary.status_code, ordinary.content, ordinary.headers)
    assert routed == ["knb", "apk", "senate", "knb", "knb"]
    r = client.get("/api/concepts/knb", headers=auth["reader"])
    assert r.status_code == 200 and r.headers["etag"] == '"1"' and r.json()["concept_id"] == "knb"
    assert client.get("/api/concepts/senate", headers=auth["reader"]).json()["error"]["code"] == "not_found"
    assert client.get("/api/concepts/knb/history", headers=auth["reader"]).status_code == 200


def test_an_unexpected_failure_on_the_short_way_is_a_500_without_a_traceback(client, auth, monkeypatch):
    from termbase.http.routes import concepts as routes

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(routes, "lookup", broken)
    monkeypatch.setattr(routes, "show_concept", broken)
    for path in ("/api/lookup?q=KNB", "/api/concepts/knb"):
        r = client.get(path, headers=auth["reader"])
        assert (r.status_code, r.json()) == (500, {"error": {"code": "internal",
                                                             "message": "internal error; the server log has the details"}})
