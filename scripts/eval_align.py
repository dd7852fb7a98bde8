"""Evaluate termbase's sentence aligner against Gale-Church on documents with known alignment.

Test documents are built from NTREX-128 (line i is the same sentence in en/ru/kk; DOCUMENT_IDS.tsv
groups lines into 123 news documents) and Tatoeba pairs: in each document some sentences are merged
with the next one on one side (a 2-1 or 1-2 bead) and some are dropped on one side (1-0 / 0-1), at
random with a fixed seed. The aligners see segment lists (what ``termbase align --segmented`` reads)
and are scored against the truth:

- strict P/R/F1: beads that are exactly right (the non-null beads; "+null" also counts 1-0/0-1),
- lax P/R/F1: sentence links (every source-target pair inside a bead).

Settings: "paragraphs" (each news document is a paragraph, i.e. blank lines between documents),
"uneven paragraphs" (the same, but the second text loses a fifth of its paragraph breaks, so the
paragraph counts differ) and "flat" (all the sentences in one run, no paragraph breaks). NTREX
documents with an even number are the development half (used to set the AlignConfig defaults and
fit the score model), odd ones the test half. Tatoeba pairs are not split (nothing was tuned on them).

    PYTHONPATH=src python scripts/eval_align.py [--split test] [--seeds 3] [--termbase] [--no-gc]
    PYTHONPATH=src python scripts/eval_align.py --split test --calibration   # are the scores right?
    PYTHONPATH=src python scripts/eval_align.py --split dev --fit-scores     # refit the score model
    PYTHONPATH=src python scripts/eval_align.py --others kk,kk-Latn --no-gc  # Kazakh in both scripts

``--others kk-Latn``: the Kazakh side transliterated to the 2021 Latin alphabet (what a Latin-Kazakh
document gives the aligner: its sentence rules, anchors and terms in Latin).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gale_church import gale_church  # noqa: E402

from termbase.alignment import align_pair, default_anchors  # noqa: E402
from termbase.alignment.search import AlignConfig, bead_features, bead_score, context_features  # noqa: E402
from termbase.models import Segment  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "parallel"
if not SHARED.exists():
    SHARED = Path("/work/shared/eval/parallel")
NTREX = {"en": "newstest2019-src.eng.txt", "ru": "newstest2019-ref.rus.txt", "kk": "newstest2019-ref.kaz.txt"}


def load_ntrex():
    d = SHARED / "ntrex128"
    ids = (d / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    texts = {lang: (d / f).read_text(encoding="utf-8").split("\n") for lang, f in NTREX.items()}
    n = 1997
    docs: list[dict[str, list[str]]] = []
    last = None
    from termbase.languages import kazakh_to_latin

    for i in range(n):
        if ids[i] != last:
            docs.append({lang: [] for lang in (*NTREX, "kk-Latn")})
            last = ids[i]
        for lang in NTREX:
            docs[-1][lang].append(" ".join(texts[lang][i].split()))
        docs[-1]["kk-Latn"].append(kazakh_to_latin(docs[-1]["kk"][-1]))
    return docs


def load_tatoeba(other: str):
    d = SHARED / "tatoeba_laser"
    code = {"ru": "rus", "kk": "kaz"}[other]
    en = (d / f"tatoeba.{code}-eng.eng").read_text(encoding="utf-8").splitlines()
    xx = (d / f"tatoeba.{code}-eng.{code}").read_text(encoding="utf-8").splitlines()
    # 25 sentences to a "document", like paragraphs of a short text
    return [{"en": en[k : k + 25], other: xx[k : k + 25]} for k in range(0, len(en), 25)]


def perturb(docs, a: str, b: str, rng: random.Random, *, p_merge=0.04, p_drop=0.02, paragraphs=True):
    """Segments of both sides and the true beads, after random merges and drops."""
    sa: list[Segment] = []
    sb: list[Segment] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for p, doc in enumerate(docs):
        xs, ys = doc[a], doc[b]
        para = p if paragraphs else 0
        k = 0
        while k < len(xs):
            r = rng.random()
            if r < p_merge and k + 1 < len(xs):  # merge two sentences on side a -> 1-2 bead
                sa.append(Segment(xs[k] + " " + xs[k + 1], len(sa), para))
                sb.extend([Segment(ys[k], len(sb), para), Segment(ys[k + 1], len(sb) + 1, para)])
                gold.append(((len(sa) - 1,), (len(sb) - 2, len(sb) - 1)))
                k += 2
            elif r < 2 * p_merge and k + 1 < len(xs):  # merge on side b -> 2-1 bead
                sa.extend([Segment(xs[k], len(sa), para), Segment(xs[k + 1], len(sa) + 1, para)])
                sb.append(Segment(ys[k] + " " + ys[k + 1], len(sb), para))
                gold.append(((len(sa) - 2, len(sa) - 1), (len(sb) - 1,)))
                k += 2
            elif r < 2 * p_merge + p_drop:  # dropped on side b -> 1-0
                sa.append(Segment(xs[k], len(sa), para))
                gold.append(((len(sa) - 1,), ()))
                k += 1
            elif r < 2 * p_merge + 2 * p_drop:  # dropped on side a -> 0-1
                sb.append(Segment(ys[k], len(sb), para))
                gold.append(((), (len(sb) - 1,)))
                k += 1
            else:
                sa.append(Segment(xs[k], len(sa), para))
                sb.append(Segment(ys[k], len(sb), para))
                gold.append(((len(sa) - 1,), (len(sb) - 1,)))
                k += 1
    return sa, sb, gold


def drop_paragraph_breaks(segs, rng: random.Random, share: float = 0.2):
    """The segments with about ``share`` of their paragraph breaks removed (paragraphs run together)."""
    out, para, last = [], 0, None
    for s in segs:
        if last is not None and s.paragraph != last and rng.random() >= share:
            para += 1
        last = s.paragraph
        out.append(Segment(s.text, s.index, para))
    return out


def prf(tp, n_test, n_gold):
    p = tp / n_test if n_test else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(test, gold):
    t_nn = {x for x in test if x[0] and x[1]}
    g_nn = {x for x in gold if x[0] and x[1]}
    strict = prf(len(t_nn & g_nn), len(t_nn), len(g_nn))
    strict_null = prf(len(set(test) & set(gold)), len(test), len(gold))
    links_t = {(i, j) for xa, xb in test for i in xa for j in xb}
    links_g = {(i, j) for xa, xb in gold for i in xa for j in xb}
    lax = prf(len(links_t & links_g), len(links_t), len(links_g))
    return strict, strict_null, lax


def run_gc(sa, sb):
    """Gale-Church per paragraph when both sides have the same paragraphs, else on the whole."""
    out = []
    pa = sorted({s.paragraph for s in sa})
    pb = sorted({s.paragraph for s in sb})
    if pa == pb and len(pa) > 1:
        for p in pa:
            xa = [s for s in sa if s.paragraph == p]
            xb = [s for s in sb if s.paragraph == p]
            for ga, gb in gale_church([s.text for s in xa], [s.text for s in xb]):
                out.append((tuple(xa[i].index for i in ga), tuple(xb[j].index for j in gb)))
        return out
    return gale_church([s.text for s in sa], [s.text for s in sb])


def run_tb(sa, sb, a, b, anchor_fn):
    ka = [frozenset(anchor_fn(s.text, a)) for s in sa] if anchor_fn else None
    kb = [frozenset(anchor_fn(s.text, b)) for s in sb] if anchor_fn else None
    return [(ga, gb) for ga, gb, _ in align_pair(sa, sb, anchors_a=ka, anchors_b=kb)]


def scored_beads(docs, seeds):
    """``(features, score, right)`` of every 2-language bead termbase finds, over both language pairs,
    paragraphs and flat, all seeds."""
    out = []
    for other in ("ru", "kk"):
        for paras in (True, False):
            for seed in range(1, seeds + 1):
                sa, sb, gold = perturb(docs, "en", other, random.Random(seed), paragraphs=paras)
                g = set(gold)
                ka = [frozenset(default_anchors(s.text, "en")) for s in sa]
                kb = [frozenset(default_anchors(s.text, other)) for s in sb]
                beads = align_pair(sa, sb, anchors_a=ka, anchors_b=kb)
                path = [(ga, gb) for ga, gb, _ in beads]
                feats = bead_features(path, [len(s.text) for s in sa], [len(s.text) for s in sb], ka, kb, AlignConfig())
                for (ga, gb, score), f in zip(beads, feats):
                    if f is not None:
                        out.append((f, score, (ga, gb) in g))
    return out


def calibration(docs, seeds) -> None:
    bins = [0.0, 0.2, 0.5, 0.8, 0.9, 0.95, 0.99, 1.0001]
    rows = scored_beads(docs, seeds)
    print(f"== score calibration ({len(rows)} beads with two languages)")
    for lo, hi in zip(bins, bins[1:]):
        sel = [right for _, score, right in rows if lo <= score < hi]
        share = sum(sel) / len(sel) if sel else 0.0
        print(f"  score [{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}: {len(sel):5d} beads, {share:6.1%} right")


def fit_scores(docs, seeds) -> None:
    """Logistic regression (Newton's method, a little L2) of "bead is right" on bead_features."""
    import numpy as np

    rows = scored_beads(docs, seeds)
    x = np.array([[1.0, *f] for f, _, _ in rows])
    y = np.array([1.0 if right else 0.0 for _, _, right in rows])
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + 1e-3 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + 1e-3 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
    loss = -np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))
    print(f"fitted on {len(rows)} beads, log loss {loss:.4f}")
    print("_SCORE_MODEL = (" + ", ".join(f"{v:.3f}" for v in w) + ")")


def swapped_docs(docs, other: str, every: int, rng: random.Random, paragraphs: bool):
    """Segments and true beads of the documents where every ``every``-th one (all with 1) has its
    ``other`` side taken from a document 7 places on: an unrelated text. Returns
    ``(sa, sb, right beads)``: beads of the swapped documents are never right."""
    sa: list[Segment] = []
    sb: list[Segment] = []
    right = set()
    n = len(docs)
    for k, doc in enumerate(docs):
        swap = every and k % every == 0
        pair = {"en": doc["en"], other: docs[(k + 7) % n][other] if swap else doc[other]}
        if swap:  # unrelated texts: as many sentences on each side as the shorter one
            m = min(len(pair["en"]), len(pair[other]))
            pair = {"en": pair["en"][:m], other: pair[other][:m]}
        xa, xb, gold = perturb([pair], "en", other, rng, paragraphs=True)
        para = k if paragraphs else 0
        oa, ob = len(sa), len(sb)
        sa.extend(Segment(s.text, oa + i, para) for i, s in enumerate(xa))
        sb.extend(Segment(s.text, ob + j, para) for j, s in enumerate(xb))
        if not swap:
            right.update((tuple(oa + i for i in ga), tuple(ob + j for j in gb)) for ga, gb in gold)
    return sa, sb, right


def context_rows(docs, seeds):
    """``(bead_score, shared, seen, score, right, kind)`` of every two-language bead termbase finds in
    translations, unrelated texts and documents where every third one is unrelated."""
    out = []
    for other in ("ru", "kk"):
        for paras in (True, False):
            for seed in range(1, seeds + 1):
                for kind, every in (("related", 0), ("unrelated", 1), ("mixed", 3)):
                    rng = random.Random(seed * 10 + every)
                    sa, sb, right = swapped_docs(docs, other, every, rng, paras)
                    ka = [frozenset(default_anchors(s.text, "en")) for s in sa]
                    kb = [frozenset(default_anchors(s.text, other)) for s in sb]
                    beads = align_pair(sa, sb, anchors_a=ka, anchors_b=kb)
                    path = [(ga, gb) for ga, gb, _ in beads]
                    base = [bead_score(f) for f in bead_features(path, [len(s.text) for s in sa],
                                                                  [len(s.text) for s in sb], ka, kb, AlignConfig())]
                    ctx = context_features(path, ka, kb)
                    for (ga, gb, score), b, (sh, seen) in zip(beads, base, ctx):
                        if ga and gb:
                            out.append((b, sh, seen, score, (ga, gb) in right, kind))
    return out


def fit_context(docs, seeds) -> None:
    """Logistic regression of "bead is right" on the bead score's logit and its context."""
    import math

    import numpy as np

    rows = context_rows(docs, seeds)

    def feats(b, sh, seen):
        p = min(max(b, 1e-6), 1 - 1e-6)
        # (how many context beads carry anchors is left out: in news nearly all do, and a model
        # that learnt "few anchors, unrelated" would fail texts with few names and numbers)
        return [1.0, math.log(p / (1 - p)), (sh + 0.5) / (seen + 1.0)]

    x = np.array([feats(b, sh, seen) for b, sh, seen, *_ in rows])
    y = np.array([1.0 if r[4] else 0.0 for r in rows])
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + 1e-3 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + 1e-3 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    print(f"fitted on {len(rows)} beads")
    print("_CONTEXT_MODEL = (" + ", ".join(f"{v:.3f}" for v in w) + ", 0.0)")


def unrelated_report(docs, seeds) -> None:
    """How the scores of beads in translations and in unrelated texts fall, and how many documents
    of each kind termbase would call unrelated (most two-language beads under 0.5)."""
    from termbase.alignment import looks_unrelated

    rows = context_rows(docs, seeds)
    for kind in ("related", "unrelated", "mixed"):
        sel = [r for r in rows if r[5] == kind]
        right = [r for r in sel if r[4]]
        wrong = [r for r in sel if not r[4]]
        def share(rs, lo):
            return sum(1 for r in rs if r[3] >= lo) / len(rs) if rs else 0.0
        print(f"  {kind:9s}: {len(sel):5d} beads; right beads scoring >= 0.5: {share(right, 0.5):6.1%}, "
              f">= 0.8: {share(right, 0.8):6.1%}; wrong beads >= 0.5: {share(wrong, 0.5):6.1%}, "
              f">= 0.8: {share(wrong, 0.8):6.1%}")
    print("  documents called unrelated (most beads under 0.5), one document per alignment:")
    for other in ("ru", "kk"):
        for kind, every in (("translations", 0), ("unrelated", 1)):
            flagged = total = 0
            for k, doc in enumerate(docs):
                if every:
                    pair = {"en": doc["en"], other: docs[(k + 7) % len(docs)][other]}
                else:
                    pair = {"en": doc["en"], other: doc[other]}
                sa = [Segment(t, i) for i, t in enumerate(pair["en"])]
                sb = [Segment(t, i) for i, t in enumerate(pair[other])]
                ka = [frozenset(default_anchors(s.text, "en")) for s in sa]
                kb = [frozenset(default_anchors(s.text, other)) for s in sb]
                scores = [sc for ga, gb, sc in align_pair(sa, sb, anchors_a=ka, anchors_b=kb) if ga and gb]
                total += 1
                flagged += looks_unrelated(scores)
            print(f"    en-{other} {kind:12s}: {flagged}/{total} documents flagged")


def fmt(t):
    return f"P {t[0]:.4f} R {t[1]:.4f} F1 {t[2]:.4f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="test")
    ap.add_argument("--termbase", action="store_true", help="also run with the shipped glossary's concept anchors")
    ap.add_argument("--no-gc", action="store_true", help="skip the (slow) Gale-Church baseline")
    ap.add_argument("--sets", default="ntrex-para,ntrex-uneven,ntrex-flat,tatoeba")
    ap.add_argument("--calibration", action="store_true", help="how often beads of each score range are right")
    ap.add_argument("--fit-scores", action="store_true", help="fit the bead score model on this split")
    ap.add_argument("--fit-context", action="store_true", help="fit the context model (translations vs unrelated)")
    ap.add_argument("--unrelated", action="store_true", help="scores of translations vs unrelated texts")
    ap.add_argument("--others", default="ru,kk", help="languages aligned with English (ru, kk, kk-Latn)")
    args = ap.parse_args()

    anchor_fns = {"termbase (length+anchors)": default_anchors, "termbase (length only)": None}
    if args.termbase:
        from termbase.alignment import termbase_anchors
        from termbase.glossary import load_shipped
        from termbase.search import TermIndex
        from termbase.store import create_store

        tmp = tempfile.mkdtemp()
        store = create_store(Path(tmp) / "eval.db")
        store.concepts.add_many(load_shipped())
        anchor_fns["termbase (+glossary concepts)"] = termbase_anchors(TermIndex(store).matcher())

    ntrex = load_ntrex()
    pick = {"dev": lambda k: k % 2 == 0, "test": lambda k: k % 2 == 1, "all": lambda k: True}[args.split]
    ntrex = [d for k, d in enumerate(ntrex) if pick(k)]
    if args.fit_context or args.unrelated:
        (fit_context if args.fit_context else unrelated_report)(ntrex, args.seeds)
        return
    if args.calibration or args.fit_scores:
        (fit_scores if args.fit_scores else calibration)(ntrex, args.seeds)
        return
    sets = args.sets.split(",")
    for other in args.others.split(","):
        cases = []
        if "ntrex-para" in sets:
            cases.append(("ntrex paragraphs", ntrex, True))
        if "ntrex-uneven" in sets:
            cases.append(("ntrex uneven paragraphs", ntrex, "uneven"))
        if "ntrex-flat" in sets:
            cases.append(("ntrex flat", ntrex, False))
        if "tatoeba" in sets and other != "kk-Latn":
            cases.append(("tatoeba flat", load_tatoeba(other), False))
        for name, docs, paras in cases:
            totals: dict[str, list] = {}
            nseg = 0
            for seed in range(1, args.seeds + 1):
                rng = random.Random(seed)
                sa, sb, gold = perturb(docs, "en", other, rng, paragraphs=bool(paras))
                if paras == "uneven":
                    sb = drop_paragraph_breaks(sb, rng)
                nseg = len(sa)
                runners = {k: (lambda f=f: run_tb(sa, sb, "en", other, f)) for k, f in anchor_fns.items()}
                if not args.no_gc:
                    runners["Gale-Church baseline"] = lambda: run_gc(sa, sb)
                for label, fn in runners.items():
                    t0 = time.perf_counter()
                    test = fn()
                    dt = time.perf_counter() - t0
                    totals.setdefault(label, []).append((score(test, gold), dt))
            print(f"== en-{other} {name} ({args.split}, {nseg} en segments, {args.seeds} seeds)")
            for label, runs in totals.items():
                avg = [tuple(sum(r[0][m][q] for r in runs) / len(runs) for q in range(3)) for m in range(3)]
                t = sum(r[1] for r in runs) / len(runs)
                print(f"  {label:32s} strict {fmt(avg[0])} | +null F1 {avg[1][2]:.4f} | lax {fmt(avg[2])} | {t:.2f}s")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
