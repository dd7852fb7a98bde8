"""Kazakh between its Cyrillic and Latin alphabets (``termbase translit``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ValidationError
from ..fsutil import Source, atomic_write
from ..languages.translit import LATIN_VARIANTS, kazakh_to_cyrillic, kazakh_to_latin, latin_variant

#: The scripts ``transliterate`` converts to.
SCRIPTS = ("latn", "cyrl")
#: The largest input converted at once (a text, a file or standard input).
MAX_TRANSLIT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class TranslitResult:
    """The converted text, the script it is in, and the Latin alphabet the input was read in
    (``None`` when the input was Cyrillic)."""

    text: str
    to: str
    read_as: str | None = None
    output: str | None = None

    def to_dict(self) -> dict:
        return {"to": self.to, "read_as": self.read_as, "text": self.text, "output": self.output}


def transliterate(text: str, to: str, *, variant: str | None = None,
                  output: str | Path | None = None) -> TranslitResult:
    """Kazakh ``text`` in the Latin alphabet of 2021 (``to="latn"``) or in Cyrillic (``to="cyrl"``,
    reading the 2021 alphabet or, by ``variant`` or by its marks, the 2017/2018 drafts); written to
    ``output`` (a temporary file renamed into place) when given.

    >>> transliterate("Қазақстан Республикасының Парламенті", "latn").text
    'Qazaqstan Respublikasynyñ Parlamentı'
    >>> r = transliterate("Qazaqstan Respy'bli'kasy", "cyrl"); r.text, r.read_as
    ('Қазақстан Республикасы', '2017')
    """
    if to not in SCRIPTS:
        raise ValidationError(f"unknown script {to!r}: use latn or cyrl")
    if variant is not None and variant not in LATIN_VARIANTS:
        raise ValidationError(f"unknown Latin Kazakh alphabet {variant!r}: use {', '.join(LATIN_VARIANTS)}")
    if len(text) > MAX_TRANSLIT_BYTES:
        raise ValidationError(f"text longer than {MAX_TRANSLIT_BYTES // (1024 * 1024)} MB")
    if to == "latn":
        result = TranslitResult(kazakh_to_latin(text), to)
    else:
        read_as = variant or latin_variant(text)
        result = TranslitResult(kazakh_to_cyrillic(text, read_as), to, read_as)
    if output is not None and str(output) != "-":
        with atomic_write(output, "w", encoding="utf-8") as fh:
            fh.write(result.text)
        result = TranslitResult(result.text, result.to, result.read_as, str(output))
    return result


def transliterate_source(src: str | Path | Source, to: str, *, variant: str | None = None,
                         output: str | Path | None = None) -> TranslitResult:
    """:func:`transliterate` of a text file (a path or ``-``), written to ``output`` (a temporary file
    renamed into place) when given."""
    source = Source.of(src)
    data = source.head(MAX_TRANSLIT_BYTES + 1)
    if len(data) > MAX_TRANSLIT_BYTES:
        raise ValidationError(f"{source.name}: larger than {MAX_TRANSLIT_BYTES // (1024 * 1024)} MB")
    return transliterate(source.read_text(), to, variant=variant, output=output)
