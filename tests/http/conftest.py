"""The API on a small termbase of each store backend (the ``store`` fixture): concepts apk and knb,
a proposed concept, and a token for each role (``auth[role]`` gives its headers)."""

import pytest
from fastapi.testclient import TestClient

from termbase.http import ServerConfig, create_app
from termbase.models import ROLES, Concept, Term
from termbase.services import Workspace, create_token


@pytest.fixture
def termbase(store, apk, knb):
    """The location of the termbase, filled, and the secret of a token per role (user = role name)."""
    store.concepts.add(apk)
    store.concepts.add(knb)
    store.concepts.add(Concept("digital-ministry", (Term("en", "Ministry of Digital Development", "proposed"),
                                                    Term("ru", "Министерство цифрового развития", "proposed"))))
    ws = Workspace(store)  # not closed: the store fixture closes the store
    secrets = {role: create_token(ws, role, role).secret for role in ROLES}
    return store.location, secrets


@pytest.fixture
def auth(termbase):
    return {role: {"Authorization": f"Bearer {secret}"} for role, secret in termbase[1].items()}


def make_client(location, **config) -> TestClient:
    return TestClient(create_app(ServerConfig(str(location), **config)), raise_server_exceptions=False)


@pytest.fixture
def client(termbase):
    with make_client(termbase[0]) as c:
        yield c
