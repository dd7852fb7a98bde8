import pytest
from click.testing import CliRunner

from termbase.cli import main
from termbase.models import Concept, Term


@pytest.fixture
def run(tmp_path):
    """The command line on the termbase ``run.db`` in ``tmp_path`` (not created yet):
    ``run("init", "--empty")`` gives click's ``Result``; exceptions are not caught."""
    db = tmp_path / "tb.db"

    def invoke(*args, input=None):
        return CliRunner().invoke(main, ["--db", str(db), *args], input=input, catch_exceptions=False)

    invoke.db = db
    return invoke


@pytest.fixture
def apk() -> Concept:
    return Concept(
        "apk",
        (
            Term("en", "Assembly of People of Kazakhstan"),
            Term("en", "APK", "admitted", "acronym"),
            Term("en", "Assembly of Peoples of Kazakhstan", "deprecated"),
            Term("kk", "Қазақстан халқы Ассамблеясы"),
            Term("kk", "ҚХА", "admitted", "acronym"),
            Term("ru", "Ассамблея народа Казахстана"),
            Term("ru", "АНК", "admitted", "acronym"),
            Term("ru", "Ассамблея народов Казахстана", "deprecated"),
        ),
        subject="public-body",
        source="akorda.kz",
    )


@pytest.fixture
def knb() -> Concept:
    return Concept(
        "knb",
        (
            Term("en", "National Security Committee"),
            Term("en", "KNB", "admitted", "acronym"),
            Term("kk", "Ұлттық қауіпсіздік комитеті"),
            Term("kk", "ҰҚК", "admitted", "acronym"),
            Term("ru", "Комитет национальной безопасности"),
            Term("ru", "КНБ", "admitted", "acronym"),
        ),
        subject="law-enforcement",
        source="gov.kz",
    )


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster for the whole session (see ``tests/pgcluster.py``); the tests
    that use it are skipped, saying why, only where PostgreSQL is not installed."""
    from tests.pgcluster import Cluster, why_not

    reason = why_not()
    if reason:
        pytest.skip(reason)
    cluster = Cluster()
    try:
        yield cluster.start()
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """The URL of a new, empty PostgreSQL schema (a termbase location of its own for one test)."""
    return pg_cluster.new_schema()


#: The store backends the contract tests run on.
BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path) -> str:
    """Where a new termbase of each backend goes: a file path, or the URL of an empty PostgreSQL schema."""
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "t.db")


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """An empty store of each backend: tests written against ``termbase.store.base`` run on every one.
    ``open_store(store.location)`` opens a second connection to it."""
    from termbase.store import create_store, open_store

    if request.param == "postgres":
        with open_store(request.getfixturevalue("pg_cluster").empty_termbase()) as s:
            yield s
        return
    with create_store(tmp_path / "t.db") as s:
        yield s
