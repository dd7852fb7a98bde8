"""Equivalents of source-language terms as a memory's translators rendered them.

For a term (its surface forms), the miner finds the units whose source side holds it, and in each
unit the stretch of the target sentence that renders it: the contiguous words that best cover the
term's content words by :class:`~termbase.mining.links.Linker` ties, beginning and ending on a tied
word, each untied word inside costing. The stretches are put in dictionary form
(:func:`termbase.languages.dictionary_form`: Russian nominative, Kazakh without its case ending),
grouped by match keys (inflected renderings are one), and ranked by the share of units that use them
times how well they were tied.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from ..extraction.lexicon import lexicon
from ..languages import dictionary_form, normalize, word_keys
from ..languages.kazakh import (
    is_attributive_locative_kk, is_genitive_kk, is_light_verb_kk, kk_bases, kk_izafet_head, strip_case_kk,
)
from ..languages.kazakh_endings import (
    is_possessed_kk, possessive_case_kk,
)
from ..languages._cache import BoundedCache
from ..languages.russian import ru_genitive_noun, ru_qualifies
from ..models import Example, Suggestion, Term, Usage
from .corpus import UnitCorpus
from .links import Lexicon, Linker, capacity

__all__ = ["EquivalentMiner", "MiningConfig"]

_TIED = 0.3  # a target word tied at least this much to a source word counts as a translation of it
_REMEMBERED = 100_000  # dictionary forms and keys of renderings remembered (then forgotten at once)
_FULL = 1.0 + 1e-9  # the most a stretch can cover (all the term's words, fully tied), rounding aside


@dataclass(frozen=True)
class MiningConfig:
    """- ``max_units``: units looked at per term (evenly spread over those holding it)
    - ``min_cover``: the least share of the term's content words a rendering must tie
    - ``max_extra``: target words a rendering may have beyond the term's content words
    - ``untied_cost``: what each untied target word inside a rendering costs
    - ``max_suggestions``: suggestions kept per term and language"""

    max_units: int = 30
    min_cover: float = 0.45
    max_extra: int = 3
    untied_cost: float = 0.2
    max_suggestions: int = 3


@dataclass
class _Group:
    dict_forms: Counter = field(default_factory=Counter)
    surface: Counter = field(default_factory=Counter)
    units: list = field(default_factory=list)  # (unit index, span score)


class EquivalentMiner:
    """Mine renderings of ``source``-language terms in every other language of ``corpus``.

    >>> from termbase.mining.corpus import MinedUnit
    >>> corpus = UnitCorpus([
    ...     MinedUnit(1, {"en": "He studied at Harvard University.", "ru": "Он учился в Гарвардском университете."}),
    ...     MinedUnit(2, {"en": "Harvard University said so.", "ru": "Так заявил Гарвардский университет."}),
    ... ])
    >>> [(s.text, s.units) for s in EquivalentMiner(corpus, "en").suggestions(["Harvard University"], "ru")]
    [('Гарвардский университет', 2)]
    """

    def __init__(self, corpus: UnitCorpus, source: str, *, lexicon: Lexicon | None = None,
                 config: MiningConfig = MiningConfig()):
        self.corpus = corpus
        self.source = source
        self.config = config
        self.targets = tuple(lang for lang in corpus.languages if lang != source)
        self._linkers = {t: Linker(corpus, source, t, lexicon) for t in self.targets}
        self._occ_cache: dict[tuple[str, ...], list[tuple[int, int, int]]] = {}
        self._cited = BoundedCache(_REMEMBERED)  # (words, language) -> their dictionary forms
        self._keys = BoundedCache(_REMEMBERED)  # (rendering, language) -> its keys

    # ------------------------------------------------------------------ occurrences
    def occurrences(self, forms: Iterable[str]) -> list[tuple[int, int, int]]:
        """``(unit, start word, length)`` of the term in source texts: one per unit, the longest form
        first, at most ``max_units`` units evenly spread."""
        forms = sorted({f for f in forms if f}, key=lambda f: -len(f))
        cache_key = tuple(forms)
        got = self._occ_cache.get(cache_key)
        if got is not None:
            return got
        found: dict[int, tuple[int, int, int]] = {}
        for form in forms:
            keys = self.corpus.keys_of(form, self.source)
            if not keys:
                continue
            for unit, pos in self.corpus.find(keys, self.source):
                if unit not in found:
                    found[unit] = (unit, pos, len(keys))
        occ = [found[u] for u in sorted(found)]
        cap = self.config.max_units
        if len(occ) > cap:
            step = len(occ) / cap
            occ = [occ[int(i * step)] for i in range(cap)]
        self._occ_cache[cache_key] = occ
        return occ

    def frequency(self, forms: Iterable[str]) -> int:
        return len(self.occurrences(forms))

    # ------------------------------------------------------------------ one unit
    def rendering(self, unit: int, start: int, length: int, target: str) -> tuple[int, int, float] | None:
        """The target words ``(first, end, score)`` that render the source words ``start:start+length``
        of ``unit``, or None when no stretch ties enough of them."""
        found = self._render(unit, start, length, target)
        return None if found is None else found[:3]

    def _render(self, unit: int, start: int, length: int,
                target: str) -> tuple[int, int, float, list[tuple[str, int, int]]] | None:
        """:meth:`rendering`, with the target words of the unit."""
        corpus, cfg = self.corpus, self.config
        linker = self._linkers[target]
        src_kids = corpus.keys[self.source][unit]
        src_stop = linker.source_stopwords
        content = [(w, k) for w, k in zip(corpus.words(unit, self.source, start, start + length),
                                          src_kids[start : start + length]) if w.lower() not in src_stop]
        if not content:
            return None
        tgt_tokens = corpus.tokens(unit, target)
        if not tgt_tokens:
            return None
        tgt_kids = corpus.keys[target][unit]
        m, n = len(tgt_tokens), len(content)
        words = [w for w, _a, _b in tgt_tokens]
        links = [linker.links(sw, sk, words, tgt_kids) for sw, sk in content]
        if n == 1 and length == 1 and _acronym_like(content[0][0]):
            src_words = corpus.words(unit, self.source)
            others = [(w, k) for x, (w, k) in enumerate(zip(src_words, src_kids))
                      if x != start and w.lower() not in src_stop]
            span = len(content[0][0].split("-", 1)[0]) + 2  # the expansion an acronym may follow
            before = [(w, k) for w, k in zip(src_words[max(0, start - span) : start], src_kids[max(0, start - span) : start])
                      if w.lower() not in src_stop]
            _acronym_ties(links[0], words, tgt_kids, linker, others, before, span)
        tied = list(map(max, *links)) if n > 1 else links[0]
        src_cap = [capacity(w) if "-" in w else 1 for w, _k in content]
        tgt_cap = [capacity(w) if "-" in w else 1 for w in words]
        stop = linker.target_stopwords
        function = [w.lower() in stop for w in words]
        text = corpus.texts[unit][target]
        breaks = _breaks(text, tgt_tokens, target)
        cols = [j for j in range(m) if tied[j] >= _TIED and not function[j]]
        # the strongest ties first, for every stretch (_one_to_one takes those inside it)
        pairs = sorted(((row[j], i, j) for i, row in enumerate(links) for j in cols if row[j] > 0), reverse=True)
        untied_before = [0] * (m + 1)  # untied content words before each target word
        breaks_before = [0] * (m + 1)  # breaks before each target word
        for j in range(m):
            untied_before[j + 1] = untied_before[j] + (tied[j] < _TIED and not function[j])
            breaks_before[j + 1] = breaks_before[j] + breaks[j]
        min_cover, cost, widest = cfg.min_cover, cfg.untied_cost, n + cfg.max_extra
        best: tuple[float, int, int] | None = None
        for ia, a in enumerate(cols):
            top = [0.0] * n  # each source word's strongest tie inside the stretch
            for b in cols[ia:]:
                if b - a >= widest or breaks_before[b + 1] > breaks_before[a + 1]:
                    break
                untied = untied_before[b + 1] - untied_before[a]
                if best is not None and _FULL - cost * untied - 0.01 * (b - a) < best[0]:
                    break  # not even full cover would beat the best: nor will a longer stretch
                for i, row in enumerate(links):
                    if row[b] > top[i]:
                        top[i] = row[b]
                # the most this stretch can cover (rounding aside): too little, or not enough to win
                bound = sum(top) / n + 1e-9
                if bound < min_cover or (best is not None and bound - cost * untied - 0.01 * (b - a) < best[0]):
                    continue
                inside = [p for p in pairs if a <= p[2] <= b]
                covered = _one_to_one(inside, src_cap, tgt_cap) / n
                if covered < min_cover:
                    continue
                score = covered - cost * untied - 0.01 * (b - a)
                if best is None or score > best[0]:
                    best = (score, a, b + 1)
        if best is None:
            return None
        if target == "en":
            best = (best[0], *_en_name_side(words, links, best[1], best[2]))
        # the term's content words nothing in the stretch renders: the grammar may give them back
        missing = sum(1 for i in range(n) if max(links[i][best[1] : best[2]], default=0.0) < _TIED)
        src_all: list[str] = []

        def elsewhere(j: int) -> bool:  # target word j renders a source word outside the term
            if not src_all:
                src_all.extend(corpus.words(unit, self.source))
            tw, tk = words[j], tgt_kids[j]
            return any(linker.link(w, k, tw, tk) >= _TIED for x, (w, k) in enumerate(zip(src_all, src_kids))
                       if not start <= x < start + length and w.lower() not in src_stop)

        start, end = _extend(text, tgt_tokens, best[1], best[2], target, tied, function, breaks, missing, elsewhere,
                             tgt_kids)
        best = (best[0], start, end)
        if (target == "en" and end < m and tgt_tokens[end - 1][0].endswith(("'s", "’s"))
                and tgt_tokens[end][0].lower() in lexicon("en").org_heads):
            end += 1  # a possessive inside an English name: "Prosecutor General's Office"
        return best[1], end, max(0.0, min(1.0, best[0])), tgt_tokens

    # ------------------------------------------------------------------ a term
    def suggestions(self, forms: Sequence[str], target: str) -> list[Suggestion]:
        """Renderings of the term (given by its surface forms) in ``target``, best first."""
        if target not in self._linkers:
            return []
        groups, considered = self._renderings(forms, target)
        out = []
        for group in groups.values():
            text = group.dict_forms.most_common(1)[0][0]
            votes = len(group.units)
            quality = sum(s for _u, s in group.units) / votes
            score = round(votes / considered * quality * quality, 3)
            examples = tuple(self._example(u, target) for u, _s in group.units[:3])
            forms_seen = tuple(f for f, _c in group.surface.most_common(5))
            out.append(Suggestion(text, score, votes, forms_seen, examples))
        out.sort(key=lambda s: (-s.score, -s.units, s.text))
        return out[: self.config.max_suggestions]

    def usage(self, forms: Sequence[str], terms: Sequence[Term], target: str) -> list[Usage]:
        """How the memory renders a known concept in ``target``: for each of its ``terms`` (any
        status) the units whose target holds it in any form, and the renderings outside the termbase
        mined from the other units, most used first."""
        occ = self.occurrences(forms)
        rows = self.corpus.keys.get(target)
        if not occ or rows is None:
            return []
        term_keys = [(t, self.corpus.keys_of(t.text, target)) for t in terms if t.lang == target]
        term_keys = [(t, k) for t, k in term_keys if k and -1 not in k]
        # longest terms first: a unit with "Генеральная прокуратура Республики Казахстан" counts for it,
        # not also for "Генеральная прокуратура"
        term_keys.sort(key=lambda tk: -len(tk[1]))
        counts: Counter[int] = Counter()
        rest = []
        for unit, start, length in occ:
            row = list(rows[unit])
            if not row:
                continue
            found = None
            for idx, (_t, keys) in enumerate(term_keys):
                at = _find(row, keys)
                if at < 0:
                    continue
                if found is None:
                    found = idx
                    # terms whose words differ only in form ("народа" / "народов"): the one the
                    # text says, in dictionary form
                    same = [j for j, (_u, k) in enumerate(term_keys) if k == keys]
                    if len(same) > 1:
                        tokens = self.corpus.tokens(unit, target)[at : at + len(keys)]
                        said = normalize(_dictionary_form(self.corpus.texts[unit][target], tokens, target), target)
                        found = next((j for j in same if normalize(term_keys[j][0].text, target) == said), idx)
                    break
            if found is not None:
                counts[found] += 1
            else:
                rest.append((unit, start, length))
        out = [Usage(term_keys[i][0].text, c, term_keys[i][0].status) for i, c in counts.items()]
        groups = self._group(rest, target)
        for group in groups.values():
            out.append(Usage(group.dict_forms.most_common(1)[0][0], len(group.units), None))
        out.sort(key=lambda u: (-u.units, u.status is None, u.text))
        return out

    # ------------------------------------------------------------------ helpers
    def _renderings(self, forms: Sequence[str], target: str) -> tuple[dict, int]:
        occ = self.occurrences(forms)
        rows = self.corpus.keys[target]
        occ = [o for o in occ if len(rows[o[0]])]
        return self._group(occ, target), max(1, len(occ))

    def _group(self, occ: Iterable[tuple[int, int, int]], target: str) -> dict[tuple[str, ...], _Group]:
        groups: dict[tuple[str, ...], _Group] = {}
        for unit, start, length in occ:
            found = self._render(unit, start, length, target)
            if found is None:
                continue
            a, b, score, tokens = found
            tokens = tokens[a:b]
            text = self.corpus.texts[unit][target]
            surface = text[tokens[0][1] : tokens[-1][2]]
            dict_form = _dictionary_form(text, tokens, target, self._cited)
            key = self._keys.get((dict_form, target))
            if key is None:
                key = self._keys.put((dict_form, target), tuple(word_keys(dict_form, target)))
            group = groups.setdefault(key, _Group())
            group.dict_forms[dict_form] += 1
            group.surface[surface] += 1
            group.units.append((unit, score))
        return groups

    def _example(self, unit: int, target: str) -> Example:
        texts = self.corpus.texts[unit]
        return Example(self.corpus.ids[unit], texts.get(self.source, ""), texts.get(target, ""))


_ACRONYM_TIE = 0.45  # an acronym rendered by an acronym of the translated name (scores at most 0.3: never added)


def _acronym_like(word: str) -> bool:
    """2-8 capital letters, a Kazakh case ending after a hyphen aside ("DCCC", "РҰНК-ның")."""
    core = word.split("-", 1)[0]
    return 2 <= len(core) <= 8 and core.isalpha() and core.isupper()


def _acronym_ties(row: list[float], words: Sequence[str], kids: Sequence[int], linker: Linker,
                  others: list[tuple[str, int]], before: list[tuple[str, int]], span: int) -> None:
    """Tie a source acronym nothing renders in its unit (``row``: its ties to the target ``words``) to
    the target's acronyms no other source word (``others``) renders: the acronym of the translated
    name ("DCCC" -> «ДНКК», "NRCC" -> «РҰНК»), weakly; the more of the source words just before the
    acronym (``before``: its expansion, if written out) are rendered by the ``span`` target words just
    before the target acronym, the stronger."""
    if max(row, default=0.0) >= _TIED:
        return
    for j, w in enumerate(words):
        if not _acronym_like(w) or any(linker.link(sw, sk, w, kids[j]) >= _TIED for sw, sk in others):
            continue
        near = max(0, j - span)
        told = sum(1 for sw, sk in before if j > near and max(linker.links(sw, sk, words[near:j], kids[near:j])) >= _TIED)
        row[j] = max(row[j], _ACRONYM_TIE + 0.1 * told / max(1, len(before)))


def _one_to_one(pairs: list[tuple[float, int, int]], src_cap: Sequence[int], tgt_cap: Sequence[int]) -> float:
    """The summed strength of the best one-to-one ties ``pairs`` (``(strength, source word, target
    word)``, strongest first) of the source words to the target words (greedy competitive linking:
    strongest tie first, each word used once), a source word counting 1 in all. A hyphenated name
    is as many words as it has parts (``src_cap``, ``tgt_cap``: :func:`~termbase.mining.links.capacity`):
    Сент-Джонстоне takes both "St" and "Johnstone", and "Сент-Джонстон" counts in full only with both."""
    rem_i = list(src_cap)
    rem_j = {}
    left = sum(rem_i)
    total = 0.0
    for strength, i, j in pairs:
        ri = rem_i[i]
        if not ri:
            continue
        rj = rem_j.get(j)
        if rj is None:
            rj = tgt_cap[j]
        if not rj:
            continue
        used = ri if ri < rj else rj
        rem_i[i] = ri - used
        rem_j[j] = rj - used
        total += strength * used / src_cap[i]
        left -= used
        if not left:
            break
    return total


def _find(row: list[int], keys: tuple[int, ...]) -> int:
    """Where the key sequence ``keys`` starts in ``row``, or -1."""
    n = len(keys)
    first = keys[0]
    target = list(keys)
    for i in range(len(row) - n + 1):
        if row[i] == first and row[i : i + n] == target:
            return i
    return -1


_BREAKS = set(",;:()[]{}—–!?.")


def _breaks(text: str, tokens: list[tuple[str, int, int]], lang: str) -> list[bool]:
    """For each word of ``text``, whether a name cannot go on from the word before it to it: a
    comma, bracket, dash or sentence end between them (not the dots of initials); in Kazakh, also a
    word before it that says where (:func:`_kk_case_ends`)."""
    out = [False] * len(tokens)
    end = None
    for j, (word, a, b) in enumerate(tokens):
        if j:
            gap = text[end:a]
            if (gap != " " and _gap_breaks(gap) and not _initials(tokens[j - 1][0], gap, word)
                    and not (gap == ". " and j >= 2 and _initials(tokens[j - 2][0], text[tokens[j - 2][2] : tokens[j - 1][1]],
                                                                  tokens[j - 1][0]))):
                out[j] = True  # (not the dot that ends an abbreviation: "U.S. Department of Justice")
            elif lang == "kk" and tokens[j - 1][0][-1:] in "аеАЕ" and _kk_case_ends(tokens[j - 1][0]):
                out[j] = True
        end = b
    return out


def _gap_breaks(gap: str) -> bool:
    """Whether the text between two words holds a comma, bracket, dash or sentence end."""
    return any(ch in _BREAKS for ch in gap)


def _extend(text: str, tokens: list[tuple[str, int, int]], a: int, b: int, lang: str, tied: list[float],
            function: list[bool], breaks: list[bool], missing: int = 0,
            elsewhere: Callable[[int], bool] | None = None, tgt_kids: Sequence[int] | None = None) -> tuple[int, int]:
    """Grow the stretch ``a:b`` over the untied words its grammar says belong to the name: the
    rest of an English capitalised name ("Harvard" -> "Harvard University", "U.N. Security
    Council"), less a possessor before it ("Alaska's Veteran's Court"); the noun a Russian adjective
    qualifies and an adjective before the Russian phrase ("венский" -> "венский Рапид", "суд Кларка"
    -> "Окружной суд Кларка"); the Kazakh head noun of an izafet ("Біріккен Ұлттар" -> "Біріккен
    Ұлттар Ұйымы", "Йель" -> "Йель университеті"); and, for each of the term's words the stretch
    renders by none of its own (``missing``), a Kazakh modifier before it, bare or in the genitive
    ("Энергиясы Альянсы" -> "Тұтынушы Энергиясы Альянсы" for "Consumer Energy Alliance")."""
    m = len(tokens)
    words = [w for w, _x, _y in tokens]

    def whole(a: int, b: int) -> tuple[int, int]:
        # an abbreviation is whole or not at all: "S. Department" -> "U.S. Department", "N.F" -> "N.F.L."
        while a > 0 and _initials(words[a - 1], text[tokens[a - 1][2] : tokens[a][1]], words[a]):
            a -= 1
        while b < m and _initials(words[b - 1], text[tokens[b - 1][2] : tokens[b][1]], words[b]):
            b += 1
        return a, b

    a, b = whole(a, b)

    def free(j: int) -> bool:  # an untied word joined to its neighbour inside the sentence
        return 0 <= j < m and tied[j] < _TIED

    if lang == "en":
        def capital(j: int) -> bool:
            w = words[j]
            # (a sentence's first word only as an abbreviation: "U.S. Department of Justice")
            return ((w[:1].isupper() or w[:1].isdigit()) and w.lower() not in _EN_NOT_NAME
                    and (j > 0 or w.replace(".", "").isupper()))

        def joined(j: int) -> bool:  # words j-1 and j are one stretch of text ("/" parts names)
            return not breaks[j] and "/" not in text[tokens[j - 1][2] : tokens[j][1]]

        def others(j: int, step: int) -> bool:
            # the capitalised words from j on all render other words of the source: another name
            # ("United Nations | General Assembly" for "Біріккен Ұлттар Ұйымының | Бас Ассамблеясы")
            if elsewhere is None:
                return False
            run = []
            while 0 <= j < m and len(run) < 2 and free(j) and capital(j):
                run.append(j)
                j += step
            return bool(run) and all(elsewhere(x) for x in run)

        grown, was = 0, b
        while (b < m and grown < 2 and free(b) and joined(b) and capital(b)
               and not words[b - 1].endswith(("'s", "’s")) and not _en_compound_modifier(words[b - 1])
               and not (grown == 0 and others(b, 1))):
            grown += not _initials(words[b - 1], text[tokens[b - 1][2] : tokens[b][1]], words[b])
            b += 1
        if b > was and b < m and joined(b) and capital(b):
            b = was  # the capitals go on: another name begins there ("Department of Justice | Analyst Paul Rowlett")
        grown = 0
        while (a > 0 and grown < 2 and free(a - 1) and joined(a) and capital(a - 1)
               and not words[a - 1].endswith(("'s", "’s")) and not _en_compound_modifier(words[a - 1])
               and not (grown == 0 and others(a - 1, -1))):
            grown += not _initials(words[a - 1], text[tokens[a - 1][2] : tokens[a][1]], words[a])
            a -= 1
        if b - a > 1 and words[a].endswith(("'s", "’s")) and tied[a] < 1.0 and words[a + 1][:1].isupper():
            a += 1  # a possessor before the name: "Indonesia's Disaster Mitigation Agency"
    if lang != "en":
        # a name in Latin letters inside Russian or Kazakh text is one run of capitalised words, which
        # gives back the term's words nothing in the stretch renders (``missing``): "Virginia Metro News"
        # -> "West Virginia Metro News" for «Батыс Вирджиния Метро Ньюз», "Pasteur 2" -> "Hospital Louis
        # Pasteur 2" for «Луи Пастер 2 ауруханасы»
        def latin(j: int) -> bool:
            w = words[j]
            return w.isascii() and (w[:1].isupper() or w.isdigit()) and w.lower() not in _EN_NOT_NAME

        grown = 0
        while a > 0 and grown < missing and latin(a) and free(a - 1) and not breaks[a] and latin(a - 1) \
                and not words[a - 1].isdigit():
            a -= 1
            grown += 1
        while b < m and grown < missing and latin(b - 1) and free(b) and not breaks[b] and latin(b):
            b += 1
            grown += 1
    if lang == "ru":
        grown = 0
        while (grown < missing and b < m and free(b) and not breaks[b] and not function[b - 1]
               and not function[b] and ru_genitive_noun(words[b]) and not (elsewhere is not None and elsewhere(b))):
            # a genitive after the stretch renders a word of the term nothing in it renders: "Сеть
            # безопасности | полетов" for "Aviation Safety Network", "Сборная | США" for "Team USA"
            b += 1
            grown += 1
        if (b < m and free(b) and not breaks[b] and not function[b - 1]
                and ru_qualifies(words[b - 1], words[b])):
            b += 1
        if a > 0 and free(a - 1) and not breaks[a] and not function[a - 1] and ru_qualifies(words[a - 1], words[a]):
            a -= 1
    elif lang == "kk":
        # the head noun of an izafet after a Kazakh name, not a classifier after a name in Latin
        # letters or a common one ("New York Times газеті", "Халықаралық Қызыл Крест ұйымы")
        if (b < m and free(b) and not breaks[b] and not words[b - 1].isascii()
                and (words[b][:1].isupper() or not kk_bases(words[b].lower()) & _KK_CLASSIFIERS)
                and kk_izafet_head(words[b - 1], words[b], lexicon("kk").org_heads)):
            b += 1
        elif (b < m and not breaks[b] and "және" in words[a:b] and words[b - 1][:1].isupper()
              and tgt_kids is not None and tgt_kids[b] in tgt_kids[a:b]):
            # two names sharing their head noun, each with it: "Бригам ауруханасы және Әйелдер | ауруханасы"
            # for "Brigham and Women's Hospital" (the head renders the one source word twice)
            b += 1
        grown = 0
        while (grown < missing and a > 0 and free(a - 1) and not breaks[a] and not function[a - 1]
               and _kk_modifier(words[a - 1]) and not (elsewhere is not None and elsewhere(a - 1))):
            a -= 1
            grown += 1
    return whole(a, b)


# Prepositions that place a name, never inside one: "professor of sleep medicine at | Harvard Medical School"
_EN_PLACING = frozenset(("at", "in", "on", "from", "by", "with"))


def _en_name_side(words: Sequence[str], links: list[list[float]], a: int, b: int) -> tuple[int, int]:
    """The English stretch ``a:b`` less the lower-case words a placing preposition joins to a
    capitalised name, when the name's side ties every source word the whole stretch ties: "medicine at
    Harvard Medical School" renders "Гарвард медицина мектебі" as "Harvard Medical School"; "ethnic
    groups in Kazakhstan" stays whole (only "ethnic groups" ties "этностар")."""
    for p in range(a + 1, b - 1):
        if words[p].lower() not in _EN_PLACING:
            continue
        for keep, drop in (((p + 1, b), (a, p)), ((a, p), (p + 1, b))):
            if not words[keep[0]][:1].isupper() or any(w[:1].isupper() for w in words[drop[0] : drop[1]]):
                continue
            if all(max(row[keep[0] : keep[1]]) >= _TIED for row in links if max(row[a:b]) >= _TIED):
                return keep
    return a, b


def _en_compound_modifier(word: str) -> bool:
    """An English adjective made of a name and a lower-case word ("Al-Qaeda-linked", "Kremlin-backed"):
    it says what the name after it is tied to, it is no part of that name, nor is that name part of its."""
    head, _dash, last = word.rpartition("-")
    return bool(head) and head[:1].isupper() and last.isalpha() and last.islower()




def _kk_modifier(word: str) -> bool:
    """A Kazakh word that may modify the name after it: without a case ending ("Тұтынушы", "табиғи")
    or in the genitive ("Ұлыбританияның"); no verb of the sentence ("мәлімдеді", "жасап"), no word
    with a possessive, the head of a phrase of its own ("сенбі күні"), no place the attributive
    locative puts the name in ("Невададағы")."""
    low = word.lower()
    if not word[:1].isalpha() or low.isascii() or is_light_verb_kk(word) or is_attributive_locative_kk(word):
        return False
    if is_genitive_kk(word):
        return True
    return strip_case_kk(word) == word and not (word.islower() and is_possessed_kk(word))


def _kk_case_ends(word: str) -> bool:
    """A Kazakh word no name goes on after: a noun with a possessive in the locative ("бөлімшесінде",
    "ауданында"). (Other cases may be inside a name, governed by its verbal noun: "Қаржымен қамтамасыз
    ету департаменті", "жәбірленушілерге өтемақы қоры".)"""
    return word.isalpha() and len(word) > 7 and possessive_case_kk(word) in ("нда", "нде")


# Kazakh nouns a translator puts after a name to say what it is ("газеті", "ұйымы")
_KK_CLASSIFIERS = frozenset({"газет", "ұйым", "компания", "журнал", "арна", "телеарна", "клуб", "команда"})

# capitalised words that begin no part of a name
_EN_NOT_NAME = frozenset("the a an in on at of and or but for to from by with as is was it he she they we i "
                         "this that these those his her their its".split())


def _initials(left: str, gap: str, right: str) -> bool:
    """Whether a dot joins the letters of an abbreviation ("N.F.L.", "D.C.", "U.S."): no break."""
    return gap == "." and len(left) == 1 and len(right) == 1 and left.isupper() and right.isupper()


def _dictionary_form(text: str, tokens: list[tuple[str, int, int]], lang: str,
                     cache: BoundedCache | None = None) -> str:
    """The stretch ``tokens`` of ``text`` in dictionary form, keeping the hyphens between its words
    (a space however written as one space) and a quotation it opens ("«Қазақстан темір жолы»"); ``cache`` remembers the words'
    dictionary forms (the same renderings come again and again)."""
    words = tuple(w for w, _a, _b in tokens)
    cited = cache.get((words, lang)) if cache is not None else None
    if cited is None:
        cited = dictionary_form(words, lang)
        if cache is not None:
            cache.put((words, lang), cited)
    if lang == "en" and _en_compound_modifier(cited[-1]):
        cited = [*cited[:-1], cited[-1].rpartition("-")[0]]  # "Al-Qaeda-linked" renders "Al-Qaeda"
    parts = [cited[0]]
    for i in range(1, len(tokens)):
        gap = text[tokens[i - 1][2] : tokens[i][1]]
        if gap != " " and gap and not gap.translate(_INVISIBLE).strip():
            gap = " "  # a space however written: no-break, several, or with zero-width characters
        parts.append(gap)
        parts.append(cited[i])
    out = "".join(parts)
    if (len(tokens) > 1 and len(tokens[-1][0]) == 1 and text[tokens[-1][2] : tokens[-1][2] + 1] == "."
            and text[tokens[-2][2] : tokens[-1][1]] == "."):
        out += "."  # the abbreviation's last dot: "N.F.L."
    return _balance_quotes(out, text, tokens)


_QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"'}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def _balance_quotes(out: str, text: str, tokens: list[tuple[str, int, int]]) -> str:
    """Add the quotation marks around a quoted name whose words the stretch covers ("«Самрук-Қазына»")."""
    before = text[: tokens[0][1]].rstrip(" ")
    after = text[tokens[-1][2] :]
    if before and before[-1] in _QUOTES:
        close = _QUOTES[before[-1]]
        if after.startswith(close):
            return before[-1] + out + close
    return out
