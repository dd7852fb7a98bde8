"""The mining corpus keeps each word's offsets; the linker gives a row of links at a time."""

from termbase.mining import Linker, MinedUnit, UnitCorpus
from termbase.mining.miner import _breaks, _one_to_one

UNITS = [
    MinedUnit(1, {"en": "Harvard University said so.", "ru": "Так заявил Гарвардский университет."}),
    MinedUnit(2, {"en": "He studied at Harvard University.", "kk": ""}),  # no Kazakh (empty text)
    MinedUnit(3, {"en": "...", "ru": "Он учился в Гарвардском университете.", "kk": "Ол Гарвард университетінде оқыды."}),
]


def test_tokens_and_words_come_from_the_offsets_kept_at_indexing():
    corpus = UnitCorpus(UNITS)
    assert corpus.tokens(0, "ru") == [("Так", 0, 3), ("заявил", 4, 10), ("Гарвардский", 11, 22),
                                      ("университет", 23, 34)]
    assert corpus.words(0, "en") == ["Harvard", "University", "said", "so"]
    assert corpus.words(1, "en", 2, 4) == ["at", "Harvard"]
    assert corpus.words(2, "kk", 1) == ["Гарвард", "университетінде", "оқыды"]
    # a unit without the language, with an empty text or a text of no words: no words
    assert corpus.tokens(1, "ru") == corpus.tokens(1, "kk") == corpus.tokens(2, "en") == []
    assert corpus.words(0, "kk") == corpus.words(1, "ru") == []
    assert [len(corpus.keys["kk"][u]) for u in range(3)] == [0, 0, 4]


def test_a_text_over_64k_characters_keeps_its_offsets():
    text = "x " * 40000 + "Harvard"
    corpus = UnitCorpus([MinedUnit(1, {"en": text, "ru": "Гарвард"})])
    assert corpus.tokens(0, "en")[-1] == ("Harvard", 80000, 80007)


def test_a_row_of_links_is_each_pair_linked():
    corpus = UnitCorpus(UNITS)
    words = corpus.words(2, "ru")
    kids = corpus.keys["ru"][2]
    linker = Linker(corpus, "en", "ru")
    row = linker.links("Harvard", corpus.key_id("Harvard", "en"), words, kids)
    again = Linker(corpus, "en", "ru")
    assert row == [again.link("Harvard", corpus.key_id("Harvard", "en"), w, k) for w, k in zip(words, kids)]
    assert row[:3] == [0.0, 0.0, 0.0] and row[3] == 0.9  # "Гарвардском" spelt alike
    # remembered: the same row again
    assert linker.links("Harvard", corpus.key_id("Harvard", "en"), words, kids) == row


def test_one_to_one_takes_the_strongest_ties_each_word_once():
    # source words 0, 1; target words 5, 6: 0 ties both, 1 only 5
    pairs = sorted([(0.9, 0, 5), (0.8, 0, 6), (0.7, 1, 5)], reverse=True)
    assert _one_to_one(pairs, [1, 1], [1] * 7) == 0.9  # 0 takes 5; 1 has nothing left
    # a hyphenated target word takes two source words
    assert _one_to_one(pairs, [1, 1], [1, 1, 1, 1, 1, 2, 1]) == 0.9 + 0.7


def test_breaks_between_words():
    text = "Ол полиция бөлімшесінде қамауда, U.S. Жоғарғы"
    tokens = [(text[a:b], a, b) for a, b in [(0, 2), (3, 10), (11, 23), (24, 31), (33, 34), (35, 36), (38, 45)]]
    # a comma and a dot break, not the dots of initials ("U.S. Жоғарғы": the abbreviation's last dot
    # neither); in Kazakh a locative possessive ends a name
    assert _breaks(text, tokens, "kk") == [False, False, False, True, True, False, False]
    assert _breaks(text, tokens, "ru") == [False, False, False, False, True, False, False]
    text = "Ол келді. Жоғарғы"
    tokens = [(text[a:b], a, b) for a, b in [(0, 2), (3, 8), (10, 17)]]
    assert _breaks(text, tokens, "kk") == [False, False, True]


def test_a_kazakh_possessive_in_the_locative_breaks_after_a_consonant_stem_too():
    # "ауданында" is аудан + ы + нда as "бөлімшесінде" is бөлімше + сі + нде (languages.kazakh_endings.possessive_case_kk)
    text = "Ол Қарасай ауданында Жоғарғы Сотта"
    tokens = [(text[a:b], a, b) for a, b in [(0, 2), (3, 10), (11, 20), (21, 28), (29, 34)]]
    assert _breaks(text, tokens, "kk") == [False, False, False, True, False]


def test_the_linkers_of_one_corpus_share_its_word_associations_bounded(monkeypatch):
    """Associations depend on the corpus alone: a server's kept corpus computes each once for all its
    requests' linkers (per pair of languages), keeping at most links.ASSOCIATIONS_KEPT words."""
    from termbase.mining import links

    corpus = UnitCorpus(UNITS * 2)
    harvard, university = corpus.key_id("Harvard", "en"), corpus.key_id("University", "en")
    first = Linker(corpus, "en", "ru").associations(harvard)
    assert first and Linker(corpus, "en", "ru").associations(harvard) is first
    assert Linker(corpus, "en", "kk").associations(harvard) is not first  # another pair of languages
    assert Linker(UnitCorpus(UNITS * 2), "en", "ru").associations(harvard) == first  # another corpus: its own
    monkeypatch.setattr(links, "ASSOCIATIONS_KEPT", 1)
    small = UnitCorpus(UNITS * 2)
    linker = Linker(small, "en", "ru")
    linker.associations(harvard), linker.associations(university)
    assert small.shared(("associations", "en", "ru"), dict).keys() == [university]


def test_the_word_associations_kept_with_a_corpus_are_bounded_in_bytes(monkeypatch):
    """They weigh at most links.ASSOCIATIONS_BYTES per pair of languages (the least recently used
    go); associations_most, what a cache of corpora counts a corpus with on top of its index, is the
    most they can weigh: for a corpus too small to fill that, each of its 17 word keys tied to every
    target word found in two units or more (en 7, kk 4, ru 7), from each of the two other languages."""
    from termbase.mining import associations_most, links

    corpus = UnitCorpus(UNITS * 2)
    assert associations_most(corpus) == 2 * 17 * (2 * (264 + 212 * 7) + 264 + 212 * 4) == 156_672
    words = [corpus.key_id(w, "en") for w in ("Harvard", "University", "said", "so")]
    linker = Linker(corpus, "en", "ru")
    assert [len(linker.associations(kid)) for kid in words] == [4, 4, 4, 4]
    kept = corpus.shared(("associations", "en", "ru"), dict)
    assert kept.keys() == words and 0 < kept.weight <= associations_most(corpus)
    monkeypatch.setattr(links, "ASSOCIATIONS_BYTES", 2 * kept.weight // 4)  # room for two of them
    small = UnitCorpus(UNITS * 2)
    linker = Linker(small, "en", "ru")
    for kid in words:
        linker.associations(kid)
    assert small.shared(("associations", "en", "ru"), dict).keys() == words[2:]
    assert associations_most(small) == 6 * (2 * kept.weight // 4)
