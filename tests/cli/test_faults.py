"""Processes killed mid-write (kill -9) and processes writing at the same time, at the command line
(issue 14): the termbase stays intact, a write is all or nothing, every acknowledged write is kept, no
lock error within the documented wait, no temporary file left after the next run."""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

UNITS = 20000


def termbase(db: Path, *args: str, **kwargs) -> subprocess.Popen:
    """``termbase --db DB ARGS`` as a process of its own (stdout and stderr captured)."""
    return subprocess.Popen([sys.executable, "-m", "termbase", "--db", str(db), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=db.parent, **kwargs)


def done(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "termbase", "--db", str(db), *args], capture_output=True,
                          text=True, cwd=db.parent, timeout=600)


def write_tmx(path: Path, n: int, tag: str = "") -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" datatype="plaintext" '
                 'segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n')
        for i in range(n):
            fh.write(f'<tu><tuv xml:lang="en"><seg>The Senate passed law {tag}{i} on the budget.</seg></tuv>'
                     f'<tuv xml:lang="ru"><seg>Сенат принял закон {tag}{i} о бюджете.</seg></tuv>'
                     f'<tuv xml:lang="kk"><seg>Сенат бюджет туралы {tag}{i} заңды қабылдады.</seg></tuv></tu>\n')
        fh.write("</body></tmx>\n")
    return path


def wait_for(condition, what: str, timeout: float = 120.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def writing(db: Path) -> bool:
    """Whether a termbase process holds the write lock now (its record is beside the database)."""
    return Path(f"{db}-writer").exists()


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def units(db: Path, memory: str = "default") -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM tm_units WHERE tm = ?", (memory,)).fetchone()[0]
    finally:
        conn.close()


def concepts(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM concepts").fetchone()[0]
    finally:
        conn.close()


TEMPORARY = re.compile(r"^\..*\.tmp$|^\..*\.old$|\.new$|-writer$")


def strays(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMPORARY.search(p.name))


@pytest.fixture(scope="module")
def big_tmx(tmp_path_factory) -> Path:
    return write_tmx(tmp_path_factory.mktemp("data") / "big.tmx", UNITS)


@pytest.fixture(scope="module")
def filled(tmp_path_factory, big_tmx) -> Path:
    """A termbase holding the big memory (built once, copied by the tests that need it)."""
    db = tmp_path_factory.mktemp("filled") / "tb.db"
    assert done(db, "init", "--empty").returncode == 0
    r = done(db, "import", str(big_tmx))
    assert r.returncode == 0, r.stderr
    return db


@pytest.fixture
def db(tmp_path) -> Path:
    db = tmp_path / "tb.db"
    assert done(db, "init", "--empty").returncode == 0
    return db


def copy_of(filled: Path, tmp_path: Path) -> Path:
    db = tmp_path / "tb.db"
    db.write_bytes(filled.read_bytes())
    return db


# ---------------------------------------------------------------- kill -9


def test_kill_during_import_leaves_all_or_nothing_and_an_intact_termbase(db, big_tmx):
    # killed while reading (nothing locked yet), while copying into the termbase, or after
    for delay in (0.5, 2.0, 4.0, 6.0, 8.0, 10.0, 13.0):
        proc = termbase(db, "import", str(big_tmx))
        time.sleep(delay)
        kill(proc)
        assert integrity(db) == "ok"
        assert units(db) in (0, UNITS)  # all or nothing
        r = done(db, "stats")  # the next run
        assert r.returncode == 0, r.stderr
        assert strays(db.parent) == []  # the killed writer's record too
        if units(db) == UNITS:
            break
    r = done(db, "import", str(big_tmx))
    assert r.returncode == 0, r.stderr
    assert units(db) == UNITS and integrity(db) == "ok"
    assert strays(db.parent) == []
    assert sorted(p.name for p in db.parent.iterdir()) == ["tb.db"]


def test_kill_while_an_import_copies_into_the_termbase(db, big_tmx):
    proc = termbase(db, "import", str(big_tmx))
    wait_for(lambda: writing(db) or proc.poll() is not None, "the import to start copying")
    kill(proc)
    assert integrity(db) == "ok"
    assert units(db) in (0, UNITS)
    assert done(db, "stats").returncode == 0
    assert strays(db.parent) == []


def test_kill_during_a_single_file_export_leaves_no_file_and_no_temporary_after_the_next_run(filled, tmp_path):
    db = copy_of(filled, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    for fmt, name in (("tmx", "mem.tmx"), ("po", "mem.po")):
        target = out / name
        args = ("export", "--format", fmt, "-o", str(target)) + (("--langs", "en,ru") if fmt == "po" else ())
        proc = termbase(db, *args)
        wait_for(lambda: any(p.name.endswith(".tmp") for p in out.iterdir()) or proc.poll() is not None,
                 "the export's temporary file")
        kill(proc)
        left = [p.name for p in out.iterdir()]
        assert name not in left or proc.returncode == 0  # no half file under the real name
        r = done(db, *args)  # the next run
        assert r.returncode == 0, r.stderr
        assert strays(out) == []
        assert target.read_text(encoding="utf-8").count("Сенат принял закон") == UNITS
    assert sorted(p.name for p in out.iterdir()) == ["mem.po", "mem.tmx"]


def test_kill_during_a_po_folder_export_leaves_all_old_or_all_new_files(filled, tmp_path):
    db = copy_of(filled, tmp_path)
    folder = tmp_path / "po"
    assert done(db, "export", "--format", "po", "-o", str(folder)).returncode == 0
    old = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert sorted(old) == ["kk.po", "ru.po"]
    more = write_tmx(tmp_path / "more.tmx", 50, tag="new-")
    assert done(db, "import", str(more)).returncode == 0
    new = None
    for delay in (0.2, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0):
        proc = termbase(db, "export", "--format", "po", "-o", str(folder))
        time.sleep(delay)
        kill(proc)
        files = {p.name: p.read_bytes() for p in folder.iterdir()}
        if files != old:  # the export got through before the kill: every file new
            new = files
            assert sorted(files) == ["kk.po", "ru.po"]
            assert all(b"new-49" in data for data in files.values())
            break
        r = done(db, "export", "--format", "tbx", "-o", str(tmp_path / "x.tbx"))  # the next run in that folder
        assert r.returncode == 0, r.stderr
        assert strays(tmp_path) == []
    if new is None:  # a slow machine: no export got through before its kill; the next one does
        assert done(db, "export", "--format", "po", "-o", str(folder)).returncode == 0
        new = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert sorted(new) == ["kk.po", "ru.po"] and all(b"new-49" in data for data in new.values())
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_kill_during_alignment_that_stores_units(db, tmp_path):
    en = "\n".join(f"The Senate passed law number {i} on the budget of the region." for i in range(3000))
    ru = "\n".join(f"Сенат принял закон номер {i} о бюджете региона." for i in range(3000))
    (tmp_path / "a.en.txt").write_text(en, encoding="utf-8")
    (tmp_path / "a.ru.txt").write_text(ru, encoding="utf-8")
    args = ("align", "a.en.txt", "a.ru.txt", "--langs", "en,ru", "--segmented", "-o", "a.tmx", "--tm", "speech")
    proc = termbase(db, *args)
    wait_for(lambda: writing(db) or proc.poll() is not None, "the alignment to store its units")
    kill(proc)
    assert integrity(db) == "ok"
    assert units(db, "speech") in (0, 3000)
    r = done(db, *args)  # the next run
    assert r.returncode == 0, r.stderr
    assert units(db, "speech") == 3000 and integrity(db) == "ok"
    assert strays(tmp_path) == []


def test_kill_during_glossary_update_leaves_all_or_nothing(tmp_path):
    reference = tmp_path / "ref.db"
    assert done(reference, "init").returncode == 0
    shipped = concepts(reference)
    for delay in (0.05, 0.2, 0.4, 0.8, 1.5):
        db = tmp_path / f"tb{delay}.db"
        assert done(db, "init", "--empty").returncode == 0
        proc = termbase(db, "glossary", "update")
        time.sleep(delay)
        kill(proc)
        assert integrity(db) == "ok"
        assert concepts(db) in (0, shipped)
        r = done(db, "glossary", "update")  # the next run
        assert r.returncode == 0, r.stderr
        assert concepts(db) == shipped
        assert strays(tmp_path) == []


# ---------------------------------------------------------------- at the same time


def test_parallel_imports_both_land(db, tmp_path):
    a = write_tmx(tmp_path / "a.tmx", 5000, tag="a")
    b = write_tmx(tmp_path / "b.tmx", 5000, tag="b")
    procs = [termbase(db, "import", str(a)), termbase(db, "import", str(b), "--tm", "other"),
             termbase(db, "import", str(b))]
    results = [p.communicate(timeout=600) + (p.returncode,) for p in procs]
    assert [rc for _out, _err, rc in results] == [0, 0, 0], results
    assert units(db) == 10000 and units(db, "other") == 5000
    assert integrity(db) == "ok"


def test_adds_during_an_import_wait_and_land(db, big_tmx):
    proc = termbase(db, "import", str(big_tmx))
    time.sleep(1.0)  # reading; the adds land then or wait for the import's copy
    adds = [termbase(db, "add", "--en", f"Budget Committee {i}", "--ru", f"Бюджетный комитет {i}") for i in range(3)]
    lookups = [termbase(db, "lookup", "Senate"), termbase(db, "stats")]
    for p in lookups:  # reads never wait for the import
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and "busy" not in err, err
    results = [p.communicate(timeout=600) + (p.returncode,) for p in adds]
    assert [rc for _out, _err, rc in results] == [0, 0, 0], results
    assert proc.wait(timeout=600) == 0
    assert units(db) == UNITS and concepts(db) == 3
    for i in range(3):
        assert done(db, "show", f"budget-committee-{i}").returncode == 0


def test_lookups_and_checks_during_writes(filled, tmp_path):
    db = copy_of(filled, tmp_path)
    assert done(db, "add", "--en", "Senate", "--ru", "Сенат").returncode == 0
    (tmp_path / "pairs.tsv").write_text("The Senate met.\tСенат собрался.\n", encoding="utf-8")
    more = write_tmx(tmp_path / "more.tmx", UNITS, tag="more")
    proc = termbase(db, "import", str(more))
    time.sleep(1.0)
    start = time.monotonic()
    r = done(db, "lookup", "Senate")
    assert r.returncode == 0 and "Сенат" in r.stdout, r.stderr
    r = done(db, "check", "pairs.tsv", "--source-lang", "en", "--target-lang", "ru")
    assert r.returncode == 0, r.stdout + r.stderr
    assert time.monotonic() - start < 60
    assert proc.wait(timeout=600) == 0
    assert units(db) == 2 * UNITS


HOLDER = """
import sys, time
from termbase.store import open_store
store = open_store(sys.argv[1])
with store.atomic():
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_write_that_waits_longer_than_the_timeout_names_the_holder(db):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), "30"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "holding\n"
    r = done(db, "--lock-timeout", "0.2", "add", "--en", "Budget")
    assert r.returncode == 2
    assert re.fullmatch(
        rf"Error: {re.escape(str(db))}: the termbase is busy: '-c {re.escape(str(db))} 30' \(process {holder.pid}, "
        r"writing since [-\d]+ [:\d]+ UTC\) holds its write lock; "
        r"waited 0.2 s; wait longer with --lock-timeout SECONDS \(before the command\) or TERMBASE_LOCK_TIMEOUT\n",
        r.stderr,
    ), r.stderr
    kill(holder)
    assert done(db, "--lock-timeout", "0.2", "add", "--en", "Budget").returncode == 0


def test_init_force_during_an_import_does_not_lose_it_silently(db, big_tmx):
    for when in ("copying", "reading"):
        proc = termbase(db, "import", str(big_tmx))
        if when == "copying":
            wait_for(lambda: writing(db) or proc.poll() is not None, "the import to start copying")
        else:
            time.sleep(2.0)
        r = done(db, "init", "--force", "--empty")
        _out, err = proc.communicate(timeout=600)
        if r.returncode == 2:  # the import got in first: init waited for it, then refused
            assert proc.returncode == 0, err
            assert r.stderr == f"Error: {db} holds {UNITS} translation-memory unit(s); replacing it would lose " \
                               "them; add --yes to go ahead\n"
            assert units(db) == UNITS
            assert done(db, "init", "--force", "--empty", "--yes").returncode == 0
        elif proc.returncode == 0:  # the import opened the termbase only after init replaced it: kept
            assert r.returncode == 0 and units(db) == UNITS, (r.stderr, err)
            assert done(db, "init", "--force", "--empty", "--yes").returncode == 0
        else:  # init replaced the termbase while the import read: the import says so, nothing silent
            assert r.returncode == 0 and proc.returncode == 2, (r.stderr, err)
            assert err == f"Error: {db}: the termbase was replaced or removed (termbase init --force?) while this " \
                          "command ran; nothing written to it\n"
            assert units(db) == 0
        assert integrity(db) == "ok"
