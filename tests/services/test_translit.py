"""termbase translit as a service: text, files, output written whole."""

import pytest

from termbase.errors import ValidationError
from termbase.services import transliterate, transliterate_source


def test_text_both_ways():
    assert transliterate("Мәжіліс", "latn").to_dict() == {"to": "latn", "read_as": None, "text": "Mäjılıs", "output": None}
    back = transliterate("Mäjılıs", "cyrl")
    assert (back.text, back.read_as) == ("Мәжіліс", "2021")
    assert transliterate("Májilis", "cyrl").read_as == "2018"
    assert transliterate("Mijilis", "cyrl", variant="2017").text == "Міжіліс"


def test_file_to_file(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("Сенат\nҚазақстан\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    result = transliterate_source(src, "latn", output=out)
    assert out.read_text(encoding="utf-8") == "Senat\nQazaqstan\n"
    assert result.output == str(out)


def test_bad_arguments():
    with pytest.raises(ValidationError, match="unknown script 'lat': use latn or cyrl"):
        transliterate("x", "lat")
    with pytest.raises(ValidationError, match="unknown Latin Kazakh alphabet '1940'"):
        transliterate("x", "cyrl", variant="1940")
