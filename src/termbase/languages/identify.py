"""Which of en, kk, ru a text is written in.

langdetect has no Kazakh profile (it calls Kazakh "ru" with probability 0.99999) and is
unreliable on short strings ("Supreme Court" -> fr 0.99999), so identification is by
evidence termbase can explain:

1. Script: the letters of the text are counted as Cyrillic, Latin or other; the larger of
   Cyrillic and Latin decides. Mostly other letters (Greek, Arabic, CJK ...) -> not supported.
2. Cyrillic: Kazakh evidence is the words with a letter only Kazakh has (ә ғ қ ң ө ұ ү һ і,
   Latin i inside a Cyrillic word counting as і) and Kazakh function words (және, мен, деп,
   осы, жылы, бойынша ...); Russian evidence is Russian function words (и, в, на, что, это
   ...) and endings Kazakh does not have (-ого, -ыми, -ться, -ь ...). Words that are function
   words of both (да, не) count for neither. With no evidence either way the text is Russian:
   Kazakh prose of any length has Kazakh letters. Letters of other Cyrillic alphabets (ї є ґ
   ў ј җ ...) and Ukrainian/Bulgarian function words name those languages instead.
3. Latin: Kazakh in the Latin alphabet (``kk-Latn``) when Kazakh evidence -- words with a letter
   only Kazakh has (ä ñ ū, a 2017 apostrophe letter such as n' s' y'), Kazakh function words in
   Latin (jäne, men, üşın, turaly ..., :func:`kazakh_to_latin` of the Cyrillic list), ı in a word
   with a front vowel (2021 ı is Kazakh і, front; Turkish ı is back, so ı among back vowels
   is Turkish), and at half weight the letters Kazakh shares with Turkish (ğ ş ö ü, ı alone), y
   between consonants (Kazakh ы) and q not followed by u (shared with Uzbek) -- is in at least 30% of the words and outweighs English,
   Turkish (ç, back ı, front i, function words, the shared letters) and Uzbek (oʻ gʻ, Uzbek
   function words, q). Otherwise English when English function words are frequent, or when no
   other language's function words or letters outweigh them (so headlines and bare terms are
   English). When they do, langdetect (fixed seed, loaded once on first need) must agree before
   the text is rejected as that language (Uzbek, which it does not know, on our evidence alone).
"""

from __future__ import annotations

import re
from functools import lru_cache
from termbase.languages._data import DATA
from typing import Any

from termbase.errors import UnknownLanguage
from termbase.languages.codes import KK_LATN
from termbase.languages.kazakh import KAZAKH_LETTERS
from termbase.languages.normalize import normalize
from termbase.languages.translit import kazakh_to_latin

_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")

# Endings of Russian inflection that Kazakh words (loans included) do not have.
_RU_ENDINGS = (
    "ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями", "ых", "ую", "юю", "ая", "яя",
    "ое", "ее", "ые", "ие", "ии", "ться", "тся", "ешь", "ишь", "ает", "яет", "ует", "ют",
)
# Endings of Kazakh words written without Kazakh-only letters (converb -ып, plural, past
# -лды ...), each at least 20 times more frequent in KazNERD than in FactRuEval (both dev).
_KK_ENDINGS = (
    "ып", "ын", "ыр", "ыз", "ыс", "ау", "уы", "йы", "шы", "лды", "рды", "йды", "нды", "тты", "ады",
    "лы", "нан", "пен", "лар", "лер", "дар", "дер", "мыз",
)
_KK_LETTER_WEIGHT = 1.5  # a Kazakh-only letter is better evidence than a function word

# Letters of other Cyrillic alphabets: the language a text with them is most likely in.
_OTHER_CYRILLIC = {
    "ї": "uk", "є": "uk", "ґ": "uk", "ў": "be", "ј": "sr", "љ": "sr", "њ": "sr", "ћ": "sr",
    "ђ": "sr", "џ": "sr", "ѓ": "mk", "ќ": "mk", "ѕ": "mk", "җ": "tt", "ҙ": "ba", "ҫ": "ba",
    "ҡ": "ba", "ӯ": "tg", "ҷ": "tg", "ӣ": "tg", "ҳ": "tg", "ӊ": "tt",
}
# Letters of Latin alphabets other than English ones, by the language they suggest most.
_OTHER_LATIN = {
    "ß": "de", "ä": "de", "ö": "de", "ü": "de", "ç": "fr", "é": "fr", "è": "fr", "ê": "fr",
    "à": "fr", "â": "fr", "î": "fr", "ô": "fr", "û": "fr", "ë": "fr", "ï": "fr", "ñ": "es",
    "á": "es", "í": "es", "ó": "es", "ú": "es", "ã": "pt", "õ": "pt", "ò": "it", "ì": "it",
    "ğ": "tr", "ş": "tr", "ı": "tr", "ą": "pl", "ę": "pl", "ł": "pl", "ś": "pl", "ź": "pl",
    "ż": "pl", "ń": "pl", "ć": "pl", "ø": "da", "å": "sv", "ő": "hu", "ű": "hu", "č": "cs",
    "ř": "cs", "ž": "cs", "š": "cs", "ě": "cs", "ů": "cs",
}
_PRIOR_KK, _PRIOR_RU = 0.4, 0.6  # Cyrillic without evidence is Russian

# Latin Kazakh: letters of the 2021 alphabet no neighbour has, letters shared with Turkish, the
# 2017 apostrophe letters (a' n' s' c' i' y' u'; o' and g' are Uzbek too), Uzbek's oʻ gʻ.
_KK_LATIN_ONLY = frozenset("äñū")
_KK_TR_SHARED = frozenset("ğşöü")
_FRONT_LATIN = frozenset("eäöüi")
_KK_2017 = re.compile(r"[ansciyu]['’ʼ](?!(?:t|s|ll|ve|re|d|m)$)")  # not English n't, 's, 'll ...
_UZ_APOSTROPHE = re.compile(r"[og][ʻ'’ʼ‘]")
_Q_NOT_U = re.compile(r"q(?!u)")
_Y_VOWEL = re.compile(r"[bcdfghjklmnpqrstvxzşğñ]y[bcdfghjklmnpqrstvxzşğñ]")
_KK_LATIN_SHARE = 0.3  # of the words that must carry Kazakh evidence
# Endings of Kazakh words in the 2021 alphabet that need none of its own letters: y as the vowel ы
# before or after a suffix consonant (-yp/-lyp/-ryp/-nyp converb, -yz/-myz, -yq, -tyn/-syn/-myn,
# -ylar, -yly, -ysy, -ysty, -yndy, -ydy, -yrma), the past -ldy, the locative after a possessive
# (-ynda), -ynan, -ymen, -atyn, -aidy, -iy (ий: arnaiy), -lgen, -iia (я in loans: Rossiia). Each came
# 150+ times in KazNERD valid (in Latin) and never in NTREX English lines 604-1997 (development data);
# endings that end English words or names seen elsewhere (-yn Kathryn, -tyr martyr, -ndai Hyundai,
# -ady ready, -ndy handy, -rdy hardy, -uy guy, -tar star, -qa and -qan, which Uzbek has too) are left out.
_KK_LATIN_ENDINGS = ("yq", "yp", "yz", "ldy", "ynda", "yna", "ynan", "ymen", "atyn", "ysy", "aidy", "iia",
                     "lgen", "iy", "yly", "ysty", "yndy", "tyn", "syn", "myn", "ylar", "ydy", "yrma")


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    folder = DATA
    words: dict[str, frozenset[str]] = {}
    for lang in ("en", "kk", "ru"):
        text = folder.joinpath(f"stopwords_{lang}.txt").read_text("utf-8")
        words[lang] = frozenset(_data_words(text))
    for line in folder.joinpath("function_words_other.txt").read_text("utf-8").splitlines():
        parts = _data_words(line)
        if parts:
            words[parts[0]] = frozenset(parts[1:])
    return words


def _data_words(text: str) -> list[str]:
    return [w for line in text.splitlines() for w in line.split("#", 1)[0].split()]


@lru_cache(maxsize=1)
def _evidence_words() -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    """(Kazakh-only, Russian-only function words, other Cyrillic languages' own words)."""
    fw = _function_words()
    kk, ru = fw["kk"], fw["ru"]
    other = {lang: fw[lang] - ru - kk for lang in ("uk", "bg")}
    return kk - ru, ru - kk, other


@lru_cache(maxsize=1)
def _langdetect() -> Any:
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    factory = DetectorFactory()  # our own: the module-level one is global state
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def _langdetect_probabilities(text: str) -> dict[str, float]:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _langdetect().create()
    detector.append(text)
    try:
        return {p.lang: p.prob for p in detector.get_probabilities()}
    except LangDetectException:  # no features in the text
        return {}


def _cyrillic_scores(words: list[str]) -> dict[str, float]:
    kk_words, ru_words, other_words = _evidence_words()
    kk = ru = 0.0
    other: dict[str, float] = {}
    for w in words:
        if any(c in KAZAKH_LETTERS for c in w):
            kk += _KK_LETTER_WEIGHT
        elif w in kk_words:
            kk += 1
        elif w in ru_words:
            ru += 1
        elif len(w) > 3 and (w.endswith(_RU_ENDINGS) or w[-1] == "ь"):
            ru += 0.5
        elif len(w) > 3 and w.endswith(_KK_ENDINGS):
            kk += 0.5
        for c in w:
            if c in _OTHER_CYRILLIC:
                code = _OTHER_CYRILLIC[c]
                other[code] = other.get(code, 0) + 2
                break
        for code, own in other_words.items():
            if w in own:
                other[code] = other.get(code, 0) + 1
    if "uk" in other and kk:
        # Ukrainian has і too but never ы or the other Kazakh letters.
        if any(ch in w for w in words for ch in "ыәғқңөұүһ"):
            del other["uk"]
        else:
            kk = 0.0
    total = kk + ru + _PRIOR_KK + _PRIOR_RU
    scores = {"en": 0.0, "kk": (kk + _PRIOR_KK) / total, "ru": (ru + _PRIOR_RU) / total}
    if other:
        code, weight = max(other.items(), key=lambda kv: kv[1])
        if weight > max(kk, ru):
            share = weight / (weight + kk + ru)
            scores = {lang: p * (1 - share) for lang, p in scores.items()}
            scores[code] = share
    return scores


@lru_cache(maxsize=1)
def _kazakh_latin_words() -> frozenset[str]:
    """Kazakh function words in the 2021 Latin alphabet, less those of English, Turkish and Uzbek."""
    fw = _function_words()
    latin = {normalize(kazakh_to_latin(w)) for w in fw["kk"]}
    # nor English titles before a name: sen (сен, "you") is "Sen." in "U.S. Sen. Warren"
    abbreviations = DATA / "abbrev_en.txt"
    english = {word.rstrip(".").lower() for word, _, cls in
               (line.partition("\t") for line in _data_lines(abbreviations.read_text("utf-8")))
               if cls.strip() == "prefix"}
    return frozenset(latin - fw["en"] - fw.get("tr", frozenset()) - fw.get("uz", frozenset()) - english)


def _data_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _kazakh_latin_evidence(words: list[str]) -> tuple[float, float, float, int]:
    """(Kazakh, Turkish, Uzbek evidence, how many words carry Kazakh evidence) of Latin words."""
    fw = _function_words()
    kk_words, tr_words, uz_words = _kazakh_latin_words(), fw.get("tr", frozenset()), fw.get("uz", frozenset())
    kk = tr = uz = 0.0
    carriers = 0
    for w in words:
        before = kk
        if any(c in _KK_LATIN_ONLY for c in w) or _KK_2017.search(w):
            kk += 1.5
        elif w in kk_words:
            kk += 1
        elif "ı" in w and any(c in _FRONT_LATIN for c in w):
            kk += 1  # 2021 ı is Kazakh і, a front vowel; Turkish ı is a back one
        elif "ı" in w and any(c in "aou" for c in w):
            tr += 1
        else:
            shared = sum(0.5 for c in set(w) if c in _KK_TR_SHARED or c == "ı")
            kk += shared
            tr += shared
            if len(w) > 4 and w.endswith(_KK_LATIN_ENDINGS):
                kk += 1
            elif _Y_VOWEL.search(w):
                kk += 0.5  # y as a vowel between consonants: Kazakh ы (a consonant in Turkish)
            if "i" in w and any(c in "eöü" for c in w):
                tr += 0.5  # Turkish front i; 2021 Kazakh writes front words with ı
            if _Q_NOT_U.search(w):
                kk += 0.5
                uz += 0.5
        if "ç" in w:
            tr += 1
        if w in tr_words:
            tr += 1
        if _UZ_APOSTROPHE.search(w):
            uz += 1.5
        elif w in uz_words:
            uz += 1
        carriers += kk > before
    return kk, tr, uz, carriers


def _latin_scores(text: str, words: list[str]) -> dict[str, float]:
    fw = _function_words()
    en_words = fw["en"]
    en = sum(1 for w in words if w in en_words)
    kk, tr, uz, carriers = _kazakh_latin_evidence(words)
    if kk >= 1 and kk > max(en, tr, uz) and carriers >= _KK_LATIN_SHARE * len(words):
        p = kk / (kk + en + tr + uz)
        scores = {"en": 0.0, "kk": 0.0, "ru": 0.0, KK_LATN: p}
        rest = 1 - p
        for code, weight in (("en", en), ("tr", tr), ("uz", uz)):
            if weight and rest:
                scores[code] = rest * weight / (en + tr + uz)
        return scores
    if uz >= 2 and uz > max(en, tr, kk):  # langdetect knows no Uzbek: our evidence decides
        return {"en": en / (en + uz), "kk": 0.0, "ru": 0.0, "uz": uz / (en + uz)}
    other: dict[str, float] = {}
    for w in words:
        for code, own in fw.items():
            if code not in ("en", "kk", "ru", "uk", "bg") and w in own and w not in en_words:
                other[code] = other.get(code, 0) + 1
        for c in w:
            if c in _OTHER_LATIN:
                other[_OTHER_LATIN[c]] = other.get(_OTHER_LATIN[c], 0) + 1
                break
    best = max(other.values(), default=0)
    if best == 0 or en >= best:
        return {"en": 1.0, "kk": 0.0, "ru": 0.0}
    # Some evidence of another language: langdetect must agree before we reject the text.
    probs = _langdetect_probabilities(text)
    guess = max(probs, key=probs.get) if probs else None
    if guess is None or guess == "en" or guess not in other:
        # Trust langdetect only on a language the words also point to ("Mäjilis deputies
        # approve budget": ä suggests de, langdetect says fr, it is English).
        return {"en": 1.0, "kk": 0.0, "ru": 0.0}
    p_other = probs[guess]
    return {"en": 1.0 - p_other, "kk": 0.0, "ru": 0.0, guess: p_other}


def detect_language_scores(text: str) -> dict[str, float]:
    """Evidence for each supported language, summing to 1: ``{"en": .., "kk": .., "ru": ..}``.

    When the text looks like another language, that language's code is a key too (it may be
    the largest). Languages of the script that lost get 0.

    >>> detect_language_scores("This is a book.")
    {'en': 1.0, 'kk': 0.0, 'ru': 0.0}

    Raises :class:`UnknownLanguage` when the text has no letters.
    """
    folded = normalize(text)
    words = _WORD.findall(folded)
    if not words:
        raise UnknownLanguage(f"cannot tell the language of {_preview(text)}: it has no letters")
    cyrillic = len(_CYRILLIC.findall(folded))
    latin = len(_LATIN.findall(folded))
    letters = sum(len(w) - w.count("'") - w.count("-") for w in words)
    if cyrillic + latin < letters / 2:
        probs = _langdetect_probabilities(text)
        guess = max(probs, key=probs.get) if probs else "und"
        return {"en": 0.0, "kk": 0.0, "ru": 0.0, guess: 1.0}
    if cyrillic >= latin:
        return _cyrillic_scores([w for w in words if _CYRILLIC.search(w)])
    return _latin_scores(folded, [w for w in words if _LATIN.search(w)])


def detect_language(text: str) -> str:
    """``"en"``, ``"kk"``, ``"kk-Latn"`` or ``"ru"``: the language of ``text``, even of one short segment.

    >>> [detect_language(t) for t in ("Бұл кітап.", "Это книга.", "This is a book.", "Būl kıtap.")]
    ['kk', 'ru', 'en', 'kk-Latn']

    Raises :class:`UnknownLanguage` when the text has no letters or looks like another
    language: ``... looks like 'de', which termbase does not support``.
    """
    scores = detect_language_scores(text)
    best = max(scores, key=scores.get)
    if best == "und":
        raise UnknownLanguage(
            f"the text {_preview(text)} is not written in the Cyrillic or Latin alphabet:"
            " termbase supports en, kk, ru"
        )
    if best not in ("en", "kk", "ru", KK_LATN):
        raise UnknownLanguage(
            f"the text {_preview(text)} looks like {best!r}, which termbase does not support"
            " (supported: en, kk, ru)"
        )
    return best


def _preview(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
