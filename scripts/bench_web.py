"""Server time of the web interface's pages with the shipped glossary plus generated concepts.

Builds a termbase (the ~400-concept glossary + ``--concepts`` generated three-language concepts, a
tenth of them proposed), signs in through the pages, and times requests in process (FastAPI's test
client: the server's own time, no network): search results as you type (the results fragment) for
queries in the three languages, inflected and misspelt, and the full pages (search, concept, review,
memory search). Prints median and 95th percentile per kind.

    PYTHONPATH=src python scripts/bench_web.py --concepts 10000 --repeat 200
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from termbase.http import ServerConfig, create_app
from termbase.models import Concept, Term, TranslationUnit
from termbase.services import Workspace, create_token, init_termbase
from termbase.store import open_store

EN = ["Water", "Forest", "Mining", "Grain", "Transport", "Energy", "Tourism", "Labour", "Sport", "Culture",
      "Archive", "Customs", "Census", "Railway", "Aviation", "Fisheries", "Geology", "Heritage", "Housing", "Youth"]
KK = ["Су", "Орман", "Тау-кен", "Астық", "Көлік", "Энергетика", "Туризм", "Еңбек", "Спорт", "Мәдениет",
      "Мұрағат", "Кеден", "Санақ", "Теміржол", "Авиация", "Балық", "Геология", "Мұра", "Тұрғын үй", "Жастар"]
RU = ["водных", "лесных", "горных", "зерновых", "транспортных", "энергетических", "туристских", "трудовых",
      "спортивных", "культурных", "архивных", "таможенных", "переписных", "железнодорожных", "авиационных",
      "рыбных", "геологических", "исторических", "жилищных", "молодёжных"]
KINDS = [("Committee", "комитеті", "Комитет"), ("Council", "кеңесі", "Совет"), ("Agency", "агенттігі", "Агентство"),
         ("Centre", "орталығы", "Центр"), ("Fund", "қоры", "Фонд")]
REGIONS = [("Akmola", "Ақмола", "Акмолинской"), ("Almaty", "Алматы", "Алматинской"), ("Atyrau", "Атырау", "Атырауской"),
           ("Kostanay", "Қостанай", "Костанайской"), ("Pavlodar", "Павлодар", "Павлодарской")]


def generated(n: int, rng: random.Random):
    for i in range(n):
        a, k, r = rng.randrange(len(EN)), rng.randrange(len(KINDS)), rng.randrange(len(REGIONS))
        en = f"{REGIONS[r][0]} Regional {EN[a]} {KINDS[k][0]} No. {i}"
        kk = f"{REGIONS[r][1]} облыстық {KK[a].lower()} {KINDS[k][1]} № {i}"
        ru = f"{KINDS[k][2]} {RU[a]} ресурсов {REGIONS[r][2]} области № {i}"
        status = "proposed" if i % 10 == 0 else "preferred"
        yield Concept(f"gen-{i}", (Term("en", en, status), Term("kk", kk, status), Term("ru", ru, status)),
                      subject="generated")


def timed(client, url, params=None) -> float:
    t = time.perf_counter()
    r = client.get(url, params=params)
    elapsed = time.perf_counter() - t
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    return elapsed * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--concepts", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(7)
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "web.db"
    init_termbase(db)
    with open_store(db) as store:
        store.concepts.add_many(generated(args.concepts, rng))
        store.memories.add_units("news", [TranslationUnit({"en": f"The Akmola Regional Water Committee No. {i} met.",
                                                            "ru": f"Комитет водных ресурсов Акмолинской области № {i} собрался."})
                                          for i in range(2000)])
        secret = create_token(Workspace(store), "bench", "terminologist").secret
    queries = ["Ассамблеясының", "Парламенті", "Senate", "Mazhilis", "Министерства юстиции", "Akmola Regional Water",
               "облыстық су комитеті", "Комитета водных", "Supreme Cort", "Сенатының"]
    with TestClient(create_app(ServerConfig(str(db)))) as client:
        client.post("/login", data={"token": secret, "next": "/"})
        for q in queries:  # warm the pool's search index (as a running server has it)
            timed(client, "/search", {"q": q, "partial": 1})
        kinds = {
            "search results (as you type)": lambda i: timed(client, "/search", {"q": queries[i % len(queries)], "partial": 1}),
            "search page": lambda i: timed(client, "/search", {"q": queries[i % len(queries)]}),
            "concept page (glossary)": lambda i: timed(client, "/concepts/apk"),
            "concept page (generated)": lambda i: timed(client, f"/concepts/gen-{(i * 37) % args.concepts}"),
            "review queue": lambda i: timed(client, "/review"),
            "memory search": lambda i: timed(client, "/memory", {"q": "The Akmola Regional Water Committee met.",
                                                                 "tm": "news", "lang": "en"}),
        }
        print(f"{args.concepts} generated concepts + the shipped glossary; {args.repeat} requests each (ms):")
        for name, fn in kinds.items():
            times = sorted(fn(i) for i in range(args.repeat))
            p95 = times[int(0.95 * (len(times) - 1))]
            print(f"  {name:32s} median {statistics.median(times):6.1f}  p95 {p95:6.1f}  max {times[-1]:6.1f}")
        text = client.get("/search", params={"q": "Akmola Regional Water", "partial": 1}).text
        print("  (results for 'Akmola Regional Water':", re.search(r"(\d+) concept\(s\)", text).group(1), ")")


if __name__ == "__main__":
    main()
