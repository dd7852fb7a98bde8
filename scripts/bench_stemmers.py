"""Russian match keys: Snowball (PyStemmer) against pymorphy3 lemmas.

Prints, for each method, the accuracy on case/number forms of institution words
(all forms of a group must get one key; different words must get different keys) and
its speed in words per second, uncached, over the FactRuEval devset vocabulary when
``../shared`` is there (otherwise over the test list repeated).

    .venv/bin/python scripts/bench_stemmers.py
"""

from __future__ import annotations

import re
import sys
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACTRU = ROOT.parent / "shared" / "eval" / "ner_ru" / "factRuEval-2016" / "devset"

# Every line is one word: all its forms must share a key.
GROUPS = """
генеральная генеральной генеральную генерального генеральный генеральным
прокуратура прокуратуры прокуратуре прокуратурой прокуратуру
комитет комитета комитету комитетом комитете комитеты комитетов
национальной национальная национального национальный национальным национальную
безопасность безопасности безопасностью
министерство министерства министерству министерством министерстве министерств
ассамблея ассамблеи ассамблее ассамблеей ассамблею ассамблеям
народ народа народу народом народе народов
казахстан казахстана казахстану казахстаном казахстане
суд суда суду судом суде суды судов
совет совета совету советом совете советы советов
верховный верховного верховному верховным верховном верховная верховной
правительство правительства правительству правительством правительстве
парламент парламента парламенту парламентом парламенте
мажилис мажилиса мажилису мажилисом мажилисе
сенат сената сенату сенатом сенате
палата палаты палате палатой палату палат палатам
агентство агентства агентству агентством агентстве
республика республики республике республикой республику
конституционный конституционного конституционному конституционным конституционная конституционной
служба службы службе службой службу служб
орган органа органу органом органе органы органов органам
министр министра министру министром министре министры министров
председатель председателя председателю председателем председатели
депутат депутата депутату депутатом депутаты депутатов депутатами
управление управления управлению управлением управлении
администрация администрации администрацией администрацию
президент президента президенту президентом президенте
академия академии академией академию
организация организации организацией организацию организаций
дело дела делу делом деле дел делам
счетный счетного счетному счетным счетная счетной
палаты палат
высший высшего высшему высшим высшая высшей
юстиция юстиции юстицией
""".strip().splitlines()

# Different words that a good key keeps apart.
DISTINCT = [
    ("суд", "судно"),
    ("совет", "советский"),
    ("генерал", "генеральный"),
    ("министр", "министерство"),
    ("народ", "народный"),
    ("безопасность", "безопасный"),
    ("конституция", "конституционный"),
    ("управление", "управлять"),
    ("национальный", "нация"),
    ("верховный", "верх"),
    ("государство", "государственный"),
    ("республика", "республиканский"),
    ("президент", "президентский"),
    ("счет", "счетный"),
    ("высший", "высокий"),
    ("мир", "мировой"),
    ("право", "правовой"),
    ("палата", "палаточный"),
    ("орган", "организация"),
    ("служба", "служебный"),
]


def load_snowball():
    import Stemmer

    s = Stemmer.Stemmer("russian")
    return s.stemWord


def load_pymorphy():
    import pymorphy3

    m = pymorphy3.MorphAnalyzer()

    def lemma(word: str) -> str:
        return m.parse(word)[0].normal_form.replace("ё", "е")

    return lemma


def accuracy(key) -> tuple[float, float, float, list[str]]:
    """(groups fully merged, same-word pairs merged, different-word pairs kept apart, errors)."""
    errors: list[str] = []
    full = 0
    pairs_ok = pairs = 0
    for line in GROUPS:
        forms = line.split()
        keys = [key(w) for w in forms]
        if len(set(keys)) == 1:
            full += 1
        else:
            errors.append("split: " + " ".join(f"{w}->{k}" for w, k in zip(forms, keys)))
        for a, b in combinations(keys, 2):
            pairs += 1
            pairs_ok += a == b
    apart = 0
    for a, b in DISTINCT:
        ka, kb = key(a), key(b)
        if ka != kb:
            apart += 1
        else:
            errors.append(f"merged: {a} {b} -> {ka}")
    return full / len(GROUPS), pairs_ok / pairs, apart / len(DISTINCT), errors


def vocabulary() -> tuple[list[str], str]:
    if FACTRU.is_dir():
        words: set[str] = set()
        for p in sorted(FACTRU.glob("*.txt")):
            words.update(w.lower().replace("ё", "е") for w in re.findall(r"[а-яёА-ЯЁ]+", p.read_text("utf-8")))
        return sorted(words), "FactRuEval devset vocabulary"
    words = [w for line in GROUPS for w in line.split()]
    return words * 50, "test list x50 (no ../shared)"


def speed(key, words: list[str]) -> float:
    t = time.perf_counter()
    for w in words:
        key(w)
    return len(words) / (time.perf_counter() - t)


def main() -> int:
    words, source = vocabulary()
    n_forms = sum(len(line.split()) for line in GROUPS)
    print(f"{len(GROUPS)} words in {n_forms} forms, {len(DISTINCT)} pairs of different words")
    print(f"speed over {len(words):,} distinct word forms: {source}\n")
    print(f"{'method':<12} {'load s':>7} {'groups':>8} {'pairs':>8} {'apart':>8} {'words/s':>11}")
    for name, loader in (("snowball", load_snowball), ("pymorphy3", load_pymorphy)):
        t = time.perf_counter()
        key = loader()
        key("тест")
        load = time.perf_counter() - t
        full, pairs, apart, errors = accuracy(key)
        wps = speed(key, words)
        print(f"{name:<12} {load:7.2f} {full:8.1%} {pairs:8.1%} {apart:8.1%} {wps:11,.0f}")
        for e in errors:
            print(f"    {e}")

    sys.path.insert(0, str(ROOT / "src"))
    try:
        from termbase.languages import word_key
    except ImportError as exc:  # the script also runs before the package exists
        print(f"\ntermbase.languages.word_key not importable: {exc}")
        return 0
    full, pairs, apart, errors = accuracy(lambda w: word_key(w, "ru"))
    word_key.cache_clear()
    cold = speed(lambda w: word_key(w, "ru"), words)
    warm = speed(lambda w: word_key(w, "ru"), words)
    print(f"\ntermbase word_key(w, 'ru'): groups {full:.1%}, pairs {pairs:.1%}, apart {apart:.1%}, "
          f"{cold:,.0f} words/s cold cache, {warm:,.0f} words/s warm cache")
    for e in errors:
        print(f"    {e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
