"""termbase.languages.tokenize: one Token type, words alone or words and punctuation."""

from termbase.languages.tokenize import (
    Token, split_with_punctuation, split_words, token_spans, tokenize_with_punctuation, tokenize_words,
)


def test_one_token_type_for_both_views():
    words, tokens = tokenize_words("Генпрокуратура (ГП) 2024."), tokenize_with_punctuation("Генпрокуратура (ГП) 2024.")
    assert {type(t) for t in words + tokens} == {Token}
    assert words == [Token("Генпрокуратура", 0, 14), Token("ГП", 16, 18), Token("2024", 20, 24)]
    assert [t.text for t in tokens] == ["Генпрокуратура", "(", "ГП", ")", "2024", "."]
    assert tokens[2] == ("ГП", 16, 18) and tokens[2][0] == tokens[2].text  # a tuple: index or name


def test_words_keep_possessives_and_punctuation_tokens_split_them():
    assert [t.text for t in tokenize_words("the General's office")] == ["the", "General's", "office"]
    assert [t.text for t in tokenize_with_punctuation("the General's office")] == ["the", "General", "'s", "office"]
    assert split_words("the General's office") == ["the", "General's", "office"]
    assert token_spans("the General's office") == [(0, 3), (4, 13), (14, 20)]


def test_tokens_slice_the_text():
    text = "«Нұр Отан» партиясы, Лента.ру: 3Com — 3,5%"
    for t in tokenize_with_punctuation(text) + tokenize_words(text):
        assert text[t.start : t.end] == t.text


def test_the_split_functions_are_the_tokenizers_without_objects():
    text = "«Нұр Отан» партиясы, the APK's session: 3.5% Лента.ру"
    words, spans = zip(*((t.text, (t.start, t.end)) for t in tokenize_with_punctuation(text)))
    assert split_with_punctuation(text) == (list(words), list(spans))
    assert split_words(text) == [t.text for t in tokenize_words(text)]
    assert token_spans(text) == [(t.start, t.end) for t in tokenize_words(text)]
