"""The models' rules (one place for validation) and their identity fields."""

from datetime import datetime, timedelta, timezone

import pytest

from termbase.errors import ValidationError
from termbase.models import (
    MAX_CONCEPT_ID_LENGTH,
    Concept,
    Term,
    TranslationUnit,
    concept_id_base,
    format_time,
    parse_time,
    slugify,
    validate_concept_id,
)


@pytest.mark.parametrize(
    "concept_id", ["apk", "min-foreign-affairs", "c-12", "12", "IATE_1234567", "_x", "a.b", "x" * MAX_CONCEPT_ID_LENGTH]
)
def test_good_concept_ids(concept_id):
    validate_concept_id(concept_id)


@pytest.mark.parametrize("concept_id", ["", "-x", ".x", "..", "has space", "a/b", "сенат", "a\nb", "x?", 12, None])
def test_bad_concept_ids(concept_id):
    with pytest.raises(ValidationError, match="bad concept id"):
        validate_concept_id(concept_id)


def test_too_long_concept_id():
    with pytest.raises(ValidationError, match=f"longer than {MAX_CONCEPT_ID_LENGTH} characters"):
        validate_concept_id("x" * (MAX_CONCEPT_ID_LENGTH + 1))


@pytest.mark.parametrize(
    "term, message",
    [
        (Term("en", "Senate", "approved"), "concept 'senate': term 'Senate' has unknown status 'approved' "
         "(use one of preferred, admitted, proposed, deprecated, forbidden)"),
        (Term("en", "Senate", type="long"), "concept 'senate': term 'Senate' has unknown type 'long' "
         "(use one of full, short, acronym, abbreviation, variant)"),
        (Term("kk", " \t"), "concept 'senate': empty kk term"),
        (Term("kk", ""), "concept 'senate': empty kk term"),
        (Term("", "Senate"), "concept 'senate': term 'Senate' has no language"),
    ],
)
def test_bad_terms(term, message):
    with pytest.raises(ValidationError) as err:
        term.validate(concept_id="senate")
    assert str(err.value) == message


def test_a_term_of_a_new_concept():
    with pytest.raises(ValidationError, match="^new concept: empty en term$"):
        Term("en", "").validate()


def test_concept_validation_checks_id_terms_and_each_term():
    Concept(None, (Term("en", "Senate"),)).validate()
    Concept("senate", (Term("en", "Senate"), Term("ru", "Сенат", "deprecated", "variant"))).validate()
    with pytest.raises(ValidationError, match="^concept 'x' has no terms$"):
        Concept("x", ()).validate()
    with pytest.raises(ValidationError, match="^new concept has no terms$"):
        Concept(None, ()).validate()
    with pytest.raises(ValidationError, match="bad concept id 'a b'"):
        Concept("a b", (Term("en", "Senate"),)).validate()
    with pytest.raises(ValidationError, match="^concept 'x': empty ru term$"):
        Concept("x", (Term("en", "Senate"), Term("ru", ""))).validate()


def test_identity_fields_take_no_part_in_equality():
    now = datetime.now(timezone.utc)
    stored = Concept("s", (Term("en", "Senate", id=3, created=now, modified=now),), version=4, created=now, modified=now)
    assert stored == Concept("s", (Term("en", "Senate"),))
    assert hash(stored) == hash(Concept("s", (Term("en", "Senate"),)))
    assert stored != Concept("s", (Term("en", "Senate", "admitted"),))
    assert TranslationUnit({"en": "a"}, id=1, created=now) == TranslationUnit({"en": "a"})


def test_to_dict_round_trip():
    now = datetime(2024, 5, 1, 12, 30, 1, 250, tzinfo=timezone.utc)
    concept = Concept(
        "senate",
        (Term("en", "Senate", pos="noun", note="n", id=1, created=now, modified=now + timedelta(seconds=1)),
         Term("ru", "Сенат", "admitted", "short")),
        "parliament", "definition", "note", "source", version=3, created=now, modified=now,
    )
    data = concept.to_dict()
    assert data["created"] == "2024-05-01T12:30:01.000250Z"
    assert list(data["terms"]) == ["en", "ru", "kk"]
    assert data["terms"]["en"][0] == {
        "id": 1, "lang": "en", "text": "Senate", "status": "preferred", "type": "full", "pos": "noun", "note": "n",
        "created": "2024-05-01T12:30:01.000250Z", "modified": "2024-05-01T12:30:02.000250Z",
    }
    assert data["terms"]["kk"] == []
    back = Concept.from_dict(data)
    assert back == concept and back.to_dict() == data


def test_times_are_utc_and_sort_as_text():
    almaty = timezone(timedelta(hours=5))
    moment = datetime(2024, 5, 1, 17, 0, tzinfo=almaty)
    assert format_time(moment) == "2024-05-01T12:00:00.000000Z"
    assert parse_time("2024-05-01T12:00:00.000000Z") == moment
    assert parse_time("2024-05-01T12:00:00Z").tzinfo == timezone.utc
    earlier, later = format_time(moment), format_time(moment + timedelta(microseconds=1))
    assert earlier < later


def test_new_concept_ids():
    assert slugify("Prosecutor General's Office") == "prosecutor-general-s-office"
    assert slugify("x" * 70 + " y") == "x" * 60
    assert concept_id_base(Concept(None, (Term("kk", "Бас прокуратура"), Term("en", "Prosecutor's Office")))) == (
        "prosecutor-s-office"
    )
    assert concept_id_base(Concept(None, (Term("ru", "Сенат"),))) == "senat"
    assert concept_id_base(Concept(None, (Term("ru", "Сенат 2"),))) == "senat-2"
