"""Fuzzy search and concordance over a stored memory (small fixtures, exact results)."""

import pytest

from termbase.models import TranslationUnit
from termbase.search.tm import concordance, fuzzy_matches, similarity

UNITS = [
    TranslationUnit({"en": "The Government approved the budget for 2025.", "kk": "Үкімет 2025 жылғы бюджетті бекітті.",
                     "ru": "Правительство утвердило бюджет на 2025 год."}),
    TranslationUnit({"en": "The decision of the Government was published.", "kk": "Үкіметтің шешімі жарияланды.",
                     "ru": "Решение правительства опубликовано."}),
    TranslationUnit({"en": "The Senate adopted the law on education.", "kk": "Сенат білім туралы заңды қабылдады.",
                     "ru": "Сенат принял закон об образовании."}),
    TranslationUnit({"en": "The President signed the law.", "kk": "Президент заңға қол қойды.",
                     "ru": "Президент подписал закон с правительством."}),
]


@pytest.fixture
def mem(store):
    """The memory "news" of UNITS, on each backend (the fuzzy-match results are the same on both)."""
    store.memories.add_units("news", UNITS)
    ids = [u.id for u in store.memories.iter_units("news")]
    return store.memories, ids


@pytest.mark.parametrize("a, b, score", [
    ("The Senate adopted the law.", "The Senate adopted the law.", 100),
    ("The Senate adopted the law.", "The  Senate adopted the law. ", 100),
    ("The Senate adopted the law.", "the Senate adopted the law!", 99),
    ("The Senate adopted the law on education.", "The Senate adopted the law on health.", 85),  # 1 of 7 words
    ("The Government approved the budget for 2025.", "The Government approved the budget for 2026.", 85),
    ("One two three four.", "Five six.", 0),
])
def test_similarity_is_word_edit_distance_over_the_longer(a, b, score):
    assert similarity(a, b) == score


def test_exact_fuzzy_and_below_threshold(mem):
    memories, ids = mem
    exact = fuzzy_matches(memories, "news", "The Senate adopted the law on education.", "en")
    assert [(m.unit_id, m.score) for m in exact] == [(ids[2], 100)]
    assert exact[0].targets == {"kk": "Сенат білім туралы заңды қабылдады.", "ru": "Сенат принял закон об образовании."}
    fuzzy = fuzzy_matches(memories, "news", "The Government approved the budget for 2026.", "en")
    assert [(m.unit_id, m.score) for m in fuzzy] == [(ids[0], 85)]
    assert fuzzy_matches(memories, "news", "The Government approved the budget for 2026.", "en", min_score=90) == []
    # only units with a Russian text, searched in Kazakh
    kk = fuzzy_matches(memories, "news", "Сенат білім туралы заңды қабылдады.", "kk", target_langs=["ru"])
    assert [(m.unit_id, m.score, list(m.targets)) for m in kk] == [(ids[2], 100, ["ru"])]


def test_best_first_then_by_unit(mem):
    memories, ids = mem
    found = fuzzy_matches(memories, "news", "The Senate signed the law.", "en", min_score=50)
    assert [(m.unit_id, m.score) for m in found] == [(ids[3], 80), (ids[2], 57)]


def test_kazakh_and_russian_concordance_finds_inflected_forms(mem):
    memories, ids = mem
    kk = concordance(memories, "news", "үкімет", "kk")
    assert [(m.unit_id, [m.source[a:b] for a, b in m.spans]) for m in kk] == [
        (ids[0], ["Үкімет"]), (ids[1], ["Үкіметтің"])]
    ru = concordance(memories, "news", "правительство", "ru")
    assert [(m.unit_id, [m.source[a:b] for a, b in m.spans]) for m in ru] == [
        (ids[0], ["Правительство"]), (ids[1], ["правительства"]), (ids[3], ["правительством"])]
    phrase = concordance(memories, "news", "принять закон", "ru")
    assert [(m.unit_id, [m.source[a:b] for a, b in m.spans]) for m in phrase] == [(ids[2], ["принял закон"])]


def test_index_is_right_after_a_delete(mem, tmp_path):
    memories, ids = mem
    memories.remove("news")
    assert concordance(memories, "news", "үкімет", "kk") == []
    memories.add_units("news", UNITS[1:2])
    (new,) = [u.id for u in memories.iter_units("news")]
    assert [m.unit_id for m in concordance(memories, "news", "үкімет", "kk")] == [new]
    assert [m.unit_id for m in fuzzy_matches(memories, "news", "The decision of the Government was published.", "en")] == [new]


def test_units_the_shortlist_ranks_the_same_are_all_scored(store):
    # five variants of one sentence that the index tells apart only by their last word, commoner than
    # the words they share (each day is in 20 other units): the rarer words rank them all the same
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    shared = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon"
    units = [TranslationUnit({"en": f"{shared} {day}", "kk": f"{i}"}) for i, day in enumerate(days)]
    units += [TranslationUnit({"en": f"{day} report {k}", "kk": f"{day} {k}"}) for day in days for k in range(20)]
    store.memories.add_units("m", units)
    ids = [u.id for u in store.memories.iter_units("m")][:5]
    query = f"{shared} Friday"
    first = fuzzy_matches(store.memories, "m", query, "en", limit=1, shortlist=2, ties=0)
    assert [(m.unit_id, m.score) for m in first] == [(ids[0], 95)]  # Monday's: Friday's was not shortlisted
    found = fuzzy_matches(store.memories, "m", query, "en", limit=2, shortlist=2)
    assert [(m.unit_id, m.score, m.targets) for m in found] == [(ids[4], 100, {"kk": "4"}), (ids[0], 95, {"kk": "0"})]


def test_units_holding_the_same_text_are_each_found(store):
    store.memories.add_units("m", [TranslationUnit({"en": "The law was adopted.", "kk": "Заң қабылданды."}),
                                   TranslationUnit({"en": "The tax was adopted.", "ru": "Налог принят."}),
                                   TranslationUnit({"en": "The law was adopted.", "ru": "Закон принят."})])
    ids = [u.id for u in store.memories.iter_units("m")]
    found = fuzzy_matches(store.memories, "m", "The law was adopted!", "en", min_score=50)
    assert [(m.unit_id, m.score) for m in found] == [(ids[0], 99), (ids[2], 99), (ids[1], 75)]
    found = fuzzy_matches(store.memories, "m", "The law was adopted.", "en", target_langs=["ru"], limit=1)
    assert [(m.unit_id, m.score, m.targets) for m in found] == [(ids[2], 100, {"ru": "Закон принят."})]


def test_units_without_the_target_language_are_passed_over_in_every_step(store):
    # 20 units of the same text without Russian, read in steps of 8 and 32: the first with Russian is found
    store.memories.add_units("m", [TranslationUnit({"en": "The law was adopted.", "kk": f"Заң {i}"}) for i in range(20)]
                             + [TranslationUnit({"en": "The law was adopted!", "ru": "Закон принят!"}),
                                TranslationUnit({"en": "The law was adopted.", "ru": "Закон принят."})])
    ids = [u.id for u in store.memories.iter_units("m")]
    found = fuzzy_matches(store.memories, "m", "The law was adopted.", "en", target_langs=["ru"], limit=2)
    assert [(m.unit_id, m.score, m.targets) for m in found] == [(ids[21], 100, {"ru": "Закон принят."}),
                                                                (ids[20], 99, {"ru": "Закон принят!"})]
    found = fuzzy_matches(store.memories, "m", "The law was adopted.", "en", limit=3)
    assert [(m.unit_id, m.score, m.targets) for m in found] == [(ids[0], 100, {"kk": "Заң 0"}),
                                                                (ids[1], 100, {"kk": "Заң 1"}),
                                                                (ids[2], 100, {"kk": "Заң 2"})]


def test_the_matches_are_those_of_a_scan_of_every_unit(store):
    # variants of one sentence of 20 words with 0 to 7 of them replaced by commoner words, and other
    # sentences of those (a shortlist holding every variant): the scoring stops early in the index's
    # order, and still finds what scoring every unit finds
    import random

    rng = random.Random(4)
    base = [f"b{i}" for i in range(20)]
    common = [f"c{i}" for i in range(8)]
    texts = []
    for j in range(8):
        for _ in range(4):
            words = list(base)
            for k in rng.sample(range(20), j):
                words[k] = rng.choice(common)
            texts.append(" ".join(words))
    texts += [" ".join(rng.choices(common, k=12)) for _ in range(200)]
    texts = list(dict.fromkeys(texts))
    store.memories.add_units("m", [TranslationUnit({"en": t, "kk": str(i)}) for i, t in enumerate(texts)])
    ids = [u.id for u in store.memories.iter_units("m")]
    for q in range(12):
        words = list(base)
        del words[rng.randrange(20)]
        words[rng.randrange(19)] = rng.choice(common)
        query = " ".join(words)
        scan = sorted((-similarity(query, t), unit_id) for unit_id, t in zip(ids, texts))
        want = [(unit_id, -s) for s, unit_id in scan if -s >= 50][:12]
        got = fuzzy_matches(store.memories, "m", query, "en", min_score=50, limit=12, shortlist=40)
        assert [(m.unit_id, m.score) for m in got] == want, query


class _Counted:
    """A memory repository that records the texts it is asked for: (method, how many ids)."""

    def __init__(self, memories):
        self._memories, self.calls = memories, []

    def __getattr__(self, name):
        return getattr(self._memories, name)

    def texts_in(self, unit_ids, lang):
        self.calls.append(("texts_in", len(unit_ids)))
        return self._memories.texts_in(unit_ids, lang)

    def unit_texts(self, unit_ids):
        self.calls.append(("unit_texts", len(unit_ids)))
        return self._memories.unit_texts(unit_ids)


def test_the_texts_of_the_candidates_are_read_in_one_call_a_step(store):
    # the 20 units without Russian all score 100 and are passed over: their languages were read one
    # unit a call (23 round trips on PostgreSQL); now the first step's 8 units with their languages,
    # then the second step's texts, then its units' languages in one call
    store.memories.add_units("m", [TranslationUnit({"en": "The law was adopted.", "kk": f"Заң {i}"}) for i in range(20)]
                             + [TranslationUnit({"en": "The law was adopted!", "ru": "Закон принят!"}),
                                TranslationUnit({"en": "The law was adopted.", "ru": "Закон принят."})])
    ids = [u.id for u in store.memories.iter_units("m")]
    counted = _Counted(store.memories)
    found = fuzzy_matches(counted, "m", "The law was adopted.", "en", target_langs=["ru"], limit=2)
    assert [(m.unit_id, m.score) for m in found] == [(ids[21], 100), (ids[20], 99)]
    assert counted.calls == [("unit_texts", 8), ("texts_in", 14), ("unit_texts", 14)]
    counted.calls.clear()
    found = fuzzy_matches(counted, "m", "The law was adopted.", "en", limit=3)
    assert [m.unit_id for m in found] == ids[:3]
    assert counted.calls == [("unit_texts", 8), ("texts_in", 14)]  # no unit of step 2 comes into the 3 best
