#!/usr/bin/env python3
"""Make a large termbase for the scale benchmarks: N generated concepts (plus the shipped glossary).

Each concept is a public body named the way Kazakhstan's bodies are: a body (department, committee
...) for an area (health, water resources ...) of a district of a region, in English, Kazakh and
Russian, e.g. "Aksu District Health Department of Akmola Region" / "Ақмола облысы Ақсу ауданының
денсаулық сақтау басқармасы" / "Управление здравоохранения района Аксу Акмолинской области". One
concept in 20 also has a deprecated English short form, one in 10 an English acronym. The names are
GENERATED (not official) and every term has status ``proposed`` or ``deprecated``; they only give a
termbase of realistic size, word counts and vocabulary. Up to 1,480,000 distinct concepts, ordered by
a fixed permutation (the first N are spread over all the combinations).

    python scripts/gen_termbase.py OUT.db --n 1000000 [--batch 20000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from termbase.glossary import load_shipped
from termbase.models import Concept, Term
from termbase.store import new_store

BODIES = [  # en, kk (after the area), ru (before the area)
    ("Department", "басқармасы", "Управление"), ("Committee", "комитеті", "Комитет"),
    ("Agency", "агенттігі", "Агентство"), ("Inspectorate", "инспекциясы", "Инспекция"),
    ("Centre", "орталығы", "Центр"), ("Service", "қызметі", "Служба"), ("Council", "кеңесі", "Совет"),
    ("Fund", "қоры", "Фонд"), ("Institute", "институты", "Институт"), ("Directorate", "дирекциясы", "Дирекция"),
    ("Commission", "комиссиясы", "Комиссия"), ("Bureau", "бюросы", "Бюро"),
    ("Division", "бөлімі", "Отдел"), ("Laboratory", "зертханасы", "Лаборатория"),
    ("Registry", "тіркелімі", "Реестр"), ("Academy", "академиясы", "Академия"),
]
AREAS = [  # en, kk, ru (genitive)
    ("Health", "денсаулық сақтау", "здравоохранения"), ("Education", "білім", "образования"),
    ("Agriculture", "ауыл шаруашылығы", "сельского хозяйства"), ("Water Resources", "су ресурстары", "водных ресурсов"),
    ("Land Relations", "жер қатынастары", "земельных отношений"), ("Public Transport", "қоғамдық көлік", "общественного транспорта"),
    ("Culture", "мәдениет", "культуры"), ("Sport", "спорт", "спорта"), ("Tourism", "туризм", "туризма"),
    ("Employment", "жұмыспен қамту", "занятости"), ("Social Protection", "әлеуметтік қорғау", "социальной защиты"),
    ("Housing", "тұрғын үй", "жилищного хозяйства"), ("Energy", "энергетика", "энергетики"),
    ("Ecology", "экология", "экологии"), ("Forestry", "орман шаруашылығы", "лесного хозяйства"),
    ("Veterinary Control", "ветеринариялық бақылау", "ветеринарного контроля"), ("Road Safety", "жол қауіпсіздігі", "безопасности дорожного движения"),
    ("Civil Registration", "азаматтық хал актілерін тіркеу", "регистрации актов гражданского состояния"),
    ("Architecture", "сәулет", "архитектуры"), ("Urban Planning", "қала құрылысы", "градостроительства"),
    ("Finance", "қаржы", "финансов"), ("State Revenue", "мемлекеттік кірістер", "государственных доходов"),
    ("Statistics", "статистика", "статистики"), ("Youth Policy", "жастар саясаты", "молодёжной политики"),
    ("Religious Affairs", "дін істері", "по делам религий"), ("Internal Policy", "ішкі саясат", "внутренней политики"),
    ("Entrepreneurship", "кәсіпкерлік", "предпринимательства"), ("Industry", "өнеркәсіп", "промышленности"),
    ("Digitalisation", "цифрландыру", "цифровизации"), ("Archives", "мұрағат", "архивов"),
    ("Languages", "тілдерді дамыту", "развития языков"), ("Physical Culture", "дене шынықтыру", "физической культуры"),
    ("Emergency Situations", "төтенше жағдайлар", "чрезвычайных ситуаций"), ("Public Health", "қоғамдық денсаулық", "общественного здоровья"),
    ("Mineral Resources", "жер қойнауы", "недропользования"), ("Fisheries", "балық шаруашылығы", "рыбного хозяйства"),
    ("Migration", "көші-қон", "миграции"), ("Labour Inspection", "еңбек инспекциясы", "инспекции труда"),
    ("Pensions", "зейнетақы", "пенсионного обеспечения"), ("Utilities", "коммуналдық шаруашылық", "коммунального хозяйства"),
]
REGIONS = [  # en, kk, ru (genitive)
    ("Akmola Region", "Ақмола облысы", "Акмолинской области"), ("Aktobe Region", "Ақтөбе облысы", "Актюбинской области"),
    ("Almaty Region", "Алматы облысы", "Алматинской области"), ("Atyrau Region", "Атырау облысы", "Атырауской области"),
    ("East Kazakhstan Region", "Шығыс Қазақстан облысы", "Восточно-Казахстанской области"),
    ("Zhambyl Region", "Жамбыл облысы", "Жамбылской области"), ("West Kazakhstan Region", "Батыс Қазақстан облысы", "Западно-Казахстанской области"),
    ("Karaganda Region", "Қарағанды облысы", "Карагандинской области"), ("Kostanay Region", "Қостанай облысы", "Костанайской области"),
    ("Kyzylorda Region", "Қызылорда облысы", "Кызылординской области"), ("Mangystau Region", "Маңғыстау облысы", "Мангистауской области"),
    ("Pavlodar Region", "Павлодар облысы", "Павлодарской области"), ("North Kazakhstan Region", "Солтүстік Қазақстан облысы", "Северо-Казахстанской области"),
    ("Turkistan Region", "Түркістан облысы", "Туркестанской области"), ("Abai Region", "Абай облысы", "области Абай"),
    ("Zhetysu Region", "Жетісу облысы", "области Жетісу"), ("Ulytau Region", "Ұлытау облысы", "области Ұлытау"),
]
# District names: a first part and a second part (Ақ + су = Ақсу)
FIRST = [("Ak", "Ақ", "Ак"), ("Kara", "Қара", "Кара"), ("Sary", "Сары", "Сары"), ("Kok", "Көк", "Кок"),
         ("Zhana", "Жаңа", "Жана"), ("Kyzyl", "Қызыл", "Кызыл"), ("Taldy", "Талды", "Талды"), ("Esil", "Есіл", "Есиль"),
         ("Uly", "Ұлы", "Улы"), ("Bal", "Бал", "Бал"), ("Shu", "Шу", "Шу"), ("Koksu", "Көксу", "Коксу")]
SECOND = [("su", "су", "су"), ("tau", "тау", "тау"), ("kol", "көл", "коль"), ("korgan", "қорған", "курган"),
          ("bulak", "бұлақ", "булак"), ("aral", "арал", "арал"), ("togai", "тоғай", "тогай"), ("zhar", "жар", "жар"),
          ("sai", "сай", "сай"), ("dala", "дала", "дала"), ("tobe", "төбе", "тобе"), ("agash", "ағаш", "агаш")]
PLACES = [(a[0] + b[0], a[1] + b[1], a[2] + b[2]) for a in FIRST for b in SECOND]  # 144
TOTAL = len(BODIES) * len(AREAS) * len(REGIONS) * len(PLACES)
_STEP = 1_000_003  # a prime: i -> i * _STEP % TOTAL visits every combination once


def concept(i: int) -> Concept:
    n = i * _STEP % TOTAL
    n, b = divmod(n, len(BODIES))
    n, a = divmod(n, len(AREAS))
    n, r = divmod(n, len(REGIONS))
    p = n % len(PLACES)
    body, area, region, place = BODIES[b], AREAS[a], REGIONS[r], PLACES[p]
    en = f"{place[0]} District {area[0]} {body[0]} of {region[0]}"
    kk = f"{region[1]} {place[1]} ауданының {area[1]} {body[1]}"
    ru = f"{body[2]} {area[2]} района {place[2]} {region[2]}"
    terms = [Term("en", en, "proposed"), Term("kk", kk, "proposed"), Term("ru", ru, "proposed")]
    if i % 20 == 0:
        terms.append(Term("en", f"{place[0]} {area[0]} {body[0]}", "deprecated", "short"))
    if i % 10 == 3:
        acronym = "".join(w[0] for w in en.split() if w[0].isupper())
        terms.append(Term("en", acronym + str(i % 97), "proposed", "acronym"))
    return Concept(f"gen-{i:07d}", tuple(terms), subject="generated", note="generated for benchmarks, not official")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=20_000, help="concepts per transaction")
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()
    if args.n > TOTAL:
        sys.exit(f"at most {TOTAL} concepts")
    t0 = time.perf_counter()
    with new_store(args.out, replace=args.force) as store:
        store.concepts.add_many(load_shipped())
        for start in range(0, args.n, args.batch):
            store.concepts.add_many(concept(i) for i in range(start, min(args.n, start + args.batch)))
            print(f"\r{min(args.n, start + args.batch):,} concepts, {time.perf_counter() - t0:.0f} s",
                  end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    print(f"{args.out}: {args.n:,} generated concepts + the shipped glossary in {time.perf_counter() - t0:.1f} s, "
          f"{args.out.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
