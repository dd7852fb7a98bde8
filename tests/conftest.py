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


@pytest.fixture(params=["sqlite"])
def store(request, tmp_path):
    """An empty store of each backend: tests written against ``termbase.store.base`` run on every one
    (a second backend adds its name to ``params`` and a branch here). ``open_store(store.location)``
    opens a second connection to it."""
    from termbase.store import create_store

    with create_store(tmp_path / "t.db") as s:
        yield s
