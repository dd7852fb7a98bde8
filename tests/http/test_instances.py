"""Several server instances on one termbase: what a server keeps between requests (checked tokens,
its in-memory lookup index) never outlives a change made by another instance or process."""

from termbase.models import Concept, Term
from termbase.search import TermIndex
from termbase.services import TokenCache, Workspace, create_token, revoke_token
from termbase.store import open_store

from .conftest import make_client

#: Lookups after which a server's index keeps the lookup in memory (more than TermIndex's threshold).
WARM = TermIndex.MEMORY_LOOKUP_AFTER + 5


def test_a_token_revoked_through_another_instance_fails_at_once_on_every_route(termbase, auth):
    with make_client(termbase[0]) as a, make_client(termbase[0]) as b:
        for _ in range(3):  # checked, then answered from instance a's cache
            assert a.get("/api/concepts/knb", headers=auth["translator"]).status_code == 200
            assert a.get("/api/lookup", params={"q": "KNB"}, headers=auth["translator"]).status_code == 200
            assert a.get("/api/concepts", headers=auth["translator"]).status_code == 200
        assert b.delete("/api/tokens/translator", headers=auth["admin"]).status_code == 200
        refused = (401, {"error": {"code": "unauthorized", "message": "the token is unknown or was revoked"}})
        for path, params in (("/api/concepts/knb", None), ("/api/lookup", {"q": "KNB"}), ("/api/concepts", None)):
            r = a.get(path, params=params, headers=auth["translator"])
            assert (r.status_code, r.json()) == refused
        assert a.get("/api/concepts/knb", headers=auth["reader"]).status_code == 200  # the others still pass


def test_a_token_made_by_another_process_is_accepted_at_once_after_it_was_refused(termbase):
    with make_client(termbase[0]) as client:
        with open_store(termbase[0]) as store:
            secret = create_token(Workspace(store), "aigerim", "reader").secret
            revoke_token(Workspace(store), "aigerim")
        headers = {"Authorization": f"Bearer {secret}"}
        assert client.get("/api/concepts/knb", headers=headers).status_code == 401  # refused, and kept so
        with open_store(termbase[0]) as store:
            again = create_token(Workspace(store), "aigerim", "translator").secret
        assert client.get("/api/concepts/knb", headers={"Authorization": f"Bearer {again}"}).status_code == 200
        assert client.get("/api/concepts/knb", headers=headers).status_code == 401


def test_a_concept_changed_by_another_instance_is_seen_by_the_next_lookup_and_get(termbase, auth):
    with make_client(termbase[0]) as a, make_client(termbase[0]) as b:
        for _ in range(WARM):  # instance a now looks up in memory
            assert [m["concept_id"] for m in a.get("/api/lookup", params={"q": "KNB"}, headers=auth["reader"]).json()["matches"]] == ["knb"]
        etag = a.get("/api/concepts/knb", headers=auth["reader"]).headers["etag"]
        r = b.patch("/api/concepts/knb", json={"terms": {"en": "State Security Service"}},
                    headers={**auth["terminologist"], "If-Match": etag})
        assert r.status_code == 200
        r = a.get("/api/lookup", params={"q": "State Security Service"}, headers=auth["reader"])
        assert [(m["concept_id"], m["matched"]["how"]) for m in r.json()["matches"]] == [("knb", "exact")]
        assert a.get("/api/lookup", params={"q": "National Security Committee"}, headers=auth["reader"]).json()["matches"] == []
        r = a.get("/api/concepts/knb", headers=auth["reader"])
        assert (r.headers["etag"], [t["text"] for t in r.json()["terms"]["en"]]) == ('"2"', ["State Security Service"])


def test_a_concept_added_by_another_process_is_found_by_the_next_lookup(termbase, auth):
    with make_client(termbase[0]) as client:
        for _ in range(WARM):
            assert client.get("/api/lookup", params={"q": "Senate"}, headers=auth["reader"]).json()["matches"] == []
        with open_store(termbase[0]) as store:
            store.concepts.add(Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"))))
        r = client.get("/api/lookup", params={"q": "Сенаттың"}, headers=auth["reader"])
        assert [(m["concept_id"], m["matched"]["how"]) for m in r.json()["matches"]] == [("senate", "inflected")]


def test_the_token_cache_answers_only_at_the_tokens_version_it_checked(store):
    ws = Workspace(store)
    cache = TokenCache(size=2)
    secret = create_token(ws, "aigerim", "reader").secret
    assert store.versions()[1] == 1
    assert cache.check(ws, secret).user.name == "aigerim"
    assert cache.check(ws, "tb_unknown").user is None
    assert cache.check(ws, None).user is None
    revoke_token(ws, "aigerim")
    assert store.versions()[1] == 2
    assert cache.check(ws, secret).user is None
    assert cache.check(ws, "tb_third").user is None and len(cache._known) <= 2  # bounded
    store.concepts.add(Concept("senate", (Term("en", "Senate"),)))
    assert cache.check(ws, secret).data_version == store.data_version() == store.versions()[0]
