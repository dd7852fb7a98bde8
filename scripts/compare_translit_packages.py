"""Compare Kazakh transliteration packages from PyPI with termbase's own rules, against the 2021 table.

Run it with a scratch virtual environment that has the packages (never the project's):

    python3 -m venv /tmp/tr && /tmp/tr/bin/pip install qazaq-transliterator stransliterator qaznltk cyrtranslit
    /tmp/tr/bin/pip install --no-deps turkic-translit pyicu-wheels   # its full install pulls torch, gradio ...
    PYTHONPATH=src /tmp/tr/bin/python scripts/compare_translit_packages.py

For each package: the share of the 33 Cyrillic letters (small and capital) written as the official
table of 28 January 2021 writes them, the share of 13 state-body names written exactly, and whether
it reads Latin back to Cyrillic (and how many names come back exactly).
"""

from __future__ import annotations

import importlib

TABLE = [
    ("A", "a", "а"), ("Ä", "ä", "ә"), ("B", "b", "б"), ("D", "d", "д"), ("E", "e", "е"), ("F", "f", "ф"),
    ("G", "g", "г"), ("Ğ", "ğ", "ғ"), ("H", "h", "х"), ("H", "h", "һ"), ("I", "ı", "і"), ("İ", "i", "и"),
    ("İ", "i", "й"), ("J", "j", "ж"), ("K", "k", "к"), ("L", "l", "л"), ("M", "m", "м"), ("N", "n", "н"),
    ("Ñ", "ñ", "ң"), ("O", "o", "о"), ("Ö", "ö", "ө"), ("P", "p", "п"), ("Q", "q", "қ"), ("R", "r", "р"),
    ("S", "s", "с"), ("Ş", "ş", "ш"), ("T", "t", "т"), ("U", "u", "у"), ("Ū", "ū", "ұ"), ("Ü", "ü", "ү"),
    ("V", "v", "в"), ("Y", "y", "ы"), ("Z", "z", "з"),
]
NAMES = [
    ("Қазақстан Республикасының Парламенті", "Qazaqstan Respublikasynyñ Parlamentı"),
    ("Қазақстан Республикасы Парламентінің Мәжілісі", "Qazaqstan Respublikasy Parlamentınıñ Mäjılısı"),
    ("Қазақстан Республикасы Парламентінің Сенаты", "Qazaqstan Respublikasy Parlamentınıñ Senaty"),
    ("Қазақстан Республикасының Ұлттық Банкі", "Qazaqstan Respublikasynyñ Ūlttyq Bankı"),
    ("Қазақстан Республикасы Ішкі істер министрлігі", "Qazaqstan Respublikasy Işkı ıster ministrlıgı"),
    ("Ұлттық қауіпсіздік комитеті", "Ūlttyq qauıpsızdık komitetı"),
    ("Қазақстан халқы Ассамблеясы", "Qazaqstan halqy Assambleiasy"),
    ("Жоғарғы Сот", "Joğarğy Sot"),
    ("Орталық сайлау комиссиясы", "Ortalyq sailau komissiiasy"),
    ("Бас прокуратура", "Bas prokuratura"),
    ("Ақорда", "Aqorda"),
    ("Мемлекеттік кірістер комитеті", "Memlekettık kırıster komitetı"),
    ("Шымкент", "Şymkent"),
]


def candidates():
    """(name, to_latin, to_cyrillic or None) of every package that imports."""
    out = []
    try:
        from termbase.languages.translit import kazakh_to_cyrillic, kazakh_to_latin
        out.append(("termbase (own rules)", kazakh_to_latin, kazakh_to_cyrillic))
    except ImportError:
        pass
    try:
        qt = importlib.import_module("qazaq_transliterator")
        out.append(("qazaq-transliterator 2.0", qt.translit, None))
    except ImportError:
        pass
    try:
        st = importlib.import_module("trasnliterator.transliterator")
        out.append(("stransliterator 0.0.4", st.convert_to_latin, st.convert_to_cyrillic))
    except ImportError:
        pass
    try:
        tt = importlib.import_module("turkic_translit.core")
        out.append(("turkic-translit 0.5.9", lambda s: tt.to_latin(s, "kk"), None))
    except ImportError:
        pass
    try:
        q = importlib.import_module("qaznltk.qaznltk").QazNLTK()
        out.append(("qaznltk 1.3 (ISO 9)", q.convert2latin_iso9, q.convert2cyrillic_iso9))
    except ImportError:
        pass
    try:
        ct = importlib.import_module("cyrtranslit")
        out.append(("cyrtranslit 1.2 (ru table: no kk)", lambda s: ct.to_latin(s, "ru"), lambda s: ct.to_cyrillic(s, "ru")))
    except ImportError:
        pass
    return out


def main() -> None:
    print("| package | letters to 2021 (of 66) | names to Latin (of 13) | Latin to Cyrillic | names back (of 13) | wrong letters |")
    print("|---|---|---|---|---|---|")
    for name, to_latin, to_cyrillic in candidates():
        ok_letters, wrong = 0, []
        for cap, small, cyr in TABLE:
            for src, want in ((cyr, small), (cyr.upper(), cap)):
                try:
                    got = to_latin(src)
                except Exception as exc:  # a package that fails on a letter counts it wrong
                    got = f"<{type(exc).__name__}>"
                if got == want:
                    ok_letters += 1
                elif src == cyr:
                    wrong.append(f"{cyr}->{got}")
        ok_names = sum(1 for cyr, lat in NAMES if _safe(to_latin, cyr) == lat)
        back = "-" if to_cyrillic is None else str(sum(1 for cyr, lat in NAMES if _safe(to_cyrillic, lat) == cyr))
        print(f"| {name} | {ok_letters} | {ok_names} | {'yes' if to_cyrillic else 'no'} | {back} | {' '.join(wrong[:12])} |")


def _safe(fn, text):
    try:
        return fn(text)
    except Exception as exc:  # noqa: BLE001 - reported as a wrong answer
        return f"<{type(exc).__name__}>"


if __name__ == "__main__":
    main()
