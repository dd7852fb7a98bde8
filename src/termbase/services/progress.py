"""Progress of long jobs (imports and exports of large files, alignment, pre-translation, glossary
updates), for front ends that show it: a service given a :data:`Progress` calls it with what it is
doing, how much it has done and, when known, how much there is. Services never print it themselves.

>>> seen = []
>>> list(counted(range(5), lambda what, done, total: seen.append((what, done, total)), "units", every=2))
[0, 1, 2, 3, 4]
>>> seen
[('units', 0, None), ('units', 2, None), ('units', 4, None), ('units', 5, None)]
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, TypeVar

#: ``progress(what, done, total)``: ``what`` says the job and what is counted (``"big.tmx: units
#: read"``), ``done`` how many so far, ``total`` how many in all (``None`` when not known beforehand).
Progress = Callable[[str, int, "int | None"], None]

T = TypeVar("T")


def counted(items: Iterable[T], progress: Progress | None, what: str, *, total: int | None = None,
            every: int = 500) -> Iterator[T]:
    """``items`` unchanged, reporting to ``progress`` at the start, every ``every`` items and at the end."""
    if progress is None:
        yield from items
        return
    done = 0
    progress(what, 0, total)
    for item in items:
        yield item
        done += 1
        if done % every == 0:
            progress(what, done, total)
    progress(what, done, total)


def report(progress: Progress | None, what: str, done: int, total: int | None = None) -> None:
    """One report, when there is someone to tell."""
    if progress is not None:
        progress(what, done, total)
