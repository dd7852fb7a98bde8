"""Termbases for the command-line tests: ``empty`` (initialised, no concepts) and ``two`` (apk, senate)."""

import pytest


@pytest.fixture
def empty(run):
    assert run("init", "--empty").exit_code == 0
    return run


@pytest.fixture
def two(empty):
    empty("add", "--id", "apk", "--en", "Assembly of People of Kazakhstan | APK {acronym}",
          "--kk", "Қазақстан халқы Ассамблеясы | ҚХА {acronym}",
          "--ru", "Ассамблея народа Казахстана | АНК {acronym} | Ассамблея народов Казахстана {deprecated}",
          "--source", "akorda.kz", "--note", "renamed in 2007")
    empty("add", "--id", "senate", "--en", "Senate", "--kk", "Сенат", "--ru", "Сенат", "--subject", "parliament")
    return empty
