"""One contract for every termbase format: write -> read -> compare, with Kazakh and Russian text.

TBX and CSV carry everything termbase models; they come back equal once terms are grouped by
language in en, kk, ru order (both formats write languages that way). An OmegaT glossary carries one
language pair and no metadata, so its expectation is the projection spelt out in ``omegat_view``; a
glossary TSV carries en, kk and ru terms with status and type, and the concept's subject, note and
source (``glossary_view``).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termbase.errors import TermbaseError, UnknownLanguage, UnsupportedFormat, ValidationError
from termbase.formats import all_formats, format_for, formats_that, get_format
from termbase.fsutil import Source
from termbase.models import STATUSES, TERM_TYPES, Concept, Term

DATA = Path(__file__).parents[1] / "data" / "formats"
TERMBASE_FORMATS = ("tbx", "csv", "glossary", "omegat")
GOLDEN = {"tbx": "sample.tbx", "csv": "sample.csv", "glossary": "sample.tsv", "omegat": "sample-en-kk.utf8"}
EXTENSION = {"tbx": "tbx", "csv": "csv", "glossary": "tsv", "omegat": "utf8"}
PAIR = ["en", "kk"]

SAMPLE = [
    Concept(
        "apk",
        (
            Term("en", "Assembly of People of Kazakhstan", pos="noun", note="official since 2007"),
            Term("en", "APK", "admitted", "acronym"),
            Term("en", "Assembly of Peoples of Kazakhstan", "deprecated"),
            Term("kk", "Қазақстан халқы Ассамблеясы", pos="proper noun"),
            Term("kk", "ҚХА", "admitted", "acronym"),
            Term("kk", "Қазақстан халықтарының Ассамблеясы", "forbidden", note="«халықтары» — қате"),
            Term("ru", "Ассамблея народа Казахстана"),
            Term("ru", "АНК", "admitted", "acronym"),
            Term("ru", "Ассамблея народов Казахстана", "deprecated"),
        ),
        subject="public-body",
        definition='Consultative body "of all ethnic groups" & their centres',
        note="Renamed in 2007; see <akorda.kz>",
        source="akorda.kz; adilet.zan.kz",
    ),
    Concept(
        "min-foreign-affairs",
        (
            Term("ru", "Министерство иностранных дел", pos="noun"),
            Term("ru", "МИД", "admitted", "abbreviation"),
            Term("en", "Ministry of Foreign Affairs"),
            Term("en", "Foreign Ministry", "admitted", "short"),
            Term("kk", "Сыртқы істер министрлігі"),
            Term("kk", "СІМ", "proposed", "abbreviation", note="ресми қысқартуы белгісіз"),
            Term("kk", "Сыртқы істер министрлiгi", "forbidden", "variant", note="Latin і"),
        ),
        subject="ministry",
        source="gov.kz",
    ),
    Concept(
        "c-12",
        (
            Term("kk", "әліпби: ә ғ қ ң ө ұ ү һ і"),
            Term("kk", "ӘҒҚҢӨҰҮҺІ", "admitted", "variant"),
            Term("en", "alphabet", pos="other"),
            Term("ru", "алфавит & «азбука»", "proposed"),
        ),
        note="line one\nline two",
    ),
    Concept(
        None,
        (Term("en", "Senate"), Term("kk", "Сенат", "proposed"), Term("ru", "Сенат")),
        subject="parliament",
    ),
]


def canonical(concept: Concept) -> Concept:
    """Terms grouped by language (en, kk, ru), input order kept inside a language."""
    rank = {"en": 0, "kk": 1, "ru": 2}
    terms = sorted(concept.terms, key=lambda t: rank.get(t.lang, 3))
    return Concept(concept.id, tuple(terms), concept.subject, concept.definition, concept.note, concept.source)


def _one_line(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text).strip()


def _unique(terms):
    out = []
    for t in terms:
        if all(o.text != t.text for o in out):
            out.append(t)
    return out


def omegat_view(concept: Concept, src: str, tgt: str) -> list[Concept]:
    """What an OmegaT glossary keeps of a concept (see the docstring of termbase.formats.omegat).

    Only the ``[id]`` in the comment ties the lines of a concept together: without one, each line
    comes back as a concept of its own.
    """
    usable = ("preferred", "admitted", "proposed")
    sources = _unique(t for t in concept.terms if t.lang == src and t.status in usable)
    targets = [t for t in concept.terms_in(tgt) if t.status in usable]
    if not sources or not targets:
        return []
    chosen = []
    for s in sources:
        t = targets[0]
        if s.type in ("short", "acronym", "abbreviation"):
            t = next((x for x in targets if x.type == s.type), t)
        chosen.append(t)
    avoid = _unique(
        Term(tgt, t.text, status) for status in ("deprecated", "forbidden") for t in concept.terms
        if t.lang == tgt and t.status == status
    )
    notes = [_one_line(n) for n in (concept.note, targets[0].note) if n and _one_line(n)]
    cid = concept.id if concept.id is not None and concept.id == concept.id.strip() and "]" not in concept.id else None
    note = "; ".join(notes) or None
    if cid is None:
        return [
            Concept(None, (Term(src, s.text, s.status, s.type), Term(tgt, t.text, t.status, t.type), *avoid), note=note)
            for s, t in zip(sources, chosen)
        ]
    terms = [Term(src, s.text, s.status, s.type) for s in sources]
    terms += [Term(tgt, t.text, t.status, t.type) for t in _unique(chosen)]
    return [Concept(cid, tuple(terms + avoid), note=note)]


def glossary_view(concept: Concept) -> Concept:
    """What a glossary TSV keeps: en, kk, ru terms (status and type), subject, note, source."""
    terms = tuple(Term(t.lang, t.text, t.status, t.type) for t in canonical(concept).terms if t.lang in ("en", "kk", "ru"))
    return Concept(concept.id, terms, concept.subject, None, concept.note, concept.source)


def expected(name: str, concepts: list[Concept]) -> list[Concept]:
    if name == "omegat":
        return [v for c in concepts for v in omegat_view(c, *PAIR)]
    if name == "glossary":
        return [glossary_view(c) for c in concepts]
    return [canonical(c) for c in concepts]


def with_ids(name: str, concepts: list[Concept]) -> list[Concept]:
    """A glossary row needs an id (the writer refuses a concept without one): give them one there."""
    if name != "glossary":
        return concepts
    return [c if c.id else Concept(f"new-{i}", c.terms, c.subject, c.definition, c.note, c.source)
            for i, c in enumerate(concepts)]


def roundtrip(name: str, concepts, path) -> tuple[int, list[Concept]]:
    fmt = get_format(name)
    langs = PAIR if name == "omegat" else None
    n = fmt.write_concepts(iter(concepts), path, langs=langs)  # a one-shot iterator: writers stream
    return n, list(fmt.read_concepts(path, langs=langs))


@pytest.mark.parametrize("name", TERMBASE_FORMATS)
def test_registered_as_termbase_format(name):
    fmt = get_format(name)
    assert fmt.reads == fmt.writes == {"concepts"}
    assert fmt in all_formats() and fmt in formats_that(reads="concepts", writes="concepts")
    assert format_for(Source.of(f"terms.{EXTENSION[name]}"), reads="concepts") is fmt
    assert format_for(Source.of(f"TERMS.{EXTENSION[name].upper()}"), reads="concepts") is fmt


def test_golden_files_are_recognised_by_content(tmp_path):
    for name, golden in GOLDEN.items():
        if name == "omegat":
            continue  # an OmegaT glossary from elsewhere has no signature; termbase's own first line is
        anonymous = Source.of(io.BytesIO((DATA / "golden" / golden).read_bytes()))
        assert format_for(anonymous, reads="concepts").name == name


def test_unknown_termbase_extension_lists_the_readable_ones():
    with pytest.raises(UnsupportedFormat, match=r"terms\.docx: cannot read a termbase from a \.docx file; files that "
                                                r"can: \.tbx, \.csv, \.tsv, \.utf8, \.tab, \.txt"):
        format_for(Source.of("terms.docx"), reads="concepts")


def test_every_format_implements_what_it_declares():
    from termbase.formats.base import Format

    for fmt in all_formats():
        for cap in fmt.reads:
            assert getattr(type(fmt), f"_read_{cap}") is not getattr(Format, f"_read_{cap}"), (fmt.name, cap)
        for cap in fmt.writes:
            assert getattr(type(fmt), f"_write_{cap}") is not getattr(Format, f"_write_{cap}"), (fmt.name, cap)
        for cap in {"concepts", "units", "pairs", "text"} - fmt.reads:
            with pytest.raises(UnsupportedFormat, match=f"{fmt.name} files cannot be read as"):
                getattr(fmt, f"read_{cap}")(io.BytesIO(b"x"))


@pytest.mark.parametrize("name", TERMBASE_FORMATS)
def test_sample_round_trip(name, tmp_path):
    n, back = roundtrip(name, with_ids(name, SAMPLE), tmp_path / f"t.{EXTENSION[name]}")
    assert back == expected(name, with_ids(name, SAMPLE))
    assert n == len(SAMPLE)


@pytest.mark.parametrize("name", TERMBASE_FORMATS)
def test_every_status_and_type_survives(name, tmp_path):
    concepts = [
        Concept(f"c-{status}-{ttype}", (Term("en", f"{status} {ttype} ә", status, ttype), Term("kk", "негізгі ғ")))
        for status in STATUSES
        for ttype in TERM_TYPES
    ]
    if name == "omegat":
        # the statuses a glossary can carry as source terms
        concepts = [c for c in concepts if c.terms[0].status in ("preferred", "admitted", "proposed")]
    n, back = roundtrip(name, concepts, tmp_path / f"t.{EXTENSION[name]}")
    assert back == expected(name, concepts)
    assert n == len(concepts)


@pytest.mark.parametrize("name", TERMBASE_FORMATS)
def test_empty_input_round_trips(name, tmp_path):
    n, back = roundtrip(name, [], tmp_path / f"t.{EXTENSION[name]}")
    assert (n, back) == (0, [])


@pytest.mark.parametrize("name", TERMBASE_FORMATS)
def test_failed_write_leaves_the_old_file_and_no_temporary(name, tmp_path):
    path = tmp_path / f"t.{EXTENSION[name]}"
    path.write_text("old content", encoding="utf-8")
    bad = Concept("bad", (Term("en", "word", status="approved"), Term("kk", "сөз")))
    with pytest.raises(ValidationError, match="approved"):
        get_format(name).write_concepts(iter([SAMPLE[0], bad]), path, langs=["en", "kk"])
    assert path.read_text(encoding="utf-8") == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("name", ("tbx", "csv"))
def test_langs_selects_languages_and_skips_concepts_without_them(name, tmp_path):
    fmt = get_format(name)
    path = tmp_path / f"t.{name}"
    only_ru = Concept("ru-only", (Term("ru", "только"),))
    assert fmt.write_concepts([SAMPLE[0], only_ru], path, langs=["kk-KZ", "EN"]) == 1
    (back,) = fmt.read_concepts(path)
    assert [t.lang for t in back.terms] == ["kk", "kk", "kk", "en", "en", "en"]


@pytest.mark.parametrize("name", ("tbx", "csv"))
def test_read_with_langs_filters_terms(name, tmp_path):
    fmt = get_format(name)
    path = tmp_path / f"t.{name}"
    fmt.write_concepts(SAMPLE, path)
    back = list(fmt.read_concepts(path, langs=["ru"]))
    assert [c.id for c in back] == ["apk", "min-foreign-affairs", "c-12", None]
    assert {t.lang for c in back for t in c.terms} == {"ru"}
    fmt.write_concepts([SAMPLE[0], Concept("ru-only", (Term("ru", "только"),))], path)
    assert [c.id for c in fmt.read_concepts(path, langs=["kk"])] == ["apk"]  # ru-only has no kk term


@pytest.mark.parametrize("name", TERMBASE_FORMATS)
def test_unknown_language_in_langs_is_refused(name, tmp_path):
    with pytest.raises(UnknownLanguage, match="'kz' is a country code"):
        get_format(name).write_concepts(SAMPLE, tmp_path / f"t.{EXTENSION[name]}", langs=["en", "kz"])
    with pytest.raises(UnknownLanguage, match="unknown language 'de'"):
        list(get_format(name).read_concepts(DATA / f"golden/{GOLDEN[name]}", langs=["en", "de"]))


@pytest.mark.parametrize("name", TERMBASE_FORMATS)
def test_missing_file_is_a_termbase_error(name, tmp_path):
    with pytest.raises(TermbaseError, match="no such file"):
        list(get_format(name).read_concepts(tmp_path / f"nope.{EXTENSION[name]}", langs=PAIR))


# -- hypothesis: arbitrary Kazakh/Russian Unicode text -------------------------------------------

KK_RU = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
LETTERS = KK_RU + KK_RU.upper() + "abcxyzABC0123456789"
PUNCT = " .,;:!?-–—«»\"'()[]/&<>#|%=+"


def _texts(alphabet: str, *, newlines: bool):
    chars = st.sampled_from(alphabet) | st.characters(
        blacklist_categories=("Cc", "Cs", "Cn", "Co", "Zl", "Zp"), blacklist_characters="\ufeff"
    )
    if newlines:
        chars = chars | st.sampled_from("\n\t")
    return st.text(chars, min_size=1, max_size=25).map(str.strip).filter(bool)


def _concepts(alphabet: str, *, newlines: bool):
    text = _texts(alphabet, newlines=newlines)
    optional = st.none() | text
    term = st.builds(
        Term,
        lang=st.sampled_from(["en", "kk", "ru"]),
        text=text,
        status=st.sampled_from(STATUSES),
        type=st.sampled_from(TERM_TYPES),
        pos=st.none() | st.sampled_from(["noun", "verb", "other", "proper noun"]) | text,
        note=optional,
    )
    concept_id = st.none() | st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True) | text
    concept = st.builds(
        Concept,
        id=concept_id,
        terms=st.lists(term, min_size=1, max_size=6).map(tuple),
        subject=optional,
        definition=optional,
        note=optional,
        source=optional,
    )
    return st.lists(concept, max_size=4, unique_by=lambda c: c.id if c.id is not None else object())


def _is_concept_id(text: str) -> bool:
    from termbase.models import validate_concept_id

    try:
        validate_concept_id(text)
    except ValidationError:
        return False
    return True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(concepts=_concepts(LETTERS + PUNCT, newlines=True))
def test_hypothesis_round_trip_glossary(tmp_path, concepts):
    # Term cells have no escaping: no tabs, line breaks, "|", "{" or "}" in terms.
    concepts = with_ids("glossary", [
        c for c in concepts
        if not any(ch in t.text for t in c.terms for ch in "\t\n|{}") and any(t.lang in ("en", "kk", "ru") for t in c.terms)
        and (c.id is None or _is_concept_id(c.id))
    ])
    n, back = roundtrip("glossary", concepts, tmp_path / "h.tsv")
    assert back == expected("glossary", concepts)
    assert n == len(concepts)


@pytest.mark.parametrize("name", ("tbx", "csv"))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(concepts=_concepts(LETTERS + PUNCT, newlines=True))
def test_hypothesis_round_trip_tbx_csv(name, tmp_path, concepts):
    n, back = roundtrip(name, concepts, tmp_path / f"h.{name}")
    assert back == expected(name, concepts)
    assert n == len(concepts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(concepts=_concepts(LETTERS + " .,:!?-–—«»\"'()/&<>%=+", newlines=False))
def test_hypothesis_round_trip_omegat(tmp_path, concepts):
    # Glossary lines have no escaping: no tabs or line breaks; ";", "|", "[", "]" and a leading "#"
    # are comment syntax, kept out of the generated text.
    concepts = [
        c for c in concepts
        if not any(ch in (c.id or "") + "".join(t.text for t in c.terms) for ch in ";|[]#")
    ]
    n, back = roundtrip("omegat", concepts, tmp_path / "h.utf8")
    assert back == expected("omegat", concepts)
    assert n == sum(1 for c in concepts if omegat_view(c, *PAIR))


def test_a_wrong_side_is_named_in_words():
    # not Python's tuple: "side must be one of ('source', 'target'), not 'left'"
    with pytest.raises(ValueError, match=r"^side must be source or target, not left$"):
        get_format("po").read_text(io.BytesIO(b'msgid "a"\nmsgstr "b"\n'), side="left")
