

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


def test_latin_kazakh_has_the_anchors_of_its_cyrillic_spelling():
    from termbase.alignment import default_anchors
    from termbase.languages import kazakh_to_latin

    cyrillic = "Тоқаев Шымкентте 5 сәуірде екі мың делегатпен кездесті, Ұлытау мен Өскеменде дүйсенбіде болды."
    latin = kazakh_to_latin(cyrillic)
    assert latin.startswith("Toqaev Şymkentte 5 säuırde ekı myñ")
    assert default_anchors(latin, "kk-Latn") == default_anchors(cyrillic, "kk") == [
        "n5", "wtkv", "wSmk", "t4", "n2", "n1000", "wlt", "wskm", "tmon"]
    # and the English names meet them
    assert {"wtkv", "wSmk", "t4", "tmon"} <= set(default_anchors("Tokayev was in Shymkent on Monday, 5 April.", "en"))


def test_latin_kazakh_text_finds_the_cyrillic_terms_and_its_own():
    from termbase.alignment import termbase_anchors
    from termbase.models import Concept, Term
    from termbase.search.matcher import TermMatcher

    m = TermMatcher.from_concepts([
        Concept("senate", (Term("en", "Senate"), Term("kk", "Сенат"))),
        Concept("mazhilis", (Term("en", "Mazhilis"), Term("kk", "Мәжіліс"), Term("kk-Latn", "Mäjılıs"))),
    ])
    a = termbase_anchors(m, None, scopes={"senate": "KZ"})
    assert a("Mäjılıs pen Senat zañdy qabyldady.", "kk-Latn") == ["cmazhilis", "csenate"]
    assert a("AQŞ Senaty dauys berudı būğattady.", "kk-Latn") == ["csenate@US"]
