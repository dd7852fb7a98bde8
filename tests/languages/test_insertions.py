"""Words that may stand between the words of a Kazakh or Russian term; quoted stretches."""

import pytest

from termbase.languages.insertions import may_stand_inside, quoted_spans


@pytest.mark.parametrize("word, lang, expected", [
    ("бес", "kk", True), ("12", "kk", True), ("жаңа", "kk", True), ("өңірлік", "kk", True),
    ("бірінші", "kk", True), ("депутаты", "kk", False), ("және", "kk", False),
    ("пять", "ru", True), ("общественного", "ru", True), ("первый", "ru", True),
    ("министерство", "ru", False), ("и", "ru", False), ("сообщило", "ru", False),
    ("five", "en", False), ("5", "en", True),
])
def test_may_stand_inside(word, lang, expected):
    assert may_stand_inside(word, lang) is expected


def test_quoted_spans():
    text = 'холдинг «Бәйтерек» и "Самрук" и “КазМунайГаз”'
    assert [text[s:e] for s, e in quoted_spans(text)] == ["«Бәйтерек»", '"Самрук"', "“КазМунайГаз”"]
