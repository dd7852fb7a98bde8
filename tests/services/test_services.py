"""The services layer: plain arguments in, result objects out, typed errors with what would help."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from termbase.errors import NotFound, TermbaseError, UnknownLanguage, UnsupportedFormat, ValidationError
from termbase.formats import get_format
from termbase.models import Term
from termbase.services import (
    ExtractConfig,
    Workspace,
    add_concept,
    align_files,
    check_files,
    edit_concept,
    export,
    extract_files,
    import_file,
    init_termbase,
    lookup,
    lookup_many,
    remove_concepts,
    show_concept,
    termbase_stats,
)

EN = "The session opened on 27 April in Astana.\nTokayev spoke about the Assembly.\nDelegates voted.\n"
RU = "Сессия открылась 27 апреля в Астане.\nТокаев говорил об Ассамблее.\nДелегаты проголосовали.\n"


@pytest.fixture
def ws(tmp_path, apk, knb):
    init_termbase(tmp_path / "t.db", empty=True)
    with Workspace.open(tmp_path / "t.db") as opened:
        opened.store.concepts.add_many([apk, knb])
        yield opened


def test_init_refuses_an_existing_termbase_and_replaces_it_when_forced(tmp_path):
    db = tmp_path / "t.db"
    assert init_termbase(db, empty=True).to_dict() == {"location": str(db), "concepts": 0,
                                                      "terms": {"en": 0, "kk": 0, "ru": 0}}
    with pytest.raises(TermbaseError) as exc:
        init_termbase(db, empty=True)
    assert (str(exc.value), exc.value.needs) == (f"{db} already exists", "force")
    full = init_termbase(db, force=True)
    assert full.concepts >= 398
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.db"]


def test_a_failed_init_leaves_the_old_termbase(tmp_path, monkeypatch):
    db = tmp_path / "t.db"
    init_termbase(db, empty=True)
    before = db.read_bytes()

    def broken():
        yield from ()
        raise ValidationError("glossary broken")

    monkeypatch.setattr("termbase.services.termbase.load_shipped", broken)
    with pytest.raises(ValidationError):
        init_termbase(db, force=True)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.db"]


def test_missing_termbase_says_what_it_needs(tmp_path):
    with pytest.raises(NotFound) as exc:
        Workspace.open(tmp_path / "none.db")
    assert (str(exc.value), exc.value.needs) == (f"no termbase at {tmp_path / 'none.db'}", "termbase")


def test_stats(ws):
    assert termbase_stats(ws).to_dict() == {"concepts": 2, "complete_concepts": 2,
                                            "terms": {"en": 5, "kk": 4, "ru": 5}, "translation_memories": {}}


def test_lookup_and_its_argument_errors(ws):
    result = lookup(ws, "Қазақстан халқы Ассамблеясының")
    assert [m.concept.id for m in result.matches] == ["apk"]
    assert result.to_dict()["matches"][0]["matched"] == {"lang": "kk", "text": "Қазақстан халқы Ассамблеясы",
                                                         "how": "inflected"}
    with pytest.raises(ValidationError, match="the query is empty"):
        lookup(ws, "  ")
    with pytest.raises(ValidationError, match="limit must be at least 1, not 0"):
        lookup(ws, "APK", limit=0)
    with pytest.raises(UnknownLanguage):
        lookup(ws, "APK", lang="kz")
    assert [r.query for r in lookup_many(ws, ["APK", "", "  КНБ  "])] == ["APK", "КНБ"]


def test_known_terms_name_the_concept_whose_term_is_spelt_most_like_the_new_one(tmp_path):
    """One choice of the closest spelling for the matcher and the services (search.matcher.closest_term):
    "Senate" and "senator" share an English key; a tie (the same spelling in two concepts) goes to the
    concept where it is preferred, not deprecated (before: the first concept id, "a-old")."""
    from termbase.models import Concept
    from termbase.services.concepts import known_terms

    init_termbase(tmp_path / "t.db", empty=True)
    with Workspace.open(tmp_path / "t.db") as ws:
        ws.store.concepts.add_many([
            Concept("pol-senator", (Term("en", "senator"),)), Concept("senate", (Term("en", "Senate"),)),
            Concept("a-old", (Term("en", "Upper Chamber", status="deprecated"),)),
            Concept("b-new", (Term("en", "Upper Chamber"),)),
            Concept("apk", (Term("ru", "Ассамблея народа Казахстана"),
                            Term("ru", "Ассамблея народов Казахстана", status="deprecated"))),
        ])
        asked = [Term("en", t) for t in ("Senate", "Senators", "senate", "Senator", "Upper Chamber", "Chamber")]
        asked += [Term("ru", t) for t in ("Ассамблеи народов Казахстана", "Ассамблеи народа Казахстана")]
        assert known_terms(ws, asked) == [
            ("Senate", "en", "senate"), ("Senators", "en", "pol-senator"), ("senate", "en", "senate"),
            ("Senator", "en", "pol-senator"), ("Upper Chamber", "en", "b-new"),
            ("Ассамблеи народов Казахстана", "ru", "apk"), ("Ассамблеи народа Казахстана", "ru", "apk")]


def test_add_edit_keep_ids_and_remove_all_or_none(ws):
    added = add_concept(ws, [Term("en", "Senate"), Term("kk", "Сенат")], subject="parliament")
    assert added.id == "senate" and added.version == 1
    changed = edit_concept(ws, "senate", terms={"ru": [Term("ru", "Сенат")], "kk": [Term("kk", "Сенат"),
                                                                                    Term("kk", "Парламент Сенаты")]},
                           fields={"note": "upper chamber", "subject": ""})
    assert [(t.lang, t.text) for t in changed.terms] == [("en", "Senate"), ("kk", "Сенат"), ("kk", "Парламент Сенаты"),
                                                         ("ru", "Сенат")]
    kept = {t.text + t.lang: t.id for t in added.terms}
    assert {t.text + t.lang: t.id for t in changed.terms if t.text + t.lang in kept} == kept
    assert (changed.subject, changed.note, changed.version) == (None, "upper chamber", 2)
    with pytest.raises(ValidationError, match="unknown concept field 'colour'"):
        edit_concept(ws, "senate", fields={"colour": "red"})
    with pytest.raises(NotFound):
        remove_concepts(ws, ["senate", "nope"])
    assert show_concept(ws, "senate").id == "senate"
    assert remove_concepts(ws, ["senate", "apk"]) == ["senate", "apk"]
    assert [c.id for c in ws.store.concepts.iterate()] == ["knb"]


def test_import_concepts_units_and_standard_input(ws, tmp_path):
    glossary = tmp_path / "g.tsv"
    glossary.write_text("id\tsubject\ten\tkk\tru\tnote\tsource\nsenate\tparliament\tSenate\tСенат\tСенат\t\tx\n",
                        encoding="utf-8")
    result = import_file(ws, glossary)
    assert result.to_dict() == {"file": str(glossary), "format": "glossary", "kind": "concepts", "added": 1,
                                "skipped": 0, "replaced": 0, "unchanged": 0}
    with pytest.raises(ValidationError) as exc:
        import_file(ws, glossary)
    assert (str(exc.value), exc.value.needs) == (
        f"{glossary}: concept 'senate' already exists; nothing imported", "on_conflict")
    assert import_file(ws, glossary, on_conflict="skip").skipped == 1
    pairs = io.BytesIO("en\tkk\nThe Senate met.\tСенат жиналды.\nUntranslated.\t\n".encode())
    units = import_file(ws, pairs, format="tsv", memory="news")
    assert (units.kind, units.added, units.memory) == ("units", 1, "news")
    assert [u.texts for u in ws.store.memories.iter_units("news")] == [{"en": "The Senate met.", "kk": "Сенат жиналды."}]


def test_export_errors_and_standard_output(ws, tmp_path, capsysbinary):
    with pytest.raises(UnsupportedFormat) as exc:
        export(ws, "docx", tmp_path / "x.docx")
    assert str(exc.value) == ("docx files cannot be written; formats that can: tbx, csv, glossary, omegat, tmx, po, "
                              "xliff, xliff2")
    with pytest.raises(ValidationError) as exc:
        export(ws, "omegat", tmp_path / "g.utf8")
    assert exc.value.needs == "langs"
    with pytest.raises(NotFound, match="translation memory 'default'"):
        export(ws, "tmx", tmp_path / "m.tmx")
    result = export(ws, "glossary", "-")
    assert result.to_dict() == {"output": "-", "format": "glossary", "kind": "concepts", "count": 2}
    out = capsysbinary.readouterr().out.decode()
    assert out.splitlines()[0] == "id\tsubject\tscope\ten\tkk\tru\tnote\tsource"
    assert [line.split("\t")[0] for line in out.splitlines()[1:]] == ["apk", "knb"]


def test_align_stores_writes_and_explains(ws, tmp_path):
    en, ru = tmp_path / "a.en.txt", tmp_path / "a.ru.txt"
    en.write_text(EN, encoding="utf-8")
    ru.write_text(RU, encoding="utf-8")
    out = tmp_path / "out.tmx"
    result = align_files([en, ru], ws=ws, segmented=True, memory="speeches", output=out)
    assert (result.languages, len(result.units), result.source_lang) == (("en", "ru"), 3, "en")
    assert (result.stored.memory, result.stored.added, result.stored.skipped) == ("speeches", 3, 0)
    assert len(list(get_format("tmx").read_units(out))) == 3
    assert result.units[0].document == "a.en.txt"
    with pytest.raises(UnknownLanguage) as exc:
        align_files([ru, ru], segmented=True)
    assert (str(exc.value), exc.value.needs) == (f"{ru} and {ru} both look like 'ru'", "langs")
    with pytest.raises(ValidationError, match="two or three files"):
        align_files([en])
    with pytest.raises(ValidationError) as exc:
        align_files([en, ru], langs=["en"])
    assert exc.value.needs == "langs"


def test_extract_links_and_proposes(ws, tmp_path):
    doc = tmp_path / "news.txt"
    doc.write_text("The National Security Committee met the Supreme Audit Chamber. "
                   "The Supreme Audit Chamber said the National Security Committee agreed.", encoding="utf-8")
    alone = extract_files([doc], config=ExtractConfig(kinds=("organization",)))
    assert [(c.term, c.concept_id) for c in alone.results[0].candidates] == [
        ("National Security Committee", None), ("Supreme Audit Chamber", None)]
    linked = extract_files([doc], ws=ws, config=ExtractConfig(kinds=("organization",)), add=True)
    assert [(c.term, c.concept_id) for c in linked.results[0].candidates] == [
        ("National Security Committee", "knb"), ("Supreme Audit Chamber", None)]
    assert linked.added == ("supreme-audit-chamber",)
    proposed = show_concept(ws, "supreme-audit-chamber")
    assert [(t.text, t.status) for t in proposed.terms] == [("Supreme Audit Chamber", "proposed")]
    assert proposed.source == "termbase extract: news.txt"
    assert json.loads(json.dumps(linked.to_dict()))["added"] == ["supreme-audit-chamber"]
    with pytest.raises(NotFound) as exc:
        extract_files([doc], add=True)
    assert exc.value.needs == "termbase"



def test_extract_adds_only_the_picked_new_candidates(ws, tmp_path):
    doc = tmp_path / "news.txt"
    doc.write_text("The National Security Committee met the Supreme Audit Chamber and the Ministry of Energy. "
                   "The Supreme Audit Chamber and the Ministry of Energy agreed.", encoding="utf-8")
    config = ExtractConfig(kinds=("organization",))
    listed = extract_files([doc], ws=ws, config=config)
    assert [(c.term, c.concept_id) for c in listed.results[0].candidates] == [
        ("Ministry of Energy", None), ("Supreme Audit Chamber", None), ("National Security Committee", "knb")]
    # a known one picked is still not a new concept; a name not in the listing picks nothing
    run = extract_files([doc], ws=ws, config=config, add=True,
                        only={"Ministry of Energy", "National Security Committee", "Senate"})
    assert run.added == ("ministry-of-energy",)
    assert show_concept(ws, "ministry-of-energy").terms[0].status == "proposed"
    with pytest.raises(NotFound):
        show_concept(ws, "supreme-audit-chamber")
    assert extract_files([doc], ws=ws, config=config, add=True, only=()).added == ()

def test_check_reports_each_file_and_what_it_needs(ws, tmp_path):
    ok = tmp_path / "ok.tsv"
    ok.write_text("en\tru\nThe National Security Committee said.\tСлужба безопасности сообщила.\n", encoding="utf-8")
    nolang = tmp_path / "nolang.tsv"
    nolang.write_text("KNB\tКНБ\n", encoding="utf-8")
    report = check_files(ws, [ok, nolang, Path(tmp_path / "missing.po")])
    assert [f.kind for f in report.findings] == ["missing-term"]
    assert [(e.file, e.needs) for e in report.errors] == [(str(nolang), "target_lang"), (str(tmp_path / "missing.po"), None)]
    assert report.files_checked == 1
    fixed = check_files(ws, [nolang], target_lang="ru")
    assert (fixed.errors, fixed.units_checked, fixed.findings) == ((), 1, ())


def test_align_files_keeps_unrelated_units_out_of_the_memory_unless_forced(tmp_path):
    from termbase.services import align_files

    data = Path(__file__).parents[1] / "data" / "align"
    db = tmp_path / "t.db"
    init_termbase(db, empty=True)
    ws = Workspace.open(db)
    files = [data / "unrelated.en.txt", data / "unrelated.ru.txt"]
    refused = align_files(files, ws=ws, memory="news", use_terms=False)
    assert (refused.unrelated, refused.stored, refused.not_stored, refused.low_beads) == (True, None, "news", (6, 6))
    assert ws.store.memories.count("news") == 0
    forced = align_files(files, ws=ws, memory="news", use_terms=False, force=True)
    assert (forced.unrelated, forced.stored.added, forced.not_stored) == (True, 6, None)
    related = align_files([data / "speech.en.txt", data / "speech.ru.txt"], ws=ws, memory="speech", use_terms=False)
    assert (related.unrelated, related.stored.added, related.low_beads) == (False, 6, (0, 6))
    ws.close()


def test_services_load_on_first_use_and_all_at_once_for_a_server():
    import subprocess
    import sys

    code = ("import sys, termbase.services as s\n"
            "before = sorted(m for m in sys.modules if m.startswith('termbase.services.'))\n"
            "s.load_all()\n"
            "print(before, all('termbase.services' + m in sys.modules for m in set(s._LAZY.values()) if m[1] != '.'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "[] True\n"
