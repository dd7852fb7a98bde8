"""Who asks and what they may do: tokens, roles, revocation, anonymous access."""

from termbase.services import Workspace, revoke_token
from termbase.store import open_store

from .conftest import make_client


def test_no_token_is_401_with_a_bearer_challenge(client):
    r = client.get("/api/concepts/knb")
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert r.json() == {"error": {"code": "unauthorized",
                                  "message": "this request needs a token: send 'Authorization: Bearer TOKEN'"}}


def test_an_unknown_token_and_another_scheme_are_401(client):
    r = client.get("/api/concepts/knb", headers={"Authorization": "Bearer tb_nope"})
    assert (r.status_code, r.json()["error"]["message"]) == (401, "the token is unknown or was revoked")
    r = client.get("/api/concepts/knb", headers={"Authorization": "Basic YTpi"})
    assert (r.status_code, r.json()["error"]["message"]) == (401, "the Authorization header must be 'Bearer TOKEN'")


def test_a_reader_cannot_edit(client, auth):
    r = client.patch("/api/concepts/knb", json={"note": "x"}, headers=auth["reader"])
    assert r.status_code == 403
    assert r.json() == {"error": {"code": "forbidden",
                                  "message": "this needs the role terminologist or higher; 'reader' is a reader"}}
    assert client.get("/api/concepts/knb", headers=auth["reader"]).json()["note"] is None


def test_a_revoked_token_fails_at_once_in_a_running_server(client, auth, termbase):
    assert client.get("/api/concepts/knb", headers=auth["translator"]).status_code == 200
    with open_store(termbase[0]) as store:  # revoked by another process (termbase token revoke)
        revoke_token(Workspace(store), "translator")
    r = client.get("/api/concepts/knb", headers=auth["translator"])
    assert (r.status_code, r.json()["error"]["message"]) == (401, "the token is unknown or was revoked")


def test_health_needs_no_token(client):
    assert (client.get("/api/health").status_code, client.get("/api/health").json()) == (200, {"status": "ok"})


def test_anonymous_access_only_when_configured_with_its_role(termbase, auth):
    with make_client(termbase[0], anonymous_role="reader") as client:
        assert client.get("/api/concepts/knb").status_code == 200
        r = client.patch("/api/concepts/knb", json={"note": "x"})
        assert (r.status_code, r.json()["error"]["message"]) == (
            403, "this needs the role terminologist or higher; 'anonymous' is a reader")
        assert client.get("/api/concepts/knb", headers={"Authorization": "Bearer tb_wrong"}).status_code == 401
        assert client.patch("/api/concepts/knb", json={"note": "x"}, headers=auth["terminologist"]).status_code == 200


def test_admins_manage_tokens_over_the_api(client, auth):
    assert client.get("/api/tokens", headers=auth["terminologist"]).status_code == 403
    r = client.post("/api/tokens", json={"name": "daniyar", "role": "translator"}, headers=auth["admin"])
    assert r.status_code == 201 and r.json()["name"] == "daniyar" and r.json()["token"].startswith("tb_")
    secret = r.json()["token"]
    assert client.get("/api/concepts/knb", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    listed = client.get("/api/tokens", headers=auth["admin"]).json()
    assert [(t["name"], t["role"], t["revoked"]) for t in listed][-1] == ("daniyar", "translator", None)
    assert "token" not in listed[-1]
    r = client.post("/api/tokens", json={"name": "daniyar", "role": "reader"}, headers=auth["admin"])
    assert (r.status_code, r.json()["error"]["message"]) == (422, "'daniyar' already has a token; revoke it first")
    assert client.delete("/api/tokens/daniyar", headers=auth["admin"]).status_code == 200
    assert client.get("/api/concepts/knb", headers={"Authorization": f"Bearer {secret}"}).status_code == 401
    assert client.delete("/api/tokens/daniyar", headers=auth["admin"]).status_code == 404


def test_the_openapi_schema_says_every_route_but_health_needs_a_bearer_token(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["security"] == [{"bearer": []}]
    assert schema["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert schema["paths"]["/api/health"]["get"]["security"] == []
    assert {"/api/lookup", "/api/concepts/{concept_id}", "/api/check", "/api/export"} <= set(schema["paths"])
