"""termbase glossary latin: generated kk-Latn terms, proposed, marked, in history; lookups in Latin."""

from __future__ import annotations

import pytest

from termbase.models import Concept, Term
from termbase.services import Workspace, add_terms, generate_latin, init_termbase, lookup, update_glossary
from termbase.services.latin import LATIN_ACTOR, is_generated_latin


@pytest.fixture
def ws(tmp_path, apk):
    init_termbase(tmp_path / "t.db", empty=True)
    with Workspace.open(tmp_path / "t.db") as opened:
        opened.store.concepts.add_many([
            apk,
            Concept("parliament", (Term("en", "Parliament"), Term("kk", "Қазақстан Республикасының Парламенті"),
                                   Term("kk", "Парламент", "admitted", "short"))),
            Concept("mazhilis", (Term("en", "Mazhilis"), Term("kk", "Мәжіліс"), Term("kk", "Мажилис", "forbidden"))),
        ])
        yield opened


def test_generated_terms_are_proposed_marked_and_recorded(ws):
    result = generate_latin(ws)
    assert result.to_dict() == {
        "added": {"apk": ["Qazaqstan halqy Assambleiasy", "QHA"], "mazhilis": ["Mäjılıs", "Majilis"],
                  "parliament": ["Qazaqstan Respublikasynyñ Parlamentı", "Parlament"]},
        "terms": 6, "applied": True,
    }
    latin = ws.store.concepts.get("mazhilis").terms_in("kk-Latn")
    assert [(t.text, t.status, t.note) for t in latin] == [
        ("Mäjılıs", "proposed", "generated: 2021 Latin transliteration of «Мәжіліс» (preferred); not an official spelling"),
        ("Majilis", "forbidden", "generated: 2021 Latin transliteration of «Мажилис» (forbidden); not an official spelling"),
    ]
    assert all(is_generated_latin(t) for t in latin)
    last = ws.store.concepts.history("mazhilis")[-1]
    assert (last.action, last.actor) == ("update", LATIN_ACTOR)
    # again: nothing left to add
    assert generate_latin(ws).terms == 0


def test_dry_run_writes_nothing(ws):
    assert generate_latin(ws, dry_run=True).terms == 6
    assert ws.store.concepts.get("apk").terms_in("kk-Latn") == []


def test_a_term_entered_by_hand_is_not_generated_again(ws):
    add_terms(ws, "parliament", "kk-Latn", "Parlament {admitted, short}")
    assert generate_latin(ws).added["parliament"] == ("Qazaqstan Respublikasynyñ Parlamentı",)


def test_generated_terms_are_no_user_edit_for_glossary_update(tmp_path):
    init_termbase(tmp_path / "g.db")
    with Workspace.open(tmp_path / "g.db") as opened:
        generate_latin(opened)
        diff = update_glossary(opened, dry_run=True)
        assert (diff.kept_edited, diff.changed) == ((), ())


@pytest.mark.parametrize("query, concept, how", [
    ("Qazaqstan Respublikasynyñ Parlamentı", "parliament", "exact"),
    ("Parlamenttıñ", "parliament", "inflected"),
    ("Qazaqstan halqy Assambleiasynyñ", "apk", "inflected"),
    ("QHA-nyñ", "apk", "inflected"),
    ("Mäjılıske", "mazhilis", "inflected"),
])
def test_inflected_latin_lookups(ws, query, concept, how):
    match = lookup(ws, query, limit=1).matches[0]
    assert (match.concept.id, match.how) == (concept, how)


def test_latin_term_found_by_a_cyrillic_query(ws):
    add_terms(ws, "mazhilis", "kk-Latn", "Mäjılıs jinalysy {admitted, variant}")
    match = lookup(ws, "Мәжіліс жиналысында", lang="kk", limit=1).matches[0]
    assert (match.concept.id, match.matched.lang, match.how) == ("mazhilis", "kk-Latn", "inflected")


def test_memory_export_asked_for_latin_kazakh(ws, tmp_path):
    from termbase.models import TranslationUnit
    from termbase.services import export

    ws.store.memories.add_units("m", [
        TranslationUnit({"en": "The Parliament adopted the law.", "kk": "Парламент заңды қабылдады."}),
        TranslationUnit({"en": "The Senate met.", "kk": "Сенат жиналды.", "kk-Latn": "Senat jinaldy."}),
    ])
    export(ws, "tmx", tmp_path / "a.tmx", memory="m", langs=["en", "kk-Latn"])
    text = (tmp_path / "a.tmx").read_text(encoding="utf-8")
    assert ('<prop type="x-kk-Latn">transliterated from kk (2021 Latin alphabet)</prop>\n'
            '      <tuv xml:lang="en"><seg>The Parliament adopted the law.</seg></tuv>\n'
            '      <tuv xml:lang="kk-Latn"><seg>Parlament zañdy qabyldady.</seg></tuv>') in text
    assert '<tuv xml:lang="kk-Latn"><seg>Senat jinaldy.</seg></tuv>' in text  # its own, kept
    assert "Парламент" not in text
    # by default a memory's Latin Kazakh texts are written, none is made
    export(ws, "tmx", tmp_path / "b.tmx", memory="m")
    default = (tmp_path / "b.tmx").read_text(encoding="utf-8")
    assert default.count('xml:lang="kk-Latn"') == 1 and "x-kk-Latn" not in default


def test_extraction_of_latin_kazakh(ws, tmp_path):
    from termbase.services import extract_files

    doc = tmp_path / "latn.txt"
    doc.write_text("Qazaqstan halqy Assambleiasynyñ sessiiasy Astanada ötti. Qazaqstan halqy Assambleiasy "
                   "jyl saiyn jinalady. Būl jolğy sessiiada Qazaqstan halqy Assambleiasynyñ törağasy söiledı.\n",
                   encoding="utf-8")
    run = extract_files([doc], ws=ws)
    (result,) = run.results
    assert result.language == "kk-Latn"
    apk = [c for c in result.candidates if c.concept_id == "apk"]
    assert [(c.term, c.frequency) for c in apk] == [("Qazaqstan halqy Assambleiasy", 3)]
    assert all(ch.isascii() or ch in "äğıñöşūüİ" for c in result.candidates for ch in c.term)


def test_memory_search_in_both_scripts(ws):
    from termbase.models import TranslationUnit
    from termbase.services import search_memory

    ws.store.memories.add_units("m", [
        TranslationUnit({"en": "The Parliament adopted the law.", "kk": "Парламент заңды қабылдады."}),
        TranslationUnit({"en": "The Senate met.", "kk-Latn": "Senat jinaldy."}),
    ])
    latin = search_memory(ws, "Parlament zañdy qabyldady.", "m", lang="kk-Latn")
    assert [(m.unit_id, m.score, m.lang, m.source) for m in latin.matches] == [
        (1, 100, "kk", "Парламент заңды қабылдады.")]
    cyrillic = search_memory(ws, "Сенат жиналды.", "m", lang="kk")
    assert [(m.lang, m.source) for m in cyrillic.matches] == [("kk-Latn", "Senat jinaldy.")]
    words = search_memory(ws, "заңдар", "m", lang="kk", concordance_of_words=True)
    assert [(m.unit_id, m.spans) for m in words.matches] == [(1, ((10, 15),))]
    latin_words = search_memory(ws, "Senattyñ", "m", lang="kk-Latn", concordance_of_words=True)
    assert [(m.unit_id, m.lang) for m in latin_words.matches] == [(2, "kk-Latn")]


def test_pretranslate_a_latin_kazakh_po(ws, tmp_path):
    from termbase.models import TranslationUnit
    from termbase.services import pretranslate

    ws.store.memories.add_units("m", [
        TranslationUnit({"en": "The Parliament adopted the law.", "kk": "Парламент заңды қабылдады."}),
        TranslationUnit({"en": "The Senate met.", "kk-Latn": "Senat jinaldy."}),
    ])
    po = tmp_path / "todo.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: kk@latin\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "The Parliament adopted the law."\nmsgstr ""\n\nmsgid "The Senate met."\nmsgstr ""\n',
                  encoding="utf-8")
    result = pretranslate(ws, po, "m", output=tmp_path / "out.po")
    text = (tmp_path / "out.po").read_text(encoding="utf-8")
    # the Cyrillic text transliterated, for review; the memory's own Latin text as it is
    assert ('# Parliament = Qazaqstan Respublikasynyñ Parlamentı (transliterated)\n#, fuzzy\n'
            'msgid "The Parliament adopted the law."\nmsgstr "Parlament zañdy qabyldady."') in text
    assert 'msgid "The Senate met."\nmsgstr "Senat jinaldy."' in text
    assert (result.stats.exact, result.stats.fuzzy) == (1, 1)


@pytest.mark.parametrize("query", ["Parlamentinin' otyrysy", "Qazaqstan Respy'bli'kasynyn' Parlamentinin'"])
def test_2017_latin_lookup_with_word_final_apostrophes(ws, query):
    assert lookup(ws, query, limit=1).matches[0].concept.id == "parliament"
