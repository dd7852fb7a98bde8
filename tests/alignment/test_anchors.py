

def test_a_scoped_concepts_short_form_about_another_state_anchors_as_that_states():
    from termbase.alignment import termbase_anchors
    from termbase.models import Concept, Term
    from termbase.search.matcher import TermMatcher

    m = TermMatcher.from_concepts([
        Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"), Term("ru", "Сенат"))),
        Concept("astana", (Term("en", "Astana"), Term("ru", "Астана"))),
    ])
    a = termbase_anchors(m, None, scopes={"senate": "KZ", "astana": "KZ"})
    assert a("Senate Republicans blocked the vote.", "en") == ["csenate@US"]
    assert a("Сенат США заблокировал голосование.", "ru") == ["csenate@US"]
    assert a("АҚШ Сенаты дауыс беруді бұғаттады.", "kk") == ["csenate@US"]
    assert a("The Senate of Kazakhstan met in Astana.", "en") == ["csenate", "castana"]
    assert a("The Senate met.", "en") == ["csenate"]
    assert termbase_anchors(m, None)("Senate Republicans blocked the vote.", "en") == ["csenate"]  # no scopes given
