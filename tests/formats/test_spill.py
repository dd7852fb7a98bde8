"""The external sort behind the PO writer: sorted output whatever the budget, runs on disk past it."""

from __future__ import annotations

import random

from termbase.formats.spill import Spill


def test_records_come_back_sorted_whether_or_not_they_spill():
    rng = random.Random(7)
    records = [(rng.choice(["Сенат", "Mazhilis", "akimat", "", "Ассамблея"]) + str(rng.randrange(50)), i,
                rng.choice([None, 0.5, "note"])) for i in range(5000)]
    for budget, runs in ((1 << 30, 0), (20_000, 50)):
        with Spill(budget) as spill:
            for r in records:
                spill.add(r, len(r[0]))
            assert spill.runs >= runs
            assert list(spill) == sorted(records)
    assert list(Spill()) == []


def test_runs_are_anonymous_files_gone_when_closed(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    spill = Spill(budget=1000)
    for i in range(100):
        spill.add((f"{i:03}", i), 10)
    assert spill.runs > 5 and list(tmp_path.iterdir()) == []  # unlinked at once: nothing a kill leaves
    assert [r[1] for r in spill] == list(range(100))
    spill.close()


def test_many_runs_are_merged_into_one(monkeypatch):
    monkeypatch.setattr("termbase.formats.spill._MAX_RUNS", 4)
    with Spill(budget=1000) as spill:
        for i in reversed(range(200)):
            spill.add((i, "x" * 100), 100)
            assert spill.runs < 4
        assert [r[0] for r in spill] == list(range(200))
