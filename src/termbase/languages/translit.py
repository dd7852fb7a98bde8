"""Transliteration: how names written in Cyrillic (Russian, Kazakh) and Latin letters meet.

:func:`name_key` reduces a name to a spelling-independent skeleton, so that "Tokayev", "Токаев" and
the Kazakh genitive "Тоқаевтың" are one name; sentence alignment uses it to tie sentences that name
the same person or place (:mod:`termbase.alignment.anchors`).

:func:`kazakh_to_latin` and :func:`kazakh_to_cyrillic` convert Kazakh between its Cyrillic
alphabet and the Latin one of 2021 (reading the 2017 and 2018 drafts too): ``termbase translit``,
the match keys of ``kk-Latn`` text (:func:`termbase.languages.keys.word_key`) and generated Latin
terms all go through them.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "KAZAKH_LATIN_2021", "LATIN_VARIANTS", "LOANWORD_LETTERS", "kazakh_to_cyrillic", "kazakh_to_latin",
    "final_apostrophe_spans", "latin_variant", "name_key",
]

# Cyrillic (Russian and Kazakh) to a Latin-ish skeleton alphabet. Upper-case letters stand for
# sounds English spells with two letters: S = sh/щ, C = ch, Z = zh/j (Kazakh ж is "j" in official
# Latin spellings: Жомарт / Jomart). g, k, kh, initial h, г, к, қ, ғ, х are one class "k"
# (Казахстан / Қазақстан / Kazakhstan, Hammel / Хаммел). Vowels, й and silent h are dropped.
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "k", "д": "d", "е": "e", "ё": "e", "ж": "Z", "з": "z",
    "и": "i", "й": "", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "k", "ц": "ts", "ч": "C", "ш": "S", "щ": "S",
    "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "u", "я": "a", "ә": "a", "ғ": "k", "қ": "k",
    "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "k", "і": "i",
}
_LATIN_RULES = (
    ("sch", "S"), ("sh", "S"), ("ch", "C"), ("zh", "Z"), ("kh", "k"), ("gh", ""), ("ph", "f"), ("th", "t"),
    ("ck", "k"), ("dzh", "Z"), ("j", "Z"), ("q", "k"), ("x", "ks"), ("w", "v"), ("g", "k"),
)
_LATIN_KAZAKH_NAME = str.maketrans({"ş": "sh", "ç": "ch", "ñ": "n", "ğ": "g", "ä": "a", "ö": "o", "ü": "u",
                                    "ū": "u", "ı": "i", "\u0307": ""})
_INITIAL_H = re.compile(r"^h")
_SOFT_C = re.compile(r"c(?=[eiy])")
_DROP = re.compile(r"[aeiouyh'’\-]+")


@functools.lru_cache(maxsize=65536)
def name_key(word: str, *, length: int = 3) -> str:
    """A spelling-independent key of a name: transliterated to Latin, vowels dropped, first consonants.

    Inflection endings fall outside the first ``length`` consonants.

    >>> [name_key(w) for w in ("Tokayev", "Токаев", "Тоқаевтың", "Johnson", "Джонсону")]
    ['tkv', 'tkv', 'tkv', 'Zns', 'Zns']
    >>> [name_key(w) for w in ("Şymkent", "Шымкент", "Toqaevtyñ")]
    ['Smk', 'Smk', 'tkv']
    """
    w = word.lower()
    if not w.isascii():  # Latin Kazakh (and Turkish) letters: Şymkent / Шымкент, Ūlytau / Ұлытау
        w = w.translate(_LATIN_KAZAKH_NAME)
    if w[:2] in ("уэ", "уи", "уо"):  # Уэльс / Wales, Уильям / William
        w = "в" + w[1:]
    w = w.replace("дж", "Z").replace("кс", "ks")
    w = "".join(_CYR.get(ch, ch) for ch in w)
    w = _SOFT_C.sub("s", w)
    w = _INITIAL_H.sub("k", w)  # Hammel / Хаммел, Harlem / Гарлем; other h are silent (John)
    for a, b in _LATIN_RULES:
        w = w.replace(a, b)
    w = w.replace("c", "k")
    w = _DROP.sub("", w)
    out: list[str] = []
    for ch in w:
        if ch.isalpha() and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out[:length])


# ---------------------------------------------------------------------------------------------
# Kazakh in the Latin alphabet of 28 January 2021 (31 letters), and back.
#
# The official table maps 33 Cyrillic letters onto 31 Latin ones: и and й are both İ i, х and һ
# both H h. The Cyrillic letters it leaves out occur in Russian loanwords; termbase writes them
# with the table's letters as the 2021 spelling rules draft does:
#   ц -> ts, ч -> ch, щ -> şş, ё -> io, ю -> iu, я -> ia, э -> e, ь and ъ -> nothing
#   ("Азия" -> "Aziia", "бюджет" -> "biudjet", "Федерация" -> "Federatsiia").
# Going back, a Latin text is read as the 2021 alphabet unless it shows the marks of an earlier
# draft: the apostrophes of 2017 ("Qazaqstan Respy'bli'kasy") or the acute accents of 2018
# ("Qazaqstan Respýblıkasy"). Where one Latin spelling stands for two Cyrillic ones the more
# frequent Kazakh reading is chosen (rules in :func:`kazakh_to_cyrillic`).
# ---------------------------------------------------------------------------------------------

#: The 2021 alphabet, in its order: (Latin capital, Latin small, the Cyrillic letters it writes).
KAZAKH_LATIN_2021: tuple[tuple[str, str, str], ...] = (
    ("A", "a", "а"), ("Ä", "ä", "ә"), ("B", "b", "б"), ("D", "d", "д"), ("E", "e", "е"),
    ("F", "f", "ф"), ("G", "g", "г"), ("Ğ", "ğ", "ғ"), ("H", "h", "хһ"), ("I", "ı", "і"),
    ("İ", "i", "ий"), ("J", "j", "ж"), ("K", "k", "к"), ("L", "l", "л"), ("M", "m", "м"),
    ("N", "n", "н"), ("Ñ", "ñ", "ң"), ("O", "o", "о"), ("Ö", "ö", "ө"), ("P", "p", "п"),
    ("Q", "q", "қ"), ("R", "r", "р"), ("S", "s", "с"), ("Ş", "ş", "ш"), ("T", "t", "т"),
    ("U", "u", "у"), ("Ū", "ū", "ұ"), ("Ü", "ü", "ү"), ("V", "v", "в"), ("Y", "y", "ы"),
    ("Z", "z", "з"),
)
#: Cyrillic letters outside the table (Russian loanwords) and how termbase writes them.
LOANWORD_LETTERS: dict[str, str] = {
    "ц": "ts", "ч": "ch", "щ": "şş", "ё": "io", "ю": "iu", "я": "ia", "э": "e", "ь": "", "ъ": "",
}
#: Latin variants a reader may meet: the 2021 alphabet, the 2018 acute-accent draft, the 2017
#: apostrophe draft.
LATIN_VARIANTS = ("2021", "2018", "2017")

_TO_LATIN_SMALL: dict[str, str] = {
    **{cyr: small for _cap, small, cyrs in KAZAKH_LATIN_2021 for cyr in cyrs},
    **LOANWORD_LETTERS,
}
# Upper case of a Latin rendering: Kazakh has its own pairs (i/İ, ı/I) that str.upper() misses.
_LATIN_UPPER = {small: cap for cap, small, _ in KAZAKH_LATIN_2021}
_LATIN_LOWER = {cap: small for cap, small, _ in KAZAKH_LATIN_2021}


def _upper_latin(text: str) -> str:
    return "".join(_LATIN_UPPER.get(c) or c.upper() for c in text)


def _cyrillic_run_upper(word: str, i: int) -> bool:
    """Is the letter at ``i`` part of an all-capital run (an acronym: ЧҚІ, ЖШС)?"""
    neighbours = [word[j] for j in (i - 1, i + 1) if 0 <= j < len(word) and word[j].isalpha()]
    return bool(neighbours) and all(n.isupper() for n in neighbours)


def kazakh_to_latin(text: str) -> str:
    """Kazakh Cyrillic ``text`` in the 2021 Latin alphabet; other characters are kept.

    >>> kazakh_to_latin("Қазақстан Республикасының Парламенті")
    'Qazaqstan Respublikasynyñ Parlamentı'
    >>> kazakh_to_latin("Ішкі істер министрлігі"), kazakh_to_latin("ЖШС «Азия»")
    ('Işkı ıster ministrlıgı', 'JŞS «Aziia»')
    """
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        latin = _TO_LATIN_SMALL.get(low)
        if latin is None:
            out.append(ch)
            continue
        if ch != low and latin:
            latin = _upper_latin(latin) if _cyrillic_run_upper(text, i) else _upper_latin(latin[0]) + latin[1:]
        out.append(latin)
    return "".join(out)


# Latin -> Cyrillic. Single letters of each variant; digraphs and context rules are in the reader.
_VOWELS_CYRILLIC = frozenset("аәеёиоөуұүыіэюя")
_FROM_2021 = {
    "a": "а", "ä": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ", "h": "х", "ı": "і",
    "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң", "o": "о", "ö": "ө", "p": "п", "q": "қ",
    "r": "р", "s": "с", "ş": "ш", "ș": "ш", "t": "т", "u": "у", "ū": "ұ", "ü": "ү", "v": "в", "y": "ы",
    "z": "з", "c": "ц", "w": "у", "x": "кс",
}
# 2018 (acute accents): ı is и/й, i is і, u is ұ, ý is у, sh and ch digraphs.
_FROM_2018 = {
    **_FROM_2021, "á": "ә", "ǵ": "ғ", "ń": "ң", "ó": "ө", "ú": "ү", "ý": "у", "u": "ұ", "i": "і",
}
# 2017 (apostrophes): a' ә, g' ғ, n' ң, o' ө, u' ү, s' ш, c' ч, i' и/й, y' у; u is ұ, i is і.
_FROM_2017_APOSTROPHE = {"a": "ә", "g": "ғ", "n": "ң", "o": "ө", "u": "ү", "s": "ш", "c": "ч", "y": "у"}
_FROM_2017 = {**_FROM_2021, "u": "ұ", "i": "і"}
_APOSTROPHES_2017 = frozenset("'’ʼ`´")
_MARKS_2018 = re.compile(r"[áǵńóúýÁǴŃÓÚÝ]")
_MARKS_2017 = re.compile(r"(?i)[agnouscyi]['’ʼ`´](?=\w|$)")
# A 2017 apostrophe letter at the end of a word before a space or a punctuation mark ("Parlamentinin'
# otyrysy"): counted unless the text opens a quote with a single quote (then it may close one).
_FINAL_2017 = re.compile(r"(?i)(?<=[agnouscyi])['’ʼ`´](?=[^\w'’ʼ`´])")
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[^\w'’ʼ`´]))['‘](?=\w)")
_MARKS_2021 = re.compile(r"[äğñöūüşİÄĞÑÖŪÜŞ]")  # not ı: 2018 has it too (for и)


def latin_variant(text: str) -> str:
    """Which Latin alphabet ``text`` is written in: ``"2021"``, ``"2018"`` or ``"2017"``, by its
    marks (2021 letters, acute accents, apostrophes after a letter); ``"2021"`` when it has none.

    >>> latin_variant("Qazaqstan Respy'bli'kasy"), latin_variant("Qazaqstan Respýblıkasy"), latin_variant("Qazaqstan")
    ('2017', '2018', '2021')
    >>> latin_variant("Senattyn' otyrysy"), latin_variant("'Nur Otan' partiiasy")
    ('2017', '2021')
    """
    text = unicodedata.normalize("NFC", text)
    counts = {
        "2021": len(_MARKS_2021.findall(text)),
        "2018": len(_MARKS_2018.findall(text)),
        "2017": len(_MARKS_2017.findall(text)) + (0 if _OPENING_QUOTE.search(text) else len(_FINAL_2017.findall(text))),
    }
    best = max(LATIN_VARIANTS, key=lambda v: counts[v])  # ties: the order of LATIN_VARIANTS
    return best if counts[best] else "2021"


def final_apostrophe_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Word ``spans`` of a 2017-spelt ``text`` with a word-final apostrophe letter kept in its word:
    the tokenizer ends "Parlamentinin'" before the apostrophe, which writes ң there.

    >>> t = "Parlamentinin' otyrysy"
    >>> [t[s:e] for s, e in final_apostrophe_spans(t, [(0, 13), (15, 22)])]
    ["Parlamentinin'", 'otyrysy']
    """
    out = []
    n = len(text)
    for s, e in spans:
        if e < n and text[e] in _APOSTROPHES_2017 and text[e - 1].lower() in "agnouscyi" \
                and (e + 1 == n or not (text[e + 1].isalnum() or text[e + 1] in _APOSTROPHES_2017)):
            e += 1
        out.append((s, e))
    return out


def kazakh_to_cyrillic(text: str, variant: str | None = None) -> str:
    """Latin Kazakh ``text`` in Cyrillic: the 2021 alphabet, or the 2018 or 2017 draft (``variant``,
    else :func:`latin_variant`). Characters that are no Latin letters are kept.

    Where one Latin spelling writes two Cyrillic ones:

    - ``i`` (2021; ``ı`` in 2018, ``i'`` in 2017) is й after a vowel other than u, else и ("üi" ->
      "үй", "zamanaui" -> "заманауи");
    - ``ia`` and ``iu`` are я and ю at the start of a word and after a vowel ("Aziia" -> "Азия",
      "aiu" -> "аю"); after a consonant ``ia`` is и + а ("milliard" -> "миллиард") and ``iu`` is ю
      ("biudjet" -> "бюджет"), the more frequent readings in Kazakh text;
    - ``ch`` is ч, ``şş`` is щ, ``ts`` before ``i`` is ц ("Federatsiia" -> "Федерация"), else т + с
      ("ötse" -> "өтсе"); ``h`` is х, and һ in the few words listed in ``data/kk_h_words.txt``
      ("şahar" -> "шаһар");
    - э, ь, ъ and ё, written e, nothing and io, do not come back.

    >>> kazakh_to_cyrillic("Qazaqstan Respublikasynyñ Parlamentı")
    'Қазақстан Республикасының Парламенті'
    >>> kazakh_to_cyrillic("Qazaqstan Respy'bli'kasy"), kazakh_to_cyrillic("Qazaqstan Respýblıkasy")
    ('Қазақстан Республикасы', 'Қазақстан Республикасы')
    """
    text = unicodedata.normalize("NFC", text)
    if variant is None:
        variant = latin_variant(text)
    if variant not in LATIN_VARIANTS:
        raise ValueError(f"unknown Latin Kazakh variant {variant!r} (use one of {', '.join(LATIN_VARIANTS)})")
    text = text.replace("i\u0307", "i")  # "İ".lower() in Python: i + combining dot
    table = {"2021": _FROM_2021, "2018": _FROM_2018, "2017": _FROM_2017}[variant]
    # The letter that writes и/й in this variant (2017: i followed by an apostrophe).
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in ("I", "İ"):
            low = "ı" if (ch == "I" and variant == "2021") else ("i" if variant == "2021" else "i")
        else:
            low = ch.lower()
        upper = ch != low or ch in ("I", "İ")
        nxt = text[i + 1].lower() if i + 1 < n else ""
        prev = text[i - 1] if i else ""
        # After a vowel of the same word (2017: a vowel may end in an apostrophe, u' = ү).
        prev_vowel = (prev.isalpha() or prev in _APOSTROPHES_2017) and out[-1][-1:].lower() in _VOWELS_CYRILLIC
        step, cyr = 1, table.get(low)
        if variant == "2017" and nxt in _APOSTROPHES_2017 and (low in _FROM_2017_APOSTROPHE or low == "i"):
            cyr, step = _FROM_2017_APOSTROPHE.get(low) or ("й" if prev_vowel else "и"), 2
        elif low == "c" and nxt == "h":
            cyr, step = "ч", 2
        elif low == "s" and nxt == "h" and variant == "2018":
            cyr, step = "ш", 2
        elif low == "ş" and nxt == "ş":
            cyr, step = "щ", 2
        elif low == "t" and nxt == "s" and variant == "2021" and text[i + 2 : i + 3] in ("i", "İ"):
            cyr, step = "ц", 2
        elif (low == "i" and variant == "2021") or (low == "ı" and variant == "2018"):
            if nxt in ("a", "u") and (prev_vowel or not prev.isalpha()):
                cyr, step = {"a": "я", "u": "ю"}[nxt], 2
            elif nxt == "u":
                cyr, step = "ю", 2
            else:
                cyr = "й" if prev_vowel and out[-1][-1:].lower() != "у" else "и"
        if cyr is None:
            out.append(ch)
            i += 1
            continue
        if upper:
            rest = text[i + step : i + step + 1]
            cyr = cyr.upper() if (len(cyr) > 1 and rest.isupper()) else cyr[:1].upper() + cyr[1:]
        out.append(cyr)
        i += step
    return _H_WORD.sub(_restore_h, "".join(out))


@functools.lru_cache(maxsize=1)
def _h_stems() -> tuple[str, ...]:
    """Kazakh stems written with һ (data/kk_h_words.txt), as 2021 Latin reads them back (with х)."""
    from termbase.languages._data import DATA

    text = (DATA / "kk_h_words.txt").read_text("utf-8")
    stems = [w for line in text.splitlines() for w in line.split("#", 1)[0].split()]
    return tuple(sorted((s.lower().replace("һ", "х") for s in stems), key=len, reverse=True))


_H_WORD = re.compile(r"[^\W\d_]*[хХ][^\W\d_]*")


def _restore_h(match: re.Match[str]) -> str:
    word = match.group()
    low = word.lower()
    for stem in _h_stems():
        if low.startswith(stem):
            fixed = "".join(("Һ" if c == "Х" else "һ") if c in "хХ" else c for c in word[: len(stem)])
            return fixed + word[len(stem):]
    return word
