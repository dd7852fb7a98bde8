"""Text normalisation for matching (never for display).

``normalize`` maps every character to exactly one character, so ``len(normalize(s)) == len(s)``
and an offset into the normalised text is the same offset into the original: a match found
in normalised text can be shown, highlighted or replaced in the original.
"""

from __future__ import annotations

import re
import unicodedata

# Typographic apostrophes and quotes, dashes and hyphens, spaces: one character each.
_PUNCT = {
    **dict.fromkeys("’‘ʼ‛`´′ʹ", "'"),
    **dict.fromkeys("″«»„“”‟‹›", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "ё": "е",
    "Ё": "е",
    # Every space but the line break (tabs, no-break, thin, ideographic ...) -> " ".
    **{c: " " for c in map(chr, range(0x3001)) if c.isspace() and c != "\n"},
}
_TABLE = str.maketrans(_PUNCT)

# Latin letters that look like Cyrillic ones, met inside Cyrillic words in real Kazakh and
# Russian corpora ("министрлiгi", "Cаяси"). Keyed by the original character because case
# matters: Latin H looks like Cyrillic Н but Latin h like Kazakh һ. Latin i is Kazakh і
# (Russian has no dotted i), which is how Kazakh text typed on Russian keyboards shows it.
_LOOKALIKE = {
    "a": "а", "A": "а", "c": "с", "C": "с", "e": "е", "E": "е", "o": "о", "O": "о",
    "p": "р", "P": "р", "x": "х", "X": "х", "y": "у", "Y": "у", "i": "і", "I": "і",
    "K": "к", "k": "к", "M": "м", "T": "т", "B": "в", "H": "н", "h": "һ",
    "ə": "ә", "Ə": "ә", "ɵ": "ө", "Ɵ": "ө",
}
_LATIN_LOOKALIKE = "".join(sorted(_LOOKALIKE))
# A whole word (not touching any other letter) made of Cyrillic letters and Latin
# look-alikes, with at least one of each; possessive ++ so a word is never cut shorter.
_CYR = "\u0400-\u04ff\u0500-\u052f"
_RUN = f"[{_CYR}{_LATIN_LOOKALIKE}]"
_LETTER = r"[^\W\d_]"
_MIXED_RUN = re.compile(
    rf"(?<!{_LETTER})(?={_RUN}*?[{_LATIN_LOOKALIKE}])(?={_RUN}*?[{_CYR}]){_RUN}++(?!{_LETTER})"
)
_HAS_LATIN = re.compile(f"[{_LATIN_LOOKALIKE}]")


def _fix_lookalikes(match: re.Match[str]) -> str:
    return "".join(_LOOKALIKE.get(c, c) for c in match.group())


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        # str.lower never shortens a character, so equal length means one for one.
        return lowered
    # Some characters lower to two (İ -> i + combining dot): keep those as they are.
    return "".join(lc if len(lc := c.lower()) == 1 else c for c in text)


def _nfc_singletons(text: str) -> str:
    # Full NFC composes "е" + U+0308 into one character and would break offsets; only the
    # one-to-one part of NFC (singletons such as U+212B ANGSTROM SIGN -> Å) is applied here.
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    out = []
    for c in text:
        n = unicodedata.normalize("NFC", c)
        out.append(n if len(n) == 1 else c)
    return "".join(out)


def normalize(text: str, lang: str | None = None) -> str:
    """``text`` folded for matching, one output character for each input character.

    Lower case; ё -> е; typographic apostrophes -> ``'``, quotes and guillemets -> ``"``,
    dashes and hyphens -> ``-``, every space other than a line break -> ``" "``; Latin
    look-alike letters inside otherwise Cyrillic words -> Cyrillic (Latin i -> Kazakh і).

    >>> normalize("Министрлiгi «Самұрық» — Ёлка")
    'министрлігі "самұрық" - елка'

    Canonical composition is not length-preserving, so only its one-to-one part is done:
    a decomposed "и" + U+0306 stays two characters here (``word_keys`` and ``stem`` do
    apply full NFC, so the match keys agree). ``lang`` is accepted for symmetry with the
    other functions; the mapping is the same for every language.
    """
    if not text:
        return text
    text = _nfc_singletons(text)
    if _HAS_LATIN.search(text):
        text = _MIXED_RUN.sub(_fix_lookalikes, text)
    return _lower(text).translate(_TABLE)


def mixed_script_words(text: str, lang: str, *, strict: bool = False) -> list[tuple[int, int, str | None]]:
    """Cyrillic words of ``text`` with Latin look-alike letters in them ("Aссамблеясы" with a Latin
    A), as ``(start, end, fixed)``: ``fixed`` is the word with Cyrillic letters, or ``None`` when the
    fix is not certain (a Latin i or h in a Russian word). Latin ``i`` typed for Kazakh ``і`` is
    common and harmless to termbase's matching: in ``kk`` text a word whose only Latin letters are
    ``i``/``I`` is left out unless ``strict``.

    >>> mixed_script_words("Aссамблеясы министрлiгi", "kk")
    [(0, 11, 'Ассамблеясы')]
    >>> mixed_script_words("министрлiгi", "kk", strict=True)
    [(0, 11, 'министрлігі')]
    """
    if not _HAS_LATIN.search(text):
        return []
    out = []
    for m in _MIXED_RUN.finditer(text):
        word = m.group()
        latin = {c for c in word if c in _LOOKALIKE}
        if lang == "kk" and not strict and latin <= {"i", "I"}:
            continue
        if lang != "kk" and latin & {"i", "I", "h"}:
            fixed = None
        else:
            fixed = "".join(_fix_case(c) for c in word)
        out.append((m.start(), m.end(), fixed))
    return out


def _fix_case(c: str) -> str:
    """The Cyrillic letter a Latin look-alike stands for, in the look-alike's case."""
    fixed = _LOOKALIKE.get(c)
    if fixed is None:
        return c
    return fixed.upper() if c.isupper() else fixed
